using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// The list of every process's cases (<c>/api/cases</c>), its CSV export and the case summary, over the demo city's three
/// seeded applications (Wednesday 2026-09-23) and, filed by the tests, data objections of 市民政局 against the
/// 社会保险参保信息 市人社局 shares with it (the seeded approved application) and catalog changes of 市市场监管局. The clock of this fixture never moves.
/// </summary>
public abstract class CasesOverviewApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ShareFlowHostFactory
{
    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static string Text(JsonElement item, string property) => item.GetProperty(property).GetString()!;

    private static async Task<JsonElement> ListAsync(HttpClient client, string query = "") =>
        await client.GetFromJsonAsync<JsonElement>($"/api/cases?pageSize=200&{query}");

    /// <summary>市民政局's clerk doubts the 社会保险参保信息 市人社局 shares with it (数据异议); answers the case.</summary>
    private async Task<JsonElement> ObjectAsync()
    {
        var clerk = await factory.SignInAsync("clerk.mca");
        var resource = (await clerk.GetFromJsonAsync<JsonElement>("/api/catalog/resources")).EnumerateArray().Single(r => Text(r, "name") == "社会保险参保信息");
        var response = await clerk.PostAsJsonAsync("/api/data-objections", new { resourceId = resource.GetProperty("id").GetGuid(), items = new[] { "参保状态" }, description = "参保状态与社保卡记录不符" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>市市场监管局 opens a catalog change after a law changed on Monday 09-21; answers the case.</summary>
    private async Task<JsonElement> ChangeCatalogAsync()
    {
        var reviewer = await factory.SignInAsync("reviewer.amr");
        var response = await reviewer.PostAsJsonAsync("/api/catalog-changes", new { department = "amr", trigger = "law-change", eventDate = "2026-09-21", eventDescription = "《市场主体登记管理条例实施细则》施行" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task List_ShowsEveryProcessInOneShape_NewestFirst_AndFilters()
    {
        var objection = await ObjectAsync();
        var change = await ChangeCatalogAsync();
        var office = await factory.SignInAsync("office");

        var all = await ListAsync(office);

        var items = Items(all);
        Assert.Equal(all.GetProperty("total").GetInt32(), items.Count);
        Assert.Contains(items, i => Text(i, "process") == "sharingApplication");
        var listed = Assert.Single(items, i => i.GetProperty("id").GetGuid() == objection.GetProperty("id").GetGuid());
        Assert.Equal(
            ("dataObjection", "data-objection", Text(objection, "number"), "社会保险参保信息", "under-verification", "mca", "hrss"),
            (Text(listed, "process"), Text(listed, "kind"), Text(listed, "caseNumber"), Text(listed, "title"), Text(listed, "status"), Text(listed, "requesterDepartment"), Text(listed, "providerDepartment")));
        Assert.Equal(("核查中", "数据异议", false, false), (Text(listed, "statusLabel"), Text(listed, "processName"), listed.GetProperty("overdue").GetBoolean(), listed.GetProperty("provisional").GetBoolean()));
        Assert.NotNull(listed.GetProperty("dueDate").GetString());
        Assert.Equal(ChinaDate(listed.GetProperty("dueAt").GetDateTimeOffset().AddTicks(-1)), Text(listed, "dueDate"));
        var catalog = Assert.Single(items, i => i.GetProperty("id").GetGuid() == change.GetProperty("id").GetGuid());
        // Fuzhou art. 14: three working days from the law change on Monday 09-21.
        Assert.Equal(("catalog-change", "awaiting-submission", "amr", "2026-09-24"), (Text(catalog, "kind"), Text(catalog, "status"), Text(catalog, "requesterDepartment"), Text(catalog, "dueDate")));
        Assert.StartsWith("法律法规调整：", Text(catalog, "title"), StringComparison.Ordinal);
        Assert.Equal(items.OrderByDescending(i => i.GetProperty("submittedAt").GetDateTimeOffset()).Select(i => i.GetProperty("id").GetGuid()), items.Select(i => i.GetProperty("id").GetGuid()));

        Assert.All(Items(await ListAsync(office, "process=dataObjection,catalogChange")), i => Assert.Contains(Text(i, "process"), new[] { "dataObjection", "catalogChange" }));
        var awaiting = Items(await ListAsync(office, "status=awaiting-submission&department=amr"));
        Assert.Contains(awaiting, i => i.GetProperty("id").GetGuid() == change.GetProperty("id").GetGuid());
        Assert.All(awaiting, i => Assert.Equal(("catalog-change", "awaiting-submission", "amr"), (Text(i, "kind"), Text(i, "status"), Text(i, "requesterDepartment"))));
        Assert.Equal([objection.GetProperty("id").GetGuid()], Items(await ListAsync(office, $"q={Text(objection, "number").ToLowerInvariant()}")).Select(i => i.GetProperty("id").GetGuid()));
        Assert.Contains(Items(await ListAsync(office, "q=市场主体登记管理条例")), i => i.GetProperty("id").GetGuid() == change.GetProperty("id").GetGuid());
        var found = Items(await ListAsync(office, "q=社会保险"));
        Assert.Contains(found, i => i.GetProperty("id").GetGuid() == objection.GetProperty("id").GetGuid());
        Assert.All(found, i => Assert.Contains("社会保险", Text(i, "title"), StringComparison.Ordinal));
        Assert.Equal(0, (await ListAsync(office, "from=2026-09-24")).GetProperty("total").GetInt32());
        Assert.Equal(all.GetProperty("total").GetInt32(), (await ListAsync(office, "from=2026-09-23&to=2026-09-23")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ListAsync(office, "overdue=true")).GetProperty("total").GetInt32());

        var second = await office.GetFromJsonAsync<JsonElement>("/api/cases?page=2&pageSize=1");
        Assert.Equal((2, 1), (second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32()));
        Assert.Equal(items[1].GetProperty("id").GetGuid(), Assert.Single(Items(second)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task List_AClerkOrReviewerSeesTheirOwnDepartmentsCasesOnly()
    {
        var objection = (await ObjectAsync()).GetProperty("id").GetGuid();
        var change = (await ChangeCatalogAsync()).GetProperty("id").GetGuid();

        var hrss = Items(await ListAsync(await factory.SignInAsync("reviewer.hrss")));
        var amrClerk = await factory.SignInAsync("clerk.amr");
        var amr = Items(await ListAsync(amrClerk));
        var nhc = await factory.SignInAsync("clerk.nhc");

        Assert.Contains(hrss, i => i.GetProperty("id").GetGuid() == objection);
        Assert.DoesNotContain(hrss, i => i.GetProperty("id").GetGuid() == change);
        Assert.All(hrss, i => Assert.Contains("hrss", new[] { i.GetProperty("requesterDepartment").GetString(), i.GetProperty("providerDepartment").GetString() }));
        Assert.Contains(amr, i => i.GetProperty("id").GetGuid() == change);
        Assert.DoesNotContain(amr, i => i.GetProperty("id").GetGuid() == objection);
        Assert.All(amr, i => Assert.Contains("amr", new[] { i.GetProperty("requesterDepartment").GetString(), i.GetProperty("providerDepartment").GetString() }));
        Assert.Equal(0, (await ListAsync(amrClerk, "department=hrss")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ListAsync(nhc)).GetProperty("total").GetInt32());
        var export = CsvReader.Records(await (await factory.SignInAsync("clerk.mca")).GetByteArrayAsync(new Uri("/api/cases/export.csv", UriKind.Relative)));
        Assert.Contains(export, r => r["流程"] == "数据异议");
        Assert.All(export, r => Assert.Contains("市民政局", new[] { r["申请部门"], r["提供部门"] }));
    }

    [Theory]
    [InlineData("process=bogus", "process")]
    [InlineData("status=bogus", "status")]
    [InlineData("process=dataObjection&status=submitted", "status")]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=23.09.2026", "to")]
    [InlineData("from=2026-10-01&to=2026-09-30", "to")]
    [InlineData("department=nowhere", "department")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task List_AndExport_BadFilter_Is400NamingTheParameter(string query, string parameter)
    {
        var office = await factory.SignInAsync("office");

        var list = await office.GetAsync(new Uri($"/api/cases?{query}", UriKind.Relative));

        Assert.Contains(parameter, await list.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        if (parameter is not "page" and not "pageSize")
        {
            var export = await office.GetAsync(new Uri($"/api/cases/export.csv?{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
            Assert.Contains(parameter, await export.ErrorFieldsAsync());
        }
    }

    [Fact]
    public async Task List_TooLongASearch_Is400NamingQ()
    {
        var office = await factory.SignInAsync("office");

        var response = await office.GetAsync(new Uri($"/api/cases?q={new string('数', 101)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("q", await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Export_IsTheListInChinese_ForExcel()
    {
        var objection = await ObjectAsync();
        var office = await factory.SignInAsync("office");

        var response = await office.GetAsync(new Uri("/api/cases/export.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cases-20260923.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var records = CsvReader.Records(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Items(await ListAsync(office)).Select(i => Text(i, "caseNumber")), records.Select(r => r["案件编号"]));
        var row = Assert.Single(records, r => r["案件编号"] == Text(objection, "number"));
        Assert.Equal(("数据异议", "社会保险参保信息", "核查中", "市民政局", "市人力资源和社会保障局", "否"), (row["流程"], row["标题"], row["状态"], row["申请部门"], row["提供部门"], row["是否逾期"]));
        Assert.Equal("2026-09-23 09:00", row["提交时间"]);
        var only = CsvReader.Records(await office.GetByteArrayAsync(new Uri("/api/cases/export.csv?process=dataObjection", UriKind.Relative)));
        Assert.All(only, r => Assert.Equal("数据异议", r["流程"]));
    }

    [Fact]
    public async Task Get_SummarisesACaseOfAnyKind_ForThoseWhoMaySeeIt_404ForOthers()
    {
        var objection = await ObjectAsync();
        var id = objection.GetProperty("id").GetGuid();
        var reviewer = await factory.SignInAsync("reviewer.hrss");

        var summary = await reviewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");

        Assert.Equal(
            (id, "dataObjection", "data-objection", Text(objection, "number"), "社会保险参保信息", "under-verification", "mca", "hrss", $"/api/data-objections/{id}"),
            (summary.GetProperty("id").GetGuid(), Text(summary, "process"), Text(summary, "kind"), Text(summary, "caseNumber"), Text(summary, "title"), Text(summary, "status"),
                Text(summary, "requesterDepartment"), Text(summary, "providerDepartment"), Text(summary, "detailUrl")));
        Assert.Equal(HttpStatusCode.OK, await reviewer.StatusOfGetAsync(Text(summary, "detailUrl")));
        var task = Assert.Single(summary.GetProperty("openTasks").EnumerateArray());
        Assert.Equal(("verify", "hrss", "provider-reviewer", Text(summary, "dueDate"), false), (Text(task, "elementId"), Text(task, "candidateDepartment"), Text(task, "candidateRole"), Text(task, "dueDate"), task.GetProperty("overdue").GetBoolean()));
        Assert.Equal(await reviewer.TaskIdAsync(id), task.GetProperty("id").GetGuid());
        var history = summary.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("instance-started", Text(history[0], "kind"));
        Assert.Contains(history, h => Text(h, "kind") == "task-created" && h.GetProperty("elementId").GetString() == "verify");
        // Who acted, by user name and by the name colleagues know them by; the system's steps name nobody.
        var clerkName = Text(await (await factory.SignInAsync("clerk.mca")).GetFromJsonAsync<JsonElement>("/api/auth/me"), "displayName");
        Assert.Equal(("clerk.mca", clerkName), (Text(history[0], "actor"), Text(history[0], "actorName")));
        Assert.All(history.Where(h => h.GetProperty("actor").ValueKind == JsonValueKind.Null), h => Assert.Equal(JsonValueKind.Null, h.GetProperty("actorName").ValueKind));

        Assert.Equal(HttpStatusCode.OK, await (await factory.SignInAsync("office")).StatusOfGetAsync($"/api/cases/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, await (await factory.SignInAsync("clerk.amr")).StatusOfGetAsync($"/api/cases/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, await reviewer.StatusOfGetAsync($"/api/cases/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Tasks_ShowTheCaseOfEveryProcess_ItsTitleAndDepartments()
    {
        var objection = await ObjectAsync();
        var reviewer = await factory.SignInAsync("reviewer.hrss");

        var task = (await reviewer.TaskOfAsync(objection.GetProperty("id").GetGuid()))!.Value;

        Assert.Equal(
            (Text(objection, "number"), "社会保险参保信息", "data-objection", "mca", "hrss", false, false),
            (Text(task, "caseNumber"), Text(task, "caseTitle"), Text(task, "caseKind"), Text(task, "requesterDepartment"), Text(task, "providerDepartment"),
                task.GetProperty("dueSoon").GetBoolean(), task.GetProperty("overdue").GetBoolean()));
        var seeded = (await (await factory.SignInAsync("reviewer.psb")).GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().First(t => Text(t, "processKey") == "sharingApplication");
        Assert.Equal(("sharing-application", "psb"), (Text(seeded, "caseKind"), Text(seeded, "providerDepartment")));
        Assert.StartsWith("SQ-", Text(seeded, "caseNumber"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Text(seeded, "caseTitle")));
    }

    [Fact]
    public async Task Done_ShowsTheCaseTitleAndDepartments_AndNoDeadlineFlagsOnceTheTaskIsDone()
    {
        var id = await factory.ApplyAsync();
        var reviewer = await factory.ColleagueAsync("overview.psb");
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostJsonAsync($"/api/tasks/{await reviewer.TaskIdAsync(id)}/complete", new { outcome = "approve", opinion = "同意" })).StatusCode);

        var done = Assert.Single((await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks/done")).GetProperty("items").EnumerateArray());

        Assert.Equal((id, "人口基础信息", "hrss", "psb", "2026-10-21", false, false), (done.GetProperty("caseId").GetGuid(), Text(done, "caseTitle"),
            Text(done, "requesterDepartment"), Text(done, "providerDepartment"), Text(done, "dueDate"), done.GetProperty("overdue").GetBoolean(), done.GetProperty("dueSoon").GetBoolean()));
    }

    [Fact]
    public async Task CalendarPreview_ListsTheChangedDaysAndTheDeadlinesThatWouldMove_AndStoresNothing()
    {
        var admin = await factory.SignInAsync("admin");
        var reviewer = await factory.SignInAsync("reviewer.psb");
        var seeded = (await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().First(t => Text(t, "processKey") == "sharingApplication" && Text(t, "requesterDepartment") == "hrss");
        Assert.Equal("2026-10-21", Text(seeded, "dueDate"));
        // The 2026 notice as in force, with one more day off: Monday 12 October.
        var notice = await NoticeAsync(admin, 2026, new { name = "国庆节", date = "2026-10-12", isOffDay = true });

        var response = await admin.PostAsync(new Uri("/api/calendar/years/2026/preview", UriKind.Relative), notice);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2026, preview.GetProperty("year").GetInt32());
        var change = Assert.Single(preview.GetProperty("changes").EnumerateArray());
        Assert.Equal(("2026-10-12", "workday", "holiday", "国庆节"), (Text(change, "date"), Text(change, "before"), Text(change, "after"), Text(change, "name")));
        var moved = Assert.Single(preview.GetProperty("movedDeadlines").EnumerateArray(), m => m.GetProperty("taskId").GetGuid() == seeded.GetProperty("id").GetGuid());
        Assert.Equal((seeded.GetProperty("caseId").GetGuid(), Text(seeded, "caseNumber"), "提供部门审核答复", "2026-10-21", "2026-10-22"),
            (moved.GetProperty("caseId").GetGuid(), Text(moved, "caseNumber"), Text(moved, "taskName"), Text(moved, "before"), Text(moved, "after")));
        Assert.All(preview.GetProperty("movedDeadlines").EnumerateArray(), m => Assert.True(string.CompareOrdinal(Text(m, "after"), Text(m, "before")) > 0));

        Assert.Equal("workday", Text(await admin.GetFromJsonAsync<JsonElement>("/api/calendar/days/2026-10-12"), "kind"));
        Assert.Equal("2026-10-21", Text((await reviewer.TaskOfAsync(seeded.GetProperty("caseId").GetGuid()))!.Value, "dueDate"));
    }

    [Fact]
    public async Task CalendarPreview_OfTheSameNotice_ChangesNothing()
    {
        var admin = await factory.SignInAsync("admin");

        var preview = await (await admin.PostAsync(new Uri("/api/calendar/years/2026/preview", UriKind.Relative), await NoticeAsync(admin, 2026))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((0, 0), (preview.GetProperty("changes").GetArrayLength(), preview.GetProperty("movedDeadlines").GetArrayLength()));
    }

    [Theory]
    [InlineData("2026", """{"year":2027,"days":[]}""", "year")]
    [InlineData("2027", """{"year":2027,"days":[{"name":"春节","date":"2027-02-10","isOffDay":false}]}""", "days[0].date")]
    [InlineData("2027", """{"year":2027}""", "days")]
    [InlineData("1948", """{"year":1948,"days":[]}""", "year")]
    public async Task CalendarPreview_RefusesWhatTheImportRefuses_WithTheSameErrors(string year, string body, string field)
    {
        var admin = await factory.SignInAsync("admin");

        var preview = await admin.PostAsync(new Uri($"/api/calendar/years/{year}/preview", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var import = await admin.PutAsync(new Uri($"/api/calendar/years/{year}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (preview.StatusCode, import.StatusCode));
        var fields = await preview.ErrorFieldsAsync();
        Assert.Contains(field, fields);
        Assert.Equal(await import.ErrorFieldsAsync(), fields);
    }

    [Fact]
    public async Task CalendarPreview_IsForThePolicyAdminOnly()
    {
        var office = await factory.SignInAsync("office");

        var response = await office.PostAsync(new Uri("/api/calendar/years/2027/preview", UriKind.Relative), new StringContent("""{"year":2027,"days":[]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>The year's notice as the calendar has it (holidays and make-up workdays), with <paramref name="extra"/> days added.</summary>
    private static async Task<StringContent> NoticeAsync(HttpClient client, int year, params object[] extra)
    {
        var holidays = await client.GetFromJsonAsync<JsonElement>($"/api/calendar/years/{year}/holidays");
        var days = holidays.GetProperty("holidays").EnumerateArray().Select(d => (object)new { name = Text(d, "name"), date = Text(d, "date"), isOffDay = true })
            .Concat(holidays.GetProperty("makeupWorkdays").EnumerateArray().Select(d => (object)new { name = Text(d, "name"), date = Text(d, "date"), isOffDay = false }))
            .Concat(extra);
        return new StringContent(JsonSerializer.Serialize(new { year, papers = new[] { "https://www.gov.cn/example" }, days }), Encoding.UTF8, "application/json");
    }

    private static string ChinaDate(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>On SQLite.</summary>
public sealed class CasesOverviewApiTestsOnSqlite(SimulatedHostFactory factory) : CasesOverviewApiTests<SimulatedHostFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class CasesOverviewApiTestsOnPostgres(PostgresSimulatedHostFactory factory) : CasesOverviewApiTests<PostgresSimulatedHostFactory>(factory);
