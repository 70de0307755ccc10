using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShareFlow.Host.Tests.Support;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>The other processes over HTTP, with the same department scoping as sharing applications.</summary>
public sealed class CasesApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    [Fact]
    public async Task RefusalDisputedAndSettled_TheApplicationReadsDisputeSettled_OnItsPageAndInTheCaseList()
    {
        var clerk = await factory.SignInAsync("clerk.hrss");
        var reviewer = await factory.SignInAsync("reviewer.psb");
        var application = await SharingSteps.ApplyAsync(clerk, "人口基础信息", ["姓名", "公民身份号码"]);
        await SharingSteps.AnswerAsync(reviewer, application, new { outcome = "refuse", opinion = "不同意", reasons = "未说明具体用途" });
        await SharingSteps.AnswerAsync(clerk, application, new { outcome = "dispute", opinion = "申请协调" });
        Assert.Equal("disputed", (await clerk.GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{application}")).GetProperty("status").GetString());

        Guid dispute;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<ShareFlowDbContext>>().CreateDbContextAsync())
        {
            dispute = await db.Disputes.Where(d => d.SharingApplicationId == application).Select(d => d.Id).SingleAsync();
        }

        await SharingSteps.AnswerAsync(reviewer, dispute, new { outcome = "agree", items = new[] { "姓名" }, reasons = "公民身份号码不属核查所需" });

        Assert.Equal("dispute-settled", (await clerk.GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{application}")).GetProperty("status").GetString());
        var listed = await clerk.GetFromJsonAsync<JsonElement>("/api/cases?process=sharingApplication&status=dispute-settled");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == application);
    }

    [Fact]
    public async Task CatalogChange_OpenedByTheDepartment_IsDueFromTheEvent_AndHiddenFromOthers()
    {
        var reviewer = await factory.SignInAsync("reviewer.psb");

        var opened = await reviewer.PostAsJsonAsync("/api/catalog-changes", new { department = "psb", trigger = "law-change", eventDate = "2026-09-21", eventDescription = "《户口登记条例》修订施行" });

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var task = (await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.GetProperty("caseId").GetGuid() == id);
        // Fuzhou art. 14: three working days from the change on Monday 09-21: 09-22, 09-23, 09-24.
        Assert.Equal("2026-09-24", task.GetProperty("dueDate").GetString());
        var outsider = await factory.SignInAsync("reviewer.amr");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri($"/api/catalog-changes/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignInAsync("office")).GetAsync(new Uri($"/api/catalog-changes/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CatalogChange_AnsweredThroughTheTaskEndpoint_ByTheDepartmentThenTheOffice()
    {
        var reviewer = await factory.SignInAsync("reviewer.psb");
        var resource = (await reviewer.GetFromJsonAsync<JsonElement>("/api/catalog/resources")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "机动车登记信息");
        var response = await reviewer.PostAsJsonAsync("/api/catalog-changes", new { department = "psb", trigger = "duty-change", eventDate = "2026-09-22", eventDescription = "机动车登记职责调整" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var opened = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = opened.GetProperty("id").GetGuid();
        var submit = (await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.GetProperty("caseId").GetGuid() == id).GetProperty("id").GetGuid();

        var bare = await reviewer.PostAsJsonAsync($"/api/tasks/{submit}/complete", new { outcome = "submit", kind = "stop", resourceId = resource.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode); // stopping a published entry needs reasons
        Assert.Equal(["reasons"], (await bare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsJsonAsync($"/api/tasks/{submit}/complete",
            new { outcome = "submit", kind = "stop", resourceId = resource.GetProperty("id").GetGuid(), reasons = "车辆登记职责划转至市交通运输局" })).StatusCode);

        var office = await factory.SignInAsync("office");
        var review = (await office.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.GetProperty("caseId").GetGuid() == id).GetProperty("id").GetGuid();
        // Returning the change needs the reasons: the refusal names the answer's opinion field, where the office writes them.
        var unexplained = await office.PostAsJsonAsync($"/api/tasks/{review}/complete", new { outcome = "return" });
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        var errors = (await unexplained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["opinion"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/tasks/{review}/complete", new { outcome = "approve", opinion = "同意停止共享" })).StatusCode);
        Assert.Equal("Approved", (await office.GetFromJsonAsync<JsonElement>($"/api/catalog-changes/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CatalogChange_ForAnotherDepartment_Is400AndStoresNothing()
    {
        var reviewer = await factory.SignInAsync("reviewer.amr");

        var response = await reviewer.PostAsJsonAsync("/api/catalog-changes", new { department = "psb", trigger = "law-change", eventDate = "2026-09-21", eventDescription = "条例修订" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var undescribed = await (await factory.SignInAsync("reviewer.amr")).PostAsJsonAsync("/api/catalog-changes", new { department = "amr", trigger = "law-change", eventDate = "2026-09-21" });
        Assert.True((await undescribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("eventDescription", out _));
    }

    [Fact]
    public async Task Project_PaymentGate_ClosedUntilReviewed_VisibleToFinance_NotToOtherDepartments()
    {
        var clerk = await factory.SignInAsync("clerk.nr");
        var registered = await clerk.PostAsJsonAsync("/api/projects", new
        {
            code = "NR-2026-007",
            name = "不动产登记信息化升级项目",
            buildingDepartment = "nr",
            funding = "Fiscal",
            construction = "Expansion",
            dataCatalog = new[] { "不动产登记信息" },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A completion still to come is refused beside its date, and the project stays under construction.
        var early = await clerk.PostAsJsonAsync($"/api/projects/{id}/completion", new { completionDate = "2099-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal(["completionDate"], await early.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync($"/api/projects/{id}/completion", new { completionDate = "2026-09-21" })).StatusCode);

        var finance = await factory.SignInAsync("finance");
        var gate = await finance.GetFromJsonAsync<JsonElement>($"/api/projects/{id}/payment-gate");
        Assert.False(gate.GetProperty("isOpen").GetBoolean());
        Assert.Contains((await finance.GetFromJsonAsync<JsonElement>("/api/payment-gates")).EnumerateArray(), g => g.GetProperty("projectId").GetGuid() == id);
        var other = await factory.SignInAsync("clerk.tax");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/projects/{id}/payment-gate", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri("/api/payment-gates", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"/api/projects/{id}/completion", new { })).StatusCode);
    }

    [Fact]
    public async Task RectificationOrder_IssuedOnlyByTheOffice()
    {
        var clerk = await factory.SignInAsync("clerk.hrss");

        var response = await clerk.PostAsJsonAsync("/api/rectification-orders", new { subjectCaseId = Guid.NewGuid(), department = "psb", reasons = "逾期未答复" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
