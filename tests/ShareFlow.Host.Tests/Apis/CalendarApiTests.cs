using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

public sealed class CalendarApiTests(ShareFlowHostFactory factory) : IClassFixture<ShareFlowHostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> GetOk(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Asserts a 400 problem-details answer whose <c>errors</c> name exactly <paramref name="parameters"/>.</summary>
    private async Task AssertBadRequest(string url, params string[] parameters)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var named = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(parameters.Order(StringComparer.Ordinal), named);
    }

    [Fact]
    public async Task GetDay_MakeupWorkday_NamesTheFestival()
    {
        var day = await GetOk("/api/calendar/days/2024-02-04");

        Assert.Equal("2024-02-04", day.GetProperty("date").GetString());
        Assert.Equal("makeup-workday", day.GetProperty("kind").GetString());
        Assert.True(day.GetProperty("isWorkday").GetBoolean());
        Assert.Equal("春节", day.GetProperty("name").GetString());
        Assert.False(day.GetProperty("provisional").GetBoolean());
    }

    [Theory]
    [InlineData("2024-10-01", "holiday", false, false)]
    [InlineData("2024-03-09", "weekend", false, false)]
    [InlineData("2024-05-08", "workday", true, false)]
    [InlineData("2027-05-03", "workday", true, true)]
    public async Task GetDay_EveryKind(string date, string kind, bool isWorkday, bool provisional)
    {
        var day = await GetOk($"/api/calendar/days/{date}");

        Assert.Equal(kind, day.GetProperty("kind").GetString());
        Assert.Equal(isWorkday, day.GetProperty("isWorkday").GetBoolean());
        Assert.Equal(provisional, day.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task GetDeadline_WorkingDays_ReturnsTheDateAndTheInstant()
    {
        // Applied on the last workday before National Day 2024, a 5-working-day answer is due on the make-up Saturday 10-12.
        var deadline = await GetOk("/api/calendar/deadline?start=2024-09-30&workingDays=5");

        Assert.Equal("2024-09-30", deadline.GetProperty("start").GetString());
        Assert.Equal("2024-10-12", deadline.GetProperty("deadline").GetString());
        Assert.Equal("2024-10-13T00:00:00+08:00", deadline.GetProperty("dueAt").GetString());
        Assert.False(deadline.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task GetDeadline_CalendarDays_MovesOffTheHoliday()
    {
        var deadline = await GetOk("/api/calendar/deadline?start=2024-09-21&calendarDays=10");

        Assert.Equal("2024-10-08", deadline.GetProperty("deadline").GetString());
        Assert.Equal("calendarDays", deadline.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task GetDeadline_IntoAnUnpublishedYear_IsProvisional()
    {
        var deadline = await GetOk("/api/calendar/deadline?start=2026-12-20&workingDays=15");

        Assert.True(deadline.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task GetHolidays_ListsHolidaysMakeupDaysAndBreaks()
    {
        var year = await GetOk("/api/calendar/years/2024/holidays");

        Assert.False(year.GetProperty("provisional").GetBoolean());
        var makeup = year.GetProperty("makeupWorkdays").EnumerateArray().Select(d => d.GetProperty("date").GetString()!).ToArray();
        Assert.Equal(["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"], makeup);
        var spring = year.GetProperty("breaks").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "春节");
        Assert.Equal("Spring Festival", spring.GetProperty("nameEn").GetString());
        Assert.Equal(8, spring.GetProperty("daysOff").GetInt32());
        Assert.All(year.GetProperty("holidays").EnumerateArray(), d => Assert.Equal("holiday", d.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task GetHolidays_UnpublishedYear_IsProvisional()
    {
        var year = await GetOk("/api/calendar/years/2027/holidays");

        Assert.True(year.GetProperty("provisional").GetBoolean());
        Assert.Equal(5, year.GetProperty("holidays").GetArrayLength());
    }

    [Fact]
    public async Task GetWorkingDays_CountsAfterFromThroughTo()
    {
        var count = await GetOk("/api/calendar/working-days?from=2024-09-30&to=2024-10-12");

        Assert.Equal(5, count.GetProperty("workingDays").GetInt32());
    }

    [Theory]
    [InlineData("/api/calendar/days/2024-13-01", "date")]
    [InlineData("/api/calendar/days/2023-02-29", "date")] // not a leap year
    [InlineData("/api/calendar/days/20240101", "date")]
    [InlineData("/api/calendar/days/1948-12-31", "date")]
    [InlineData("/api/calendar/days/2024-01-01?jurisdiction=atlantis", "jurisdiction")]
    [InlineData("/api/calendar/deadline?start=2024-02-30&workingDays=5", "start")]
    [InlineData("/api/calendar/deadline?workingDays=5", "start")]
    [InlineData("/api/calendar/deadline?start=2024-02-01&workingDays=-1", "workingDays")]
    [InlineData("/api/calendar/deadline?start=2024-02-01&workingDays=3651", "workingDays")]
    [InlineData("/api/calendar/deadline?start=2024-02-01&workingDays=99999999999", "workingDays")]
    [InlineData("/api/calendar/deadline?start=2024-02-01&workingDays=ten", "workingDays")]
    [InlineData("/api/calendar/deadline?start=2024-02-01&calendarDays=-3", "calendarDays")]
    [InlineData("/api/calendar/deadline?start=2024-02-01", "workingDays")]
    [InlineData("/api/calendar/deadline?start=2024-02-01&workingDays=5&calendarDays=5", "workingDays", "calendarDays")]
    [InlineData("/api/calendar/deadline?start=bad&workingDays=-1", "start", "workingDays")]
    [InlineData("/api/calendar/years/1948/holidays", "year")]
    [InlineData("/api/calendar/years/2201/holidays", "year")]
    [InlineData("/api/calendar/years/abcd/holidays", "year")]
    [InlineData("/api/calendar/working-days?from=2024-01-01", "to")]
    public async Task BadInput_Is400NamingTheParameter(string url, params string[] parameters)
    {
        await AssertBadRequest(url, parameters);
    }

    [Fact]
    public async Task LongestPeriod_FromTheLastSupportedDay_IsNot500()
    {
        var deadline = await GetOk("/api/calendar/deadline?start=2200-12-31&workingDays=3650");

        Assert.True(deadline.GetProperty("provisional").GetBoolean());
    }
}
