using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ShareFlow.Host.Tests.Support;
using static ShareFlow.Host.Tests.Support.SharingSteps;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// The written answer (书面答复 / 告知书) of a sharing application, printed from the browser on A4. The demo city's 市人社局
/// (hrss) applies for the 市公安局's (psb) 人口基础信息 on Wednesday 2026-09-23 under the Fuzhou profile.
/// </summary>
public sealed class DocumentsApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    private static readonly string[] Items = ["姓名", "公民身份号码"];

    private static Uri Answer(Guid id) => new($"/api/sharing-applications/{id}/answer", UriKind.Relative);

    private static async Task<string> DocumentNumberAsync(HttpClient client, Guid id)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/sharing-applications?pageSize=200");
        return list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id).GetProperty("documentNumber").GetString()!;
    }

    [Fact]
    public async Task Answer_AfterApproval_IsASelfContainedA4PageStatingNumberRequesterItemsDecisionConditionsDateAndIssuer()
    {
        var clerk = await factory.SignInAsync("clerk.hrss");
        var id = await ApplyAsync(clerk, "人口基础信息", Items);
        var reviewer = await factory.SignInAsync("reviewer.psb");
        await AnswerAsync(reviewer, id, new { outcome = "approve", conditions = "仅用于就业困难人员认定，不得向第三方提供" });

        var response = await clerk.GetAsync(Answer(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await response.Content.ReadAsStringAsync();
        var number = await DocumentNumberAsync(clerk, id);
        Assert.Matches(@"^市公安局〔2026〕共享答复第\d+号$", number);
        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.Contains("size: A4", page, StringComparison.Ordinal);
        Assert.Contains("@page", page, StringComparison.Ordinal);
        Assert.Contains("FangSong", page, StringComparison.Ordinal);
        Assert.Contains("市人力资源和社会保障局：", page, StringComparison.Ordinal);
        Assert.Contains("人口基础信息", page, StringComparison.Ordinal);
        Assert.Contains("姓名、公民身份号码", page, StringComparison.Ordinal);
        Assert.Contains("同意共享", page, StringComparison.Ordinal);
        Assert.Contains("仅用于就业困难人员认定，不得向第三方提供", page, StringComparison.Ordinal);
        Assert.Contains("2026年9月23日", page, StringComparison.Ordinal);
        Assert.Contains("第十八条", page, StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国居民身份证法》第十九条", page, StringComparison.Ordinal);
        Assert.Contains("抄送：市大数据局", page, StringComparison.Ordinal);
        // The issuer, printed after the body and before the date: 市公安局 signs it.
        Assert.Matches(new Regex("<div class=\"signature\">\\s*<div>市公安局</div>\\s*<div>2026年9月23日</div>"), page);
        // Nothing is loaded from outside the page.
        Assert.DoesNotMatch(new Regex("<script|<link|<img|src=|url\\(|@import|https?://", RegexOptions.IgnoreCase), page);
    }

    [Fact]
    public async Task Answer_EscapesUserText_AScriptInTheReasonsIsPrintedAsTextAndNeverRuns()
    {
        var clerk = await factory.SignInAsync("clerk.hrss");
        var id = await ApplyAsync(clerk, "人口基础信息", Items);
        var reviewer = await factory.SignInAsync("reviewer.psb");
        await AnswerAsync(reviewer, id, new
        {
            outcome = "refuse",
            reasons = "<script>alert('x')</script>申请数据项超出\"就业认定\"所需 & 未说明用途",
            legalBasis = "《中华人民共和国个人信息保护法》第六条<img src=x onerror=alert(1)>",
        });

        var page = await (await clerk.GetAsync(Answer(id))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;申请数据项超出&quot;就业认定&quot;所需 &amp; 未说明用途", page, StringComparison.Ordinal);
        Assert.Contains("第六条&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
        Assert.Contains("不予共享", page, StringComparison.Ordinal);
        Assert.Contains("可向市大数据局申请协调", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_BeforeADecision_Is404_ForAnotherDepartment_Is404_TheOfficeAndTheProviderSeeIt()
    {
        var clerk = await factory.SignInAsync("clerk.hrss");
        var id = await ApplyAsync(clerk, "人口基础信息", Items);

        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(Answer(id))).StatusCode);

        var reviewer = await factory.SignInAsync("reviewer.psb");
        await AnswerAsync(reviewer, id, new { outcome = "approve" });
        var outsider = await factory.SignInAsync("clerk.edu");
        var office = await factory.SignInAsync("office");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Answer(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Answer(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(Answer(id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(Answer(id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(Answer(id))).StatusCode);
    }

    [Fact]
    public async Task Answer_ForUnconditionalData_IsANoticeOfTheSystemsDecisionNamingArticle5()
    {
        var clerk = await factory.SignInAsync("clerk.hrss");
        var id = await ApplyAsync(clerk, "市场主体登记信息", ["统一社会信用代码", "名称"]);

        var page = await (await clerk.GetAsync(Answer(id))).Content.ReadAsStringAsync();

        Assert.Matches(@"市市场监督管理局〔2026〕共享答复第\d+号", page);
        Assert.Contains("无条件共享授权告知书", page, StringComparison.Ordinal);
        Assert.Contains("系统依据《抚州市政务信息资源共享管理办法》 第五条自动作出", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_OfOneProvider_FollowEachOtherWithoutGaps_AndAShortNameIsPrinted()
    {
        var clerk = await factory.SignInAsync("clerk.edu");
        var reviewer = await factory.SignInAsync("reviewer.nhc");
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = await ApplyAsync(clerk, "出生医学证明信息", ["新生儿姓名", "出生日期"], "新生儿入学登记核验");
            await AnswerAsync(reviewer, id, i == 1 ? new { outcome = "refuse", reasons = "出生日期以外的信息不属入学登记所需" } : new { outcome = "approve" });
            numbers.Add(await DocumentNumberAsync(clerk, id));
        }

        Assert.Equal(["市卫生健康委员会〔2026〕共享答复第1号", "市卫生健康委员会〔2026〕共享答复第2号", "市卫生健康委员会〔2026〕共享答复第3号"], numbers);

        var admin = await factory.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/departments/nhc", new { shortName = "市卫健委" })).StatusCode);
        var fourth = await ApplyAsync(clerk, "出生医学证明信息", ["出生日期"], "新生儿入学登记核验");
        await AnswerAsync(reviewer, fourth, new { outcome = "approve" });
        Assert.Equal("市卫健委〔2026〕共享答复第4号", await DocumentNumberAsync(clerk, fourth));
    }

    [Fact]
    public async Task Documents_ListEveryDecisionOfACase_AndARectificationOrderPrintsTheOrderedDepartmentReasonsAndArticle()
    {
        var clerk = await factory.SignInAsync("clerk.hrss");
        var application = await ApplyAsync(clerk, "人口基础信息", Items);
        var reviewer = await factory.SignInAsync("reviewer.psb");
        await AnswerAsync(reviewer, application, new { outcome = "refuse", reasons = "涉及个人隐私", legalBasis = "《中华人民共和国个人信息保护法》第十三条" });
        var office = await factory.SignInAsync("office");
        var issued = await office.PostAsJsonAsync("/api/rectification-orders", new { subjectCaseId = application, department = "psb", reasons = "拒绝共享理由不充分" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var order = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The sharing answer is listed with its own page.
        var answers = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{application}/documents");
        var answer = Assert.Single(answers.EnumerateArray());
        Assert.Equal("sharing-answer", answer.GetProperty("kind").GetString());
        Assert.Equal($"/api/sharing-applications/{application}/answer", answer.GetProperty("url").GetString());

        // The order is addressed to the department that must correct; the requester is no party to it.
        var reviewerList = await reviewer.GetFromJsonAsync<JsonElement>($"/api/cases/{order}/documents");
        var document = Assert.Single(reviewerList.EnumerateArray());
        Assert.Equal("rectification-order", document.GetProperty("kind").GetString());
        Assert.Matches(@"^市大数据局〔2026〕整改通知第\d+号$", document.GetProperty("number").GetString());
        var response = await reviewer.GetAsync(new Uri(document.GetProperty("url").GetString()!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("责令限期整改通知书", page, StringComparison.Ordinal);
        Assert.Contains(document.GetProperty("number").GetString()!, page, StringComparison.Ordinal);
        Assert.Contains("市公安局：", page, StringComparison.Ordinal);
        Assert.Contains("拒绝共享理由不充分", page, StringComparison.Ordinal);
        Assert.Matches(new Regex("<div class=\"signature\">\\s*<div>市大数据局</div>\\s*<div>2026年9月23日</div>"), page);
        // The office issued it: no copy line to itself.
        Assert.DoesNotContain("抄送：", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("<script|<link|<img|src=|https?://", RegexOptions.IgnoreCase), page);

        // Another department's clerk gets 404 for both, as for a document that does not exist.
        var other = await factory.SignInAsync("clerk.amr");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(document.GetProperty("url").GetString()!, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/cases/{order}/documents", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/documents/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
    }
}

/// <summary>The host in training mode under the Shenyang profile: an answer overdue after 5 working days counts as consent (art. 25).</summary>
public sealed class ShenyangHostFactory : SimulatedHostFactory
{
    protected override string Profile => "shenyang";
}

public sealed class DeemedConsentAnswerTests(ShenyangHostFactory factory) : IClassFixture<ShenyangHostFactory>
{
    [Fact]
    public async Task Answer_AfterDeemedConsent_IsANoticeNamingArticle25_InTheProvidersName()
    {
        var clerk = await factory.SignInAsync("clerk.edu");
        var id = await ApplyAsync(clerk, "不动产登记信息", ["权利人", "坐落"], "学区入学资格审核");
        var admin = await factory.SignInAsync("admin");

        // Five working days after Wednesday 09-23 end on 10-08, after National Day; the next working day is 10-09.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/clock/advance", new { workingDays = 6 })).StatusCode);

        var response = await clerk.GetAsync(new Uri($"/api/sharing-applications/{id}/answer", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Matches(@"市自然资源和规划局〔2026〕共享答复第\d+号", page);
        Assert.Contains("逾期视为同意告知书", page, StringComparison.Ordinal);
        Assert.Contains("“逾期未答复的，视为同意”", page, StringComparison.Ordinal);
        Assert.Contains("第二十五条", page, StringComparison.Ordinal);
        Assert.Contains("2026年10月9日", page, StringComparison.Ordinal);
        Assert.Contains("市教育局：", page, StringComparison.Ordinal);

        // Supervision shows the missed deadline as decided by the rules, not as a matter waiting for the office.
        var supervision = await (await factory.SignInAsync("office")).GetFromJsonAsync<JsonElement>("/api/supervision");
        var escalation = Assert.Single(supervision.GetProperty("escalations").EnumerateArray(), e => e.GetProperty("caseId").GetGuid() == id);
        Assert.Equal((true, false, JsonValueKind.Null), (escalation.GetProperty("decidedBySystem").GetBoolean(), escalation.GetProperty("open").GetBoolean(), escalation.GetProperty("officeTaskId").ValueKind));
    }
}
