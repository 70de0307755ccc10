using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.Processes;

namespace ShareFlow.Workflows.Tests.Runtime;

/// <summary>
/// The engine with a scheduler that holds triggers only for the next 15 minutes: what it hands over, what it takes back,
/// and what the scheduler's sweep is told. Instances start on Monday 2026-11-23, 09:00 Shanghai time.
/// </summary>
public abstract class SchedulingHorizonTests(DatabaseProvider provider) : IAsyncLifetime
{
    private EngineHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await EngineHarness.CreateAsync(provider);
        _h.Scheduler.Horizon = TimeSpan.FromMinutes(15);
        await _h.PublishAsync(Definition("horizon", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" sf:candidateRole="provider-reviewer" />
            <bpmn:boundaryEvent id="soon" attachedToRef="review" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT10M</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="overdue" attachedToRef="review">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P10D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:userTask id="coordinate" sf:candidateRole="coordinating-office" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="reminded" />
            <bpmn:endEvent id="coordinated" />
            {Flow("f1", "start", "review")}
            {Flow("f2", "review", "end")}
            {Flow("f3", "soon", "reminded")}
            {Flow("f4", "overdue", "coordinate")}
            {Flow("f5", "coordinate", "coordinated")}
            """));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact(DisplayName = "Only the timer due within the horizon is handed to the scheduler; the deadline ten days away is not")]
    public async Task Start_HandsOverOnlyTheNearTimer()
    {
        var instance = await _h.StartAsync("horizon");

        var waits = await _h.WaitsAsync(instance.Id);
        var soon = waits.Single(w => w.ElementId == "soon");
        Assert.Equal(2, waits.Count);
        Assert.Equal([(soon.Id, soon.DueAt!.Value)], _h.Scheduler.Scheduled.Select(s => (s.Key, s.Value)));
    }

    [Fact(DisplayName = "Completing the task takes back the near trigger and asks nothing of the scheduler for the far deadline")]
    public async Task Completion_TakesBackOnlyWhatMayHaveATrigger()
    {
        var instance = await _h.StartAsync("horizon");
        var soon = (await _h.WaitsAsync(instance.Id)).Single(w => w.ElementId == "soon");

        await _h.CompleteAsync((await _h.OpenTaskAsync(instance.Id, "review")).Id);

        Assert.Equal([soon.Id], _h.Scheduler.Unscheduled);
        Assert.Empty(_h.Scheduler.Scheduled);
        Assert.Empty(await _h.WaitsAsync(instance.Id));
    }

    [Fact(DisplayName = "The sweep is told of the deadline once it comes within the horizon; completing the task then takes its trigger back")]
    public async Task DeadlineComingNear_IsReportedToTheSweep()
    {
        var instance = await _h.StartAsync("horizon");
        var overdue = (await _h.WaitsAsync(instance.Id)).Single(w => w.ElementId == "overdue");
        Assert.Equal(1, await _h.AdvanceAsync(TimeSpan.FromMinutes(11))); // the near timer fires
        Assert.Empty(await _h.Engine.DueByAsync(_h.Clock.GetUtcNow().AddMinutes(15), 100, CancellationToken.None));

        _h.Clock.AdvanceTo(overdue.DueAt!.Value.AddMinutes(-10));
        var due = await _h.Engine.DueByAsync(_h.Clock.GetUtcNow().AddMinutes(15), 100, CancellationToken.None);

        Assert.Equal([(overdue.Id, overdue.DueAt.Value)], due);
        await _h.CompleteAsync((await _h.OpenTaskAsync(instance.Id, "review")).Id);
        Assert.Contains(overdue.Id, _h.Scheduler.Unscheduled);
    }

    [Fact(DisplayName = "What the sweep is told comes earliest first, overdue ones included, and no more than it asks for")]
    public async Task DueBy_EarliestFirstWithinTheLimit()
    {
        var first = await _h.StartAsync("horizon", businessKey: "first");
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _h.StartAsync("horizon", businessKey: "second");
        _h.Clock.Advance(TimeSpan.FromMinutes(30)); // both near timers are overdue now; nothing fired them
        var soonOf = async (Guid instanceId) => (await _h.WaitsAsync(instanceId)).Single(w => w.ElementId == "soon").Id;

        var all = await _h.Engine.DueByAsync(_h.Clock.GetUtcNow().AddMinutes(15), 100, CancellationToken.None);
        var one = await _h.Engine.DueByAsync(_h.Clock.GetUtcNow().AddMinutes(15), 1, CancellationToken.None);

        Assert.Equal([await soonOf(first.Id), await soonOf(second.Id)], all.Select(w => w.WaitId));
        Assert.Equal([await soonOf(first.Id)], one.Select(w => w.WaitId));
    }

    [Fact(DisplayName = "A trigger that fires well before its wait's instant does nothing; the deadline still fires when it is due")]
    public async Task EarlyTrigger_DoesNothing()
    {
        var instance = await _h.StartAsync("horizon");
        var overdue = (await _h.WaitsAsync(instance.Id)).Single(w => w.ElementId == "overdue");

        await _h.Engine.FireAsync(overdue.Id, CancellationToken.None);

        Assert.Equal(["review"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
        Assert.Contains(await _h.WaitsAsync(instance.Id), w => w.Id == overdue.Id);
        Assert.DoesNotContain(await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None), e => e.Kind == "timer-fired");

        await _h.AdvanceToAsync(overdue.DueAt!.Value);
        Assert.Equal(["coordinate"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
    }
}

public sealed class SchedulingHorizonTestsOnSqlite() : SchedulingHorizonTests(DatabaseProvider.Sqlite);

public sealed class SchedulingHorizonTestsOnPostgres() : SchedulingHorizonTests(DatabaseProvider.Postgres);
