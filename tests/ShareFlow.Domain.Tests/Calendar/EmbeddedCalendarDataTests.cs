using System.Text.Json;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Tests.Support;
using static ShareFlow.Domain.Tests.Support.Dates;

namespace ShareFlow.Domain.Tests.Calendar;

public class EmbeddedCalendarDataTests
{
    /// <summary>
    /// Rebuilds every date's working/off flag from the reference files, independently of ShareFlow's loader
    /// (merge all files by date; a listed date is off or working as listed; any other date follows the normal week),
    /// and compares the embedded calendar with it date by date for every year the reference covers.
    /// </summary>
    [Fact]
    public void EveryDate_MatchesTheReferenceNotices()
    {
        var listed = new Dictionary<DateOnly, bool>();
        var years = new List<int>();
        foreach (var file in Directory.GetFiles(SharedReference.HolidayDirectory, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var days = document.RootElement.GetProperty("days");
            if (days.GetArrayLength() > 0)
            {
                years.Add(document.RootElement.GetProperty("year").GetInt32());
            }

            foreach (var day in days.EnumerateArray())
            {
                listed[D(day.GetProperty("date").GetString()!)] = day.GetProperty("isOffDay").GetBoolean();
            }
        }

        Assert.True(years.Count >= 20, "the reference should hold at least twenty published years");
        var calendar = CalendarCatalog.Embedded.National;
        var mismatches = new List<string>();
        var compared = 0;
        for (var date = new DateOnly(years.Min() - 1, 12, 1); date <= new DateOnly(years.Max(), 12, 31); date = date.AddDays(1))
        {
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var expectedWorkday = listed.TryGetValue(date, out var off) ? !off : !weekend;
            var expectedKind = listed.TryGetValue(date, out off)
                ? off ? DayKind.Holiday : weekend ? DayKind.MakeupWorkday : DayKind.Workday
                : weekend ? DayKind.Weekend : DayKind.Workday;
            var day = calendar.GetDay(date);
            compared++;
            if (day.IsWorkday != expectedWorkday || day.Kind != expectedKind)
            {
                mismatches.Add($"{date:yyyy-MM-dd}: expected {expectedKind}, embedded {day.Kind}");
            }
        }

        Assert.Empty(mismatches);
        Assert.True(compared > 7000);
    }

    [Fact]
    public void PublishedYears_AreThoseWithANotice_AndThePlaceholderIsNot()
    {
        var calendar = CalendarCatalog.Embedded.National;
        for (var year = 2007; year <= 2026; year++)
        {
            Assert.True(calendar.IsPublished(year), $"{year} has a notice in the reference data");
        }

        // 2027.json is an empty placeholder; 2006 only has two December days set by the 2007 notice.
        Assert.False(calendar.IsPublished(2027));
        Assert.False(calendar.IsPublished(2006));
    }

    [Fact]
    public void Festivals_HaveChineseAndEnglishNames_ColloquialFormsNormalised()
    {
        var calendar = CalendarCatalog.Embedded.National;

        // The 2008 notice writes Labour Day as “五一”.
        var labourDay2008 = calendar.GetDay(D("2008-05-01"));
        Assert.Equal("劳动节", labourDay2008.Festival!.Chinese);
        Assert.Equal("Labour Day", labourDay2008.Festival.English);

        var victoryDay = calendar.GetDay(D("2015-09-03"));
        Assert.Equal(DayKind.Holiday, victoryDay.Kind);
        Assert.StartsWith("70th Anniversary", victoryDay.Festival!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void DecemberDaysSetByTheNextNotice_BelongToTheirOwnYear()
    {
        // The 2019 notice made 2018-12-29 a make-up Saturday and 2018-12-30/31 days off for 元旦.
        var calendar = CalendarCatalog.Embedded.National;
        Assert.Equal(DayKind.MakeupWorkday, calendar.GetDay(D("2018-12-29")).Kind);
        Assert.Equal(DayKind.Holiday, calendar.GetDay(D("2018-12-31")).Kind);
        Assert.Equal("元旦", calendar.GetDay(D("2018-12-31")).Festival!.Chinese);
    }

    [Fact]
    public void WeekdayListedAsWorking_IsAPlainWorkday()
    {
        // The second 2020 notice lists Monday 2020-02-03 as the day work resumed; it is not a make-up day.
        var day = CalendarCatalog.Embedded.National.GetDay(D("2020-02-03"));
        Assert.Equal(DayKind.Workday, day.Kind);
        Assert.Equal(DayKind.Holiday, CalendarCatalog.Embedded.National.GetDay(D("2020-02-02")).Kind);
    }
}
