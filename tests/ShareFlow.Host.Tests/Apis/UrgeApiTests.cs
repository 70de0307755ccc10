using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>催办 over HTTP: who may urge, whom it tells, and what is refused. The clock stands still at Wednesday 2026-09-23 09:00.</summary>
public sealed class UrgeApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    [Fact]
    public async Task Urge_ByTheRequester_TellsTheTasksCandidates_AndIsInTheHistory()
    {
        var caseId = await factory.ApplyAsync("clerk.hrss");
        var clerk = await factory.SignInAsync("clerk.hrss");

        var response = await clerk.PostJsonAsync($"/api/cases/{caseId}/urge", new { note = "群众急需办理就业认定" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-09-23", result.GetProperty("workingDay").GetString());
        Assert.Equal("2026-09-24", result.GetProperty("nextAllowed").GetString());
        var reviewer = await factory.SignInAsync("reviewer.psb");
        var urge = Assert.Single(await reviewer.NotificationsAsync(caseId), n => n.GetProperty("kind").GetString() == "urge");
        Assert.Contains("群众急需办理就业认定", urge.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("2026-10-21", urge.GetProperty("body").GetString(), StringComparison.Ordinal);
        var urged = (await clerk.HistoryAsync(caseId)).EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "case-urged");
        Assert.Equal("clerk.hrss", urged.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Urge_OfAClaimedTask_TellsItsHolderOnly()
    {
        var caseId = await factory.ApplyAsync("clerk.hrss");
        var holder = await factory.ColleagueAsync("urged1.psb");
        var taskId = await holder.TaskIdAsync(caseId);
        await holder.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null);

        var response = await (await factory.SignInAsync("clerk.hrss")).PostJsonAsync($"/api/cases/{caseId}/urge", new { taskId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await holder.NotificationsAsync(caseId), n => n.GetProperty("kind").GetString() == "urge");
        Assert.DoesNotContain(await (await factory.SignInAsync("reviewer.psb")).NotificationsAsync(caseId), n => n.GetProperty("kind").GetString() == "urge");
    }

    [Fact]
    public async Task Urge_ByTheOffice_IsAllowed_AndCountsTowardsTheSameDailyLimit()
    {
        var caseId = await factory.ApplyAsync("clerk.hrss");
        var office = await factory.SignInAsync("office");

        Assert.Equal(HttpStatusCode.OK, (await office.PostJsonAsync($"/api/cases/{caseId}/urge", new { note = "请按期答复" })).StatusCode);
        var again = await (await factory.SignInAsync("clerk.hrss")).PostJsonAsync($"/api/cases/{caseId}/urge", new { });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("2026-09-24", await again.DetailAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Urge_ByTheProvidingDepartment_Is403_AndStoresNothing()
    {
        var caseId = await factory.ApplyAsync("clerk.hrss");
        var provider = await factory.SignInAsync("reviewer.psb");

        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostJsonAsync($"/api/cases/{caseId}/urge", new { })).StatusCode);
        Assert.DoesNotContain((await provider.HistoryAsync(caseId)).EnumerateArray(), h => h.GetProperty("kind").GetString() == "case-urged");
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignInAsync("clerk.hrss")).PostJsonAsync($"/api/cases/{caseId}/urge", new { })).StatusCode);
    }

    [Fact]
    public async Task Urge_ByAnotherDepartment_OrOfAnUnknownCase_Is404()
    {
        var caseId = await factory.ApplyAsync("clerk.hrss");
        var outsider = await factory.SignInAsync("clerk.mca");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync($"/api/cases/{caseId}/urge", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync($"/api/cases/{Guid.NewGuid()}/urge", new { })).StatusCode);
    }

    [Fact]
    public async Task Urge_ATaskNotOfTheCase_Is400NamingTaskId_AndUsesUpNothing()
    {
        var caseId = await factory.ApplyAsync("clerk.hrss");
        var clerk = await factory.SignInAsync("clerk.hrss");

        var response = await clerk.PostJsonAsync($"/api/cases/{caseId}/urge", new { taskId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("taskId", await response.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostJsonAsync($"/api/cases/{caseId}/urge", new { })).StatusCode);
    }

    [Fact]
    public async Task Urge_ACaseWaitingForNobodyElse_Is409()
    {
        var caseId = await factory.ApplyAsync("clerk.hrss");
        var reviewer = await factory.SignInAsync("reviewer.psb");
        await reviewer.PostJsonAsync($"/api/tasks/{await reviewer.TaskIdAsync(caseId)}/complete", new { outcome = "approve", opinion = "同意" });

        var response = await (await factory.SignInAsync("clerk.hrss")).PostJsonAsync($"/api/cases/{caseId}/urge", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}

/// <summary>
/// The once-a-working-day limit across day boundaries, on a clock of its own. The week of 2026-09-23: Thursday 09-24 is a
/// working day; Friday 09-25 to Sunday 09-27 is the Mid-Autumn break; Monday 09-28 is the next working day.
/// </summary>
public sealed class UrgeWorkingDayTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task Urge_OncePerWorkingDay_ARestDayCountsForTheNextWorkingDay()
    {
        var caseId = await factory.ApplyAsync("clerk.hrss");
        var clerk = await factory.SignInAsync("clerk.hrss");
        var clock = factory.Clock();
        async Task<HttpResponseMessage> UrgeAt(DateTimeOffset at)
        {
            clock.AdvanceTo(at);
            return await clerk.PostJsonAsync($"/api/cases/{caseId}/urge", new { note = $"{at:MM-dd HH:mm}" });
        }

        // Wednesday 09:00: the first urge of the working day 09-23.
        Assert.Equal(HttpStatusCode.OK, (await UrgeAt(new DateTimeOffset(2026, 9, 23, 9, 0, 0, Shanghai))).StatusCode);
        // 23:59 the same day, still 09-23 in Shanghai (15:59 UTC): refused, saying when it may be urged again.
        var lateSameDay = await UrgeAt(new DateTimeOffset(2026, 9, 23, 23, 59, 0, Shanghai));
        Assert.Equal(HttpStatusCode.Conflict, lateSameDay.StatusCode);
        Assert.Contains("2026-09-24", await lateSameDay.DetailAsync(), StringComparison.Ordinal);
        // Thursday 00:01: a new working day.
        var thursday = await UrgeAt(new DateTimeOffset(2026, 9, 24, 0, 1, 0, Shanghai));
        Assert.Equal(HttpStatusCode.OK, thursday.StatusCode);
        Assert.Equal("2026-09-24", (await thursday.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workingDay").GetString());
        // Friday 09-25 is the Mid-Autumn holiday: an urge then counts for Monday 09-28...
        var holiday = await UrgeAt(new DateTimeOffset(2026, 9, 25, 10, 0, 0, Shanghai));
        Assert.Equal(HttpStatusCode.OK, holiday.StatusCode);
        Assert.Equal("2026-09-28", (await holiday.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workingDay").GetString());
        // ...so neither Saturday nor Monday itself may urge again,
        Assert.Equal(HttpStatusCode.Conflict, (await UrgeAt(new DateTimeOffset(2026, 9, 26, 10, 0, 0, Shanghai))).StatusCode);
        var monday = await UrgeAt(new DateTimeOffset(2026, 9, 28, 9, 0, 0, Shanghai));
        Assert.Equal(HttpStatusCode.Conflict, monday.StatusCode);
        Assert.Contains("2026-09-29", await monday.DetailAsync(), StringComparison.Ordinal);
        // ...but Tuesday 09-29 may.
        Assert.Equal(HttpStatusCode.OK, (await UrgeAt(new DateTimeOffset(2026, 9, 29, 9, 0, 0, Shanghai))).StatusCode);
        Assert.Equal(4, (await clerk.HistoryAsync(caseId)).EnumerateArray().Count(h => h.GetProperty("kind").GetString() == "case-urged"));
    }
}
