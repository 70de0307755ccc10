using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShareFlow.Host.Tests.Support;
using ShareFlow.Workflows.Time;
using static ShareFlow.Host.Tests.Support.SharingSteps;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// The timeliness evaluation (Fuzhou art. 33, Lanzhou art. 37, Beijing art. 29, Shenyang art. 12) over cases driven
/// through the simulated clock. Under the Fuzhou profile an answer is due 15 working days after submission; from
/// Wednesday 2026-09-23 that is 10-21. Working days after 09-23: 09-24, 09-28, 09-29, 09-30, 10-08 ... 10-21 (15th), 10-22.
/// </summary>
public sealed class ReportsApiScenarioTests
{
    private const string Report = "/api/reports/timeliness?from=2026-09-01&to=2026-10-31";

    private static JsonElement Row(JsonElement report, string department, string? from = null) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("department").GetString() == department && (from is null || r.GetProperty("from").GetString() == from));

    private static (int Received, int Answered, int OnTime, int Late, int Escalated, int DeemedConsent, double? Average) Figures(JsonElement row) => (
        row.GetProperty("received").GetInt32(), row.GetProperty("answered").GetInt32(), row.GetProperty("answeredOnTime").GetInt32(),
        row.GetProperty("answeredLate").GetInt32(), row.GetProperty("escalated").GetInt32(), row.GetProperty("deemedConsent").GetInt32(),
        row.GetProperty("averageWorkingDays").ValueKind == JsonValueKind.Null ? null : row.GetProperty("averageWorkingDays").GetDouble());

    [Fact]
    public async Task Timeliness_CountsOnTimeLateEscalatedAnswers_AndWorkingDaysWithoutTheSupplementTime()
    {
        using var factory = new SimulatedHostFactory();
        var clerk = await factory.SignInAsync("clerk.hrss");
        var reviewer = await factory.SignInAsync("reviewer.nr");
        var office = await factory.SignInAsync("office");
        var admin = await factory.SignInAsync("admin");
        string[] items = ["权利人", "坐落"];
        async Task AdvanceAsync(object by) => Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/clock/advance", by)).StatusCode);

        // Wednesday 09-23: four applications to the 市自然资源和规划局 (nr).
        var onTime = await ApplyAsync(clerk, "不动产登记信息", items, "住房保障资格审核");
        var late = await ApplyAsync(clerk, "不动产登记信息", items, "住房保障资格审核");
        var escalated = await ApplyAsync(clerk, "不动产登记信息", items, "住房保障资格审核");
        var supplemented = await ApplyAsync(clerk, "不动产登记信息", items, "住房保障资格审核");

        // Thursday 09-24: one goes back for 补正; it is resubmitted on Tuesday 09-29, so 09-28 and 09-29 do not count.
        await AdvanceAsync(new { days = 1 });
        var returned = await reviewer.PostAsJsonAsync($"/api/tasks/{await TaskForAsync(reviewer, supplemented)}/return", new { reason = "请补充住房保障对象名单" });
        Assert.Equal(HttpStatusCode.NoContent, returned.StatusCode);
        await AdvanceAsync(new { days = 5 });
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/sharing-applications/{supplemented}/resubmit", new { note = "已补充名单" })).StatusCode);

        // 09-29: answered after 3 working days; 09-30: the supplemented one, after 4 less the 2 it was back: 2.
        await AnswerAsync(reviewer, onTime, new { outcome = "approve" });
        await AdvanceAsync(new { days = 1 });
        await AnswerAsync(reviewer, supplemented, new { outcome = "refuse", reasons = "名单人员不属住房保障对象" });

        // Thursday 10-22, 10:00: the deadline ended at 24:00 on 10-21, but the timer has not fired yet when the reviewer
        // answers — late, after 16 working days.
        factory.Services.GetRequiredService<SimulatedClock>().AdvanceTo(new DateTimeOffset(2026, 10, 22, 10, 0, 0, TimeSpan.FromHours(8)));
        await AnswerAsync(reviewer, late, new { outcome = "approve" });
        // An hour later the overdue timers fire: the unanswered one goes to the office.
        await AdvanceAsync(new { hours = 1 });
        Assert.Equal("escalated", (await office.GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{escalated}")).GetProperty("status").GetString());

        var report = await office.GetFromJsonAsync<JsonElement>(Report);
        Assert.Equal(("2026-09-01", "2026-10-31", "period"), (report.GetProperty("from").GetString(), report.GetProperty("to").GetString(), report.GetProperty("groupBy").GetString()));
        var nr = Row(report, "nr");
        Assert.Equal("市自然资源和规划局", nr.GetProperty("departmentName").GetString());
        Assert.Equal((4, 3, 2, 1, 1, 0, 7.0), Figures(nr));
        // The demo city's own cases: 市人社局 approved one the day it came in; 市公安局's pending one was escalated too.
        Assert.Equal((1, 1, 1, 0, 0, 0, 0.0), Figures(Row(report, "hrss")));
        Assert.Equal((1, 0, 0, 0, 1, 0, null), Figures(Row(report, "psb")));
        Assert.Equal(5, report.GetProperty("total").GetProperty("answered").GetInt32());
        Assert.Equal(2, report.GetProperty("total").GetProperty("escalated").GetInt32());

        // Friday 10-23: the office answers the escalated one in the provider's place — an answer, and a late one (17 working days).
        await AdvanceAsync(new { days = 1 });
        await AnswerAsync(office, escalated, new { outcome = "approve", conditions = "经协调同意" });
        Assert.Equal((4, 4, 2, 2, 1, 0, 9.5), Figures(Row(await office.GetFromJsonAsync<JsonElement>(Report), "nr")));

        // By month: each event counts in the month it happened in.
        var monthly = await office.GetFromJsonAsync<JsonElement>(Report + "&groupBy=month&department=nr");
        Assert.Equal(2, monthly.GetProperty("rows").GetArrayLength());
        Assert.Equal((4, 2, 2, 0, 0, 0, 2.5), Figures(Row(monthly, "nr", "2026-09-01")));
        var october = Row(monthly, "nr", "2026-10-01");
        Assert.Equal("2026-10-31", october.GetProperty("to").GetString());
        Assert.Equal((0, 2, 0, 2, 1, 0, 16.5), Figures(october));

        // The same figures as CSV, for the public notice of each department's record.
        var csv = CsvReader.Records(await office.GetByteArrayAsync(new Uri("/api/reports/timeliness.csv?from=2026-09-01&to=2026-10-31", UriKind.Relative)));
        var nrRow = Assert.Single(csv, r => r["提供部门"] == "市自然资源和规划局");
        Assert.Equal(("nr", "2026-09-01", "2026-10-31", "4", "4", "2", "2", "1", "0", "9.5"),
            (nrRow["部门代码"], nrRow["统计起始日"], nrRow["统计截止日"], nrRow["收到申请"], nrRow["已答复"], nrRow["按时答复"], nrRow["逾期答复"], nrRow["逾期提请协调"], nrRow["逾期视为同意"], nrRow["平均答复用时（工作日）"]));
        var total = csv[^1];
        Assert.Equal(("合计", "6"), (total["提供部门"], total["已答复"]));
    }
}

/// <summary>Who may read the evaluation, and what it refuses, on the demo city as seeded (the clock never moves here).</summary>
public sealed class ReportsApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    private const string Report = "/api/reports/timeliness?from=2026-09-01&to=2026-12-31";

    [Theory]
    [InlineData("clerk.nr")]
    [InlineData("reviewer.nr")]
    [InlineData("finance")]
    public async Task Timeliness_ForClerksReviewersAndOthers_Is403(string user)
    {
        var client = await factory.SignInAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(Report, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(Report.Replace("timeliness?", "timeliness.csv?", StringComparison.Ordinal), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Timeliness_ASupervisorSeesTheirOwnDepartmentOnly_AnotherDepartmentIs403()
    {
        var supervisor = await factory.SignInAsync("supervisor.hrss");

        var own = await supervisor.GetFromJsonAsync<JsonElement>(Report);
        var row = Assert.Single(own.GetProperty("rows").EnumerateArray());
        Assert.Equal(("hrss", 1, 1), (row.GetProperty("department").GetString(), row.GetProperty("answered").GetInt32(), row.GetProperty("answeredOnTime").GetInt32()));
        Assert.Equal(1, own.GetProperty("total").GetProperty("answered").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync(new Uri(Report + "&department=psb", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(new Uri(Report + "&department=hrss", UriKind.Relative))).StatusCode);
        var csv = CsvReader.Records(await supervisor.GetByteArrayAsync(new Uri("/api/reports/timeliness.csv?from=2026-09-01&to=2026-12-31", UriKind.Relative)));
        Assert.Equal(["市人力资源和社会保障局", "合计"], csv.Select(r => r["提供部门"]));
    }

    [Theory]
    [InlineData("office")]
    [InlineData("admin")]
    public async Task Timeliness_TheOfficeTheAuditorAndThePolicyAdmin_SeeEveryProvider(string user)
    {
        var client = await factory.SignInAsync(user);

        var report = await client.GetFromJsonAsync<JsonElement>(Report);

        var departments = report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("department").GetString()).ToList();
        Assert.Contains("psb", departments);
        Assert.Contains("amr", departments);
        Assert.Contains("hrss", departments);
        Assert.Contains("nr", departments);
        Assert.DoesNotContain("dsj", departments);
    }

    [Theory]
    [InlineData("from=2026-02-30&to=2026-10-31", "from")]
    [InlineData("to=2026-10-31", "from")]
    [InlineData("from=2026-09-01", "to")]
    [InlineData("from=2026-09-01&to=31/10/2026", "to")]
    [InlineData("from=2026-10-01&to=2026-09-30", "to")]
    [InlineData("from=2026-09-01&to=2026-10-31&groupBy=week", "groupBy")]
    [InlineData("from=2026-09-01&to=2026-10-31&process=sharingDispute", "process")]
    [InlineData("from=2026-09-01&to=2026-10-31&department=nowhere", "department")]
    public async Task Timeliness_BadParameters_Are400NamingTheParameter(string query, string parameter)
    {
        var office = await factory.SignInAsync("office");

        Assert.True((await ErrorsAsync(await office.GetAsync(new Uri($"/api/reports/timeliness?{query}", UriKind.Relative)))).TryGetProperty(parameter, out _));
        Assert.True((await ErrorsAsync(await office.GetAsync(new Uri($"/api/reports/timeliness.csv?{query}", UriKind.Relative)))).TryGetProperty(parameter, out _));
    }
}
