using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.Processes;

namespace ShareFlow.Workflows.Tests.Runtime;

/// <summary>Two hosts on one PostgreSQL database fire the same due timers at the same moment: each effect happens once.</summary>
public sealed class TwoEnginesTests : IAsyncLifetime
{
    private EngineHarness _h = null!;

    public async Task InitializeAsync() => _h = await EngineHarness.CreateAsync(DatabaseProvider.Postgres);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact(DisplayName = "Two engines sweeping the same twelve overdue deadlines escalate each exactly once")]
    public async Task TwoEngines_FireEachTimerOnce()
    {
        await _h.PublishAsync(Definition("deadline", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" sf:candidateRole="provider-reviewer" sf:dueDays="5" />
            <bpmn:boundaryEvent id="overdue" attachedToRef="review"><bpmn:timerEventDefinition sf:anchor="taskDue" /></bpmn:boundaryEvent>
            <bpmn:serviceTask id="notice" sf:activity="notify" />
            <bpmn:userTask id="coordinate" sf:candidateRole="coordinating-office" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="coordinated" />
            {Flow("f1", "start", "review")}
            {Flow("f2", "review", "end")}
            {Flow("f3", "overdue", "notice")}
            {Flow("f4", "notice", "coordinate")}
            {Flow("f5", "coordinate", "coordinated")}
            """));
        var instances = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            instances.Add((await _h.StartAsync("deadline", businessKey: $"SQ-{i}")).Id);
        }

        _h.Clock.Advance(TimeSpan.FromDays(10));
        var second = _h.NewEngine();

        var fired = await Task.WhenAll(
            Task.Run(() => _h.Engine.FireDueAsync(CancellationToken.None)),
            Task.Run(() => second.FireDueAsync(CancellationToken.None)));

        Assert.Equal(12, fired.Sum());
        foreach (var id in instances)
        {
            Assert.Equal(["coordinate"], (await _h.OpenTasksAsync(id)).Select(t => t.ElementId));
            Assert.Single(await _h.Engine.GetHistoryAsync(id, CancellationToken.None), e => e.Kind == "timer-fired");
        }

        await using var db = await _h.Database.Factory.CreateDbContextAsync();
        Assert.Equal(12, db.Outbox.Count());
    }
}
