using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace ShareFlow.Benchmarks;

/// <summary>
/// <c>load</c>: runs the real host as a separate process on a loopback port (demo city, a fresh database) and drives N
/// simulated clerks through the daily cycle — a requesting clerk submits an application, the provider's reviewer finds
/// it among their tasks and answers it — for a fixed time. Prints one JSON line last: requests per second, p50/p99
/// latency, the host's CPU time per request, errors.
/// </summary>
internal static class LoadCommand
{
    private static readonly string[] Requesters = ["hrss", "amr", "mca", "edu", "nhc", "nr", "tax"];

    /// <summary>How many errors a run describes on standard error; the rest are only counted.</summary>
    private const int ReportedErrors = 10;

    private static int reported;

    public static RootCommand Command()
    {
        var clerks = new Option<int>("--clerks") { Description = "Simulated clerks working at once", DefaultValueFactory = _ => 50 };
        var seconds = new Option<int>("--seconds") { Description = "How long to drive them", DefaultValueFactory = _ => 30 };
        var db = new Option<string>("--db") { Description = "sqlite (a fresh file) or postgres (--connection or $SHAREFLOW_BENCH_POSTGRES)", DefaultValueFactory = _ => "sqlite" };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string" };
        var think = new Option<int>("--think-ms") { Description = "A clerk's pause between two actions (reading, typing); 0 drives them flat out", DefaultValueFactory = _ => 1000 };
        var warmup = new Option<int>("--warmup-seconds")
        {
            Description = "How long the clerks work before anything is measured, so the figures are of a running server (JIT, caches, pools) and not of its first minute",
            DefaultValueFactory = _ => 20,
        };
        var command = new RootCommand("ShareFlow load test over loopback") { clerks, seconds, db, connection, think, warmup };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(clerks), result.GetValue(seconds), result.GetValue(db)!, result.GetValue(connection), result.GetValue(think), result.GetValue(warmup), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int clerks, int seconds, string db, string? connection, int thinkMs, int warmupSeconds, CancellationToken cancellationToken)
    {
        if (clerks < 1 || seconds < 1 || thinkMs < 0 || warmupSeconds < 0)
        {
            await Console.Error.WriteLineAsync("--clerks and --seconds must be at least 1, --think-ms and --warmup-seconds at least 0.");
            return 2;
        }

        var directory = Path.Combine(Path.GetTempPath(), "shareflow-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        using var host = StartHost(port, directory, db, connection);
        try
        {
            await WaitUntilReadyAsync(baseAddress, host, cancellationToken);
            var resources = await ConditionalResourcesAsync(baseAddress, cancellationToken);
            var latencies = new ConcurrentBag<double>();
            var errors = 0;
            var requests = 0;
            var warmup = TimeSpan.FromSeconds(warmupSeconds);
            var warmupErrors = 0;
            var until = Stopwatch.StartNew();
            var end = warmup + TimeSpan.FromSeconds(seconds);
            var workers = Enumerable.Range(0, clerks).Select(i => Task.Run(async () =>
            {
                var requester = Requesters[i % Requesters.Length];
                using var clerk = await SignInAsync(baseAddress, $"clerk.{requester}", cancellationToken);
                var reviewers = new Dictionary<string, HttpClient>();
                try
                {
                    var n = 0;
                    while (until.Elapsed < end && !cancellationToken.IsCancellationRequested)
                    {
                        var resource = resources.Where(r => r.Provider != requester).ElementAt((i + n++) % resources.Count(r => r.Provider != requester));
                        if (!reviewers.TryGetValue(resource.Provider, out var reviewer))
                        {
                            reviewer = await SignInAsync(baseAddress, $"reviewer.{resource.Provider}", cancellationToken);
                            reviewers[resource.Provider] = reviewer;
                        }

                        async Task<HttpResponseMessage?> Timed(Func<Task<HttpResponseMessage>> call)
                        {
                            // A person reads and types between two clicks: the pause is not part of the latency.
                            if (thinkMs > 0)
                            {
                                await Task.Delay(Random.Shared.Next(thinkMs / 2, thinkMs * 3 / 2 + 1), cancellationToken);
                            }

                            var measured = until.Elapsed >= warmup;
                            var watch = Stopwatch.StartNew();
                            HttpResponseMessage? response = null;
                            try
                            {
                                response = await call();
                            }
                            catch (HttpRequestException e)
                            {
                                // Counted as an error below.
                                await ReportAsync($"a request failed without a response: {e.Message} {e.InnerException?.Message}");
                            }

                            if (measured)
                            {
                                latencies.Add(watch.Elapsed.TotalMilliseconds);
                                Interlocked.Increment(ref requests);
                            }

                            if (response is { IsSuccessStatusCode: true })
                            {
                                return response;
                            }

                            // An error during the warm-up is an error all the same.
                            Interlocked.Increment(ref measured ? ref errors : ref warmupErrors);
                            await ReportAsync(response, cancellationToken);
                            response?.Dispose();
                            return null;
                        }

                        using var submitted = await Timed(() => clerk.PostAsJsonAsync("/api/sharing-applications",
                            new { resourceId = resource.Id, items = resource.Items.Take(2).ToArray(), purpose = "履职核验（负载测试）" }, cancellationToken));
                        if (submitted is null)
                        {
                            continue;
                        }

                        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
                        using var tasks = await Timed(() => reviewer.GetAsync(new Uri("/api/tasks", UriKind.Relative), cancellationToken));
                        if (tasks is null)
                        {
                            continue;
                        }

                        var task = (await tasks.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).EnumerateArray()
                            .FirstOrDefault(t => t.GetProperty("caseId").GetGuid() == id);
                        if (task.ValueKind != JsonValueKind.Object)
                        {
                            Interlocked.Increment(ref until.Elapsed >= warmup ? ref errors : ref warmupErrors);
                            await ReportAsync($"the application {id} is not among reviewer.{resource.Provider}'s tasks");
                            continue;
                        }

                        using var _ = await Timed(() => reviewer.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetGuid()}/complete",
                            new { outcome = "approve", opinion = "同意" }, cancellationToken));
                    }
                }
                finally
                {
                    foreach (var reviewer in reviewers.Values)
                    {
                        reviewer.Dispose();
                    }
                }
            }, cancellationToken)).ToList();

            // The host's CPU time over the counted seconds, every thread: what a request costs the server, spinning
            // included, on a machine it shares with the database and the clerks.
            await Task.Delay(warmup, cancellationToken);
            host.Refresh();
            var hostCpuBefore = host.TotalProcessorTime;
            await Task.WhenAll(workers);
            host.Refresh();
            var hostCpu = host.TotalProcessorTime - hostCpuBefore;
            var elapsed = (until.Elapsed - warmup).TotalSeconds;
            var sorted = latencies.Order().ToArray();
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                db,
                clerks,
                thinkMs,
                warmupSeconds,
                seconds = Math.Round(elapsed, 1),
                requests,
                requestsPerSecond = Math.Round(requests / elapsed, 1),
                p50Ms = Math.Round(Percentile(sorted, 0.50), 1),
                p99Ms = Math.Round(Percentile(sorted, 0.99), 1),
                hostCpuMsPerRequest = Math.Round(hostCpu.TotalMilliseconds / Math.Max(1, requests), 2),
                errors,
                warmupErrors,
            }));
            return errors + warmupErrors == 0 ? 0 : 1;
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync(CancellationToken.None);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed record Resource(Guid Id, string Provider, string[] Items);

    private static async Task<List<Resource>> ConditionalResourcesAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var client = await SignInAsync(baseAddress, "clerk.hrss", cancellationToken);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/catalog/resources", cancellationToken);
        return [.. all.EnumerateArray()
            .Where(r => r.GetProperty("shareType").GetString() == "conditional")
            .Select(r => new Resource(r.GetProperty("id").GetGuid(), r.GetProperty("providerDepartment").GetString()!, [.. r.GetProperty("items").EnumerateArray().Select(x => x.GetString()!)]))];
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string userName, CancellationToken cancellationToken)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = baseAddress };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "ShareFlow@2026" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(cookie["XSRF-TOKEN=".Length..cookie.IndexOf(';', StringComparison.Ordinal)]));
        return client;
    }

    private static Process StartHost(int port, string directory, string db, string? connection)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var hostDll = FindUp(Path.Combine("Host", "bin", configuration, "net10.0", "ShareFlow.Host.dll"))
            ?? throw new FileNotFoundException("ShareFlow.Host.dll was not built next to this tool.");
        var start = new ProcessStartInfo("dotnet", [hostDll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["SignIn__LoginAttemptsPerMinute"] = "100000";
        start.Environment["Demo__Seed"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (db == "postgres")
        {
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__ShareFlow"] = connection
                ?? Environment.GetEnvironmentVariable("SHAREFLOW_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("--db postgres needs --connection or SHAREFLOW_BENCH_POSTGRES (an empty database).");
        }
        else
        {
            start.Environment["ConnectionStrings__ShareFlow"] = $"Data Source={Path.Combine(directory, "shareflow.db")}";
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        // The host logs warnings and errors only (above), to its standard output: both streams are passed on, so a failed
        // request's cause is in the run's output.
        void PassOn(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"host: {e.Data}");
            }
        }

        process.OutputDataReceived += PassOn;
        process.ErrorDataReceived += PassOn;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Writes the first few errors to standard error, so a run that fails says why.</summary>
    private static async Task ReportAsync(HttpResponseMessage? response, CancellationToken cancellationToken)
    {
        // A request that failed without a response was described where it failed.
        if (response is null || Volatile.Read(ref reported) >= ReportedErrors)
        {
            return;
        }

        await ReportAsync($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private static async Task ReportAsync(string error)
    {
        if (Interlocked.Increment(ref reported) <= ReportedErrors)
        {
            await Console.Error.WriteLineAsync($"error: {error}");
        }
    }

    private static async Task WaitUntilReadyAsync(Uri baseAddress, Process host, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {host.ExitCode}.");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException("The host was not ready within 120 s.");
    }

    private static string? FindUp(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
