namespace ShareFlow.Domain.Calendar;

/// <summary>The number a case is known by, e.g. SQ-20261123-3F2A9C: a prefix, the Asia/Shanghai date it was opened and the id's last six hex digits.</summary>
public static class CaseNumber
{
    /// <summary>The number of the case <paramref name="id"/> opened at <paramref name="now"/>, e.g. <c>Create("SQ", id, now)</c> gives SQ-20261123-3F2A9C.</summary>
    public static string Create(string prefix, Guid id, DateTimeOffset now) =>
        $"{prefix}-{ChinaTime.DateOf(now):yyyyMMdd}-{id.ToString("N")[^6..].ToUpperInvariant()}";
}
