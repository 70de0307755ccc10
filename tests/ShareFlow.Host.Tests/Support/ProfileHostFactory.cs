using Microsoft.AspNetCore.Hosting;

namespace ShareFlow.Host.Tests.Support;

/// <summary>The real host with the demo city under another policy profile (<c>Policy:Profile</c>), as an operator sets it.</summary>
public sealed class ProfileHostFactory(string profile) : ShareFlowHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Policy:Profile", profile);
    }
}
