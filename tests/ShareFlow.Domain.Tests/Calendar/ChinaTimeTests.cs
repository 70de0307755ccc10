using ShareFlow.Domain.Calendar;
using static ShareFlow.Domain.Tests.Support.Dates;

namespace ShareFlow.Domain.Tests.Calendar;

public class ChinaTimeTests
{
    [Fact]
    public void EndOfDay_IsMidnightOfTheNextDayAtUtcPlus8()
    {
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), ChinaTime.EndOfDay(D("2024-12-31")));
    }

    [Fact]
    public void EndOfDay_DuringTheSummerTimeOf1986To1991_UsesUtcPlus9()
    {
        // China kept summer time from 1986 to 1991; on 1988-07-01 clocks were at UTC+9.
        Assert.Equal(TimeSpan.FromHours(9), ChinaTime.EndOfDay(D("1988-06-30")).Offset);
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.EndOfDay(D("1988-12-31")).Offset);
    }

    [Fact]
    public void DateOf_ConvertsAnInstantToTheShanghaiDate()
    {
        // 16:30 UTC on 21 November is already 00:30 on 22 November in Shanghai.
        Assert.Equal(D("2026-11-22"), ChinaTime.DateOf(new DateTimeOffset(2026, 11, 21, 16, 30, 0, TimeSpan.Zero)));
        Assert.Equal(D("2026-11-21"), ChinaTime.DateOf(new DateTimeOffset(2026, 11, 21, 15, 59, 0, TimeSpan.Zero)));
    }
}
