using Microsoft.AspNetCore.Hosting;

namespace ShareFlow.Host.Tests.Support;

/// <summary>The host in training mode: a simulated clock starting Wednesday 2026-09-23, 09:00 Shanghai time (the Fuzhou profile).</summary>
public sealed class SimulatedHostFactory : ShareFlowHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Clock:Mode", "Simulated");
        builder.UseSetting("Clock:Start", "2026-09-23T09:00:00+08:00");
        builder.UseSetting("Policy:Profile", "fuzhou");
    }
}
