using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// The sharing application over HTTP, as the demo city's clerks use it: 市人社局 (hrss) applies for the 市公安局's (psb)
/// 人口基础信息. The clock is simulated from Wednesday 2026-09-23; the Fuzhou profile gives 15 working days (to 10-21).
/// </summary>
public abstract class SharingApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ShareFlowHostFactory
{
    private static async Task<JsonElement> ResourceAsync(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/catalog/resources")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private async Task<(HttpClient Clerk, JsonElement Application)> ApplyAsync(params string[] items)
    {
        var clerk = await factory.SignInAsync("clerk.hrss");
        var resource = await ResourceAsync(clerk, "人口基础信息");
        var response = await clerk.PostAsJsonAsync("/api/sharing-applications", new
        {
            resourceId = resource.GetProperty("id").GetGuid(),
            items = items.Length > 0 ? items : new[] { "姓名", "公民身份号码" },
            purpose = "就业困难人员认定",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (clerk, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task Catalog_ListsResourcesWithProviderShareTypeAndItems()
    {
        var clerk = await factory.SignInAsync("clerk.amr");

        var population = await ResourceAsync(clerk, "人口基础信息");

        Assert.Equal("psb", population.GetProperty("providerDepartment").GetString());
        Assert.Equal("conditional", population.GetProperty("shareType").GetString());
        Assert.Contains("公民身份号码", population.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task Submit_Returns201WithStatusAndTheFuzhouDeadline()
    {
        var (_, application) = await ApplyAsync();

        Assert.Equal("submitted", application.GetProperty("status").GetString());
        Assert.Equal("2026-10-21", application.GetProperty("deadline").GetString());
        Assert.Equal("2026-10-22T00:00:00+08:00", application.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reviewer_SeesTheTask_OtherDepartmentsDoNot_AndGet404ForTheCase()
    {
        var (_, application) = await ApplyAsync();
        var id = application.GetProperty("id").GetGuid();

        var reviewer = await factory.SignInAsync("reviewer.psb");
        var task = await SharingSteps.OpenTaskAsync(reviewer, id);
        Assert.Equal("2026-10-21", task.GetProperty("dueDate").GetString());
        Assert.Equal("提供部门审核答复", task.GetProperty("name").GetString());

        var outsider = await factory.SignInAsync("reviewer.amr");
        Assert.DoesNotContain((await outsider.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray(), t => t.GetProperty("caseId").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri($"/api/sharing-applications/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetGuid()}/complete", new { outcome = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri($"/api/sharing-applications/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);

        var office = await factory.SignInAsync("office");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(new Uri($"/api/sharing-applications/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Refusal_WithoutReasons_Is400NamingReasons_ThenWithReasonsIsRefusedAndTheRequesterIsTold()
    {
        var (clerk, application) = await ApplyAsync();
        var id = application.GetProperty("id").GetGuid();
        var reviewer = await factory.SignInAsync("reviewer.psb");
        var task = await SharingSteps.TaskForAsync(reviewer, id);

        var bare = await reviewer.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = "refuse", opinion = "不同意" });

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.True((await bare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reasons", out _));
        Assert.Equal("submitted", (await clerk.GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{id}")).GetProperty("status").GetString());

        var refused = await reviewer.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = "refuse", opinion = "不同意", reasons = "申请数据项超出就业认定所需" });

        Assert.Equal(HttpStatusCode.NoContent, refused.StatusCode);
        var view = await clerk.GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{id}");
        Assert.Equal("refused", view.GetProperty("status").GetString());
        var completed = view.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "task-completed" && h.GetProperty("comment").GetString() == "不同意");
        var reviewerName = (await reviewer.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("displayName").GetString();
        Assert.Equal(("reviewer.psb", reviewerName), (completed.GetProperty("actor").GetString(), completed.GetProperty("actorName").GetString()));
        var notices = await clerk.GetFromJsonAsync<JsonElement>("/api/notifications");
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.GetProperty("caseId").GetGuid() == id && n.GetProperty("kind").GetString() == "decision");
    }

    [Theory]
    [InlineData("items", "银行账户")]
    [InlineData("items", null)]
    public async Task Submit_BadItems_Is400NamingItems_AndStoresNothing(string field, string? item)
    {
        var clerk = await factory.SignInAsync("clerk.nhc");
        var resource = await ResourceAsync(clerk, "人口基础信息");
        var before = (await clerk.GetFromJsonAsync<JsonElement>("/api/sharing-applications")).GetProperty("total").GetInt32();

        var response = await clerk.PostAsJsonAsync("/api/sharing-applications", new
        {
            resourceId = resource.GetProperty("id").GetGuid(),
            items = item is null ? Array.Empty<string>() : new[] { "姓名", item },
            purpose = "出生登记核验",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, (await clerk.GetFromJsonAsync<JsonElement>("/api/sharing-applications")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Submit_NotSharedResource_Is400NamingTheResource()
    {
        var clerk = await factory.SignInAsync("clerk.nr");
        var resource = await ResourceAsync(clerk, "出入境证件信息");

        var response = await clerk.PostAsJsonAsync("/api/sharing-applications", new { resourceId = resource.GetProperty("id").GetGuid(), items = new[] { "证件号码" }, purpose = "核查" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("resourceId", out _));
    }

    [Fact]
    public async Task Submit_ByAReviewer_IsForbidden()
    {
        var reviewer = await factory.SignInAsync("reviewer.hrss");

        var response = await reviewer.PostAsJsonAsync("/api/sharing-applications", new { resourceId = Guid.NewGuid(), items = new[] { "姓名" }, purpose = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Withdraw_ByTheRequester_EndsTheCase_ByTheProvider_IsRefused()
    {
        var (clerk, application) = await ApplyAsync();
        var id = application.GetProperty("id").GetGuid();
        var reviewer = await factory.SignInAsync("reviewer.psb");

        var byProvider = await reviewer.PostAsJsonAsync($"/api/sharing-applications/{id}/withdraw", new { note = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, byProvider.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/sharing-applications/{id}/withdraw", new { note = "需求已变更" })).StatusCode);
        Assert.Equal("withdrawn", (await clerk.GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{id}")).GetProperty("status").GetString());
        Assert.DoesNotContain((await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray(), t => t.GetProperty("caseId").GetGuid() == id);
    }
}

/// <summary>Moving the simulated clock, on a host of its own: the clock is shared by every test of a host.</summary>
public abstract class SharingEscalationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ShareFlowHostFactory
{
    [Fact]
    public async Task ClockAdvance_PastTheDeadline_EscalatesAndTheSupervisorIsTold_OnlyAdminsMayMoveIt()
    {
        var clerk = await factory.SignInAsync("clerk.hrss");
        var resource = (await clerk.GetFromJsonAsync<JsonElement>("/api/catalog/resources")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "人口基础信息");
        var application = await (await clerk.PostAsJsonAsync("/api/sharing-applications", new { resourceId = resource.GetProperty("id").GetGuid(), items = new[] { "姓名" }, purpose = "就业困难人员认定" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = application.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/clock/advance", new { workingDays = 16 })).StatusCode);

        var admin = await factory.SignInAsync("admin");
        var bad = await admin.PostAsJsonAsync("/api/clock/advance", new { days = 1, workingDays = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var moved = await admin.PostAsJsonAsync("/api/clock/advance", new { workingDays = 16 });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.True((await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fired").GetInt32() >= 1);
        Assert.Equal("escalated", (await clerk.GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{id}")).GetProperty("status").GetString());
        var supervisor = await factory.SignInAsync("supervisor.psb");
        Assert.Contains((await supervisor.GetFromJsonAsync<JsonElement>("/api/notifications")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("caseId").GetGuid() == id && n.GetProperty("kind").GetString() == "escalation");
        var office = await factory.SignInAsync("office");
        Assert.Contains((await office.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray(), t => t.GetProperty("caseId").GetGuid() == id);
    }
}

public sealed class SharingEscalationTestsOnSqlite(SimulatedHostFactory factory) : SharingEscalationTests<SimulatedHostFactory>(factory);

public sealed class SharingEscalationTestsOnPostgres(PostgresSimulatedHostFactory factory) : SharingEscalationTests<PostgresSimulatedHostFactory>(factory);

/// <summary>On SQLite.</summary>
public sealed class SharingApiTestsOnSqlite(SimulatedHostFactory factory) : SharingApiTests<SimulatedHostFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class SharingApiTestsOnPostgres(PostgresSimulatedHostFactory factory) : SharingApiTests<PostgresSimulatedHostFactory>(factory);

public sealed class ClockApiTests(ShareFlowHostFactory factory) : IClassFixture<ShareFlowHostFactory>
{
    [Fact]
    public async Task Advance_WithTheSystemClock_Is404()
    {
        var admin = await factory.SignInAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/clock/advance", new { days = 1 })).StatusCode);
    }
}
