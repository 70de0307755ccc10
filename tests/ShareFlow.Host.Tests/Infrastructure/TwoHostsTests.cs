using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;
using static ShareFlow.Host.Tests.Support.SharingSteps;

namespace ShareFlow.Host.Tests.Infrastructure;

/// <summary>
/// Two host processes on one PostgreSQL database, as a clustered deployment runs: a task completed on one is done on the
/// other, and when both move their (simulated) clocks past a deadline at once, the escalation happens once.
/// </summary>
public sealed class TwoHostsTests : IDisposable
{
    private readonly List<Process> _hosts = [];
    private readonly PostgresScratchDatabase _database = new("shareflow_hosts");

    public void Dispose()
    {
        foreach (var host in _hosts.Where(h => !h.HasExited))
        {
            host.Kill(entireProcessTree: true);
            host.WaitForExit();
        }

        _database.Dispose();
    }

    [Fact]
    public async Task CompletionOnOneHost_IsSeenOnTheOther_AndADeadlineEscalatesOnce()
    {
        var a = await StartHostAsync(seed: true);
        var b = await StartHostAsync(seed: false);

        var clerk = await SignInAsync(a, "clerk.hrss");
        var first = await ApplyAsync(clerk, "人口基础信息", ["姓名"], "就业核验");
        var second = await ApplyAsync(clerk, "人口基础信息", ["姓名"], "就业核验");

        // Completed through host A, gone from host B's task list, and a second completion through B is a conflict.
        var reviewerA = await SignInAsync(a, "reviewer.psb");
        var reviewerB = await SignInAsync(b, "reviewer.psb");
        var task = await TaskForAsync(reviewerB, first);
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

    private async Task<Uri> StartHostAsync(bool seed)
    {
        var port = TcpPorts.Free();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ShareFlow.Host.dll")])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__ShareFlow"] = _database.ConnectionString;
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
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = SignedInClient.Password });
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", SignedInClient.XsrfToken(response));
        return client;
    }
}
