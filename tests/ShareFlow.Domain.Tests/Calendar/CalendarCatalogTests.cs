using ShareFlow.Domain.Calendar;
using static ShareFlow.Domain.Tests.Support.Dates;

namespace ShareFlow.Domain.Tests.Calendar;

public class CalendarCatalogTests
{
    /// <summary>An illustrative 2027 notice: 元旦 on Friday 1 January, Spring Festival 6-13 February with make-up Saturday 20 February.</summary>
    private static YearArrangement Notice2027() => YearArrangement.FromDocument(new YearArrangementDocument
    {
        Year = 2027,
        Papers = ["https://www.gov.cn/example-2027"],
        Days =
        [
            new() { Name = "元旦", Date = "2027-01-01", IsOffDay = true },
            .. Enumerable.Range(6, 8).Select(day => new ArrangementDayDocument { Name = "春节", Date = $"2027-02-{day:00}", IsOffDay = true }),
            new() { Name = "春节", Date = "2027-02-20", IsOffDay = false },
        ],
    });

    [Fact]
    public void WithYear_PublishesTheYear_AndLateDecemberBeforeItIsNoLongerProvisional()
    {
        var before = CalendarCatalog.Embedded.National;
        var after = CalendarCatalog.Embedded.WithYear(Notice2027()).National;

        Assert.True(before.GetDay(D("2026-12-28")).Provisional);
        Assert.False(after.GetDay(D("2026-12-28")).Provisional);
        Assert.True(after.IsPublished(2027));
        Assert.False(after.AddWorkingDays(D("2027-02-05"), 1).Provisional);
        Assert.Equal(D("2027-02-15"), after.AddWorkingDays(D("2027-02-05"), 1).Date);
        Assert.Equal(DayKind.MakeupWorkday, after.GetDay(D("2027-02-20")).Kind);
        Assert.Equal(D("2027-02-08"), before.AddWorkingDays(D("2027-02-05"), 1).Date);
    }

    [Fact]
    public void Create_ImportedYear_ReplacesEveryShippedFactOfThatYear()
    {
        // A corrected 2024 with only 元旦: the shipped Spring Festival days of 2024 no longer apply.
        var corrected = YearArrangement.FromDocument(new YearArrangementDocument
        {
            Year = 2024,
            Days = [new() { Name = "元旦", Date = "2024-01-01", IsOffDay = true }],
        });

        var calendar = CalendarCatalog.Create([corrected], []).National;

        Assert.Equal(DayKind.Workday, calendar.GetDay(D("2024-02-12")).Kind);
        Assert.Equal(DayKind.Weekend, calendar.GetDay(D("2024-02-04")).Kind);
        Assert.Equal(DayKind.Holiday, CalendarCatalog.Embedded.National.GetDay(D("2024-02-12")).Kind);
    }
}
