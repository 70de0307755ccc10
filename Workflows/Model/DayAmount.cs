using System.Globalization;
using System.Text.RegularExpressions;

namespace ShareFlow.Workflows.Model;

/// <summary>
/// A number of days written either as a whole number (<c>15</c>) or as the name of a policy-profile parameter
/// (<c>sharing.answerDays</c>) resolved when the process runs.
/// </summary>
public sealed partial record DayAmount
{
    private DayAmount(int? value, string? parameter)
    {
        Value = value;
        Parameter = parameter;
    }

    /// <summary>The fixed number of days, or null when the amount is a profile parameter.</summary>
    public int? Value { get; }

    /// <summary>The policy-profile parameter name, or null when the amount is fixed.</summary>
    public string? Parameter { get; }

    public bool IsParameter => Parameter is not null;

    public static DayAmount Fixed(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return new DayAmount(days, null);
    }

    public static DayAmount FromParameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsParameterName(name)
            ? new DayAmount(null, name)
            : throw new ArgumentException($"'{name}' is not a profile parameter name (e.g. sharing.answerDays).", nameof(name));
    }

    /// <summary>Reads a non-negative whole number or a parameter name (<c>^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$</c>).</summary>
    public static bool TryParse(string? text, out DayAmount? amount)
    {
        amount = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Length <= 9 && text.All(char.IsAsciiDigit))
        {
            amount = new DayAmount(int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture), null);
            return true;
        }

        if (IsParameterName(text))
        {
            amount = new DayAmount(null, text);
            return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> has the shape of a policy-profile parameter name.</summary>
    public static bool IsParameterName(string text) => ParameterNamePattern().IsMatch(text);

    public override string ToString() => Parameter ?? Value!.Value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ParameterNamePattern();
}
