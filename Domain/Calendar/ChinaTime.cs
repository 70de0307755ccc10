namespace ShareFlow.Domain.Calendar;

/// <summary>
/// Deadlines are kept in Asia/Shanghai time (Civil Code art. 203: a period ends at 24:00 of its last day).
/// China has kept UTC+8 without daylight saving since 1992; the zone database's 1986-1991 summer time is honoured.
/// </summary>
public static class ChinaTime
{
    private static readonly TimeSpan StandardOffset = TimeSpan.FromHours(8);
    private static readonly DateOnly FirstDayWithoutSummerTime = new(1992, 1, 1);

    /// <summary>The Asia/Shanghai zone; a fixed UTC+8 zone where the host has no time-zone database.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The instant 24:00 of <paramref name="date"/> in Asia/Shanghai, i.e. the first instant of the next day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => StartOfDay(date.AddDays(1));

    /// <summary>The instant 00:00 of <paramref name="date"/> in Asia/Shanghai.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var offset = date >= FirstDayWithoutSummerTime ? StandardOffset : Zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset);
    }

    /// <summary>The Asia/Shanghai date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Today's date in Asia/Shanghai by the given clock.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", StandardOffset, "China Standard Time", "China Standard Time");
        }
    }
}
