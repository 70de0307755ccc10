using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// 代理 over HTTP: a 市公安局 reviewer going on leave names a colleague for a period. The clock stands at Wednesday
/// 2026-09-23 09:00; each test has its own principal and deputy so that their periods do not meet.
/// </summary>
public sealed class DeputiesApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    private async Task<(HttpClient Principal, HttpClient Deputy)> PairAsync(string principal, string deputy) =>
        (await factory.ColleagueAsync(principal), await factory.ColleagueAsync(deputy));

    private static async Task<int> PeriodsAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonElement>("/api/me/deputies")).GetArrayLength();

    [Fact]
    public async Task Deputy_WhileThePeriodRuns_GetsThePrincipalsTasksAndNotices_AndActsMarkedActingFor()
    {
        var (principal, deputy) = await PairAsync("leave1.psb", "acting1.psb");
        await factory.AddUserAsync("other1.psb", "psb", "provider-reviewer");
        var claimed = await factory.ApplyAsync();
        var claimedTask = await principal.TaskIdAsync(claimed);
        await principal.PostAsync(new Uri($"/api/tasks/{claimedTask}/claim", UriKind.Relative), null);

        var named = await principal.PostJsonAsync("/api/me/deputies", new { deputy = "acting1.psb", from = "2026-09-23", until = "2026-09-30", reason = "年休假" });

        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        Assert.Equal("running", (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        // The task the principal holds is in the deputy's list.
        Assert.Equal("leave1.psb", (await deputy.TaskOfAsync(claimed))?.GetProperty("assignee").GetString());
        // A task transferred to the principal during the leave reaches the deputy, and so does its notice.
        var transferred = await factory.ApplyAsync();
        var other = await factory.SignInAsync("other1.psb");
        var transferredTask = await other.TaskIdAsync(transferred);
        Assert.Equal(HttpStatusCode.NoContent, (await other.PostJsonAsync($"/api/tasks/{transferredTask}/transfer", new { to = "leave1.psb", reason = "按分工" })).StatusCode);
        Assert.NotNull(await deputy.TaskOfAsync(transferred));
        Assert.Contains(await deputy.NotificationsAsync(transferred), n => n.GetProperty("subject").GetString()!.StartsWith("【代理 leave1.psb】", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await deputy.PostJsonAsync($"/api/tasks/{claimedTask}/complete", new { outcome = "approve", opinion = "同意" })).StatusCode);

        var acting = (await deputy.HistoryAsync(claimed)).EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "acting-for");
        Assert.Equal("acting1.psb", acting.GetProperty("actor").GetString());
        Assert.Equal("代理 leave1.psb 办理", acting.GetProperty("comment").GetString());
        var admin = await factory.SignInAsync("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?actor=acting1.psb");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "POST /api/tasks/{id:guid}/complete acting for leave1.psb (as deputy)"
            && e.GetProperty("description").GetString() == "办理任务（代理 leave1.psb）"
            && e.GetProperty("subject").GetString() == claimedTask.ToString());
        Assert.Contains((await deputy.GetFromJsonAsync<JsonElement>("/api/tasks/done")).GetProperty("items").EnumerateArray(),
            d => d.GetProperty("taskId").GetGuid() == claimedTask && d.GetProperty("actingFor").GetString() == "leave1.psb");
    }

    [Fact]
    public async Task Deputy_EndedEarly_NoLongerGetsThePrincipalsTasks()
    {
        var (principal, deputy) = await PairAsync("leave2.psb", "acting2.psb");
        var caseId = await factory.ApplyAsync();
        var taskId = await principal.TaskIdAsync(caseId);
        await principal.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null);
        var named = await (await principal.PostJsonAsync("/api/me/deputies", new { deputy = "acting2.psb", from = "2026-09-23", until = "2026-10-09" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotNull(await deputy.TaskOfAsync(caseId));

        var ended = await principal.DeleteAsync(new Uri($"/api/me/deputies/{named.GetProperty("id").GetGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal("ended", (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Null(await deputy.TaskOfAsync(caseId));
        Assert.Equal(HttpStatusCode.NotFound, (await deputy.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" })).StatusCode);
        var listed = (await deputy.GetFromJsonAsync<JsonElement>("/api/me/deputies")).EnumerateArray().Single();
        Assert.Equal("deputy", listed.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await principal.DeleteAsync(new Uri($"/api/me/deputies/{named.GetProperty("id").GetGuid()}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Deputy_PeriodNotYetBegun_RoutesNothing()
    {
        var (principal, deputy) = await PairAsync("leave3.psb", "acting3.psb");
        var caseId = await factory.ApplyAsync();
        var taskId = await principal.TaskIdAsync(caseId);
        await principal.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null);

        var named = await principal.PostJsonAsync("/api/me/deputies", new { deputy = "acting3.psb", from = "2026-10-12", until = "2026-10-16" });

        Assert.Equal("scheduled", (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Null(await deputy.TaskOfAsync(caseId));
    }

    [Fact]
    public async Task Deputy_InAnotherDepartment_Is400NamingDeputy_AndStoresNothing()
    {
        var principal = await factory.ColleagueAsync("leave4.psb");

        var response = await principal.PostJsonAsync("/api/me/deputies", new { deputy = "reviewer.amr", from = "2026-09-24", until = "2026-09-30" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("deputy", await response.ErrorFieldsAsync());
        Assert.Equal(0, await PeriodsAsync(principal));
    }

    [Theory]
    [InlineData("clerk.psb", "2026-09-24", "2026-09-30", "deputy")]
    [InlineData("leave5.psb", "2026-09-24", "2026-09-30", "deputy")]
    [InlineData(null, "2026-09-24", "2026-09-30", "deputy")]
    [InlineData("acting5.psb", "2026-09-30", "2026-09-24", "until")]
    [InlineData("acting5.psb", "2026-09-24T09:00:00+08:00", "2026-09-24T08:00:00+08:00", "until")]
    [InlineData("acting5.psb", "2026-09-01", "2026-09-20", "until")]
    [InlineData("acting5.psb", "2026-13-01", "2026-12-31", "from")]
    [InlineData("acting5.psb", null, "2026-09-30", "from")]
    [InlineData("acting5.psb", "2026-09-24", "next week", "until")]
    public async Task Deputy_BadInput_Is400NamingTheField_AndStoresNothing(string? deputy, string? from, string? until, string field)
    {
        var principal = await factory.ColleagueAsync("leave5.psb");
        await factory.AddUserAsync("acting5.psb", "psb", "provider-reviewer");

        var response = await principal.PostJsonAsync("/api/me/deputies", new { deputy, from, until });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
        Assert.Equal(0, await PeriodsAsync(principal));
    }

    [Fact]
    public async Task Deputy_OverlappingPeriods_Is400NamingFrom_TheFirstStays()
    {
        var (principal, _) = await PairAsync("leave6.psb", "acting6.psb");
        await factory.AddUserAsync("acting6b.psb", "psb", "provider-reviewer");
        Assert.Equal(HttpStatusCode.Created, (await principal.PostJsonAsync("/api/me/deputies", new { deputy = "acting6.psb", from = "2026-09-24", until = "2026-09-30" })).StatusCode);

        var overlapping = await principal.PostJsonAsync("/api/me/deputies", new { deputy = "acting6b.psb", from = "2026-09-30", until = "2026-10-09" });
        var after = await principal.PostJsonAsync("/api/me/deputies", new { deputy = "acting6b.psb", from = "2026-10-01", until = "2026-10-09" });

        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Contains("from", await overlapping.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(2, await PeriodsAsync(principal));
    }

    [Fact]
    public async Task Deputy_EndingSomeoneElsesPeriod_Is404()
    {
        var (principal, _) = await PairAsync("leave7.psb", "acting7.psb");
        var named = await (await principal.PostJsonAsync("/api/me/deputies", new { deputy = "acting7.psb", from = "2026-09-24", until = "2026-09-30" })).Content.ReadFromJsonAsync<JsonElement>();
        var outsider = await factory.SignInAsync("reviewer.amr");

        var response = await outsider.DeleteAsync(new Uri($"/api/me/deputies/{named.GetProperty("id").GetGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("scheduled", (await principal.GetFromJsonAsync<JsonElement>("/api/me/deputies")).EnumerateArray().Single().GetProperty("status").GetString());
    }
}

/// <summary>
/// A notice the engine writes to a user on leave (the escalation to 市公安局's principal when the review runs out) reaches
/// their deputy; on a clock of its own, moved past the Fuzhou deadline of 2026-10-21.
/// </summary>
public sealed class DeputyNoticesTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    [Fact]
    public async Task Deputy_ReceivesThePrincipalsPersonalNotices_SentDuringThePeriod()
    {
        var caseId = await factory.ApplyAsync();
        await factory.AddUserAsync("supervisor2.psb", "psb", "supervisor");
        await factory.AddUserAsync("supervisor3.psb", "psb", "supervisor");
        var principal = await factory.SignInAsync("supervisor.psb");
        var deputy = await factory.SignInAsync("supervisor2.psb");
        Assert.Equal(HttpStatusCode.Created, (await principal.PostJsonAsync("/api/me/deputies", new { deputy = "supervisor2.psb", from = "2026-10-12", until = "2026-10-30", reason = "外出学习" })).StatusCode);

        var admin = await factory.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/api/clock/advance", new { workingDays = 16 })).StatusCode);

        Assert.Contains(await deputy.NotificationsAsync(caseId), n => n.GetProperty("kind").GetString() == "escalation");
        // A colleague with the same role but no deputy period does not get the principal's notices.
        var colleague = await factory.SignInAsync("supervisor3.psb");
        Assert.DoesNotContain(await colleague.NotificationsAsync(caseId), n => n.GetProperty("kind").GetString() == "escalation");
    }
}
