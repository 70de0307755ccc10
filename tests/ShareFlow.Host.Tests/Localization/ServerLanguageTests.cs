using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Localization;

/// <summary>
/// The server answers a clerk's mistake in the language of the page: Chinese unless the request prefers English, as the
/// front-end does (zh-CN first). Broken rules, conflicts, bad query values, unreadable bodies and a definition's findings.
/// </summary>
public sealed class ServerLanguageTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    [Fact]
    public async Task ABrokenRuleInATaskAnswer_IsExplainedInChinese_OrInEnglishWhenThatIsPreferred()
    {
        var caseId = await factory.ApplyAsync();
        var holder = await factory.ColleagueAsync("holder-lang.psb");
        var signer = await factory.SignInAsync("reviewer.nhc");
        var taskId = await holder.TaskIdAsync(caseId);
        await holder.PostJsonAsync($"/api/tasks/{taskId}/cosigners", new { signer = "reviewer.nhc" });

        var chinese = await SendAsync(signer, HttpMethod.Post, $"/api/tasks/{taskId}/cosign", new { outcome = "maybe", opinion = "意见" }, language: null);
        var english = await SendAsync(signer, HttpMethod.Post, $"/api/tasks/{taskId}/cosign", new { outcome = "maybe", opinion = "意见" }, language: "en-US,en;q=0.9,zh-CN;q=0.8");

        Assert.Equal(HttpStatusCode.BadRequest, chinese.Status);
        Assert.Equal("zh-CN", chinese.Language);
        Assert.Equal("请求不符合办理规则。", chinese.Title);
        Assert.Contains("会签", chinese.Errors["outcome"], StringComparison.Ordinal);
        Assert.Equal("en", english.Language);
        Assert.Equal("The request breaks a rule.", english.Title);
        Assert.StartsWith("Sign with approve", english.Errors["outcome"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConflict_NamesWhoIsAwaited_InChinese()
    {
        var caseId = await factory.ApplyAsync();
        var holder = await factory.ColleagueAsync("holder-wait.psb");
        var taskId = await holder.TaskIdAsync(caseId);
        await holder.PostJsonAsync($"/api/tasks/{taskId}/cosigners", new { signer = "reviewer.nhc" });

        var blocked = await SendAsync(holder, HttpMethod.Post, $"/api/tasks/{taskId}/complete", new { outcome = "approve" }, language: "zh-CN,zh;q=0.9");

        Assert.Equal(HttpStatusCode.Conflict, blocked.Status);
        Assert.Equal("该任务正在等待 reviewer.nhc 会签，会签完毕后方可办结。", blocked.Detail);
    }

    [Fact]
    public async Task ABadQueryValue_AndAnUnreadableBody_AreExplainedInChinese()
    {
        var office = await factory.SignInAsync("office");

        var since = await SendAsync(office, HttpMethod.Get, "/api/supervision?since=yesterday", body: null, language: null);
        var broken = await SendAsync(await factory.SignInAsync("clerk.edu"), HttpMethod.Post, "/api/sharing-applications", "{\"resourceId\": ", language: null);

        Assert.Equal(HttpStatusCode.BadRequest, since.Status);
        Assert.Equal("“yesterday”不是 yyyy-MM-dd 格式的日期。", since.Errors["since"]);
        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.Equal("无法读取请求内容。", broken.Title);
        Assert.Equal("请求体不是有效的 JSON。", broken.Errors["body"]);
    }

    [Fact]
    public async Task ADefinitionsFindings_AreListedInChinese_ForThePolicyAdmin()
    {
        var admin = await factory.SignInAsync("admin");
        const string deadEnd = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <bpmn:process id="deadEnd" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:userTask id="review" name="审核" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        using var content = new StringContent(deadEnd, Encoding.UTF8, "application/xml");
        var validated = await (await admin.PostAsync(new Uri("/api/definitions/validate", UriKind.Relative), content)).Content.ReadFromJsonAsync<JsonElement>();
        using var published = new StringContent(deadEnd, Encoding.UTF8, "application/xml");
        var rejected = await (await admin.PostAsync(new Uri("/api/definitions", UriKind.Relative), published)).Content.ReadFromJsonAsync<JsonElement>();

        var finding = validated.GetProperty("errors").EnumerateArray().First(e => e.GetProperty("elementId").GetString() == "review").GetProperty("message").GetString();
        Assert.Contains("用户任务“review”", finding, StringComparison.Ordinal);
        Assert.DoesNotContain("sequence flow", finding, StringComparison.OrdinalIgnoreCase);
        var error = rejected.GetProperty("errors").GetProperty("review")[0].GetString()!;
        Assert.StartsWith("dead-end：", error, StringComparison.Ordinal);
        Assert.Contains("用户任务“review”", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDesignersReferenceOfActivities_IsInChinese_OrInEnglishWhenThatIsPreferred()
    {
        var admin = await factory.SignInAsync("admin");

        var chinese = await ActivityAsync(admin, "reminder", language: null);
        var english = await ActivityAsync(admin, "reminder", language: "en");

        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese.GetProperty("description").GetString());
        Assert.All(chinese.GetProperty("inputs").EnumerateArray(), i => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", i.GetProperty("description").GetString()));
        Assert.StartsWith("A notice about the deadline", english.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ActivityAsync(HttpClient client, string name, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/definitions/activities", UriKind.Relative));
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(a => a.GetProperty("name").GetString() == name);
    }

    private static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? language)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        request.Content = body switch
        {
            null => null,
            string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body),
        };
        using var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Answer(
            response.StatusCode,
            response.Content.Headers.ContentLanguage.SingleOrDefault() ?? string.Empty,
            problem.TryGetProperty("title", out var title) ? title.GetString() : null,
            problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString()!) : []);
    }

    private sealed record Answer(HttpStatusCode Status, string Language, string? Title, string? Detail, Dictionary<string, string> Errors);
}
