using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShareFlow.Host.Localization;
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

        var actions = entries.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("description").GetString(), e.GetProperty("result").GetInt32())).ToList();
        Assert.Contains(("POST /api/auth/login", "登录", 401), actions);
        Assert.Contains(("POST /api/auth/login", "登录", 200), actions);
        Assert.Contains(("POST /api/auth/logout", "退出登录", 204), actions);
        Assert.True(verification.GetProperty("valid").GetBoolean());
        Assert.True(verification.GetProperty("entries").GetInt32() >= 4);
    }

    [Fact(DisplayName = "An auditor reading in English gets the actions described in English")]
    public async Task Trail_ReadInEnglish_DescribesTheActionsInEnglish()
    {
        await (await factory.SignInAsync("clerk.amr")).PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null);
        var admin = await factory.SignInAsync("admin");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/audit?actor=clerk.amr");
        request.Headers.AcceptLanguage.ParseAdd("en-GB");

        var entries = await (await admin.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains(entries.EnumerateArray(), e => e.GetProperty("action").GetString() == "POST /api/auth/logout" && e.GetProperty("description").GetString() == "Sign out");
    }

    [Fact(DisplayName = "Every action the trail records has a description, in Chinese too")]
    public void EveryStateChangingEndpoint_IsDescribed()
    {
        var catalog = factory.Services.GetRequiredService<MessageCatalog>();
        var undescribed = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (Method: method, Endpoint: e)))
            .Where(e => e.Method is not ("GET" or "HEAD" or "OPTIONS"))
            .Where(e => e.Endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary is not { } summary || catalog.ToChinese(summary) == summary)
            .Select(e => $"{e.Method} {e.Endpoint.RoutePattern.RawText}")
            .ToList();

        Assert.Empty(undescribed);
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
