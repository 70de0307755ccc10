using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// The instance viewer's data over HTTP: 市人社局 applies for 市公安局's 人口基础信息 on the simulated clock from
/// Wednesday 2026-09-23 09:00 (Fuzhou: 15 working days to answer).
/// </summary>
public abstract class InstanceViewerApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ShareFlowHostFactory
{
    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task WaitingForReview_ShowsWhereItIsHowItGotThereAndWhatIsDue()
    {
        var caseId = await factory.ApplyAsync();
        var clerk = await factory.SignInAsync("clerk.hrss");

        var instance = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/instance");

        Assert.Equal((caseId, caseId, "sharingApplication", "active"), (instance.GetProperty("caseId").GetGuid(), instance.GetProperty("instanceId").GetGuid(), instance.GetProperty("definitionKey").GetString(), instance.GetProperty("status").GetString()));
        var versions = await (await factory.SignInAsync("admin")).GetFromJsonAsync<JsonElement>("/api/definitions/sharingApplication/versions");
        Assert.Equal(versions.EnumerateArray().Last().GetProperty("version").GetInt32(), instance.GetProperty("version").GetInt32());
        Assert.Contains("<bpmn:userTask id=\"review\"", instance.GetProperty("xml").GetString(), StringComparison.Ordinal);
        Assert.Equal(["review"], Strings(instance.GetProperty("activeElementIds")));
        Assert.Equal(["submitted", "register", "shareTypeGateway"], Strings(instance.GetProperty("completedElementIds")));
        Assert.Equal(["toRegister", "toShareType", "toReview"], Strings(instance.GetProperty("takenFlowIds")));
        var history = instance.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("instance-started", history[0].GetProperty("kind").GetString());
        Assert.Contains(history, h => h.GetProperty("kind").GetString() == "task-created" && h.GetProperty("elementId").GetString() == "review");

        var deadlines = instance.GetProperty("deadlines").EnumerateArray().ToList();
        var review = deadlines.Single(d => d.GetProperty("kind").GetString() == "task");
        Assert.Equal(("review", "2026-10-21", false, false), (review.GetProperty("elementId").GetString(), review.GetProperty("dueDate").GetString(), review.GetProperty("provisional").GetBoolean(), review.GetProperty("overdue").GetBoolean()));
        var timers = deadlines.Where(d => d.GetProperty("kind").GetString() == "timer").ToDictionary(d => d.GetProperty("elementId").GetString()!, d => d.GetProperty("dueDate").GetString());
        Assert.Equal("2026-10-21", timers["overdue"]);
        Assert.Equal("2026-10-19", timers["finalReminder"]);
        Assert.Equal(0, instance.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task RefusedAndDisputed_TheCalledDisputeIsAChild_SelectableByInstanceId()
    {
        var caseId = await factory.ApplyAsync();
        var reviewer = await factory.SignInAsync("reviewer.psb");
        await SharingSteps.AnswerAsync(reviewer, caseId, new { outcome = "refuse", reasons = "申请用途与所需数据项不相符", legalBasis = "《中华人民共和国居民身份证法》第十九条" });
        var clerk = await factory.SignInAsync("clerk.hrss");
        var refusal = await clerk.TaskIdAsync(caseId);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostJsonAsync($"/api/tasks/{refusal}/complete", new { outcome = "dispute", opinion = "就业困难人员认定需要核验身份" })).StatusCode);

        var parent = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/instance");

        Assert.Equal(["dispute"], Strings(parent.GetProperty("activeElementIds")));
        Assert.Contains("review", Strings(parent.GetProperty("completedElementIds")));
        Assert.Contains("toRefusal", Strings(parent.GetProperty("takenFlowIds")));
        Assert.DoesNotContain("toGranted", Strings(parent.GetProperty("takenFlowIds")));
        Assert.Contains(parent.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "task-completed" && h.GetProperty("outcome").GetString() == "refuse" && h.GetProperty("actor").GetString() == "reviewer.psb");
        var child = parent.GetProperty("children").EnumerateArray().Single();
        Assert.Equal(("sharingDispute", "active"), (child.GetProperty("definitionKey").GetString(), child.GetProperty("status").GetString()));

        var childId = child.GetProperty("instanceId").GetGuid();
        var dispute = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/instance?instanceId={childId}");
        Assert.Equal((childId, caseId, "sharingDispute"), (dispute.GetProperty("instanceId").GetGuid(), dispute.GetProperty("parentInstanceId").GetGuid(), dispute.GetProperty("definitionKey").GetString()));
        Assert.Contains("<bpmn:process id=\"sharingDispute\"", dispute.GetProperty("xml").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(dispute.GetProperty("activeElementIds").EnumerateArray());
    }

    [Fact]
    public async Task AnotherDepartmentsCase_OrAnInstanceOfAnotherCase_Is404LikeAMissingOne()
    {
        var caseId = await factory.ApplyAsync();
        var otherCase = await factory.ApplyAsync();

        var stranger = await factory.SignInAsync("clerk.amr");
        Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusOfGetAsync($"/api/cases/{caseId}/instance"));
        Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusOfGetAsync($"/api/cases/{Guid.NewGuid()}/instance"));

        var clerk = await factory.SignInAsync("clerk.hrss");
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfGetAsync($"/api/cases/{caseId}/instance?instanceId={otherCase}"));
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfGetAsync($"/api/cases/{caseId}/instance?instanceId={Guid.NewGuid()}"));
        var malformed = await clerk.GetAsync(new Uri($"/api/cases/{caseId}/instance?instanceId=not-a-guid", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(["instanceId"], await malformed.ErrorFieldsAsync());

        // The provider, the office and the auditor see it.
        foreach (var user in new[] { "reviewer.psb", "office", "admin" })
        {
            Assert.Equal(HttpStatusCode.OK, await (await factory.SignInAsync(user)).StatusOfGetAsync($"/api/cases/{caseId}/instance"));
        }
    }

    [Fact]
    public async Task AnEventThatPassedLongAgo_ItsSubmissionIsOverdueAtOnce()
    {
        // Fuzhou: a catalog change is due 3 working days after the event; the law changed on Tuesday 1 September.
        var reviewer = await factory.SignInAsync("reviewer.psb");
        var opened = await reviewer.PostAsJsonAsync("/api/catalog-changes", new { department = "psb", trigger = "law-change", eventDate = "2026-09-01", eventDescription = "《户口登记条例》修订施行" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var instance = await reviewer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/instance");

        Assert.Equal("catalogChange", instance.GetProperty("definitionKey").GetString());
        Assert.Contains("submit", Strings(instance.GetProperty("activeElementIds")));
        Assert.Contains("submission", Strings(instance.GetProperty("activeElementIds")));
        var submit = instance.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "task");
        Assert.Equal(("submit", "2026-09-04", true), (submit.GetProperty("elementId").GetString(), submit.GetProperty("dueDate").GetString(), submit.GetProperty("overdue").GetBoolean()));
    }
}

/// <summary>On SQLite.</summary>
public sealed class InstanceViewerApiTestsOnSqlite(SimulatedHostFactory factory) : InstanceViewerApiTests<SimulatedHostFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class InstanceViewerApiTestsOnPostgres(PostgresSimulatedHostFactory factory) : InstanceViewerApiTests<PostgresSimulatedHostFactory>(factory);
