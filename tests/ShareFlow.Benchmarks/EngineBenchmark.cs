using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Scheduling;

namespace ShareFlow.Benchmarks;

/// <summary>
/// Runs a BPMN workload (start → review → approve → grant → end) for N instances through the public engine API, with
/// the real Quartz scheduler, on SQLite (a file) or PostgreSQL, and compares the rate with the same database's rate of
/// single-row insert+commit transactions measured in the same run. Prints one JSON line last.
/// </summary>
internal static class EngineBenchmark
{
    public static RootCommand Command()
    {
        var bpmn = new Option<FileInfo>("--bpmn") { Description = "The BPMN workload, e.g. ../shared/bench/approval.bpmn", Required = true };
        var db = new Option<string>("--db") { Description = "sqlite (a file in a temp folder) or postgres", DefaultValueFactory = _ => "sqlite" };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string (default: $SHAREFLOW_BENCH_POSTGRES or $SHAREFLOW_TEST_POSTGRES)" };
        var instances = new Option<int>("--instances") { Description = "How many instances to run", DefaultValueFactory = _ => 2000 };
        var scheduler = new Option<string>("--scheduler") { Description = "quartz (the real scheduler, default) or none (the engine alone)", DefaultValueFactory = _ => "quartz" };
        var horizon = new Option<TimeSpan?>("--horizon")
        {
            Description = "How far ahead Quartz holds a trigger per timer, e.g. 03:00:00 to hand it the workload's one- and two-hour timers too (default: the scheduler's, 15 minutes)",
        };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Instances run before the measured ones, at least, so the figures are of a warmed-up process (tiered JIT, query caches, pools) "
                + "rather than of its start; more run, in blocks, until a block leaves the JIT next to nothing to compile",
            DefaultValueFactory = _ => 1000,
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "How many instances run at once, each on its own connection, as that many clerks would; the baseline then runs as many "
                + "transactions at once too (default 1: one after the other)",
            DefaultValueFactory = _ => 1,
        };
        var command = new RootCommand("ShareFlow engine benchmark") { bpmn, db, connection, instances, scheduler, horizon, warmup, concurrency };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(bpmn)!, result.GetValue(db)!, result.GetValue(connection), result.GetValue(instances),
            result.GetValue(scheduler) == "quartz" ? new Scheduler(result.GetValue(horizon)) : null, result.GetValue(warmup), result.GetValue(concurrency),
            cancellationToken));
        return command;
    }

    /// <summary>The real scheduler, with its default horizon unless one is given.</summary>
    internal sealed record Scheduler(TimeSpan? Horizon);

    private static async Task<int> RunAsync(
        FileInfo bpmn, string db, string? connection, int instances, Scheduler? quartz, int warmup, int concurrency, CancellationToken cancellationToken)
    {
        if (!bpmn.Exists || instances < 1 || warmup < 0 || concurrency is < 1 or > MaxConcurrency)
        {
            await Console.Error.WriteLineAsync(!bpmn.Exists
                ? $"No BPMN file at {bpmn.FullName}."
                : $"--instances must be at least 1, --warmup at least 0, --concurrency from 1 to {MaxConcurrency}.");
            return 2;
        }

        var (options, cleanup) = Database(db, connection);
        try
        {
            using var host = BuildHost(options, quartz);
            var factory = host.Services.GetRequiredService<IDbContextFactory<ShareFlowDbContext>>();
            await DatabaseMigrator.MigrateAsync(factory, cancellationToken);
            await host.StartAsync(cancellationToken);
            var engine = host.Services.GetRequiredService<WorkflowEngine>();
            var definition = await engine.Definitions.PublishAsync(await File.ReadAllTextAsync(bpmn.FullName, cancellationToken), "benchmark", cancellationToken);

            // The baseline is measured in blocks that take turns with the counted instances, so both see the machine as it
            // is at the time: the rate of commits here drifts from one moment to the next by more than the engine's
            // changes are worth, and a baseline measured before or after the run would compare different moments.
            await using var baseline = await CommitBaseline.OpenAsync(factory, concurrency, cancellationToken);

            // Warm-up, of both: tiered JIT (a method is recompiled optimised after some thirty calls, in the background),
            // query caches, connection pools.
            await baseline.RunAsync(Math.Min(instances, 2000) / 4, cancellationToken);
            var warmedUp = await WarmUpAsync(engine, definition.Key, warmup, concurrency, cancellationToken);

            var latencies = new double[instances];
            var slices = Math.Min(instances, Slices);
            var commitsPerSlice = Math.Max(1, Math.Min(instances, 2000) / slices);
            var baselineRuns = new List<double>();
            var instanceRuns = new List<double>();
            var baselineTime = TimeSpan.Zero;
            var engineTime = TimeSpan.Zero;
            var allocated = 0L;
            var cpu = TimeSpan.Zero;
            var collections = 0;
            var paused = TimeSpan.Zero;
            var jitBefore = JitInfo.GetCompiledMethodCount();
            for (var slice = 0; slice < slices; slice++)
            {
                var commits = await baseline.RunAsync(commitsPerSlice, cancellationToken);
                baselineTime += commits;
                baselineRuns.Add(commitsPerSlice / commits.TotalSeconds);

                // CPU time of the whole process, every thread (the scheduler's too), and what it allocated, while the
                // instances run.
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var collectionsBefore = GC.CollectionCount(0);
                var pausedBefore = GC.GetTotalPauseDuration();
                var watch = Stopwatch.StartNew();
                await RunManyAsync(slice * instances / slices, (slice + 1) * instances / slices, concurrency, async i =>
                {
                    var one = Stopwatch.StartNew();
                    await RunOneAsync(engine, definition.Key, $"bench-{i}", cancellationToken);
                    latencies[i] = one.Elapsed.TotalMilliseconds;
                });

                engineTime += watch.Elapsed;
                instanceRuns.Add(((slice + 1) * instances / slices - slice * instances / slices) / watch.Elapsed.TotalSeconds);
                cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                collections += GC.CollectionCount(0) - collectionsBefore;
                paused += GC.GetTotalPauseDuration() - pausedBefore;
            }

            var jitDuringRun = JitInfo.GetCompiledMethodCount() - jitBefore;
            var allocatedPerInstance = allocated / instances;
            var cpuPerInstance = cpu.TotalMilliseconds / instances;
            await host.StopAsync(cancellationToken);
            Array.Sort(latencies);
            // The issue's measure: the instances' rate against the baseline's rate per transaction an instance needs (its
            // start and its completion). Also per slice, each against the baseline block just before it, so that a drift of
            // the machine during the run moves both sides of a ratio alike; the median of those is the steadier figure.
            var instancesPerSecond = instances / engineTime.TotalSeconds;
            var commitsPerSecond = slices * commitsPerSlice / baselineTime.TotalSeconds;
            var sliceRatios = instanceRuns.Zip(baselineRuns, (engineRate, commitRate) => 100 * engineRate * TransactionsPerInstance / commitRate).Order().ToArray();
            var result = new
            {
                db = options.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres",
                instances,
                concurrency,
                warmup = warmedUp,
                instancesPerSecond = Math.Round(instancesPerSecond, 1),
                p50Ms = Math.Round(Percentile(latencies, 0.50), 2),
                p99Ms = Math.Round(Percentile(latencies, 0.99), 2),
                commitBaselinePerSecond = Math.Round(commitsPerSecond, 1),
                commitBaselineRuns = baselineRuns.Select(b => Math.Round(b, 1)).ToArray(),
                instancesPerSecondRuns = instanceRuns.Select(r => Math.Round(r, 1)).ToArray(),
                ratioPercent = Math.Round(100 * instancesPerSecond * TransactionsPerInstance / commitsPerSecond, 1),
                sliceRatioPercentMedian = Math.Round(Median(sliceRatios), 1),
                scheduler = quartz is null ? "none" : "quartz",
                schedulerHorizonMinutes = host.Services.GetRequiredService<IWaitScheduler>().Horizon?.TotalMinutes,
                cpuMsPerInstance = Math.Round(cpuPerInstance, 2),
                allocatedKbPerInstance = Math.Round(allocatedPerInstance / 1024.0, 1),
                gcPerThousandInstances = Math.Round(collections * 1000.0 / instances, 1),
                gcPauseMsPerInstance = Math.Round(paused.TotalMilliseconds / instances, 3),
                jitMethodsDuringRun = jitDuringRun,
            };
            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }
        finally
        {
            cleanup();
        }
    }

    /// <summary>
    /// Runs at least <paramref name="minimum"/> instances, then more in blocks until one block has the JIT compile next to
    /// nothing: tiered compilation recompiles a method optimised only after some thirty calls and a pause, and methods the
    /// workload calls once in a few instances (the scheduler's, the pool's) get there after a thousand or more. Compiling
    /// takes a core of its own while it lasts, which on a small machine is the database's.
    /// </summary>
    /// <returns>How many instances ran.</returns>
    private static async Task<int> WarmUpAsync(WorkflowEngine engine, string key, int minimum, int concurrency, CancellationToken cancellationToken)
    {
        var count = 0;
        for (var block = 0; block < MaxWarmupBlocks; block++)
        {
            var compiledBefore = JitInfo.GetCompiledMethodCount();
            var size = block == 0 ? minimum : WarmupBlock;
            await RunManyAsync(count, count + size, concurrency, i => RunOneAsync(engine, key, $"warm-{i}", cancellationToken));
            count += size;
            if (JitInfo.GetCompiledMethodCount() - compiledBefore < QuietJitMethods)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>Runs <paramref name="run"/> for each number from <paramref name="from"/> up to <paramref name="to"/>, <paramref name="concurrency"/> at a time.</summary>
    private static Task RunManyAsync(int from, int to, int concurrency, Func<int, Task> run)
    {
        var next = from - 1;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < to; i = Interlocked.Increment(ref next))
            {
                await run(i);
            }
        }));
    }

    /// <summary>The most instances run at once: each holds a connection, and the pools hold some hundred.</summary>
    private const int MaxConcurrency = 64;

    /// <summary>Instances per warm-up block after the first, and how many methods the JIT may compile in one that is quiet.</summary>
    private const int WarmupBlock = 250;

    private const int QuietJitMethods = 25;

    /// <summary>The most warm-up blocks run: a process that never settles is measured as it is, and says so (jitMethodsDuringRun).</summary>
    private const int MaxWarmupBlocks = 40;

    /// <summary>One instance: start, take the review task it opened, complete it with decision = 'approve'.</summary>
    private static async Task RunOneAsync(WorkflowEngine engine, string key, string businessKey, CancellationToken cancellationToken)
    {
        var instance = await engine.StartAsync(new StartInstance(key, businessKey, Actor: "requester"), cancellationToken);
        var review = instance.OpenTasks.Single(t => t.ElementId == "review");
        await engine.CompleteTaskAsync(review.Id, new CompleteTask("reviewer", "approve", new Dictionary<string, object?> { ["decision"] = "approve" }), cancellationToken);
    }

    /// <summary>The transactions one instance of the workload needs: its start, and the review's completion.</summary>
    private const int TransactionsPerInstance = 2;

    /// <summary>How many blocks of baseline commits take turns with the counted instances.</summary>
    private const int Slices = 10;

    /// <summary>
    /// Single-row INSERT + COMMIT transactions on the same database, as the engine's own transactions are; the INSERT is
    /// one parameterised command prepared once and reused on an open connection, the fastest way a client can issue it.
    /// With a concurrency above one, that many connections each run their share of the transactions at once.
    /// </summary>
    private sealed class CommitBaseline : IAsyncDisposable
    {
        private readonly List<Writer> _writers;

        private CommitBaseline(List<Writer> writers) => _writers = writers;

        public static async Task<CommitBaseline> OpenAsync(IDbContextFactory<ShareFlowDbContext> factory, int concurrency, CancellationToken cancellationToken)
        {
            var writers = new List<Writer>();
            for (var i = 0; i < concurrency; i++)
            {
                writers.Add(await Writer.OpenAsync(factory, first: i, stride: concurrency, cancellationToken));
            }

            return new CommitBaseline(writers);
        }

        /// <summary>Runs <paramref name="count"/> transactions, shared among the connections; how long they took.</summary>
        public async Task<TimeSpan> RunAsync(int count, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(_writers.Select((writer, i) => writer.RunAsync((count / _writers.Count) + (i < count % _writers.Count ? 1 : 0), cancellationToken)));
            return watch.Elapsed;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var writer in _writers)
            {
                await writer.DisposeAsync();
            }
        }
    }

    /// <summary>One connection of the baseline; its rows' ids are <c>first</c>, <c>first + stride</c>, … so that no two connections collide.</summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly ShareFlowDbContext _context;
        private readonly DbConnection _connection;
        private readonly DbCommand _insert;
        private readonly DbParameter _id;
        private readonly int _stride;
        private long _next;
        private bool _prepared;

        private Writer(ShareFlowDbContext context, DbConnection connection, DbCommand insert, DbParameter id, int first, int stride)
        {
            _context = context;
            _connection = connection;
            _insert = insert;
            _id = id;
            _next = first;
            _stride = stride;
        }

        public static async Task<Writer> OpenAsync(IDbContextFactory<ShareFlowDbContext> factory, int first, int stride, CancellationToken cancellationToken)
        {
            var context = await factory.CreateDbContextAsync(cancellationToken);
            var connection = context.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            if (first == 0)
            {
                await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS bench_commits (id BIGINT PRIMARY KEY, payload VARCHAR(200) NOT NULL)", cancellationToken);
            }

            var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO bench_commits (id, payload) VALUES (@id, @payload)";
            var id = insert.CreateParameter();
            id.ParameterName = "id";
            id.DbType = System.Data.DbType.Int64;
            var payload = insert.CreateParameter();
            payload.ParameterName = "payload";
            payload.DbType = System.Data.DbType.String;
            payload.Value = "a typical row of some eighty characters, as an instance row or a history row is";
            insert.Parameters.Add(id);
            insert.Parameters.Add(payload);
            return new Writer(context, connection, insert, id, first, stride);
        }

        public async Task RunAsync(int count, CancellationToken cancellationToken)
        {
            for (var i = 0; i < count; i++)
            {
                await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
                _insert.Transaction = transaction;
                _id.Value = _next;
                _next += _stride;
                if (!_prepared)
                {
                    await _insert.PrepareAsync(cancellationToken);
                    _prepared = true;
                }

                await _insert.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await ExecuteAsync(_connection, null, "DROP TABLE IF EXISTS bench_commits", CancellationToken.None);
            await _insert.DisposeAsync();
            await _context.DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Fixed text built from an integer counter only.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static IHost BuildHost(DatabaseOptions database, Scheduler? quartz)
    {
        // No defaults: they read appsettings files and watch the directory the command runs in, with all its
        // subdirectories, for changes; neither has anything to do with the engine being measured.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddShareFlowDatabase(database);
        builder.Services.AddSingleton<ICalendarSource>(FixedCalendarSource.Embedded);
        // The workload is plain BPMN: the caller supplies the activity of unbound tasks and the assignment of unassigned ones.
        builder.Services.AddShareFlowEngine(
            new EngineOptions { DefaultActivity = "noop", DefaultAssignment = new DefaultAssignment("provider", "provider-reviewer") },
            FixedPolicyParameters.Empty);
        if (quartz is not null)
        {
            builder.Services.AddShareFlowScheduler(database, options =>
            {
                if (quartz.Horizon is { } horizon)
                {
                    options.Horizon = horizon;
                }
            });
        }
        else
        {
            builder.Services.AddSingleton<IWaitScheduler, NoScheduler>();
        }

        return builder.Build();
    }

    private static (DatabaseOptions Options, Action Cleanup) Database(string db, string? connection)
    {
        if (db == "postgres")
        {
            var connectionString = connection
                ?? Environment.GetEnvironmentVariable("SHAREFLOW_BENCH_POSTGRES")
                ?? Environment.GetEnvironmentVariable("SHAREFLOW_TEST_POSTGRES")
                ?? throw new InvalidOperationException("--db postgres needs --connection or SHAREFLOW_BENCH_POSTGRES.");
            return (new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }, () => { });
        }

        var directory = Path.Combine(Path.GetTempPath(), "shareflow-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return (new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(directory, "bench.db")}" },
            () => Directory.Delete(directory, recursive: true));
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>The engine alone: timers are stored but not handed to a scheduler.</summary>
    private sealed class NoScheduler : IWaitScheduler
    {
        public Task ScheduleAsync(Guid waitId, DateTimeOffset dueAt, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task UnscheduleAsync(Guid waitId, CancellationToken cancellationToken) => Task.CompletedTask;
    }

}
