using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;
using static ShareFlow.Host.Tests.Support.SharingSteps;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// Deadlines as the workspace shows them while the clock moves: due soon (即将到期) and overdue in the to-do list, and the
/// supervision page (督办) of a department's principal and of the office. Each test moves the clock of a host of its own,
/// starting Wednesday 2026-09-23.
/// </summary>
public abstract class SupervisionApiTests
{
    /// <summary>A fresh host in training mode, for the test alone.</summary>
    protected abstract SimulatedHostFactory NewHost();

    private static string Text(JsonElement item, string property) => item.GetProperty(property).GetString()!;

    private static async Task AdvanceAsync(HttpClient admin, int workingDays) =>
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/clock/advance", new { workingDays })).StatusCode);

    private static async Task<string> TodayAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("now").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>市市场监管局 opens a catalog change after a law changed on Monday 09-21: due Thursday 09-24 (Fuzhou art. 14, three working days).</summary>
    private static async Task<Guid> ChangeCatalogAsync(HttpClient reviewer)
    {
        var response = await reviewer.PostAsJsonAsync("/api/catalog-changes", new { department = "amr", trigger = "law-change", eventDate = "2026-09-21", eventDescription = "《市场主体登记管理条例实施细则》施行" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> SupervisionAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/supervision");

    private static List<JsonElement> Of(JsonElement supervision, string list, Guid caseId) =>
        [.. supervision.GetProperty(list).EnumerateArray().Where(e => e.GetProperty("caseId").GetGuid() == caseId)];

    [Fact]
    public async Task Tasks_AreDueSoonTwoWorkingDaysBeforeTheirLastDay_ThenOverdue()
    {
        using var factory = NewHost();
        var admin = await factory.SignInAsync("admin");
        var id = await ApplyAsync(await factory.SignInAsync("clerk.edu"), "人口基础信息", ["姓名"], "学籍核验");
        var reviewer = await factory.SignInAsync("reviewer.psb");
        var task = await OpenTaskAsync(reviewer, id);
        Assert.Equal(("2026-10-21", false, false), (Text(task, "dueDate"), task.GetProperty("dueSoon").GetBoolean(), task.GetProperty("overdue").GetBoolean()));

        // Fifteen working days from 09-23 end on 10-21: twelve on, three are left; thirteen on, two.
        await AdvanceAsync(admin, 12);
        Assert.False((await OpenTaskAsync(reviewer, id)).GetProperty("dueSoon").GetBoolean());
        await AdvanceAsync(admin, 1);
        task = await OpenTaskAsync(reviewer, id);
        Assert.Equal((true, false), (task.GetProperty("dueSoon").GetBoolean(), task.GetProperty("overdue").GetBoolean()));

        var amr = await factory.SignInAsync("reviewer.amr");
        var change = await ChangeCatalogAsync(amr);
        var late = (await amr.TaskOfAsync(change))!.Value;
        Assert.Equal(("2026-09-24", true, false), (Text(late, "dueDate"), late.GetProperty("overdue").GetBoolean(), late.GetProperty("dueSoon").GetBoolean()));
        Assert.Equal(("catalog-change", "amr"), (Text(late, "caseKind"), Text(late, "requesterDepartment")));
    }

    [Fact]
    public async Task Supervision_ShowsAMissedDeadline_ToTheOfficeAndTheLateDepartmentsPrincipal_WithTheOfficesFollowUp()
    {
        using var factory = NewHost();
        var admin = await factory.SignInAsync("admin");
        var amr = await factory.SignInAsync("reviewer.amr");
        var change = await ChangeCatalogAsync(amr);
        var office = await factory.SignInAsync("office");
        Assert.Empty((await SupervisionAsync(office)).GetProperty("escalations").EnumerateArray());

        await AdvanceAsync(admin, 2);

        var all = await SupervisionAsync(office);
        var escalation = Assert.Single(Of(all, "escalations", change));
        var followUp = (await office.TaskOfAsync(change))!.Value;
        var number = Text((await office.GetFromJsonAsync<JsonElement>($"/api/cases/{change}")), "caseNumber");
        Assert.Equal(
            ("catalogChange", number, "amr", "提交目录变更申请", "2026-09-24", followUp.GetProperty("id").GetGuid(), true),
            (Text(escalation, "process"), Text(escalation, "caseNumber"), Text(escalation, "department"), Text(escalation, "taskName"), Text(escalation, "dueDate"),
                escalation.GetProperty("officeTaskId").GetGuid(), escalation.GetProperty("open").GetBoolean()));
        Assert.Equal("followUp", Text(followUp, "elementId"));
        Assert.StartsWith("法律法规调整：", Text(escalation, "title"), StringComparison.Ordinal);
        // The department still owes its submission: overdue by the working days since its last day.
        var overdue = Assert.Single(Of(all, "overdue", change));
        var days = (await admin.GetFromJsonAsync<JsonElement>($"/api/calendar/working-days?from=2026-09-24&to={await TodayAsync(admin)}")).GetProperty("workingDays").GetInt32();
        Assert.Equal(((await amr.TaskIdAsync(change)), number, "amr", "2026-09-24", days), (overdue.GetProperty("taskId").GetGuid(), Text(overdue, "caseNumber"),
            Text(overdue, "department"), Text(overdue, "dueDate"), overdue.GetProperty("workingDaysOverdue").GetInt32()));
        Assert.True(days >= 1);

        var principal = await SupervisionAsync(await factory.SignInAsync("supervisor.amr"));
        Assert.Single(Of(principal, "escalations", change));
        Assert.Single(Of(principal, "overdue", change));
        var other = await SupervisionAsync(await factory.SignInAsync("supervisor.psb"));
        Assert.Empty(Of(other, "escalations", change));
        Assert.Empty(Of(other, "overdue", change));

        // The office urges: its follow-up is done, the escalation no longer open.
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/tasks/{followUp.GetProperty("id").GetGuid()}/complete", new { outcome = "urge", opinion = "请尽快提交" })).StatusCode);
        Assert.False(Assert.Single(Of(await SupervisionAsync(office), "escalations", change)).GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task Supervision_OfAnEscalatedApplication_IsSeenByBothDepartmentsPrincipals_NotByOthers()
    {
        using var factory = NewHost();
        var admin = await factory.SignInAsync("admin");
        var id = await ApplyAsync(await factory.SignInAsync("clerk.edu"), "人口基础信息", ["姓名"], "学籍核验");

        // Sixteen working days on, 市公安局's fifteen have passed: the office coordinates (Fuzhou art. 18).
        await AdvanceAsync(admin, 16);

        var office = await factory.SignInAsync("office");
        var coordinate = (await office.TaskOfAsync(id))!.Value;
        var escalation = Assert.Single(Of(await SupervisionAsync(office), "escalations", id));
        Assert.Equal(("sharingApplication", "psb", "提供部门审核答复", "2026-10-21", coordinate.GetProperty("id").GetGuid(), true, "人口基础信息"),
            (Text(escalation, "process"), Text(escalation, "department"), Text(escalation, "taskName"), Text(escalation, "dueDate"), escalation.GetProperty("officeTaskId").GetGuid(),
                escalation.GetProperty("open").GetBoolean(), Text(escalation, "title")));
        Assert.Equal("2026-10-22", Text(escalation, "escalatedAt")[..10]);
        foreach (var principal in new[] { "supervisor.psb", "supervisor.edu" })
        {
            Assert.Single(Of(await SupervisionAsync(await factory.SignInAsync(principal)), "escalations", id));
        }

        var hrss = await SupervisionAsync(await factory.SignInAsync("supervisor.hrss"));
        Assert.Empty(Of(hrss, "escalations", id));
        Assert.All(hrss.GetProperty("escalations").EnumerateArray(), e => Assert.Equal("psb", Text(e, "department"))); // the seeded application of 市人社局 to 市公安局
        Assert.NotEmpty(hrss.GetProperty("escalations").EnumerateArray());

        // The office answers in the provider's place: nothing is left open.
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/tasks/{coordinate.GetProperty("id").GetGuid()}/complete", new { outcome = "approve", opinion = "经协调同意共享" })).StatusCode);
        Assert.False(Assert.Single(Of(await SupervisionAsync(office), "escalations", id)).GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task Supervision_ListsEveryOpenEscalation_AndThoseDealtWithSinceTheDayAskedFor_NinetyDaysBackByDefault()
    {
        using var factory = NewHost();
        var admin = await factory.SignInAsync("admin");
        var application = await ApplyAsync(await factory.SignInAsync("clerk.edu"), "人口基础信息", ["姓名"], "学籍核验");
        var change = await ChangeCatalogAsync(await factory.SignInAsync("reviewer.amr"));
        await AdvanceAsync(admin, 16);
        var office = await factory.SignInAsync("office");
        var coordinate = (await office.TaskOfAsync(application))!.Value;
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/tasks/{coordinate.GetProperty("id").GetGuid()}/complete", new { outcome = "approve", opinion = "经协调同意共享" })).StatusCode);

        var now = await SupervisionAsync(office);
        Assert.Equal(DateOnly.Parse(await TodayAsync(admin), System.Globalization.CultureInfo.InvariantCulture).AddDays(-90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Text(now, "since"));
        Assert.False(Assert.Single(Of(now, "escalations", application)).GetProperty("open").GetBoolean());
        Assert.True(Assert.Single(Of(now, "escalations", change)).GetProperty("open").GetBoolean());

        // Some fourteen weeks on, the application's escalation, dealt with in October, is older than the default period;
        // the catalog change's is still open and still listed.
        await AdvanceAsync(admin, 70);
        var later = await SupervisionAsync(office);
        Assert.True(string.CompareOrdinal(Text(later, "since"), "2026-10-22") > 0);
        Assert.Empty(Of(later, "escalations", application));
        Assert.True(Assert.Single(Of(later, "escalations", change)).GetProperty("open").GetBoolean());
        Assert.Empty(Of(await SupervisionAsync(await factory.SignInAsync("supervisor.psb")), "escalations", application));

        var wider = await office.GetFromJsonAsync<JsonElement>("/api/supervision?since=2026-10-01");
        Assert.Equal("2026-10-01", Text(wider, "since"));
        Assert.Single(Of(wider, "escalations", application));
        Assert.Single(Of(wider, "escalations", change));

        foreach (var bad in new[] { "2026-02-30", "yesterday", "1800-01-01" })
        {
            var response = await office.GetAsync(new Uri($"/api/supervision?since={bad}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("since", out _), bad);
        }
    }

    [Fact]
    public async Task Supervision_IsForPrincipalsAndTheOffice_403ForOthers()
    {
        using var factory = NewHost();

        foreach (var user in new[] { "clerk.edu", "reviewer.psb", "admin" })
        {
            var response = await (await factory.SignInAsync(user)).GetAsync(new Uri("/api/supervision", UriKind.Relative));

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await (await factory.SignInAsync("supervisor.nhc")).StatusOfGetAsync("/api/supervision"));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SupervisionApiTestsOnSqlite : SupervisionApiTests
{
    protected override SimulatedHostFactory NewHost() => new();
}

/// <summary>On PostgreSQL.</summary>
public sealed class SupervisionApiTestsOnPostgres : SupervisionApiTests
{
    protected override SimulatedHostFactory NewHost() => new PostgresSimulatedHostFactory();
}
