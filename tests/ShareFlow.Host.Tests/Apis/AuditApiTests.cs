using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

/// <summary>
/// The database refuses audit entries for a while (a trigger stands in for an outage of the audit table): the clerk's
/// request, whose work is done by then, is answered as it was, and its entry is stored once the database takes it.
/// </summary>
public sealed class AuditRefusedTests : IDisposable
{
    private readonly RetryingHostFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact(DisplayName = "A request whose audit entry the database refuses is answered as done; the entry is stored later with the instant of the action")]
    public async Task RefusedEntry_DoesNotFailTheRequest_AndIsStoredOnceTheDatabaseTakesIt()
    {
        var admin = await _factory.SignInAsync("admin");
        var clerk = await _factory.SignInAsync("clerk.amr");
        await BlockAsync(blocked: true);

        var clock = _factory.Services.GetRequiredService<TimeProvider>();
        var before = clock.GetUtcNow();
        var logout = await clerk.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null);
        var after = clock.GetUtcNow();

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.GetAsync(new Uri("/api/tasks", UriKind.Relative))).StatusCode);
        Assert.Null(await LogoutEntryAsync("clerk.amr"));

        await BlockAsync(blocked: false);
        var stored = await Waiting.ForAsync(() => LogoutEntryAsync("clerk.amr"), "the deferred audit entry was not stored within 30 seconds");

        Assert.InRange(stored.At, before.AddMilliseconds(-1), after);
        Assert.Equal(204, stored.Result);
        var verification = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verification.GetProperty("valid").GetBoolean());
    }

    [Fact(DisplayName = "An audit entry still refused after the last attempt is written to the log in full")]
    public async Task EntryRefusedToTheEnd_IsLoggedInFull()
    {
        var clerk = await _factory.SignInAsync("clerk.psb");
        await BlockAsync(blocked: true);

        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null)).StatusCode);

        var logged = await Waiting.ForAsync(
            () => Task.FromResult(_factory.Log.FirstOrDefault(m => m.StartsWith("An audit entry could not be stored", StringComparison.Ordinal))),
            "the refused audit entry was not logged within 30 seconds");
        Assert.Contains("actor clerk.psb", logged, StringComparison.Ordinal);
        Assert.Contains("action POST /api/auth/logout", logged, StringComparison.Ordinal);
        Assert.Contains("result 204", logged, StringComparison.Ordinal);
        Assert.Null(await LogoutEntryAsync("clerk.psb"));
    }

    /// <summary>Makes the database refuse (or take again) every new audit entry.</summary>
    private async Task BlockAsync(bool blocked)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ShareFlowDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE IF NOT EXISTS audit_block (blocked INTEGER NOT NULL);
            CREATE TRIGGER IF NOT EXISTS audit_blocked BEFORE INSERT ON audit_entries WHEN EXISTS (SELECT 1 FROM audit_block)
            BEGIN SELECT RAISE(ABORT, 'the audit table is unavailable'); END;
            DELETE FROM audit_block;
            """);
        if (blocked)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO audit_block (blocked) VALUES (1)");
        }
    }

    private async Task<AuditEntry?> LogoutEntryAsync(string actor)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ShareFlowDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Actor == actor && e.Action == "POST /api/auth/logout");
    }

    /// <summary>The host with short waits between attempts, and its log kept.</summary>
    private sealed class RetryingHostFactory : ShareFlowHostFactory
    {
        public ConcurrentQueue<string> Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("AuditRetry:RetryInitialDelay", "00:00:00.100");
            builder.UseSetting("AuditRetry:RetryMaxDelay", "00:00:00.200");
            builder.UseSetting("AuditRetry:Attempts", "3");
            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log)));
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(log);

        public void Dispose()
        {
        }

        private sealed class QueueLogger(ConcurrentQueue<string> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Enqueue(formatter(state, exception));
        }
    }
}
