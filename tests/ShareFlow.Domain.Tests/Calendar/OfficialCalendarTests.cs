using ShareFlow.Domain.Calendar;
using static ShareFlow.Domain.Tests.Support.Dates;

namespace ShareFlow.Domain.Tests.Calendar;

/// <summary>
/// The counting rules, on named dates of the 2024/2025 notices:
/// 春节 2024: off 02-10..02-17, make-up Sundays 02-04 and 02-18; 国庆节 2024: off 10-01..10-07, make-up 09-29 (Sun) and 10-12 (Sat);
/// 元旦 2025: off 01-01 only.
/// </summary>
public class OfficialCalendarTests
{
    private static readonly OfficialCalendar Calendar = CalendarCatalog.Embedded.National;

    [Theory]
    [InlineData("2024-10-03", 1, "2024-10-08")] // starts on a holiday (国庆节): counting begins after the break
    [InlineData("2024-03-09", 1, "2024-03-11")] // starts on a plain Saturday
    [InlineData("2024-02-18", 1, "2024-02-19")] // starts on a make-up Sunday: the start day is not counted even though it is worked
    [InlineData("2024-10-11", 1, "2024-10-12")] // the next day is a make-up Saturday: it counts as a working day
    [InlineData("2024-02-09", 1, "2024-02-18")] // last workday before Spring Festival: the first workday after it is the make-up Sunday
    [InlineData("2024-02-09", 15, "2024-03-07")]
    [InlineData("2024-09-30", 1, "2024-10-08")] // last workday before National Day
    [InlineData("2024-09-30", 5, "2024-10-12")] // ... and the fifth lands on the make-up Saturday
    [InlineData("2024-12-27", 5, "2025-01-06")] // across the year boundary and 元旦 2025
    [InlineData("2024-05-06", 10, "2024-05-17")] // the make-up Saturday 2024-05-11 (劳动节) is counted
    public void AddWorkingDays_CountsOnlyWorkdaysAfterTheStart(string start, int days, string expected)
    {
        var deadline = Calendar.AddWorkingDays(D(start), days);

        Assert.Equal(D(expected), deadline.Date);
        Assert.Equal(D(start), deadline.Start);
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void AddWorkingDays_DueAtIs24HundredShanghaiTimeOfTheDeadline()
    {
        var deadline = Calendar.AddWorkingDays(D("2024-09-30"), 1);

        Assert.Equal(new DateTimeOffset(2024, 10, 9, 0, 0, 0, TimeSpan.FromHours(8)), deadline.DueAt);
        Assert.Equal(TimeSpan.FromHours(8), deadline.DueAt.Offset);
    }

    [Theory]
    [InlineData("2024-10-03")] // a holiday
    [InlineData("2024-03-09")] // a weekend
    [InlineData("2024-05-08")] // a workday
    public void AddWorkingDays_Zero_IsTheEndOfTheStartDate(string start)
    {
        var deadline = Calendar.AddWorkingDays(D(start), 0);

        Assert.Equal(D(start), deadline.Date);
        Assert.Equal(ChinaTime.EndOfDay(D(start)), deadline.DueAt);
    }

    [Fact]
    public void AddWorkingDays_IntoAYearWithoutANotice_IsProvisional()
    {
        // 2027's notice is not published: a 10-working-day period from mid-December 2026 ends in 2027.
        var deadline = Calendar.AddWorkingDays(D("2026-12-20"), 10);

        Assert.True(deadline.Provisional);
        Assert.Equal(2027, deadline.Date.Year);
    }

    [Fact]
    public void AddWorkingDays_InsideAProvisionalYear_SkipsTheFixedDateHolidays()
    {
        // 2027-10-01, a Friday, is a fixed-date holiday of a year whose notice is not yet published.
        var deadline = Calendar.AddWorkingDays(D("2027-09-30"), 1);

        Assert.Equal(D("2027-10-04"), deadline.Date);
        Assert.True(deadline.Provisional);
        Assert.Equal(DayKind.Holiday, Calendar.GetDay(D("2027-01-01")).Kind);
        Assert.True(Calendar.GetDay(D("2027-01-01")).Provisional);
    }

    [Fact]
    public void LateDecemberBeforeAnUnpublishedNotice_IsProvisional()
    {
        // The 2027 notice may still rearrange the last days of 2026, as the 2019 notice did for 2018-12-29..31.
        Assert.False(Calendar.GetDay(D("2026-12-24")).Provisional);
        Assert.True(Calendar.GetDay(D("2026-12-25")).Provisional);
        Assert.False(Calendar.AddWorkingDays(D("2026-11-21"), 15).Provisional); // due 2026-12-11
        Assert.True(Calendar.AddWorkingDays(D("2026-12-10"), 15).Provisional); // due 2026-12-31
    }

    [Theory]
    [InlineData("2024-09-21", 10, "2024-10-08")] // last day 10-01 is a statutory holiday: moves to the first workday after the break
    [InlineData("2024-09-25", 10, "2024-10-08")] // last day 10-05 is a weekend day inside the break
    [InlineData("2024-09-26", 3, "2024-09-29")] // last day is a make-up Sunday: a working day, so it stays
    [InlineData("2024-02-29", 2, "2024-03-04")] // last day is a plain Saturday (a rest day): moves to Monday
    [InlineData("2024-05-06", 10, "2024-05-16")] // last day is a workday: unchanged
    [InlineData("2024-12-22", 10, "2025-01-02")] // last day is 元旦 2025
    public void AddCalendarDays_LastDayOnARestDay_MovesToTheNextWorkday(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddCalendarDays(D(start), days).Date);
    }

