using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Policy;

namespace ShareFlow.Browser.Tests.Support;

/// <summary>
/// The real Host on Kestrel on a free loopback port, on a fresh SQLite file, in training mode (simulated clock) with the
/// demo city seeded, serving the built front-end as it does in production. One per test class: a class that moves the
/// clock or republishes a process has the city to itself.
/// </summary>
public sealed class ShareFlowSite : IAsyncLifetime, IDisposable
{
    /// <summary>
    /// Wednesday 23 September 2026, 09:00 Shanghai time. A period started today runs across the Mid-Autumn Festival
    /// (Friday 25 to Sunday 27 September 2026) and the National Day break (1-7 October, with Saturday 10 October a
    /// make-up working day), so only a deadline counted on the official calendar comes out right.
    /// </summary>
    public static readonly DateTimeOffset ClockStart = new(2026, 9, 23, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The regulation profile the Host runs under.</summary>
    public const string Profile = PolicyProfiles.Fuzhou;

    public const string Password = "ShareFlow@2026";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "shareflow-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly HostFactory _factory;

    public ShareFlowSite()
    {
        Directory.CreateDirectory(_directory);
        _factory = new HostFactory(Path.Combine(_directory, "shareflow.db"));
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the Host listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The signed-in browser state (cookies, local storage) of each user who has signed in on this site.</summary>
    internal ConcurrentDictionary<string, string> StorageStates { get; } = new(StringComparer.Ordinal);

    /// <summary>The official calendar as ShareFlow.Domain ships it: the oracle the expected deadlines are computed on.</summary>
    public static OfficialCalendar Calendar => CalendarCatalog.Embedded.National;

    /// <summary>Today on the Host's simulated clock, Asia/Shanghai.</summary>
    public DateOnly Today => ChinaTime.Today(_factory.Services.GetRequiredService<TimeProvider>());

    /// <summary>The profile's days for <paramref name="parameter"/>, e.g. <c>sharing.answerDays</c>.</summary>
    public static int ProfileDays(string parameter) => PolicyProfiles.Get(Profile).Days[parameter];

    public async Task InitializeAsync()
    {
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");

        using var client = new HttpClient { BaseAddress = BaseAddress };
        for (var attempt = 0; ; attempt++)
        {
            // Ready means the database is migrated and seeded and the scheduler runs.
            var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
            if (ready.IsSuccessStatusCode)
            {
                break;
            }

            if (attempt == 300)
            {
                throw new InvalidOperationException($"The Host at {BaseAddress} was not ready within a minute: {ready.StatusCode}.");
            }

            await Task.Delay(200);
        }

        var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(
                $"The Host does not serve the front-end ({(int)page.StatusCode} at /). Build it: `dotnet build` builds Designer/ " +
                "unless given -p:DesignerBuild=false, or run `npm ci && npm run build` in Designer/.");
        }
    }

    public void Dispose() => _factory.Dispose();

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temporary folder is cleaned by the system.
        }
    }

    private sealed class HostFactory(string databaseFile) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:ShareFlow", $"Data Source={databaseFile};Pooling=False");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Clock:Mode", "Simulated");
            builder.UseSetting("Clock:Start", ClockStart.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Policy:Profile", Profile);
            builder.UseSetting("SignIn:LoginAttemptsPerMinute", "1000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
