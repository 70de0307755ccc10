using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Model;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.Processes;

namespace ShareFlow.Workflows.Tests.Runtime;

/// <summary>Conflicts, failing activities, restarts: what must never lose or double an effect.</summary>
public abstract class EngineReliabilityTests(DatabaseProvider provider) : IAsyncLifetime
{
    private EngineHarness _h = null!;

    public async Task InitializeAsync() => _h = await EngineHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static readonly string Granting = Definition("granting", $"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="grant" sf:activity="flaky" />
        <bpmn:userTask id="inform" sf:candidateRole="requesting-clerk" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "grant")}
        {Flow("f2", "grant", "inform")}
        {Flow("f3", "inform", "end")}
        """);

    [Fact(DisplayName = "Eight reviewers complete the same task at once: exactly one wins, the others get a conflict and nothing is doubled")]
    public async Task ConcurrentCompletions_ExactlyOneWins()
    {
        await _h.PublishAsync(Definition("single", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" sf:candidateRole="provider-reviewer" />
            <bpmn:userTask id="next" sf:candidateRole="coordinating-office" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "review")}
            {Flow("f2", "review", "next")}
            {Flow("f3", "next", "end")}
            """));
        var instance = await _h.StartAsync("single");
        var task = await _h.OpenTaskAsync(instance.Id, "review");

        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await _h.CompleteAsync(task.Id, new Dictionary<string, object?> { ["winner"] = i }, actor: $"reviewer-{i}");
                return (Won: true, Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Won: false, Error: ex);
            }
        })).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Won);
        Assert.All(results.Where(r => !r.Won), r => Assert.IsType<ConcurrencyConflictException>(r.Error));
        Assert.Single(await _h.OpenTasksAsync(instance.Id), t => t.ElementId == "next");
        var history = await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None);
        Assert.Single(history, h => h.Kind == "task-completed");
        Assert.Single(history, h => h.Kind == "task-created" && h.ElementId == "next");
    }

    [Fact(DisplayName = "A failing activity keeps the state before it, is retried after the backoff and then goes on")]
    public async Task FailingActivity_IsRetriedWithBackoff()
    {
        await _h.PublishAsync(Granting);
        _h.Flaky.FailuresLeft = 1;

        var instance = await _h.StartAsync("granting");

        var job = Assert.Single(await _h.WaitsAsync(instance.Id));
        Assert.Equal(WaitKind.Job, job.Kind);
        Assert.Equal(EngineHarness.Monday.AddMinutes(1), job.DueAt);
        Assert.Contains("unreachable", job.LastError, StringComparison.Ordinal);
        Assert.Equal(["grant"], (await _h.InstanceAsync(instance.Id)).ActiveElements);
        Assert.Equal(0, await _h.AdvanceAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(1, await _h.AdvanceAsync(TimeSpan.FromSeconds(31)));

        Assert.Equal(["inform"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
        Assert.True((bool)(await _h.InstanceAsync(instance.Id)).Variables["granted"]!);
        await using var db = await _h.Database.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Outbox.CountAsync());
    }

    [Fact(DisplayName = "After the last retry the failure is an incident; nothing fires it until an operator retries, then it goes on")]
    public async Task ExhaustedRetries_BecomeAnIncident_ThatAnOperatorRetries()
    {
        await _h.PublishAsync(Granting);
        _h.Flaky.FailuresLeft = 100;
        var instance = await _h.StartAsync("granting");

        await _h.AdvanceAsync(TimeSpan.FromMinutes(1)); // second attempt fails; the next waits 5 minutes
        await _h.AdvanceAsync(TimeSpan.FromMinutes(5)); // third attempt fails: retries used up

        var incident = Assert.Single(await _h.WaitsAsync(instance.Id));
        Assert.True(incident.IsIncident);
        Assert.Equal(3, incident.Attempts);
        Assert.Equal(3, _h.Flaky.Runs);
        Assert.Equal(1, (await _h.InstanceAsync(instance.Id)).OpenIncidents);
        Assert.False(_h.Scheduler.Scheduled.ContainsKey(incident.Id));
        Assert.Equal(0, await _h.AdvanceAsync(TimeSpan.FromDays(1)));

        _h.Flaky.FailuresLeft = 0;
        await _h.Engine.RetryIncidentAsync(incident.Id, "operator", CancellationToken.None);

        var resumed = await _h.InstanceAsync(instance.Id);
        Assert.Equal(0, resumed.OpenIncidents);
        Assert.Equal(["inform"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
        var history = await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None);
        Assert.Equal(3, history.Count(h => h.Kind == "activity-failed"));
        Assert.Single(history, h => h.Kind == "incident");
        Assert.Single(history, h => h.Kind == "incident-retried" && h.Actor == "operator");
    }

    [Fact(DisplayName = "After a restart the instance is intact and its overdue timer fires exactly once")]
    public async Task Restart_TimerFiresOnce()
    {
        await _h.PublishAsync(Definition("deadline", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" sf:candidateRole="provider-reviewer" sf:dueDays="5" />
            <bpmn:boundaryEvent id="overdue" attachedToRef="review"><bpmn:timerEventDefinition sf:anchor="taskDue" /></bpmn:boundaryEvent>
            <bpmn:userTask id="coordinate" sf:candidateRole="coordinating-office" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="coordinated" />
            {Flow("f1", "start", "review")}
            {Flow("f2", "review", "end")}
            {Flow("f3", "overdue", "coordinate")}
            {Flow("f4", "coordinate", "coordinated")}
            """));
        var instance = await _h.StartAsync("deadline");

        // A new engine over the same database, as after the process died; the clock has moved past the deadline.
        _h.Clock.Advance(TimeSpan.FromDays(14));
        var restarted = _h.NewEngine();

        Assert.Equal(1, await restarted.ReconcileScheduleAsync(CancellationToken.None));
        Assert.Equal(1, await restarted.FireDueAsync(CancellationToken.None));
        Assert.Equal(0, await restarted.FireDueAsync(CancellationToken.None));
        Assert.Equal(0, await _h.Engine.FireDueAsync(CancellationToken.None));

        Assert.Equal(["coordinate"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
        Assert.Single(await restarted.GetHistoryAsync(instance.Id, CancellationToken.None), e => e.Kind == "timer-fired");
    }
}

public sealed class EngineReliabilityTestsOnSqlite() : EngineReliabilityTests(DatabaseProvider.Sqlite);

public sealed class EngineReliabilityTestsOnPostgres() : EngineReliabilityTests(DatabaseProvider.Postgres);

/// <summary>The engine configured the way the benchmark runs it: defaults stand in for ShareFlow's attributes.</summary>
public abstract class BenchmarkWorkloadTests(DatabaseProvider provider)
{
    [Fact(DisplayName = "Plain BPMN without ShareFlow attributes runs when the caller supplies a default activity and assignment")]
    public async Task BenchmarkWorkload_RunsWithCallerDefaults()
    {
        await using var h = await EngineHarness.CreateAsync(provider, new EngineOptions
        {
            DefaultActivity = "noop",
            DefaultAssignment = new DefaultAssignment("provider", "provider-reviewer"),
        });
        await h.PublishAsync(BenchmarkWorkload.ApprovalBpmn);

        var approved = await h.StartAsync("sharingApproval");
        var review = await h.OpenTaskAsync(approved.Id, "review");
        Assert.Equal(("provider", "provider-reviewer"), (review.CandidateDepartment, review.CandidateRole));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromHours(1))); // the reminder: the review stays
        Assert.Equal(review.Id, (await h.OpenTaskAsync(approved.Id, "review")).Id);
        await h.CompleteAsync(review.Id, new Dictionary<string, object?> { ["decision"] = "approve" });
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(approved.Id)).Status);
        Assert.Contains(await h.Engine.GetHistoryAsync(approved.Id, CancellationToken.None), e => e.ElementId == "granted");

        var late = await h.StartAsync("sharingApproval", businessKey: "late");
        Assert.Equal(2, await h.AdvanceAsync(TimeSpan.FromHours(2))); // the reminder, then the interrupting deadline
        Assert.Equal(["coordinate"], (await h.OpenTasksAsync(late.Id)).Select(t => t.ElementId));
        Assert.Empty(await h.WaitsAsync(late.Id));
    }
}

public sealed class BenchmarkWorkloadTestsOnSqlite() : BenchmarkWorkloadTests(DatabaseProvider.Sqlite);

public sealed class BenchmarkWorkloadTestsOnPostgres() : BenchmarkWorkloadTests(DatabaseProvider.Postgres);
