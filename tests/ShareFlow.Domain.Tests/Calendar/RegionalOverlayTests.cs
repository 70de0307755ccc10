using ShareFlow.Domain.Calendar;
using static ShareFlow.Domain.Tests.Support.Dates;

namespace ShareFlow.Domain.Tests.Calendar;

/// <summary>A jurisdiction's local days off (here an illustrative 藏历新年 for a Tibet overlay) apply to that jurisdiction only.</summary>
public class RegionalOverlayTests
{
    private static readonly CalendarCatalog Catalog = CalendarCatalog.Create([], [Overlay("xizang", ("2024-02-19", "藏历新年"), ("2024-02-20", "藏历新年"), ("2024-02-18", "藏历新年"))]);

    private static RegionalOverlay Overlay(string code, params (string Date, string Name)[] days) =>
        RegionalOverlay.FromDocument(code, new RegionalOverlayDocument
        {
            Name = "西藏自治区",
            Days = [.. days.Select(d => new OverlayDayDocument { Date = d.Date, Name = d.Name, NameEn = "Tibetan New Year" })],
        });

    [Fact]
    public void LocalDayOff_IsAHolidayInTheJurisdictionOnly()
    {
        var regional = Catalog.For("xizang").GetDay(D("2024-02-19"));

        Assert.Equal(DayKind.Holiday, regional.Kind);
        Assert.True(regional.Regional);
        Assert.Equal("藏历新年", regional.Festival!.Chinese);
        Assert.Equal(DayKind.Workday, Catalog.National.GetDay(D("2024-02-19")).Kind);
    }

    [Fact]
    public void LocalDayOff_OnANationalMakeupWorkday_IsOff()
    {
        // 2024-02-18 is a national make-up Sunday; the local festival gives it back.
        Assert.False(Catalog.For("xizang").IsWorkday(D("2024-02-18")));
        Assert.True(Catalog.National.IsWorkday(D("2024-02-18")));
    }

    [Fact]
    public void Deadlines_SkipTheLocalDaysOff()
    {
        // Last workday before Spring Festival 2024: nationally the first workday after it is the make-up Sunday 02-18.
        Assert.Equal(D("2024-02-18"), Catalog.National.AddWorkingDays(D("2024-02-09"), 1).Date);
        Assert.Equal(D("2024-02-21"), Catalog.For("xizang").AddWorkingDays(D("2024-02-09"), 1).Date);
        Assert.Equal("xizang", Catalog.For("xizang").Jurisdiction);
    }

    [Fact]
    public void UnknownJurisdiction_IsRejected_NullMeansNational()
    {
        Assert.Throws<UnknownJurisdictionException>(() => Catalog.For("atlantis"));
        Assert.Same(Catalog.National, Catalog.For(null));
        Assert.Same(Catalog.National, Catalog.For(""));
    }

    [Fact]
    public void FromDocument_Violations_AreNamed()
    {
        var exception = Assert.Throws<CalendarImportException>(() => RegionalOverlay.FromDocument("Bad Code", new RegionalOverlayDocument
        {
            Name = "",
            Days = [new OverlayDayDocument { Date = "2024-02-30", Name = "x" }, new OverlayDayDocument { Date = "2300-01-01", Name = "x" }],
        }));

        Assert.Equal(["jurisdiction", "name", "days[0].date", "days[1].date"], exception.Errors.Select(e => e.Field));
    }

    [Fact]
    public void WithOverlay_ReplacesTheJurisdictionsDays()
    {
        var replaced = Catalog.WithOverlay(Overlay("xizang", ("2024-03-01", "雪顿节")));

        Assert.True(replaced.For("xizang").IsWorkday(D("2024-02-19")));
        Assert.False(replaced.For("xizang").IsWorkday(D("2024-03-01")));
        Assert.False(Catalog.For("xizang").IsWorkday(D("2024-02-19")));
    }
}
