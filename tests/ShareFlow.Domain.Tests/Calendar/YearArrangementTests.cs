using ShareFlow.Domain.Calendar;
using static ShareFlow.Domain.Tests.Support.Dates;

namespace ShareFlow.Domain.Tests.Calendar;

public class YearArrangementTests
{
    private static YearArrangementDocument Document(int year, params (string Date, bool Off, string Name)[] days) => new()
    {
        Year = year,
        Papers = ["https://www.gov.cn/zhengce/content/example.htm"],
        Days = [.. days.Select(d => new ArrangementDayDocument { Date = d.Date, IsOffDay = d.Off, Name = d.Name })],
    };

    private static CalendarImportException Rejected(YearArrangementDocument document, int? asYear = null) =>
        Assert.Throws<CalendarImportException>(() => YearArrangement.FromDocument(document, asYear));

    [Fact]
    public void FromDocument_ValidNotice_IsAcceptedInDateOrder()
    {
        var arrangement = YearArrangement.FromDocument(Document(2027, ("2027-02-07", true, "春节"), ("2027-01-01", true, "元旦"), ("2027-02-20", false, "春节")));

        Assert.Equal(2027, arrangement.Year);
        Assert.Equal([D("2027-01-01"), D("2027-02-07"), D("2027-02-20")], arrangement.Days.Select(d => d.Date));
        Assert.Equal("Spring Festival", arrangement.Days[2].Festival.English);
        Assert.True(arrangement.IsComplete);
    }

    [Fact]
    public void FromDocument_DateOutsideTheYear_IsNamed()
    {
        var error = Assert.Single(Rejected(Document(2027, ("2026-12-31", true, "元旦"))).Errors);

        Assert.Equal("days[0].date", error.Field);
        Assert.Contains("outside the year 2027", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDocument_DateBothOffAndWorking_IsNamed()
    {
        var error = Assert.Single(Rejected(Document(2027, ("2027-02-06", true, "春节"), ("2027-02-06", false, "春节"))).Errors);

        Assert.Equal("days[1].date", error.Field);
        Assert.Contains("both as a day off and as a working day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDocument_MakeupDayOnAWeekday_IsNamed()
    {
        // 2027-02-10 is a Wednesday.
        var error = Assert.Single(Rejected(Document(2027, ("2027-02-10", false, "春节"))).Errors);

        Assert.Equal("days[0].date", error.Field);
        Assert.Contains("Saturday or a Sunday", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDocument_HolidayListedTwice_IsNamed()
    {
        var error = Assert.Single(Rejected(Document(2027, ("2027-10-01", true, "国庆节"), ("2027-10-02", true, "国庆节"), ("2027-10-01", true, "国庆节"))).Errors);

        Assert.Equal("days[2].date", error.Field);
        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDocument_EveryViolation_IsReportedAtOnce()
    {
        var document = Document(2027, ("2027-13-01", true, "元旦"), ("2026-10-01", true, "国庆节"), ("2027-02-10", false, "春节"), ("2027-05-01", true, " "));
        var fields = Rejected(document).Errors.Select(e => e.Field).ToList();

        Assert.Equal(["days[0].date", "days[1].date", "days[2].date", "days[3].name"], fields);
    }

    [Theory]
    [InlineData(null, "The year is missing.")]
    [InlineData(1948, "outside 1949-2200")]
    [InlineData(2201, "outside 1949-2200")]
    public void FromDocument_BadYear_IsNamed(int? year, string message)
    {
        var error = Assert.Single(Rejected(new YearArrangementDocument { Year = year, Days = [] }).Errors);

        Assert.Equal("year", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDocument_ImportedAsAnotherYear_IsRejected()
    {
        var error = Assert.Single(Rejected(Document(2027), asYear: 2028).Errors);

        Assert.Equal("year", error.Field);
    }

    [Fact]
    public void FromDocument_MissingFields_AreNamed()
    {
        var document = new YearArrangementDocument { Year = 2027, Days = [new ArrangementDayDocument { Date = "2027-01-01" }, null] };
        var fields = Rejected(document).Errors.Select(e => e.Field).ToList();

        Assert.Equal(["days[0].name", "days[0].isOffDay", "days[1]"], fields);
    }

    [Fact]
    public void ParseDocument_ReadsTheReferenceShape()
    {
        const string json = """
            {
              "$schema": "https://example.org/schema.json",
              "year": 2027,
              "papers": ["https://www.gov.cn/zhengce/content/2026.htm"],
              "days": [ { "name": "元旦", "date": "2027-01-01", "isOffDay": true } ]
            }
            """;

        var arrangement = YearArrangement.FromDocument(YearArrangement.ParseDocument(json));

        Assert.Equal(D("2027-01-01"), Assert.Single(arrangement.Days).Date);
        Assert.Single(arrangement.Papers);
    }

    [Theory]
    [InlineData("{ \"year\": 2027, ")]
    [InlineData("{ \"year\": \"twenty\" }")]
    [InlineData("[]")]
    public void ParseDocument_NotJsonOfTheShape_IsRejectedCleanly(string json)
    {
        var error = Assert.Single(Assert.Throws<CalendarImportException>(() => YearArrangement.ParseDocument(json)).Errors);

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDocument_RoundTrips()
    {
        var arrangement = YearArrangement.FromDocument(Document(2027, ("2027-01-01", true, "元旦"), ("2027-02-20", false, "春节")));

        var again = YearArrangement.FromDocument(arrangement.ToDocument());

        Assert.Equal(arrangement.Days, again.Days);
        Assert.Equal(arrangement.Papers, again.Papers);
    }
}
