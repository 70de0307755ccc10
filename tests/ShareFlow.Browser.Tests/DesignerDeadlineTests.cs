using System.Text.RegularExpressions;
using ShareFlow.Browser.Tests.Support;
using ShareFlow.Domain.Policy;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ShareFlow.Browser.Tests;

/// <summary>
/// The policy admin changes the sharing answer deadline in the process designer and publishes a new version; a new
/// application's deadline follows the new period, counted on the official calendar.
/// </summary>
public sealed class DesignerDeadlineTests(Chromium chromium, ShareFlowSite site, ITestOutputHelper output)
    : BrowserTest(chromium, site, output), IClassFixture<ShareFlowSite>
{
    /// <summary>
    /// The answer period the admin sets, shorter than Fuzhou's 15 working days. From Wednesday 23 September 2026 it ends on
    /// Saturday 10 October, a make-up working day after the National Day break.
    /// </summary>
    private const int NewAnswerDays = 7;

    [Fact(DisplayName = "An admin shortens the sharing answer deadline in the designer and publishes; a new application is due accordingly")]
    public async Task Publish_ChangedAnswerDeadline_NewApplicationFollowsIt()
    {
        var admin = await OpenAsync(Admin, "/designer");
        var process = admin.RowWith("sharingApplication");
        await Expect(process).ToHaveCountAsync(1);
        await process.GetByRole(AriaRole.Button, new() { Name = "编辑" }).Or(process.GetByRole(AriaRole.Link, new() { Name = "编辑" })).First.ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/designer/sharingApplication$"));

        // The provider's review (提供部门审核答复, element "review") is the step whose period is the answer deadline.
        // bpmn-js draws the diagram as SVG: an element is found by the id it carries, there is no label to find it by.
        var review = admin.Locator("[data-element-id='review']").First;
        await Expect(review).ToBeVisibleAsync();
        await review.ClickAsync();
        await ShotAsync(admin, "review-selected");

        var panel = admin.Locator(".bio-properties-panel");
        var days = panel.GetByLabel("期限天数", new() { Exact = true });
        if (!await days.IsVisibleAsync())
        {
            // The properties panel opens a group when its header is clicked.
            await panel.GetByText("期限", new() { Exact = true }).First.ClickAsync();
        }

        await Expect(days).ToHaveValueAsync(PolicyProfile.Parameters.SharingAnswerDays);
        await days.FillAsync(NewAnswerDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await days.PressAsync("Tab");
        await admin.ChooseAsync("计日方式", "工作日", within: panel);
        await ShotAsync(admin, "deadline-changed");

        await admin.Button("发布").ClickAsync();
        var published = admin.GetByText(new Regex("已发布"));
        var confirmation = admin.GetByRole(AriaRole.Dialog);
        await Expect(published.Or(confirmation).First).ToBeVisibleAsync();
        if (!await published.First.IsVisibleAsync() && await confirmation.IsVisibleAsync())
        {
            // Publishing may ask for confirmation first.
            await ShotAsync(admin, "publish-confirmation");
            await confirmation.GetByRole(AriaRole.Button, new() { Name = "确定" }).Or(confirmation.GetByRole(AriaRole.Button, new() { Name = "发布" })).First.ClickAsync();
        }

        await Expect(published.First).ToBeVisibleAsync();
        await ShotAsync(admin, "published");
        var versions = await ApiAsync(admin, "GET", "/api/definitions/sharingApplication/versions");
        Assert.True(versions.GetArrayLength() >= 2, "Publishing makes a new version beside the shipped one.");

        var clerk = await OpenAsync(Clerk, "/");
        var number = await ApplyForSharingAsync(clerk);

        var today = Site.Today;
        var expected = ShareFlowSite.Calendar.AddWorkingDays(today, NewAnswerDays).Date;
        var before = ShareFlowSite.Calendar.AddWorkingDays(today, ShareFlowSite.ProfileDays(PolicyProfile.Parameters.SharingAnswerDays)).Date;
        Assert.NotEqual(before, expected);
        Assert.Equal(Shown(expected), (await ApplicationAsync(clerk, number)).GetProperty("deadline").GetString());

        var reviewer = await OpenAsync(Reviewer, "/");
        var row = await TodoRowAsync(reviewer, number);
        await Expect(row).ToContainTextAsync(Shown(expected));
    }
}
