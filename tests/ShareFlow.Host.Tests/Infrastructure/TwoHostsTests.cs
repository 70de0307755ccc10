using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

namespace ShareFlow.Host.Tests.Infrastructure;

/// <summary>
/// Two host processes on one PostgreSQL database, as a clustered deployment runs: a task completed on one is done on the
/// other, and when both move their (simulated) clocks past a deadline at once, the escalation happens once.
/// </summary>
public sealed class TwoHostsTests : IAsyncLifetime
{
    private readonly List<Process> _hosts = [];
    private string _database = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("SHAREFLOW_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SHAREFLOW_TEST_POSTGRES is not set: run ./test.sh, which starts a PostgreSQL server.");
        _database = $"shareflow_hosts_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Where(h => !h.HasExited))
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("SHAREFLOW_TEST_POSTGRES"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task CompletionOnOneHost_IsSeenOnTheOther_AndADeadlineEscalatesOnce()
    {
        var a = await StartHostAsync(seed: true);
        var b = await StartHostAsync(seed: false);

        var clerk = await SignInAsync(a, "clerk.hrss");
        var resource = (await clerk.GetFromJsonAsync<JsonElement>("/api/catalog/resources")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "人口基础信息");
        var first = await SubmitAsync(clerk, resource);
        var second = await SubmitAsync(clerk, resource);

        // Completed through host A, gone from host B's task list, and a second completion through B is a conflict.
        var reviewerA = await SignInAsync(a, "reviewer.psb");
        var reviewerB = await SignInAsync(b, "reviewer.psb");
        var task = (await reviewerB.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.GetProperty("caseId").GetGuid() == first).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await reviewerA.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = "approve", opinion = "同意" })).StatusCode);
        Assert.DoesNotContain((await reviewerB.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray(), t => t.GetProperty("caseId").GetGuid() == first);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewerB.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = "refuse", reasons = "x" })).StatusCode);
        Assert.Equal("approved", (await (await SignInAsync(b, "clerk.hrss")).GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{first}")).GetProperty("status").GetString());

        // Both hosts move their clocks 16 working days on at the same moment: the second application's deadline passes on both.
        var adminA = await SignInAsync(a, "admin");
        var adminB = await SignInAsync(b, "admin");
        var moves = await Task.WhenAll(
            adminA.PostAsJsonAsync("/api/clock/advance", new { workingDays = 16 }),
            adminB.PostAsJsonAsync("/api/clock/advance", new { workingDays = 16 }));
        Assert.All(moves, m => Assert.Equal(HttpStatusCode.OK, m.StatusCode));

        var office = await SignInAsync(b, "office");
        var view = await office.GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{second}");
        Assert.Equal("escalated", view.GetProperty("status").GetString());
        Assert.Single(view.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "timer-fired" && h.GetProperty("elementId").GetString() == "overdue");
        Assert.Single((await office.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray(), t => t.GetProperty("caseId").GetGuid() == second);
        var supervisor = await SignInAsync(a, "supervisor.psb");
        Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>("/api/notifications")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("caseId").GetGuid() == second && n.GetProperty("kind").GetString() == "escalation");
    }

    private static async Task<Guid> SubmitAsync(HttpClient clerk, JsonElement resource)
    {
        var response = await clerk.PostAsJsonAsync("/api/sharing-applications", new { resourceId = resource.GetProperty("id").GetGuid(), items = new[] { "姓名" }, purpose = "就业核验" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Uri> StartHostAsync(bool seed)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ShareFlow.Host.dll")])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__ShareFlow"] = _connectionString;
        start.Environment["Demo__Seed"] = seed ? "true" : "false";
        start.Environment["Clock__Mode"] = "Simulated";
        start.Environment["Clock__Start"] = "2026-09-23T09:00:00+08:00";
        start.Environment["SignIn__LoginAttemptsPerMinute"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _hosts.Add(process);
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { BaseAddress = address };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, "a host exited during start-up");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), "a host was not ready within 90 s");
            try
            {
                if ((await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return address;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }
    }

    private static async Task<HttpClient> SignInAsync(Uri host, string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "ShareFlow@2026" });
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(cookie["XSRF-TOKEN=".Length..cookie.IndexOf(';', StringComparison.Ordinal)]));
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
