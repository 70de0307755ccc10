using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShareFlow.Host.Tests.Support;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Tests.Apis;

public sealed class AuditApiTests(ShareFlowHostFactory factory) : IClassFixture<ShareFlowHostFactory>
{
    [Fact]
    public async Task Trail_RecordsSignInsAndStateChanges_AndVerifies()
    {
        await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "clerk.edu", password = "wrong" });
        var clerk = await factory.SignInAsync("clerk.edu");
        await clerk.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null);
        var admin = await factory.SignInAsync("admin");

        var entries = await admin.GetFromJsonAsync<JsonElement>("/api/audit?actor=clerk.edu");
        var verification = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");

        var actions = entries.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("result").GetInt32())).ToList();
        Assert.Contains(("POST /api/auth/login", 401), actions);
        Assert.Contains(("POST /api/auth/login", 200), actions);
        Assert.Contains(("POST /api/auth/logout", 204), actions);
        Assert.True(verification.GetProperty("valid").GetBoolean());
        Assert.True(verification.GetProperty("entries").GetInt32() >= 4);
    }

    [Fact]
    public async Task Trail_ReadByAClerk_Is403()
    {
        var clerk = await factory.SignInAsync("clerk.psb");

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(new Uri("/api/audit/verify", UriKind.Relative))).StatusCode);
    }
}

/// <summary>Tampering, on a host of its own: an entry changed in the database breaks the chain from there on.</summary>
public sealed class AuditTamperTests : IDisposable
{
    private readonly ShareFlowHostFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Verify_AfterAnEntryIsChanged_NamesTheFirstBrokenEntry()
    {
        var admin = await _factory.SignInAsync("admin");
        await (await _factory.SignInAsync("clerk.amr")).PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null);
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<ShareFlowDbContext>>().CreateDbContextAsync())
        {
            var logout = await db.AuditEntries.SingleAsync(e => e.Actor == "clerk.amr" && e.Action == "POST /api/auth/logout");
            logout.Actor = "someone.else";
            await db.SaveChangesAsync();
        }

        var verification = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");

        Assert.False(verification.GetProperty("valid").GetBoolean());
        Assert.Contains("写入后被改动过", verification.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.True(verification.GetProperty("firstBrokenId").GetInt64() > 0);
    }
}