    [Fact]
    public void AddCalendarDays_Zero_IsTheStartDate()
    {
        Assert.Equal(D("2024-10-03"), Calendar.AddCalendarDays(D("2024-10-03"), 0).Date);
    }

    [Fact]
    public void WorkingDaysBetween_InvertsAddWorkingDays()
    {
        var random = new Random(20261121);
        var first = D("2015-01-01").DayNumber;
        for (var i = 0; i < 2000; i++)
        {
            var start = DateOnly.FromDayNumber(first + random.Next(0, 12 * 365));
            var days = random.Next(1, 40);
            var deadline = Calendar.AddWorkingDays(start, days);

            Assert.Equal(days, Calendar.WorkingDaysBetween(start, deadline.Date));
            Assert.True(Calendar.IsWorkday(deadline.Date));
            Assert.Equal(days - 1, Calendar.WorkingDaysBetween(start, deadline.Date.AddDays(-1)));
        }
    }

    [Fact]
    public void WorkingDaysBetween_CountsAfterFromUpToAndIncludingTo()
    {
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2024-10-01"), D("2024-10-07")));
        Assert.Equal(1, Calendar.WorkingDaysBetween(D("2024-10-01"), D("2024-10-08")));
        Assert.Equal(-1, Calendar.WorkingDaysBetween(D("2024-10-08"), D("2024-10-01")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2024-10-08"), D("2024-10-08")));
    }

    [Theory]
    [InlineData("2024-10-01", "2024-10-08")]
    [InlineData("2024-10-12", "2024-10-12")] // a make-up Saturday is a workday
    [InlineData("2024-05-08", "2024-05-08")]
    [InlineData("2024-02-10", "2024-02-18")] // Spring Festival break, then the make-up Sunday
    public void NextWorkdayOnOrAfter_SkipsRestDaysOnly(string date, string expected)
    {
        Assert.Equal(D(expected), Calendar.NextWorkdayOnOrAfter(D(date)));
    }

    [Fact]
    public void GetDay_ClassifiesEveryKind()
    {
        Assert.Equal(DayKind.Workday, Calendar.GetDay(D("2024-05-08")).Kind);
        Assert.Equal(DayKind.Weekend, Calendar.GetDay(D("2024-03-09")).Kind);
        var holiday = Calendar.GetDay(D("2024-02-12"));
        Assert.Equal(DayKind.Holiday, holiday.Kind);
        Assert.Equal("春节", holiday.Festival!.Chinese);
        Assert.Equal("Spring Festival", holiday.Festival.English);
        var makeup = Calendar.GetDay(D("2024-02-04"));
        Assert.Equal(DayKind.MakeupWorkday, makeup.Kind);
        Assert.True(makeup.IsWorkday);
        Assert.Equal("春节", makeup.Festival!.Chinese);
        Assert.Null(Calendar.GetDay(D("2024-05-08")).Festival);
    }

    [Fact]
    public void GetHolidays_GroupsBreaksWithTheirMakeupWorkdays()
    {
        var year = Calendar.GetHolidays(2024);

        Assert.False(year.Provisional);
        var spring = Assert.Single(year.Breaks, b => b.Festival.Chinese == "春节");
        Assert.Equal((D("2024-02-10"), D("2024-02-17"), 8), (spring.FirstDay, spring.LastDay, spring.DaysOff));
        Assert.Equal([D("2024-02-04"), D("2024-02-18")], spring.MakeupWorkdays);
        var national = Assert.Single(year.Breaks, b => b.Festival.Chinese == "国庆节");
        Assert.Equal([D("2024-09-29"), D("2024-10-12")], national.MakeupWorkdays);
        Assert.Equal(7, year.Breaks.Count);
        Assert.DoesNotContain(year.Days, d => d.Kind == DayKind.Weekend);
    }

    [Fact]
    public void GetHolidays_TwoBreaksOfOneFestivalInAYear_AreKeptApart()
    {
        // 2018: 元旦 on 1 January, and 元旦 2019 from 30 December with the make-up Saturday 29 December.
        var newYears = Calendar.GetHolidays(2018).Breaks.Where(b => b.Festival.Chinese == "元旦").ToList();

        Assert.Equal(2, newYears.Count);
        Assert.Equal(D("2018-01-01"), newYears[0].FirstDay);
        Assert.Empty(newYears[0].MakeupWorkdays);
        Assert.Equal((D("2018-12-30"), D("2018-12-31")), (newYears[1].FirstDay, newYears[1].LastDay));
        Assert.Equal([D("2018-12-29")], newYears[1].MakeupWorkdays);
    }

    [Fact]
    public void GetHolidays_ProvisionalYear_ListsTheFixedDateHolidays()
    {
        var year = Calendar.GetHolidays(2030);

        Assert.True(year.Provisional);
        Assert.Equal([D("2030-01-01"), D("2030-05-01"), D("2030-10-01"), D("2030-10-02"), D("2030-10-03")], year.Days.Select(d => d.Date));
        Assert.All(year.Days, d => Assert.True(d.Provisional));
    }

    [Fact]
    public void Queries_OutsideTheSupportedRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("date", () => Calendar.GetDay(D("1948-12-31")));
        Assert.Throws<ArgumentOutOfRangeException>("start", () => Calendar.AddWorkingDays(D("2201-01-01"), 1));
        Assert.Throws<ArgumentOutOfRangeException>("workingDays", () => Calendar.AddWorkingDays(D("2024-01-01"), -1));
        Assert.Throws<ArgumentOutOfRangeException>("year", () => Calendar.GetHolidays(2201));
    }

    [Fact]
    public void LongestPeriod_FromTheLastSupportedDay_StaysInsideTheIndex()
    {
        var deadline = Calendar.AddWorkingDays(D("2200-12-31"), 3650);

        Assert.True(deadline.Date.Year > 2200);
        Assert.True(deadline.Provisional);
        Assert.True(Calendar.AddCalendarDays(D("2200-12-31"), 3650).Provisional);
    }
}
