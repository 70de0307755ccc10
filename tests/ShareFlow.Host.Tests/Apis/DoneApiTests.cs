using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>已办 over HTTP: what a reviewer has handled, newest first, with the case number and the outcome, in pages.</summary>
public sealed class DoneApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    [Fact]
    public async Task Done_ListsTheTasksTheCallerHandled_NewestFirst_WithCaseNumberAndOutcome_InPages()
    {
        var first = await factory.ApplyAsync();
        var second = await factory.ApplyAsync();
        var third = await factory.ApplyAsync();
        var reviewer = await factory.ColleagueAsync("done1.psb");
        await factory.AddUserAsync("done2.psb", "psb", "provider-reviewer");
        var refused = await reviewer.PostJsonAsync($"/api/tasks/{await reviewer.TaskIdAsync(first)}/complete", new { outcome = "refuse", reasons = "与履职无关", opinion = "不同意" });
        var approved = await reviewer.PostJsonAsync($"/api/tasks/{await reviewer.TaskIdAsync(second)}/complete", new { outcome = "approve", opinion = "同意" });
        var transferred = await reviewer.PostJsonAsync($"/api/tasks/{await reviewer.TaskIdAsync(third)}/transfer", new { to = "done2.psb", reason = "分工调整" });
        Assert.All([refused, approved, transferred], r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));

        var page = await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks/done");

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([third, second, first], items.Select(i => i.GetProperty("caseId").GetGuid()));
        Assert.Equal(["transferred", "completed", "completed"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.Equal("approve", items[1].GetProperty("outcome").GetString());
        Assert.Equal("refuse", items[2].GetProperty("outcome").GetString());
        Assert.All(items, i => Assert.StartsWith("SQ-", i.GetProperty("caseNumber").GetString(), StringComparison.Ordinal));
        Assert.Equal("sharingApplication", items[0].GetProperty("processKey").GetString());
        Assert.Equal("open", items[0].GetProperty("taskStatus").GetString());
        Assert.Equal("completed", items[1].GetProperty("taskStatus").GetString());

        var secondPage = await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks/done?page=2&pageSize=2");
        Assert.Equal(3, secondPage.GetProperty("total").GetInt32());
        Assert.Equal([first], secondPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("caseId").GetGuid()));
        var colleague = await factory.SignInAsync("done2.psb");
        Assert.Equal(0, (await colleague.GetFromJsonAsync<JsonElement>("/api/tasks/done")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=x", "page")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task Done_WithBadPaging_Is400NamingTheParameter(string query, string field)
    {
        var reviewer = await factory.SignInAsync("reviewer.psb");

        var response = await reviewer.GetAsync(new Uri($"/api/tasks/done?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Done_ShowsNothingOfWhatOthersDid()
    {
        var caseId = await factory.ApplyAsync();
        var reviewer = await factory.ColleagueAsync("done3.psb");
        await reviewer.PostJsonAsync($"/api/tasks/{await reviewer.TaskIdAsync(caseId)}/complete", new { outcome = "approve", opinion = "同意" });
        var outsider = await factory.SignInAsync("reviewer.amr");

        var done = await outsider.GetFromJsonAsync<JsonElement>("/api/tasks/done?pageSize=200");

        Assert.DoesNotContain(done.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetGuid() == caseId);
    }
}
