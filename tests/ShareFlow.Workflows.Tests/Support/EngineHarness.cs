using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Scheduling;
using ShareFlow.Workflows.Time;

namespace ShareFlow.Workflows.Tests.Support;

/// <summary>
/// The real engine on a real database, with a simulated clock. Tests fire due waits through the engine itself
/// (<see cref="AdvanceAsync"/>); the Quartz adapter has tests of its own.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable, ICalendarSource
{
    /// <summary>Monday 2026-11-23, 09:00 in Shanghai: an ordinary working day, far from any holiday.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private EngineHarness(ITestDatabase database, EngineOptions options, IReadOnlyDictionary<string, int> parameters)
    {
        Database = database;
        Clock = new SimulatedClock(Monday);
        var activities = new ActivityRegistry([new NoOpActivity(), new NotifyActivity(), Flaky, new CheckingActivity()]);
        var policy = new FixedPolicyParameters(parameters);
        var definitions = new DefinitionRepository(database.Factory, activities, policy, options, Clock);
        Engine = new WorkflowEngine(database.Factory, definitions, activities, policy, options, this, Scheduler, Clock, NullLogger<WorkflowEngine>.Instance);
    }

    public ITestDatabase Database { get; }

    public SimulatedClock Clock { get; }

    public RecordingScheduler Scheduler { get; } = new();

    public FlakyActivity Flaky { get; } = new();

    public WorkflowEngine Engine { get; }

    public CalendarCatalog Current { get; set; } = CalendarCatalog.Embedded;

    public static async Task<EngineHarness> CreateAsync(DatabaseProvider provider, EngineOptions? options = null, IReadOnlyDictionary<string, int>? parameters = null) =>
        new(await TestDatabase.CreateAsync(provider), options ?? new EngineOptions { RetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)] },
            parameters ?? new Dictionary<string, int> { ["sharing.answerDays"] = 10 });

    /// <summary>Another engine over the same database and clock, as a second host or a restarted process would be.</summary>
    public WorkflowEngine NewEngine()
    {
        var activities = new ActivityRegistry([new NoOpActivity(), new NotifyActivity()]);
        var options = new EngineOptions();
        var definitions = new DefinitionRepository(Database.Factory, activities, FixedPolicyParameters.Empty, options, Clock);
        return new WorkflowEngine(Database.Factory, definitions, activities, FixedPolicyParameters.Empty, options, this, new RecordingScheduler(), Clock, NullLogger<WorkflowEngine>.Instance);
    }

    public Task PublishAsync(string xml) => Engine.Definitions.PublishAsync(xml, "policy-admin", CancellationToken.None);

    public Task<InstanceView> StartAsync(string key, IReadOnlyDictionary<string, object?>? variables = null, string? businessKey = null) =>
        Engine.StartAsync(new StartInstance(key, businessKey ?? "case-1", variables, "clerk"), CancellationToken.None);

    public async Task<List<UserTaskRecord>> OpenTasksAsync(Guid instanceId)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await db.UserTasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == UserTaskStatus.Open).OrderBy(t => t.Id).ToListAsync();
    }

    public async Task<UserTaskRecord> OpenTaskAsync(Guid instanceId, string elementId) =>
        Assert.Single(await OpenTasksAsync(instanceId), t => t.ElementId == elementId);

    public async Task<List<UserTaskRecord>> AllTasksAsync(Guid instanceId)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await db.UserTasks.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.Id).ToListAsync();
    }

    public async Task<List<WaitRecord>> WaitsAsync(Guid instanceId)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await db.Waits.AsNoTracking().Where(w => w.InstanceId == instanceId).OrderBy(w => w.Id).ToListAsync();
    }

    public Task CompleteAsync(Guid taskId, IReadOnlyDictionary<string, object?>? variables = null, string? outcome = null, string actor = "reviewer-1") =>
        Engine.CompleteTaskAsync(taskId, new CompleteTask(actor, outcome, variables, "同意"), CancellationToken.None);

    public Task<InstanceView> InstanceAsync(Guid id) => Engine.GetInstanceAsync(id, CancellationToken.None);

    /// <summary>Moves the simulated clock on and fires whatever became due, as the training mode does.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await Engine.FireDueAsync(CancellationToken.None);
    }

    /// <summary>Moves the clock to just after <paramref name="instant"/> and fires what became due.</summary>
    public async Task<int> AdvanceToAsync(DateTimeOffset instant)
    {
        Clock.AdvanceTo(instant.AddSeconds(1));
        return await Engine.FireDueAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

/// <summary>Records what the engine asks of the scheduler port.</summary>
public sealed class RecordingScheduler : IWaitScheduler
{
    public ConcurrentDictionary<Guid, DateTimeOffset> Scheduled { get; } = new();

    /// <summary>The horizon the engine sees; none by default, so every timed wait is handed over.</summary>
    public TimeSpan? Horizon { get; set; }

    public Task ScheduleAsync(Guid waitId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        Scheduled[waitId] = dueAt;
        return Task.CompletedTask;
    }

    /// <summary>Every wait the engine asked to unschedule, in order.</summary>
    public ConcurrentQueue<Guid> Unscheduled { get; } = new();

    public Task UnscheduleAsync(Guid waitId, CancellationToken cancellationToken)
    {
        Unscheduled.Enqueue(waitId);
        Scheduled.TryRemove(waitId, out _);
        return Task.CompletedTask;
    }
}

/// <summary><c>flaky</c>: fails while <see cref="FailuresLeft"/> is above zero, then writes a notice to the outbox.</summary>
public sealed class FlakyActivity : IActivity
{
    private int _failuresLeft;
    private int _runs;

    public string Name => "flaky";

    public int FailuresLeft
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    public int Runs => Volatile.Read(ref _runs);

    public ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("the registry of the provider department is unreachable");
        }

        Volatile.Write(ref _failuresLeft, 0);
        context.Variables["granted"] = true;
        context.Emit("notice", new System.Text.Json.Nodes.JsonObject { ["text"] = "granted" });
        return ValueTask.CompletedTask;
    }
}

/// <summary><c>check</c>: rejects the operation (a domain rule) unless the variable <c>reasons</c> is given.</summary>
public sealed class CheckingActivity : IActivity
{
    public string Name => "check";

    public ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        context.Variables.TryGetPropertyValue("reasons", out var reasons) && reasons is not null
            ? ValueTask.CompletedTask
            : throw new ShareFlow.Domain.DomainException("A refusal needs written reasons.");
}

/// <summary>BPMN documents for engine tests: a process with the given key and body.</summary>
internal static class Processes
{
    public static string Definition(string key, string body, string rootExtras = "", string processAttributes = "isExecutable=\"true\"") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:sf="urn:shareflow:bpmn:1"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          id="defs-{{key}}" targetNamespace="http://example.org/test">
          {{rootExtras}}
          <bpmn:process id="{{key}}" {{processAttributes}}>
            {{body}}
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static string Flow(string id, string from, string to, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>""";
}
