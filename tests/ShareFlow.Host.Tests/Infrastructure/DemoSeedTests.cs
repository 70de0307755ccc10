using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Infrastructure;

/// <summary>The demo city seeds under every profile, including Shenyang's, whose refusals must name a legal basis.</summary>
public sealed class DemoSeedTests
{
    [Theory]
    [InlineData("fuzhou")]
    [InlineData("lanzhou")]
    [InlineData("beijing")]
    [InlineData("shenyang")]
    [InlineData("hebei")]
    public async Task FirstStart_SeedsTheDemoCityAndItsCases(string profile)
    {
        using var factory = new ProfileHostFactory(profile);
        var office = await factory.SignInAsync("office");

        var applications = await office.GetFromJsonAsync<JsonElement>("/api/sharing-applications");

        Assert.Equal(3, applications.GetProperty("total").GetInt32());
        var statuses = applications.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("status").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["approved", "refused", "submitted"], statuses);
    }

    private sealed class ProfileHostFactory(string profile) : ShareFlowHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Policy:Profile", profile);
        }
    }
}
