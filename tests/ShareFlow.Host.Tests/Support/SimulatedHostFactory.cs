using Microsoft.AspNetCore.Hosting;

namespace ShareFlow.Host.Tests.Support;

/// <summary>The host in training mode: a simulated clock starting Wednesday 2026-09-23, 09:00 Shanghai time (by default the Fuzhou profile).</summary>
public class SimulatedHostFactory : ShareFlowHostFactory
{
    /// <summary>The regulation profile (Policy:Profile) the host runs under.</summary>
    protected virtual string Profile => "fuzhou";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Clock:Mode", "Simulated");
        builder.UseSetting("Clock:Start", "2026-09-23T09:00:00+08:00");
        builder.UseSetting("Policy:Profile", Profile);
    }
}
