using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;
using static ShareFlow.Host.Tests.Support.SharingSteps;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// The case list and its CSV export over the demo city's three seeded applications (Wednesday 2026-09-23): 市人社局's
/// application to 市公安局 waiting for review, 市民政局's approved by 市人社局, 市税务局's refused by 市市场监管局.
/// The clock of this fixture never moves.
/// </summary>
public sealed class CaseListApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    private static async Task<JsonElement> ListAsync(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/sharing-applications?pageSize=200&{query}");

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static string Text(JsonElement item, string property) => item.GetProperty(property).GetString()!;

    [Fact]
    public async Task List_FiltersByStatusDepartmentPeriodProcessAndOverdue_AndPages()
    {
        var office = await factory.SignInAsync("office");
        var all = await ListAsync(office, string.Empty);
        var total = all.GetProperty("total").GetInt32();
        Assert.True(total >= 3);
        Assert.All(Items(all), i => Assert.Equal("sharingApplication", Text(i, "process")));

        var approved = Items(await ListAsync(office, "status=approved"));
        Assert.All(approved, i => Assert.Equal("approved", Text(i, "status")));
        var seeded = Assert.Single(approved, i => Text(i, "requesterDepartment") == "mca");
        Assert.Equal("市人力资源和社会保障局〔2026〕共享答复第1号", Text(seeded, "documentNumber"));

        var submittedOrRefused = Items(await ListAsync(office, "status=submitted,refused"));
        Assert.Equal(["refused", "submitted"], submittedOrRefused.Select(i => Text(i, "status")).Distinct().Order(StringComparer.Ordinal));
        Assert.All(submittedOrRefused.Where(i => Text(i, "status") == "submitted"), i => Assert.Null(i.GetProperty("documentNumber").GetString()));

        Assert.All(Items(await ListAsync(office, "department=amr")), i => Assert.Contains("amr", new[] { Text(i, "requesterDepartment"), Text(i, "providerDepartment") }));
        Assert.Equal(0, (await ListAsync(office, "submittedFrom=2026-09-24")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ListAsync(office, "submittedTo=2026-09-22")).GetProperty("total").GetInt32());
        Assert.Equal(total, (await ListAsync(office, "submittedFrom=2026-09-23&submittedTo=2026-09-23")).GetProperty("total").GetInt32());
        Assert.Equal(total, (await ListAsync(office, "process=sharingApplication")).GetProperty("total").GetInt32());
        Assert.Equal(total, (await ListAsync(office, "overdue=false")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ListAsync(office, "overdue=true")).GetProperty("total").GetInt32());

        var second = await office.GetFromJsonAsync<JsonElement>("/api/sharing-applications?page=2&pageSize=1");
        Assert.Equal((total, 2, 1), (second.GetProperty("total").GetInt32(), second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32()));
        Assert.Equal(Items(all)[1].GetProperty("id").GetGuid(), Assert.Single(Items(second)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task List_AClerkSeesTheirOwnDepartmentsCasesOnly_WhateverTheFilterSays()
    {
        var clerk = await factory.SignInAsync("clerk.mca");

        var mine = Items(await ListAsync(clerk, string.Empty));
        Assert.NotEmpty(mine);
        Assert.All(mine, i => Assert.Contains("mca", new[] { Text(i, "requesterDepartment"), Text(i, "providerDepartment") }));
        Assert.Equal(0, (await ListAsync(clerk, "department=psb")).GetProperty("total").GetInt32());
        var export = CsvReader.Records(await clerk.GetByteArrayAsync(new Uri("/api/sharing-applications/export.csv", UriKind.Relative)));
        Assert.All(export, r => Assert.Contains("市民政局", new[] { r["申请部门"], r["提供部门"] }));
    }

    [Theory]
    [InlineData("status=bogus", "status")]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("submittedFrom=2026-13-01", "submittedFrom")]
    [InlineData("submittedFrom=23.09.2026", "submittedFrom")]
    [InlineData("submittedFrom=2026-10-01&submittedTo=2026-09-30", "submittedTo")]
    [InlineData("process=sharingDispute", "process")]
    [InlineData("department=nowhere", "department")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task List_AndExport_BadFilter_Is400NamingTheParameter(string query, string parameter)
    {
        var office = await factory.SignInAsync("office");

        var list = await office.GetAsync(new Uri($"/api/sharing-applications?{query}", UriKind.Relative));
        Assert.True((await ErrorsAsync(list)).TryGetProperty(parameter, out _));
        if (parameter is not "page" and not "pageSize")
        {
            var export = await office.GetAsync(new Uri($"/api/sharing-applications/export.csv?{query}", UriKind.Relative));
            Assert.True((await ErrorsAsync(export)).TryGetProperty(parameter, out _));
        }
    }

    [Fact]
    public async Task Export_IsUtf8WithABom_ParsesBackToTheSameCasesAsTheList_InChinese()
    {
        var office = await factory.SignInAsync("office");

        var response = await office.GetAsync(new Uri("/api/sharing-applications/export.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("sharing-applications-20260923.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var records = CsvReader.Records(await response.Content.ReadAsByteArrayAsync());
        var list = Items(await ListAsync(office, string.Empty));
        Assert.Equal(list.Select(i => Text(i, "number")), records.Select(r => r["申请编号"]));

        var approved = Assert.Single(records, r => r["申请部门"] == "市民政局");
        Assert.Equal(("共享申请", "同意共享", "市人力资源和社会保障局〔2026〕共享答复第1号", "社会保险参保信息", "市人力资源和社会保障局"),
            (approved["流程"], approved["状态"], approved["文号"], approved["资源名称"], approved["提供部门"]));
        Assert.Equal(("公民身份号码、参保状态", "2026-09-23 09:00", "否", "同意"), (approved["申请数据项"], approved["提交时间"], approved["是否逾期"], approved["答复结果"]));
        var pending = Assert.Single(records, r => r["申请部门"] == "市人力资源和社会保障局" && r["提供部门"] == "市公安局");
        Assert.Equal(("审核中", "2026-10-21", string.Empty), (pending["状态"], pending["答复期限"], pending["文号"]));

        var refused = CsvReader.Records(await office.GetByteArrayAsync(new Uri("/api/sharing-applications/export.csv?status=refused", UriKind.Relative)));
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Equal("不予共享", r["状态"]));
    }
}

/// <summary>Exports and overdue filters that change the city (renamed departments) or move the clock: each on a host of its own.</summary>
public sealed class CaseListApiChangingTests
{
    [Fact]
    public async Task Export_DefusesCellsASpreadsheetWouldRunAsFormulas_AndQuotesCommasAndQuotes()
    {
        using var factory = new SimulatedHostFactory();
        var admin = await factory.SignInAsync("admin");
        const string Formula = "=HYPERLINK(\"http://evil.example\",\"点我\"),税务";
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/departments/tax", new { name = Formula })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/departments/amr", new { name = "+市场监管" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/departments/mca", new { name = "@民政" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/departments/hrss", new { name = "-人社" })).StatusCode);

        var bytes = await admin.GetByteArrayAsync(new Uri("/api/sharing-applications/export.csv", UriKind.Relative));

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\"),税务\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        var records = CsvReader.Records(bytes);
        var refused = Assert.Single(records, r => r["状态"] == "不予共享");
        Assert.Equal(("'" + Formula, "'+市场监管"), (refused["申请部门"], refused["提供部门"]));
        var approved = Assert.Single(records, r => r["状态"] == "同意共享");
        Assert.Equal(("'@民政", "'-人社"), (approved["申请部门"], approved["提供部门"]));
        Assert.All(records.SelectMany(r => r.Values), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', cell));
    }

    [Fact]
    public async Task List_Overdue_FindsTheCaseWhoseCurrentStepIsPastItsDeadline()
    {
        using var factory = new SimulatedHostFactory();
        var clerk = await factory.SignInAsync("clerk.edu");
        var id = await ApplyAsync(clerk, "人口基础信息", ["姓名"], "学籍核验");
        var admin = await factory.SignInAsync("admin");
        var office = await factory.SignInAsync("office");

        // 16 working days on (10-22): the provider's 15 have passed and the office has taken over, with 15 working days of its own (to 11-12).
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/clock/advance", new { workingDays = 16 })).StatusCode);
        var escalated = Assert.Single((await office.GetFromJsonAsync<JsonElement>("/api/sharing-applications?status=escalated&department=edu")).GetProperty("items").EnumerateArray());
        Assert.Equal((id, false, "2026-11-12"), (escalated.GetProperty("id").GetGuid(), escalated.GetProperty("overdue").GetBoolean(), escalated.GetProperty("deadline").GetString()));
        Assert.Equal(0, (await office.GetFromJsonAsync<JsonElement>("/api/sharing-applications?overdue=true&department=edu")).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/clock/advance", new { workingDays = 16 })).StatusCode);

        var overdue = Assert.Single((await office.GetFromJsonAsync<JsonElement>("/api/sharing-applications?overdue=true&department=edu")).GetProperty("items").EnumerateArray());
        Assert.Equal((id, true), (overdue.GetProperty("id").GetGuid(), overdue.GetProperty("overdue").GetBoolean()));
        Assert.DoesNotContain((await office.GetFromJsonAsync<JsonElement>("/api/sharing-applications?overdue=false&pageSize=200")).GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        var row = Assert.Single(CsvReader.Records(await office.GetByteArrayAsync(new Uri("/api/sharing-applications/export.csv?overdue=true&department=edu", UriKind.Relative))));
        Assert.Equal(("是", "逾期已提请协调"), (row["是否逾期"], row["状态"]));
    }
}
