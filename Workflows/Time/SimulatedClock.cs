namespace ShareFlow.Workflows.Time;

/// <summary>
/// A clock that stands still until advanced: the training and demo mode (<c>Clock:Mode=Simulated</c>) and the tests use it
/// in place of <see cref="TimeProvider.System"/>. Thread-safe.
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => Domain.Calendar.ChinaTime.Zone;

    /// <summary>Moves the clock forward; it never goes back.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        return new DateTimeOffset(Interlocked.Add(ref _utcTicks, by.Ticks), TimeSpan.Zero);
    }

    /// <summary>Sets the clock to <paramref name="instant"/>, which must not be earlier than now.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var now = GetUtcNow();
        if (instant < now)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, $"The simulated clock is at {now:O} and cannot go back.");
        }

        Advance(instant - now);
    }
}
