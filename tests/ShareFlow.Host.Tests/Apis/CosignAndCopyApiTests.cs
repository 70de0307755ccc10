using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// 加签 and 抄送 over HTTP: 市公安局's reviewer asks a reviewer of 市卫生健康委员会 (nhc) to co-sign, and copies the case to
/// colleagues and departments, who may then read it but not act on it.
/// </summary>
public sealed class CosignAndCopyApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    [Fact]
    public async Task Cosign_TheTaskCannotBeCompletedUntilTheCosignerHasSigned_TheOpinionIsInTheHistory()
    {
        var caseId = await factory.ApplyAsync();
        var holder = await factory.ColleagueAsync("holder1.psb");
        var signer = await factory.SignInAsync("reviewer.nhc");
        var taskId = await holder.TaskIdAsync(caseId);
        Assert.Equal(HttpStatusCode.NotFound, await signer.StatusOfGetAsync($"/api/sharing-applications/{caseId}"));

        var added = await holder.PostJsonAsync($"/api/tasks/{taskId}/cosigners", new { signer = "reviewer.nhc", reason = "涉及健康信息，请法规审核" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var blocked = await holder.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" });
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Contains("等待 reviewer.nhc 会签", await blocked.DetailAsync(), StringComparison.Ordinal);
        var request = (await signer.GetFromJsonAsync<JsonElement>("/api/tasks/cosign-requests")).EnumerateArray().Single(r => r.GetProperty("taskId").GetGuid() == taskId);
        Assert.Equal("holder1.psb", request.GetProperty("requestedBy").GetString());
        Assert.Contains(await signer.NotificationsAsync(caseId), n => n.GetProperty("kind").GetString() == "cosign");
        // Asked to sign, the co-signer may read the case, not answer it.
        Assert.Equal(HttpStatusCode.OK, await signer.StatusOfGetAsync($"/api/sharing-applications/{caseId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await signer.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await signer.PostJsonAsync($"/api/tasks/{taskId}/cosign", new { outcome = "object", opinion = "病史数据项不宜共享，建议删除" })).StatusCode);

        var signed = (await holder.HistoryAsync(caseId)).EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "task-cosigned");
        Assert.Equal("reviewer.nhc", signed.GetProperty("actor").GetString());
        Assert.Equal("object", signed.GetProperty("outcome").GetString());
        Assert.Contains("病史数据项不宜共享", signed.GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.Contains(await holder.NotificationsAsync(caseId), n => n.GetProperty("kind").GetString() == "cosign");
        Assert.DoesNotContain((await signer.GetFromJsonAsync<JsonElement>("/api/tasks/cosign-requests")).EnumerateArray(), r => r.GetProperty("taskId").GetGuid() == taskId);
        Assert.Equal(HttpStatusCode.NoContent, (await holder.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", opinion = "同意，已删除病史数据项" })).StatusCode);
    }

    [Theory]
    [InlineData("approve", null, "opinion")]
    [InlineData("approve", " ", "opinion")]
    [InlineData("maybe", "意见", "outcome")]
    [InlineData(null, "意见", "outcome")]
    public async Task Cosign_WithoutAnOpinionOrAnOutcome_Is400NamingTheField_AndStaysPending(string? outcome, string? opinion, string field)
    {
        var caseId = await factory.ApplyAsync();
        var holder = await factory.ColleagueAsync($"holder-{field}-{outcome}-{opinion?.Length}.psb");
        var signer = await factory.SignInAsync("reviewer.edu");
        var taskId = await holder.TaskIdAsync(caseId);
        await holder.PostJsonAsync($"/api/tasks/{taskId}/cosigners", new { signer = "reviewer.edu" });

        var response = await signer.PostJsonAsync($"/api/tasks/{taskId}/cosign", new { outcome, opinion });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
        Assert.Contains((await signer.GetFromJsonAsync<JsonElement>("/api/tasks/cosign-requests")).EnumerateArray(), r => r.GetProperty("taskId").GetGuid() == taskId);
        Assert.Equal(HttpStatusCode.Conflict, (await holder.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" })).StatusCode);
    }

    [Fact]
    public async Task Cosign_BySomeoneNotAsked_Is404()
    {
        var caseId = await factory.ApplyAsync();
        var holder = await factory.ColleagueAsync("holder2.psb");
        var taskId = await holder.TaskIdAsync(caseId);
        await holder.PostJsonAsync($"/api/tasks/{taskId}/cosigners", new { signer = "reviewer.nhc" });
        var outsider = await factory.SignInAsync("reviewer.amr");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync($"/api/tasks/{taskId}/cosign", new { outcome = "approve", opinion = "同意" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await outsider.StatusOfGetAsync($"/api/sharing-applications/{caseId}"));
    }

    [Fact]
    public async Task AddCosigner_UnknownSignerOrNone_Is400NamingSigner_AndAddsNothing()
    {
        var caseId = await factory.ApplyAsync();
        var holder = await factory.ColleagueAsync("holder3.psb");
        var taskId = await holder.TaskIdAsync(caseId);

        var unknown = await holder.PostJsonAsync($"/api/tasks/{taskId}/cosigners", new { signer = "legal.nobody" });
        var none = await holder.PostJsonAsync($"/api/tasks/{taskId}/cosigners", new { reason = "x" });
        var self = await holder.PostJsonAsync($"/api/tasks/{taskId}/cosigners", new { signer = "holder3.psb" });

        Assert.All([unknown, none, self], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("signer", await unknown.ErrorFieldsAsync());
        Assert.Contains("signer", await none.ErrorFieldsAsync());
        Assert.Contains("signer", await self.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await holder.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", opinion = "同意" })).StatusCode);
    }

    [Fact]
    public async Task AddCosigner_OnAnotherDepartmentsTask_Is404()
    {
        var caseId = await factory.ApplyAsync();
        var taskId = await (await factory.SignInAsync("reviewer.psb")).TaskIdAsync(caseId);
        var outsider = await factory.SignInAsync("reviewer.tax");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync($"/api/tasks/{taskId}/cosigners", new { signer = "reviewer.nhc" })).StatusCode);
    }

    [Fact]
    public async Task Copy_ToAColleagueAndADepartment_TheyListItAndMayReadTheCase_ButNotActOnIt_OthersStill404()
    {
        var caseId = await factory.ApplyAsync();
        var reviewer = await factory.ColleagueAsync("copier1.psb");
        var taskId = await reviewer.TaskIdAsync(caseId);

        var response = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/copy", new { users = new[] { "clerk.edu" }, departments = new[] { "nr" }, note = "请知悉，涉及不动产核查" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("copies").GetInt32());
        var colleague = await factory.SignInAsync("clerk.edu");
        var copied = (await colleague.GetFromJsonAsync<JsonElement>("/api/tasks/copied")).GetProperty("items").EnumerateArray().Single(c => c.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal("copier1.psb", copied.GetProperty("copiedBy").GetString());
        Assert.StartsWith("SQ-", copied.GetProperty("caseNumber").GetString(), StringComparison.Ordinal);
        Assert.Contains(await colleague.NotificationsAsync(caseId), n => n.GetProperty("kind").GetString() == "copy");
        Assert.Equal(HttpStatusCode.OK, await colleague.StatusOfGetAsync($"/api/sharing-applications/{caseId}"));
        var nrClerk = await factory.SignInAsync("clerk.nr");
        var nrCopy = (await nrClerk.GetFromJsonAsync<JsonElement>("/api/tasks/copied")).GetProperty("items").EnumerateArray().Single(c => c.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal("nr", nrCopy.GetProperty("toDepartment").GetString());
        Assert.Equal(HttpStatusCode.OK, await nrClerk.StatusOfGetAsync($"/api/sharing-applications/{caseId}"));
        var nrReviewer = await factory.SignInAsync("reviewer.nr");
        Assert.Equal(HttpStatusCode.OK, await nrReviewer.StatusOfGetAsync($"/api/sharing-applications/{caseId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await nrReviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" })).StatusCode);
        Assert.Contains((await reviewer.HistoryAsync(caseId)).EnumerateArray(), h => h.GetProperty("kind").GetString() == "case-copied");

        var other = await factory.SignInAsync("clerk.mca");
        Assert.Equal(HttpStatusCode.NotFound, await other.StatusOfGetAsync($"/api/sharing-applications/{caseId}"));
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/tasks/copied")).GetProperty("items").EnumerateArray(), c => c.GetProperty("caseId").GetGuid() == caseId);
    }

    [Theory]
    [InlineData(new[] { "nobody.anywhere" }, new string[0], "users")]
    [InlineData(new string[0], new[] { "xyz" }, "departments")]
    [InlineData(new string[0], new string[0], "users")]
    public async Task Copy_ToUnknownRecipientsOrNone_Is400NamingTheField_AndCopiesNothing(string[] users, string[] departments, string field)
    {
        var caseId = await factory.ApplyAsync();
        var reviewer = await factory.SignInAsync("reviewer.psb");
        var taskId = await reviewer.TaskIdAsync(caseId);

        // A valid recipient beside the bad one: it is not copied either.
        var recipients = users.Length + departments.Length > 0 ? users.Append("clerk.tax") : users;

        var response = await reviewer.PostJsonAsync($"/api/tasks/{taskId}/copy", new { users = recipients, departments });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
        var tax = await factory.SignInAsync("clerk.tax");
        Assert.DoesNotContain((await tax.GetFromJsonAsync<JsonElement>("/api/tasks/copied")).GetProperty("items").EnumerateArray(), c => c.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal(HttpStatusCode.NotFound, await tax.StatusOfGetAsync($"/api/sharing-applications/{caseId}"));
    }

    [Fact]
    public async Task Copy_OfAnotherDepartmentsTask_Is404()
    {
        var caseId = await factory.ApplyAsync();
        var taskId = await (await factory.SignInAsync("reviewer.psb")).TaskIdAsync(caseId);
        var outsider = await factory.SignInAsync("reviewer.hrss");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync($"/api/tasks/{taskId}/copy", new { users = new[] { "clerk.hrss" } })).StatusCode);
    }
}
