using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Scheduling;
using static ShareFlow.Workflows.Tests.Support.Processes;

namespace ShareFlow.Workflows.Tests.Runtime;

/// <summary>
/// The process dies (SIGKILL, no graceful shutdown) between an instance's start and its timer's due time. After a restart
/// on the same database the instance is intact and the timer fires exactly once.
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
        await File.WriteAllTextAsync(bpmn, Definition("deadline", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" sf:candidateRole="provider-reviewer" />
            <bpmn:boundaryEvent id="overdue" attachedToRef="review">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT4S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:userTask id="coordinate" sf:candidateRole="coordinating-office" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="coordinated" />
            {Flow("f1", "start", "review")}
            {Flow("f2", "review", "end")}
            {Flow("f3", "overdue", "coordinate")}
            {Flow("f4", "coordinate", "coordinated")}
            """));

        var instanceId = await StartInAChildProcessAndKillItAsync(database, bpmn);

        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={database}" };
        using (var host = BuildHost(options))
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
        using (var again = BuildHost(options))
        {
            await again.StartAsync();
            var engine = again.Services.GetRequiredService<WorkflowEngine>();
            Assert.Equal(0, await engine.FireDueAsync(CancellationToken.None));
            Assert.Single(await engine.GetHistoryAsync(instanceId, CancellationToken.None), e => e.Kind == "timer-fired");
            Assert.Equal(["coordinate"], (await engine.GetOpenTasksAsync(instanceId, CancellationToken.None)).Select(t => t.ElementId));
            await using var db = await again.Services.GetRequiredService<IDbContextFactory<ShareFlowDbContext>>().CreateDbContextAsync();
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM qrtz_triggers").SingleAsync());
            await again.StopAsync();
        }
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

    private static IHost BuildHost(DatabaseOptions database)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddShareFlowDatabase(database);
        builder.Services.AddSingleton<ICalendarSource>(FixedCalendarSource.Embedded);
        builder.Services.AddShareFlowEngine(new EngineOptions(), FixedPolicyParameters.Empty);
        builder.Services.AddShareFlowScheduler(database);
        return builder.Build();
    }

}
