using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.Processes;

namespace ShareFlow.Workflows.Tests.Runtime;

/// <summary>
/// The engine and the real Quartz scheduler in one process on a SQLite file. The process dies (SIGKILL, no graceful
/// shutdown) between an instance's start and its timer's due time: after a restart on the same database the instance is
/// intact and the timer fires exactly once. A timer beyond the scheduler's horizon is handed over by its sweep.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "shareflow-durability", Guid.NewGuid().ToString("N"));

    public DurabilityTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact(DisplayName = "Killed between start and the deadline: after restart the instance is intact and the deadline fires exactly once")]
    public async Task KilledProcess_TimerFiresOnceAfterRestart()
    {
        var database = Path.Combine(_directory, "shareflow.db");
        var bpmn = Path.Combine(_directory, "deadline.bpmn");
        await File.WriteAllTextAsync(bpmn, Deadline("PT4S"));

        var instanceId = await StartInAChildProcessAndKillItAsync(database, bpmn);

        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={database}" };
        using (var host = EngineWithScheduler.Build(options))
        {
            var engine = host.Services.GetRequiredService<WorkflowEngine>();
            var intact = await engine.GetInstanceAsync(instanceId, CancellationToken.None);
            Assert.Equal((InstanceStatus.Active, "review"), (intact.Status, Assert.Single(intact.ActiveElements)));

            await host.StartAsync();
            await engine.ReconcileScheduleAsync(CancellationToken.None);
            var deadline = Stopwatch.StartNew();
            while ((await engine.GetOpenTasksAsync(instanceId, CancellationToken.None)).All(t => t.ElementId != "coordinate"))
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the deadline did not fire within 30 s of the restart");
                await Task.Delay(100);
            }

            await host.StopAsync();
        }

        // A second restart: nothing is left to fire.
        using (var again = EngineWithScheduler.Build(options))
        {
            await again.StartAsync();
            var engine = again.Services.GetRequiredService<WorkflowEngine>();
            Assert.Equal(0, await engine.FireDueAsync(CancellationToken.None));
            Assert.Single(await engine.GetHistoryAsync(instanceId, CancellationToken.None), e => e.Kind == "timer-fired");
            Assert.Equal(["coordinate"], (await engine.GetOpenTasksAsync(instanceId, CancellationToken.None)).Select(t => t.ElementId));
            Assert.Equal(0, await WaitTriggersAsync(again.Services.GetRequiredService<IDbContextFactory<ShareFlowDbContext>>()));
            await again.StopAsync();
        }
    }

    [Fact(DisplayName = "A deadline beyond the horizon has no trigger at the start; the sweep hands it over as it comes near and it escalates once")]
    public async Task TimerBeyondTheHorizon_FiresOnceThroughTheSweep()
    {
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_directory, "shareflow.db")}" };
        // A horizon of two seconds, so that the test can watch a timer come near.
        using var host = EngineWithScheduler.Build(database, options =>
        {
            options.Horizon = TimeSpan.FromSeconds(2);
            options.SweepInterval = TimeSpan.FromMilliseconds(500);
        });
        var factory = host.Services.GetRequiredService<IDbContextFactory<ShareFlowDbContext>>();
        await DatabaseMigrator.MigrateAsync(factory, CancellationToken.None);
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<WorkflowEngine>();
        await engine.Definitions.PublishAsync(Deadline("PT6S"), "policy-admin", CancellationToken.None);

        var started = Stopwatch.StartNew();
        var instance = await engine.StartAsync(new StartInstance("deadline", "SQ-1", Actor: "clerk"), CancellationToken.None);
        var triggersAtStart = await WaitTriggersAsync(factory);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(4), "the machine was too slow for the timer to still be beyond the horizon");
        Assert.Equal(0, triggersAtStart);
        while ((await engine.GetOpenTasksAsync(instance.Id, CancellationToken.None)).All(t => t.ElementId != "coordinate"))
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), "the deadline did not fire within 30 s");
            await Task.Delay(100);
        }

        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(6), "the deadline fired before its instant");
        await Task.Delay(TimeSpan.FromSeconds(1)); // two more sweeps
        Assert.Single(await engine.GetHistoryAsync(instance.Id, CancellationToken.None), e => e.Kind == "timer-fired");
        Assert.Equal(0, await WaitTriggersAsync(factory));
        await host.StopAsync();
    }

    /// <summary>review, escalated to the coordinating office <paramref name="after"/> (an ISO 8601 duration) if still open.</summary>
    private static string Deadline(string after) => Definition("deadline", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" sf:candidateRole="provider-reviewer" />
        <bpmn:boundaryEvent id="overdue" attachedToRef="review">
          <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">{after}</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:userTask id="coordinate" sf:candidateRole="coordinating-office" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="coordinated" />
        {Flow("f1", "start", "review")}
        {Flow("f2", "review", "end")}
        {Flow("f3", "overdue", "coordinate")}
        {Flow("f4", "coordinate", "coordinated")}
        """);

    private static async Task<int> WaitTriggersAsync(IDbContextFactory<ShareFlowDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM qrtz_triggers WHERE trigger_group = 'waits'").SingleAsync();
    }

    private static async Task<Guid> StartInAChildProcessAndKillItAsync(string database, string bpmn)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ToolPath(), "serve", "--sqlite", database, "--bpmn", bpmn })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("instance ", StringComparison.Ordinal))
                {
                    return Guid.Parse(line["instance ".Length..]);
                }
            }

            throw new InvalidOperationException("The child process ended without starting an instance: " + await child.StandardError.ReadToEndAsync());
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
    }

    /// <summary>The tools program (tests/ShareFlow.Benchmarks), built by the same build in the same configuration.</summary>
    private static string ToolPath()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "ShareFlow.Benchmarks", "bin", configuration, "net10.0", "ShareFlow.Benchmarks.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("ShareFlow.Benchmarks.dll was not found: build the solution first (./test.sh does).");
    }
}
