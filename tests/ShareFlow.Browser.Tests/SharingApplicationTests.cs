using System.Text.RegularExpressions;
using ShareFlow.Browser.Tests.Support;
using ShareFlow.Domain.Policy;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ShareFlow.Browser.Tests;

/// <summary>
/// 共享申请 end to end in the browser: a clerk of 市人力资源和社会保障局 applies for 市公安局's 人口基础信息; the reviewer
/// finds it in 待办 with the deadline the official calendar gives, and refuses it, which (Fuzhou art. 18) needs reasons.
/// </summary>
public sealed class SharingApplicationTests(Chromium chromium, ShareFlowSite site, ITestOutputHelper output)
    : BrowserTest(chromium, site, output), IClassFixture<ShareFlowSite>
{
    [Fact(DisplayName = "A clerk submits a sharing application and sees its case with its number")]
    public async Task Submit_SharingForm_OpensTheNewCase()
    {
        var clerk = await OpenAsync(Clerk, "/");

        var number = await ApplyForSharingAsync(clerk);

        var application = await ApplicationAsync(clerk, number);
        Assert.Equal("submitted", application.GetProperty("status").GetString());
        Assert.Equal(ConditionalResource, application.GetProperty("resourceName").GetString());
        Assert.Equal(ConditionalItems, application.GetProperty("items").EnumerateArray().Select(i => i.GetString()));

        // The case names the applicant as colleagues know them, not by the account's user name.
        var me = await ApiAsync(clerk, "GET", "/api/auth/me");
        var applicant = clerk.Locator(".el-descriptions__label:text-is('申请人') + .el-descriptions__content");
        await Expect(applicant).ToHaveTextAsync(me.GetProperty("displayName").GetString()!);
        await Expect(applicant.Locator("span")).ToHaveAttributeAsync("title", Clerk);
    }

    [Fact(DisplayName = "The reviewer sees the application in 待办 with its deadline, cannot refuse it without reasons (told so in Chinese), then refuses it with reasons")]
    public async Task Refuse_WithoutReasons_ShowsTheErrorUnderReasons_ThenWithReasons_IsDone()
    {
        var clerk = await OpenAsync(Clerk, "/");
        var number = await ApplyForSharingAsync(clerk);

        // 15 working days (Fuzhou art. 18) from Wednesday 23 September 2026, that day not counted, across the Mid-Autumn
        // Festival (25-27 September) and the National Day break (1-7 October, with Saturday 10 October worked): Wednesday
        // 21 October on the official calendar, where plain weekdays would give 14 October.
        var deadline = ShareFlowSite.Calendar.AddWorkingDays(Site.Today, ShareFlowSite.ProfileDays(PolicyProfile.Parameters.SharingAnswerDays)).Date;
        var reviewer = await OpenAsync(Reviewer, "/");
        var row = await TodoRowAsync(reviewer, number);
        await Expect(row).ToContainTextAsync(Shown(deadline));
        await Expect(row).Not.ToContainTextAsync("已超期");
        await Expect(row).Not.ToContainTextAsync("即将到期");

        await row.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Expect(reviewer).ToHaveURLAsync(new Regex("/tasks/[0-9a-f-]{36}$"));
        var taskPage = reviewer.Url;
        await ShotAsync(reviewer, "task");

        // Refused without reasons: the server names the field, the page shows its message under 理由 and keeps the opinion.
        await reviewer.PickAsync("审批结果", "不予同意");
        await reviewer.Field("审批意见").FillAsync("该数据项涉及个人隐私，不予共享。");
        await reviewer.Button("提交").ClickAsync();
        await Expect(reviewer.ErrorUnder("理由")).ToBeVisibleAsync();
        // In the language of the page, as the server words it (the English rule is "A refusal must give written reasons").
        await Expect(reviewer.ErrorUnder("理由")).ToHaveTextAsync("不予共享的，须书面说明理由。");
        await ShotAsync(reviewer, "refused-without-reasons");
        await Expect(reviewer).ToHaveURLAsync(taskPage);
        await Expect(reviewer.Field("审批意见")).ToHaveValueAsync("该数据项涉及个人隐私，不予共享。");
        Assert.Equal("submitted", (await ApplicationAsync(clerk, number)).GetProperty("status").GetString());

        await reviewer.Field("理由").FillAsync("申请用途与所申请的公民身份号码无直接关联。");
        await reviewer.Field("法律依据").FillAsync("《中华人民共和国居民身份证法》第十九条");
        await reviewer.Button("提交").ClickAsync();

        await Expect(reviewer.Message("操作成功")).ToBeVisibleAsync();
        await Expect(reviewer).ToHaveURLAsync(new Regex("/tasks/done$"));
        await Expect(reviewer.GetByText(number).First).ToBeVisibleAsync();
        await ShotAsync(reviewer, "done");

        var refused = await ApplicationAsync(clerk, number);
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal("申请用途与所申请的公民身份号码无直接关联。", refused.GetProperty("reasons").GetString());
    }
}
