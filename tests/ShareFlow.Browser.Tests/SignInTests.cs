using System.Text.RegularExpressions;
using ShareFlow.Browser.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ShareFlow.Browser.Tests;

/// <summary>The sign-in page (/login) and the shell a signed-in user lands in, served by the Host.</summary>
public sealed class SignInTests(Chromium chromium, ShareFlowSite site, ITestOutputHelper output)
    : BrowserTest(chromium, site, output), IClassFixture<ShareFlowSite>
{
    [Fact]
    public async Task SignIn_DemoClerk_LandsInTheShellNamingTheirDepartment()
    {
        var page = await OpenSignedOutAsync("/");

        // Nobody is signed in: the router sends the visitor to the sign-in page.
        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await SignInThroughFormAsync(page, Clerk);

        await Expect(page).Not.ToHaveURLAsync(new Regex("/login"));
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("市人力资源和社会保障局");
        await Expect(page.Button("退出")).ToBeVisibleAsync();
        await ShotAsync(page, "signed-in");
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndKeepsWhatWasTyped()
    {
        var page = await OpenSignedOutAsync("/login");

        await SignInThroughFormAsync(page, Clerk, "not-the-password");

        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await ShotAsync(page, "refused");
        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await Expect(page.Field("用户名")).ToHaveValueAsync(Clerk);
    }

    [Fact]
    public async Task SignIn_FromADeepLink_ReturnsToThatPage()
    {
        // The Host answers any page path with the front-end, whose router asks for a sign-in and then goes back there.
        var page = await OpenSignedOutAsync("/cases");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?next="));

        await SignInThroughFormAsync(page, Clerk);

        await Expect(page).ToHaveURLAsync(new Regex("/cases$"));
        await ShotAsync(page, "back-at-the-deep-link");
    }

    [Fact]
    public async Task SavedSession_OpensPagesWithoutSigningInAgain()
    {
        var first = await OpenAsync(Reviewer, "/");
        await Expect(first).Not.ToHaveURLAsync(new Regex("/login"));

        // A second page of the same user starts from the saved storage state: no sign-in page, same user.
        var second = await OpenAsync(Reviewer, "/");
        await Expect(second).Not.ToHaveURLAsync(new Regex("/login"));
        await Expect(second.GetByTestId("current-user")).ToContainTextAsync("市公安局");
    }

    [Fact]
    public async Task SignOut_ReturnsToTheSignInPage_AndTheSessionIsGone()
    {
        // Signed in through the form here, not from the saved state: signing out ends the session on the server.
        var page = await OpenSignedOutAsync("/login");
        await SignInThroughFormAsync(page, "clerk.amr");
        await Expect(page.Button("退出")).ToBeVisibleAsync();

        await page.Button("退出").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.ReloadAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await Expect(page.Button("登录")).ToBeVisibleAsync();
    }
}
