using System.Text.RegularExpressions;
using ShareFlow.Browser.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ShareFlow.Browser.Tests;

/// <summary>The Host serves the built front-end: its scripts run, and any page path opens it, including after a reload.</summary>
public sealed class ServingTests(Chromium chromium, ShareFlowSite site, ITestOutputHelper output)
    : BrowserTest(chromium, site, output), IClassFixture<ShareFlowSite>
{
    [Fact]
    public async Task LoginPage_RunsTheBuiltFrontEnd_WithoutScriptErrors()
    {
        var page = await OpenSignedOutAsync("/login");

        await Expect(page.Field("用户名")).ToBeVisibleAsync();
        await Expect(page.Field("密码")).ToBeVisibleAsync();
        await Expect(page.Button("登录")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("ShareFlow"));
        Assert.Empty(PageErrors);
    }

    [Fact]
    public async Task UnknownPage_IsTheFrontEndsNotFoundPage_AlsoAfterAReload()
    {
        var page = await OpenAsync(Clerk, "/no/such/page");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面不存在" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/no/such/page$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面不存在" })).ToBeVisibleAsync();
        await ShotAsync(page, "not-found-after-reload");
        Assert.Empty(PageErrors);
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglish_TranslatesTheShell()
    {
        var page = await OpenSignedOutAsync("/login");

        await page.ChooseAsync("语言", "English");

        await Expect(page.Button("Sign in")).ToBeVisibleAsync();
        await ShotAsync(page, "english");
    }
}
