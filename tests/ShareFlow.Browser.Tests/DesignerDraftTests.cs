using System.Text.RegularExpressions;
using ShareFlow.Browser.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ShareFlow.Browser.Tests;

/// <summary>
/// The policy admin starts a new process, saves a draft and leaves; the list of definitions shows the unpublished draft,
/// opens it again, and keeps its key from being taken by another new process.
/// </summary>
public sealed class DesignerDraftTests(Chromium chromium, ShareFlowSite site, ITestOutputHelper output)
    : BrowserTest(chromium, site, output), IClassFixture<ShareFlowSite>
{
    private const string Key = "dataCorrection";

    [Fact(DisplayName = "A draft of a process never published is listed, reopened from the list, and its key is not given out again")]
    public async Task DraftOfANewProcess_IsListed_Reopened_AndItsKeyKept()
    {
        var admin = await OpenAsync(Admin, "/designer");
        await admin.Button("新建流程").ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("流程标识", new() { Exact = true }).FillAsync(Key);
        await dialog.GetByLabel("名称", new() { Exact = true }).FillAsync("数据更正申请");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex($"/designer/{Key}"));
        await Expect(admin.Locator(".djs-container")).ToBeVisibleAsync();

        await admin.Button("保存草稿").ClickAsync();
        await Expect(admin.Message("草稿已保存")).ToBeVisibleAsync();
        await ShotAsync(admin, "draft-saved");

        await GoToAsync(admin, "/designer");
        var row = admin.RowWith(Key);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("数据更正申请");
        await Expect(row).ToContainTextAsync("未发布");
        await Expect(row).ToContainTextAsync("有草稿");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "版本", Exact = true })).ToHaveCountAsync(0);
        await Expect(admin.RowWith("sharingApplication").GetByRole(AriaRole.Button, new() { Name = "版本", Exact = true })).ToHaveCountAsync(1);
        await ShotAsync(admin, "listed");

        await admin.Button("新建流程").ClickAsync();
        await dialog.GetByLabel("流程标识", new() { Exact = true }).FillAsync(Key);
        await Expect(dialog.GetByText("该流程标识已有未发布的草稿，请在列表中打开继续编辑")).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true })).ToBeDisabledAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消", Exact = true }).ClickAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "编辑", Exact = true }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex($"/designer/{Key}$"));
        await Expect(admin.GetByText(new Regex("正在编辑未发布的草稿（admin 保存于"))).ToBeVisibleAsync();
        // Never published: there is no version to compare the draft with.
        await Expect(admin.Button("版本对比")).ToBeDisabledAsync();
        await ShotAsync(admin, "reopened");
        Assert.Empty(PageErrors);
    }
}
