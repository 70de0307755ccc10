using System.Net.Http.Json;
using System.Text.Json;
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
        // Chinese names as Chinese write them: family name first, no space (李乐驹, not 乐驹 李).
        var admin = await factory.SignInAsync("admin");
        var names = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Select(u => u.GetProperty("displayName").GetString()).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,4}$", name));
    }
}
