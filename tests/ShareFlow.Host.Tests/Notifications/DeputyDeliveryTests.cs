using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using ShareFlow.Host.Tests.Support;
using static ShareFlow.Host.Tests.Support.SharingSteps;

namespace ShareFlow.Host.Tests.Notifications;

/// <summary>
/// 代理 by e-mail: a notice the process writes to a department's principal personally (the reminder two working days
/// before an answer is due) is mailed to the deputy acting for them as well, as the notification centre shows it to the
/// deputy. Training mode from Wednesday 2026-09-23, with an SMTP listener on loopback.
/// </summary>
public sealed class DeputyDeliveryTests : IDisposable
{
    private readonly SmtpListener _smtp = new();
    private readonly MailingHostFactory _factory;

    public DeputyDeliveryTests() => _factory = new MailingHostFactory(_smtp.Port);

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }

    [Fact]
    public async Task PrincipalsReminder_IsMailedToTheirDeputy_WhileThePeriodRuns()
    {
        var admin = await _factory.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", new
        {
            userName = "deputy.psb", displayName = "代理负责人", department = "psb", roles = new[] { "supervisor" }, email = "deputy.psb@example.gov.cn", password = SignedInClient.Password,
        })).StatusCode);
        var principal = await _factory.SignInAsync("supervisor.psb");
        Assert.Equal(HttpStatusCode.Created, (await principal.PostAsJsonAsync("/api/me/deputies", new { deputy = "deputy.psb", from = "2026-09-23", until = "2026-12-31", reason = "年休假" })).StatusCode);
        await ApplyAsync(await _factory.SignInAsync("clerk.edu"), "人口基础信息", ["姓名"], "学籍核验");

        // At the end of the thirteenth working day two are left of 市公安局's fifteen: its reviewers and its principal are reminded.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/clock/advance", new { workingDays = 14 })).StatusCode);

        await WaitUntilAsync(() => _smtp.Messages.Any(m => m.Recipients.Contains("deputy.psb@example.gov.cn") && m.Recipients.Contains("supervisor.psb@example.gov.cn")));
        Assert.All(_smtp.Messages.Where(m => m.Recipients.Contains("reviewer.psb@example.gov.cn")), m => Assert.DoesNotContain("deputy.psb@example.gov.cn", m.Recipients));
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Waiting.UntilAsync(condition, "the notice was not mailed within 30 seconds");

    private sealed class MailingHostFactory(int smtpPort) : SimulatedHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        }
    }
}
