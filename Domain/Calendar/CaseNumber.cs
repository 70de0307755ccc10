using System.Globalization;

namespace ShareFlow.Domain.Calendar;

/// <summary>
/// The number a case is known by, e.g. SQ-20261123-0001: the kind's prefix, the Asia/Shanghai day it was opened and its
/// place among that day's cases of the kind (four digits, more past 9999).
/// </summary>
public static class CaseNumber
{
    /// <summary>The number of the <paramref name="sequence"/>th case of <paramref name="prefix"/> opened on <paramref name="day"/>: <c>Create("SQ", 2026-11-23, 1)</c> gives SQ-20261123-0001.</summary>
    public static string Create(string prefix, DateOnly day, int sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{day:yyyyMMdd}-{sequence:D4}");
    }
}
