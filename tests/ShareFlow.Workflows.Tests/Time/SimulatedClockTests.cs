using ShareFlow.Workflows.Time;

namespace ShareFlow.Workflows.Tests.Time;

public class SimulatedClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void GetUtcNow_StandsStillUntilAdvanced()
    {
        var clock = new SimulatedClock(Start);

        Assert.Equal(Start, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(Start.AddDays(15), clock.GetUtcNow());
    }

    [Fact]
    public void AdvanceTo_AnEarlierInstant_IsRefused()
    {
        var clock = new SimulatedClock(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceTo(Start.AddMinutes(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public void LocalTimeZone_IsShanghai()
    {
        Assert.Equal(TimeSpan.FromHours(8), new SimulatedClock(Start).GetLocalNow().Offset);
    }
}
