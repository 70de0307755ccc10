using System.Globalization;
using System.Text.RegularExpressions;
using ShareFlow.Browser.Tests.Support;
using ShareFlow.Domain.Policy;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ShareFlow.Browser.Tests;

/// <summary>
/// In training mode the policy admin moves the simulated clock on from the clock page: an answer nearly due shows as
/// 即将到期 in the reviewer's 待办, and once its deadline has passed the case escalates to the coordinating office and the
/// provider's principal (supervisor) sees the escalation on the supervision page.
/// </summary>
public sealed class EscalationTests(Chromium chromium, ShareFlowSite site, ITestOutputHelper output)
    : BrowserTest(chromium, site, output), IClassFixture<ShareFlowSite>
{
    [Fact(DisplayName = "The clock is moved past an answer deadline and the provider's supervisor sees the escalation")]
    public async Task AdvanceClock_PastTheAnswerDeadline_SupervisorSeesTheEscalation()
    {
        var today = Site.Today;
        var answerDays = ShareFlowSite.ProfileDays(PolicyProfile.Parameters.SharingAnswerDays);
        var deadline = ShareFlowSite.Calendar.AddWorkingDays(today, answerDays).Date;
        var clerk = await OpenAsync(Clerk, "/");
        var number = await ApplyThroughApiAsync(clerk, today);

        var reviewer = await OpenAsync(Reviewer, "/");
        var row = await TodoRowAsync(reviewer, number);
        await Expect(row).ToContainTextAsync(Shown(deadline));
        await Expect(row).Not.ToContainTextAsync("即将到期");

        // To the same hour of the working day before the deadline: due within 2 working days.
        var admin = await OpenAsync(Admin, "/admin/clock");
        await AdvanceAsync(admin, workingDays: answerDays - 1, ShareFlowSite.Calendar.AddWorkingDays(today, answerDays - 1).Date);
        row = await TodoRowAsync(reviewer, number);
        await Expect(row).ToContainTextAsync("即将到期");
        await Expect(row).Not.ToContainTextAsync("已超期");

        // Two more working days: the deadline (24:00 of its last day) has passed and the overdue timer has fired.
        await AdvanceAsync(admin, workingDays: 2, ShareFlowSite.Calendar.AddWorkingDays(today, answerDays + 1).Date);
        Assert.Equal("escalated", (await ApplicationAsync(clerk, number)).GetProperty("status").GetString());

        var supervisor = await OpenAsync(Supervisor, "/supervision");
        var escalation = supervisor.RowWith(number);
        await Expect(escalation).ToHaveCountAsync(1);
        // Open escalations are all listed; closed ones from the day shown, by default ninety days back.
        await Expect(supervisor.GetByLabel("已办结事项起始日")).ToHaveValueAsync(Site.Today.AddDays(-90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await ShotAsync(supervisor, "escalation");

        // The reviewer's answer is no longer waited for: the task has left 待办.
        await GoToAsync(reviewer, "/tasks");
        await Expect(reviewer.RowWith(number)).ToHaveCountAsync(0);
    }

    /// <summary>Moves the clock on by working days on the clock page; the page then shows the new simulated date.</summary>
    private async Task AdvanceAsync(IPage admin, int workingDays, DateOnly expectedDate)
    {
        await GoToAsync(admin, "/admin/clock");
        await admin.Field("工作日天数").FillAsync(workingDays.ToString(CultureInfo.InvariantCulture));
        await admin.Button("推进").ClickAsync();

        // formatInstant shows 2026/10/15 09:00 in Chinese, a date field 2026-10-15: either is the date.
        var shown = new Regex(expectedDate.ToString("yyyy'[-/]'MM'[-/]'dd", CultureInfo.InvariantCulture));
        await Expect(admin.GetByText(shown).First).ToBeVisibleAsync();
        await ShotAsync(admin, "clock-" + Shown(expectedDate));
        Assert.Equal(expectedDate, Site.Today);
    }
}
