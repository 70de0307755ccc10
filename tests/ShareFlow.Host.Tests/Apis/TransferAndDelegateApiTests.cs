using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// 转办 and 委派 over HTTP. 市人社局 (hrss) applies for 市公安局's (psb) 人口基础信息; the review is offered to psb's
/// reviewers, of whom the tests add colleagues (reviewer2.psb...) beside the demo city's reviewer.psb.
/// </summary>
public sealed class TransferAndDelegateApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    [Fact]
    public async Task Transfer_ToAColleagueWithTheRole_MakesThemTheHolder_RecordsFromWhomToWhomAndWhy_AndTellsThem()
    {
        var caseId = await factory.ApplyAsync();
        var reviewer = await factory.SignInAsync("reviewer.psb");
        var colleague = await factory.ColleagueAsync("reviewer2.psb");
        var taskId = await reviewer.TaskIdAsync(caseId);

        var response = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/transfer", new { to = "reviewer2.psb", reason = "本人出差，转同科室办理" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("reviewer2.psb", (await colleague.TaskOfAsync(caseId))?.GetProperty("assignee").GetString());
        Assert.Null(await reviewer.TaskOfAsync(caseId));
        var transferred = (await reviewer.HistoryAsync(caseId)).EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "task-transferred");
        Assert.Equal("reviewer.psb", transferred.GetProperty("actor").GetString());
        Assert.Contains("由 reviewer.psb 转办给 reviewer2.psb", transferred.GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.Contains("本人出差", transferred.GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.Contains(await colleague.NotificationsAsync(caseId), n => n.GetProperty("kind").GetString() == "transfer");
        // The task is the colleague's now: the one who handed it over can no longer answer it.
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await colleague.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", opinion = "同意" })).StatusCode);
    }

    [Theory]
    [InlineData("reviewer.amr", "to")]
    [InlineData("clerk.psb", "to")]
    [InlineData("nobody.psb", "to")]
    [InlineData(null, "to")]
    public async Task Transfer_ToSomeoneNotAColleagueHoldingTheRole_Is400NamingTo_AndChangesNothing(string? to, string field)
    {
        var caseId = await factory.ApplyAsync();
        var reviewer = await factory.SignInAsync("reviewer.psb");
        var taskId = await reviewer.TaskIdAsync(caseId);

        var response = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/transfer", new { to, reason = "转办" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
        Assert.Null((await reviewer.TaskOfAsync(caseId))?.GetProperty("assignee").GetString());
        Assert.DoesNotContain((await reviewer.HistoryAsync(caseId)).EnumerateArray(), h => h.GetProperty("kind").GetString() == "task-transferred");
    }

    [Fact]
    public async Task Transfer_WithoutAReason_Is400NamingReason_AndChangesNothing()
    {
        var caseId = await factory.ApplyAsync();
        var reviewer = await factory.SignInAsync("reviewer.psb");
        await factory.AddUserAsync("reviewer2.psb", "psb", "provider-reviewer");
        var taskId = await reviewer.TaskIdAsync(caseId);

        var response = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/transfer", new { to = "reviewer2.psb", reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reason", await response.ErrorFieldsAsync());
        Assert.Null((await reviewer.TaskOfAsync(caseId))?.GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task Transfer_OfAnotherDepartmentsTask_Is404()
    {
        var caseId = await factory.ApplyAsync();
        var taskId = await (await factory.SignInAsync("reviewer.psb")).TaskIdAsync(caseId);
        var outsider = await factory.SignInAsync("reviewer.amr");

        var response = await outsider.PostJsonAsync($"/api/tasks/{taskId}/transfer", new { to = "reviewer.amr", reason = "抢办" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync($"/api/tasks/{Guid.NewGuid()}/transfer", new { to = "reviewer.amr", reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task Delegate_TheOwnerCannotCompleteWhileDelegated_TheDelegateResolves_ThenTheOwnerCompletes()
    {
        var caseId = await factory.ApplyAsync();
        var owner = await factory.ColleagueAsync("owner1.psb");
        var helper = await factory.ColleagueAsync("helper1.psb");
        var taskId = await owner.TaskIdAsync(caseId);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostJsonAsync($"/api/tasks/{taskId}/delegate", new { to = "helper1.psb", reason = "请核对申请数据项是否最小必要" })).StatusCode);

        var delegated = (await owner.GetFromJsonAsync<JsonElement>("/api/tasks/delegated")).EnumerateArray().Single(d => d.GetProperty("taskId").GetGuid() == taskId);
        Assert.Equal("helper1.psb", delegated.GetProperty("delegate").GetString());
        var lent = await helper.TaskOfAsync(caseId);
        Assert.Equal(("helper1.psb", "owner1.psb"), (lent?.GetProperty("assignee").GetString(), lent?.GetProperty("delegatedBy").GetString()));
        var blocked = await owner.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" });
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Contains("已委派给 helper1.psb", await blocked.DetailAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await helper.PostJsonAsync($"/api/tasks/{taskId}/resolve", new { comment = "数据项符合最小必要原则" })).StatusCode);

        var back = await owner.TaskOfAsync(caseId);
        Assert.Equal("owner1.psb", back?.GetProperty("assignee").GetString());
        Assert.Equal(JsonValueKind.Null, back?.GetProperty("delegatedBy").ValueKind);
        Assert.DoesNotContain((await owner.GetFromJsonAsync<JsonElement>("/api/tasks/delegated")).EnumerateArray(), d => d.GetProperty("taskId").GetGuid() == taskId);
        Assert.Contains(await owner.NotificationsAsync(caseId), n => n.GetProperty("kind").GetString() == "delegation");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", opinion = "同意" })).StatusCode);
        var kinds = (await owner.HistoryAsync(caseId)).EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["task-delegated", "task-resolved", "task-completed"], kinds.Where(k => k is "task-delegated" or "task-resolved" or "task-completed"));
    }

    [Fact]
    public async Task Delegate_TheDelegateCompletes_RecordedAsOnBehalfOfTheOwner_InTheHistoryAndTheirDoneList()
    {
        var caseId = await factory.ApplyAsync();
        var owner = await factory.ColleagueAsync("owner2.psb");
        var helper = await factory.ColleagueAsync("helper2.psb");
        var taskId = await owner.TaskIdAsync(caseId);
        await owner.PostJsonAsync($"/api/tasks/{taskId}/delegate", new { to = "helper2.psb", reason = "请代为审核" });

        Assert.Equal(HttpStatusCode.NoContent, (await helper.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", opinion = "同意共享" })).StatusCode);

        var history = (await owner.HistoryAsync(caseId)).EnumerateArray().ToList();
        var acting = history.Single(h => h.GetProperty("kind").GetString() == "acting-for");
        Assert.Equal("helper2.psb", acting.GetProperty("actor").GetString());
        Assert.Equal("受 owner2.psb 委派办理", acting.GetProperty("comment").GetString());
        Assert.Equal("approved", (await owner.GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{caseId}")).GetProperty("status").GetString());
        var audit = await (await factory.SignInAsync("admin")).GetFromJsonAsync<JsonElement>("/api/audit?actor=helper2.psb");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "POST /api/tasks/{id:guid}/complete acting for owner2.psb (as delegate)"
            && e.GetProperty("description").GetString() == "办理任务（受 owner2.psb 委派）");
        var done = (await helper.GetFromJsonAsync<JsonElement>("/api/tasks/done")).GetProperty("items").EnumerateArray().Single(d => d.GetProperty("taskId").GetGuid() == taskId);
        Assert.Equal("completed", done.GetProperty("action").GetString());
        Assert.Equal("owner2.psb", done.GetProperty("actingFor").GetString());
        Assert.DoesNotContain((await owner.GetFromJsonAsync<JsonElement>("/api/tasks/delegated")).EnumerateArray(), d => d.GetProperty("taskId").GetGuid() == taskId);
    }

    [Fact]
    public async Task TakeBack_ByTheOwner_EndsTheDelegation_TheDelegateCanNoLongerAct()
    {
        var caseId = await factory.ApplyAsync();
        var owner = await factory.ColleagueAsync("owner3.psb");
        var helper = await factory.ColleagueAsync("helper3.psb");
        var taskId = await owner.TaskIdAsync(caseId);
        await owner.PostJsonAsync($"/api/tasks/{taskId}/delegate", new { to = "helper3.psb", reason = "请协助" });

        Assert.Equal(HttpStatusCode.NotFound, (await helper.PostJsonAsync($"/api/tasks/{taskId}/take-back", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostJsonAsync($"/api/tasks/{taskId}/take-back", new { reason = "情况有变，本人办理" })).StatusCode);

        Assert.Null(await helper.TaskOfAsync(caseId));
        Assert.Equal(HttpStatusCode.NotFound, (await helper.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" })).StatusCode);
        Assert.Equal("owner3.psb", (await owner.TaskOfAsync(caseId))?.GetProperty("assignee").GetString());
        Assert.Contains(await helper.NotificationsAsync(caseId), n => n.GetProperty("subject").GetString()!.StartsWith("委派已收回", StringComparison.Ordinal));
        Assert.Contains((await owner.HistoryAsync(caseId)).EnumerateArray(), h => h.GetProperty("kind").GetString() == "task-taken-back");
    }

    [Fact]
    public async Task TakeBack_OfAnotherDepartmentsDelegation_Is404()
    {
        var caseId = await factory.ApplyAsync();
        var owner = await factory.ColleagueAsync("owner4.psb");
        await factory.AddUserAsync("helper4.psb", "psb", "provider-reviewer");
        var taskId = await owner.TaskIdAsync(caseId);
        await owner.PostJsonAsync($"/api/tasks/{taskId}/delegate", new { to = "helper4.psb", reason = "请协助" });
        var outsider = await factory.SignInAsync("reviewer.amr");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync($"/api/tasks/{taskId}/take-back", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync($"/api/tasks/{taskId}/resolve", new { comment = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync($"/api/tasks/{taskId}/delegate", new { to = "reviewer.amr", reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task Delegate_ToAnotherDepartment_Is400NamingTo_AndChangesNothing()
    {
        var caseId = await factory.ApplyAsync();
        var owner = await factory.ColleagueAsync("owner5.psb");
        var taskId = await owner.TaskIdAsync(caseId);

        var response = await owner.PostJsonAsync($"/api/tasks/{taskId}/delegate", new { to = "reviewer.nhc", reason = "请协助" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("to", await response.ErrorFieldsAsync());
        Assert.DoesNotContain((await owner.GetFromJsonAsync<JsonElement>("/api/tasks/delegated")).EnumerateArray(), d => d.GetProperty("taskId").GetGuid() == taskId);
        Assert.Null((await owner.TaskOfAsync(caseId))?.GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task Transfer_OfADelegatedTask_Is409_UntilItIsBack()
    {
        var caseId = await factory.ApplyAsync();
        var owner = await factory.ColleagueAsync("owner6.psb");
        var helper = await factory.ColleagueAsync("helper6.psb");
        await factory.AddUserAsync("third6.psb", "psb", "provider-reviewer");
        var taskId = await owner.TaskIdAsync(caseId);
        await owner.PostJsonAsync($"/api/tasks/{taskId}/delegate", new { to = "helper6.psb", reason = "请协助" });

        var response = await helper.PostJsonAsync($"/api/tasks/{taskId}/transfer", new { to = "third6.psb", reason = "再转" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("helper6.psb", (await helper.TaskOfAsync(caseId))?.GetProperty("assignee").GetString());
    }
}
