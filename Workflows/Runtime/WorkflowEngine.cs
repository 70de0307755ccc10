using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime.Behaviors;
using ShareFlow.Workflows.Scheduling;

namespace ShareFlow.Workflows.Runtime;

/// <summary>
/// The workflow engine: runs published BPMN definitions durably. Every state change — start, task completion, timer,
/// message, cancellation — is one database transaction with optimistic concurrency; the scheduler is told about new and
/// removed timers once the transaction has committed.
/// </summary>
public sealed partial class WorkflowEngine : IWaitFiring
{
    private const int MaxAttemptsPerOperation = 8;

    /// <summary>How much earlier than its wait's instant a trigger may fire and still count (stores and clocks round).</summary>
    private static readonly TimeSpan EarlyFiringTolerance = TimeSpan.FromSeconds(1);

    private readonly IDbContextFactory<ShareFlowDbContext> _dbFactory;
    private readonly EngineServices _services;
    private readonly IWaitScheduler _scheduler;
    private readonly TimeProvider _clock;
    private readonly ILogger<WorkflowEngine> _logger;

    public WorkflowEngine(
        IDbContextFactory<ShareFlowDbContext> dbFactory,
        DefinitionRepository definitions,
        ActivityRegistry activities,
        IPolicyParameters parameters,
        EngineOptions options,
        ICalendarSource calendars,
        IWaitScheduler scheduler,
        TimeProvider clock,
        ILogger<WorkflowEngine> logger)
    {
        _dbFactory = dbFactory;
        _services = new EngineServices(definitions, activities, parameters, options, calendars);
        _scheduler = scheduler;
        _clock = clock;
        _logger = logger;
    }

    public DefinitionRepository Definitions => _services.Definitions;

    /// <summary>Starts the latest version of a definition at its none start event.</summary>
    public Task<InstanceView> StartAsync(StartInstance request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteAsync(async (work, execution) =>
        {
            var definition = await _services.Definitions.GetLatestAsync(work, request.DefinitionKey, cancellationToken).ConfigureAwait(false);
            var instance = await execution.StartInstanceAsync(
                definition, request.BusinessKey, ToJson(request.Variables), request.Actor, request.Jurisdiction, parent: null, startEventId: null, cancellationToken).ConfigureAwait(false);
            // Every task of a new instance was created in this state change.
            var openTasks = work.NewTasksOf(instance.Id)
                .Where(t => t.Status == UserTaskStatus.Open)
                .OrderBy(t => t.Id)
                .Select(EngineQueries.ToTaskView);
            return ViewOf(instance.Record, instance.State, instance.Variables.DeepClone().AsObject(), [.. openTasks]);
        }, deferActivityFailures: true, cancellationToken);
    }

    /// <summary>Completes an open user task with an outcome and variables, and moves the process on.</summary>
    /// <exception cref="ConcurrencyConflictException">The task was completed or changed by someone else first.</exception>
    public Task CompleteTaskAsync(Guid taskId, CompleteTask request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteAsync(async (work, execution) =>
        {
            var (task, pendingCosigns, record, waits) = await EngineQueries.TaskToCompleteAsync(work.Db, taskId, cancellationToken).ConfigureAwait(false)
                ?? throw new EngineNotFoundException("Task", taskId.ToString());
            if (task.Status != UserTaskStatus.Open)
            {
                throw new ConcurrencyConflictException($"Task {taskId} is already {task.Status}" + (task.CompletedBy is null ? "." : $" by {task.CompletedBy}."));
            }

            await BeforeTaskActionAsync(work, task, request.Actor, TaskAction.Complete, cancellationToken, pendingCosigns).ConfigureAwait(false);
            var instance = await execution.AttachInstanceAsync(record, waits, cancellationToken).ConfigureAwait(false);
            var token = instance.State.Tokens.SingleOrDefault(t => t.Id == task.TokenId)
                ?? throw new ConcurrencyConflictException($"Task {taskId} no longer has a place in its process.");
            execution.CloseTask(instance, task, UserTaskStatus.Completed);
            task.CompletedBy = request.Actor;
            task.Outcome = request.Outcome;
            task.Comment = request.Comment;
            foreach (var (name, value) in ToNodes(request.Variables))
            {
                instance.Variables[name] = value;
            }

            work.History(instance.Id, "task-completed", task.ElementId, task.Name, request.Actor, request.Outcome, request.Comment, task.Id);
            await UserTaskBehavior.OnTaskCompletedAsync(execution, instance, token, (UserTask)instance.Process.Elements[task.ElementId], cancellationToken).ConfigureAwait(false);
            return true;
        }, deferActivityFailures: true, cancellationToken);
    }

    /// <summary>Takes an open task for <paramref name="user"/>; a task someone else holds cannot be claimed.</summary>
    public Task ClaimTaskAsync(Guid taskId, string user, CancellationToken cancellationToken) =>
        ExecuteAsync(async (work, _) =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(user);
            var task = await OpenTaskAsync(work, taskId, cancellationToken).ConfigureAwait(false);
            if (task.Assignee is { } holder && holder != user)
            {
                throw new ConcurrencyConflictException($"Task {taskId} is already claimed by {holder}.");
            }

            task.Assignee = user;
            task.Revision++;
            work.History(task.InstanceId, "task-claimed", task.ElementId, task.Name, user, taskId: task.Id);
            return true;
        }, deferActivityFailures: false, cancellationToken);

    /// <summary>Gives a claimed task back to its candidates.</summary>
    public Task UnclaimTaskAsync(Guid taskId, string user, CancellationToken cancellationToken) =>
        ExecuteAsync(async (work, _) =>
        {
            var task = await OpenTaskAsync(work, taskId, cancellationToken).ConfigureAwait(false);
            await BeforeTaskActionAsync(work, task, user, TaskAction.Release, cancellationToken).ConfigureAwait(false);
            task.Assignee = null;
            task.Revision++;
            work.History(task.InstanceId, "task-released", task.ElementId, task.Name, user, taskId: task.Id);
            return true;
        }, deferActivityFailures: false, cancellationToken);

    /// <summary>
    /// 补正: suspends an open task while its case is back with the requester. The deadline clock stops: the working days
    /// left are kept, and the task's timers are removed until <see cref="ResumeTaskAsync"/>.
    /// </summary>
    /// <returns>The working (or calendar) days that were left.</returns>
    /// <param name="alongside">Case changes made in the same transaction (given the database and the instance id); a
    /// domain error there rejects the whole suspension.</param>
    public Task<int?> SuspendTaskAsync(Guid taskId, string? actor, string reason, CancellationToken cancellationToken, Func<ShareFlowDbContext, Guid, Task>? alongside = null) =>
        ExecuteAsync(async (work, execution) =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(reason);
            var task = await OpenTaskAsync(work, taskId, cancellationToken).ConfigureAwait(false);
            await BeforeTaskActionAsync(work, task, actor, TaskAction.Suspend, cancellationToken).ConfigureAwait(false);
            var instance = await execution.LoadInstanceAsync(task.InstanceId, cancellationToken).ConfigureAwait(false);
            if (alongside is not null)
            {
                await alongside(work.Db, instance.Id).ConfigureAwait(false);
            }

            var token = instance.State.Tokens.Single(t => t.Id == task.TokenId);
            int? remaining = null;
            if (task.DueDate is { } dueDate)
            {
                var today = ChinaTime.DateOf(work.Now);
                remaining = Math.Max(0, TimerCalculator.ParseDayKind(task.DueDayKind) == DayCountKind.Working
                    ? instance.Calendar.WorkingDaysBetween(today, dueDate)
                    : dueDate.DayNumber - today.DayNumber);
            }

            task.Status = UserTaskStatus.Suspended;
            task.SuspendedAt = work.Now;
            task.RemainingDays = remaining;
            task.Revision++;
            instance.OpenTasks?.Remove(task);
            foreach (var wait in (await instance.LoadWaitsAsync(work, cancellationToken).ConfigureAwait(false)).Where(w => w.TokenId == token.Id && w.Kind == WaitKind.Timer).ToList())
            {
                work.RemoveWait(instance, wait);
            }

            work.History(instance.Id, "task-suspended", task.ElementId, task.Name, actor, comment: reason, taskId: task.Id,
                data: new JsonObject { ["remainingDays"] = remaining });
            return remaining;
        }, deferActivityFailures: false, cancellationToken);

    /// <summary>
    /// Resumes a suspended task (the requester resubmitted): its deadline is the days that were left, counted from today
    /// (the day of resubmission is not counted), and its timers are armed again on that period.
    /// </summary>
    /// <param name="alongside">Case changes made in the same transaction, as for <see cref="SuspendTaskAsync"/>.</param>
    public Task ResumeTaskAsync(Guid taskId, string? actor, CancellationToken cancellationToken, Func<ShareFlowDbContext, Guid, Task>? alongside = null) =>
        ExecuteAsync(async (work, execution) =>
        {
            var task = await work.Db.UserTasks.FindAsync([taskId], cancellationToken).ConfigureAwait(false)
                ?? throw new EngineNotFoundException("Task", taskId.ToString());
            if (task.Status != UserTaskStatus.Suspended)
            {
                throw new ConcurrencyConflictException($"Task {taskId} is {task.Status}, not suspended.");
            }

            var instance = await execution.LoadInstanceAsync(task.InstanceId, cancellationToken).ConfigureAwait(false);
            if (alongside is not null)
            {
                await alongside(work.Db, instance.Id).ConfigureAwait(false);
            }

            var token = instance.State.Tokens.Single(t => t.Id == task.TokenId);
            task.Status = UserTaskStatus.Open;
            task.Revision++;
            TaskPeriod? period = null;
            if (task.RemainingDays is { } remaining)
            {
                period = new TaskPeriod(ChinaTime.DateOf(work.Now), remaining, TimerCalculator.ParseDayKind(task.DueDayKind));
                var due = TimerCalculator.Count(period.BasisDate, period.Days, period.Kind, instance.Calendar);
                task.DueBasisDate = period.BasisDate;
                task.DueDays = remaining;
                due.ApplyTo(task);
            }

            foreach (var boundary in instance.Process.BoundaryEventsOf(task.ElementId).Where(b => b.Trigger is TimerEventDefinition))
            {
                execution.AddEventWait(instance, token, boundary.Id, boundary.Trigger, period);
            }

            task.SuspendedAt = null;
            task.RemainingDays = null;
            work.History(instance.Id, "task-resumed", task.ElementId, task.Name, actor, taskId: task.Id,
                data: new JsonObject { ["dueDate"] = task.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            return true;
        }, deferActivityFailures: false, cancellationToken);

    /// <summary>
    /// Delivers a message to every instance waiting for it (with that business key, when given); when none waits,
    /// starts the definitions whose message start event takes it.
    /// </summary>
    /// <returns>The number of instances that received or were started by the message.</returns>
    /// <exception cref="MessageNotCorrelatedException">Nothing waits for the message and nothing starts with it.</exception>
    public async Task<int> CorrelateMessageAsync(string messageName, string? businessKey, IReadOnlyDictionary<string, object?>? variables, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageName);
        List<Guid> waits;
        await using (var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            waits = await db.Waits.AsNoTracking()
                .Where(w => w.Kind == WaitKind.Message && w.MessageName == messageName && (businessKey == null || w.CorrelationKey == businessKey))
                .OrderBy(w => w.Id)
                .Select(w => w.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var delivered = 0;
        foreach (var waitId in waits)
        {
            if (await FireWaitAsync(waitId, variables, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        if (delivered > 0)
        {
            return delivered;
        }

        return await ExecuteAsync(async (work, execution) =>
        {
            var starts = await _services.Definitions.FindMessageStartsAsync(work.Db, messageName, cancellationToken).ConfigureAwait(false);
            if (starts.Count == 0)
            {
                throw new MessageNotCorrelatedException(messageName, businessKey);
            }

            foreach (var definition in starts)
            {
                var start = definition.Process.RootScope.StartEvents.First(s => s.Message?.MessageName == messageName);
                await execution.StartInstanceAsync(definition, businessKey, ToJson(variables), actor: null, jurisdiction: null, parent: null, start.Id, cancellationToken).ConfigureAwait(false);
            }

            return starts.Count;
        }, deferActivityFailures: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels an active instance with a reason: open tasks are cancelled, waits removed, called instances cancelled.</summary>
    /// <param name="alongside">Case changes made in the same transaction (a withdrawal, say); a domain error there rejects the cancellation.</param>
    public Task CancelAsync(Guid instanceId, string reason, string? actor, CancellationToken cancellationToken, Func<ShareFlowDbContext, Guid, Task>? alongside = null) =>
        ExecuteAsync(async (work, execution) =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(reason);
            var instance = await execution.LoadInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (alongside is not null)
            {
                await alongside(work.Db, instance.Id).ConfigureAwait(false);
            }

            if (!instance.IsActive)
            {
                throw new IllegalStateException($"Instance {instanceId} is already {instance.Record.Status}.");
            }

            await execution.CancelInstanceAsync(instance, reason, actor, cancellationToken).ConfigureAwait(false);
            return true;
        }, deferActivityFailures: false, cancellationToken);

    /// <summary>The scheduler's entry: fires a timer or runs a job. A wait that no longer exists is ignored.</summary>
    public Task FireAsync(Guid waitId, CancellationToken cancellationToken) => FireWaitAsync(waitId, variables: null, cancellationToken);

    /// <summary>Fires every timer and job due by now, oldest first (simulated clock, start-up catch-up).</summary>
    /// <returns>How many fired.</returns>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var fired = 0;
        for (var round = 0; round < 100; round++)
        {
            List<Guid> due;
            var now = _clock.GetUtcNow();
            await using (var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            {
                due = await db.Waits.AsNoTracking()
                    .Where(w => (w.Kind == WaitKind.Timer || w.Kind == WaitKind.Job) && !w.IsIncident && w.DueAt != null && w.DueAt <= now)
                    .OrderBy(w => w.DueAt)
                    .Select(w => w.Id)
                    .Take(500)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
            }

            var firedThisRound = 0;
            foreach (var waitId in due)
            {
                try
                {
                    if (await FireWaitAsync(waitId, null, cancellationToken).ConfigureAwait(false))
                    {
                        firedThisRound++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFireFailed(_logger, ex, waitId);
                }
            }

            fired += firedThisRound;
            if (firedThisRound == 0)
            {
                return fired;
            }
        }

        return fired;
    }

    /// <summary>Runs an incident's activity again now; if it fails again the incident stays.</summary>
    public async Task RetryIncidentAsync(Guid waitId, string? actor, CancellationToken cancellationToken)
    {
        await ExecuteAsync(async (work, execution) =>
        {
            var wait = await work.Db.Waits.FindAsync([waitId], cancellationToken).ConfigureAwait(false)
                ?? throw new EngineNotFoundException("Incident", waitId.ToString());
            if (!wait.IsIncident)
            {
                throw new IllegalStateException($"{waitId} is not an incident.");
            }

            var instance = await execution.LoadInstanceAsync(wait.InstanceId, cancellationToken).ConfigureAwait(false);
            wait.IsIncident = false;
            wait.Attempts = _services.Options.RetryDelays.Count;
            wait.DueAt = work.Now;
            instance.Record.OpenIncidents = Math.Max(0, instance.Record.OpenIncidents - 1);
            work.History(instance.Id, "incident-retried", wait.ElementId, actor: actor);
            return true;
        }, deferActivityFailures: false, cancellationToken).ConfigureAwait(false);
        await FireWaitAsync(waitId, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Recomputes the due instants of pending day-counting timers and task deadlines after a calendar change,
    /// and reschedules the timers that moved.
    /// </summary>
    /// <returns>How many timers and tasks moved.</returns>
    public async Task<int> RecomputeDeadlinesAsync(CalendarChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var from = new DateOnly(change.Years.Min(), 1, 1).AddYears(-1);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ExecuteAsync(async (work, _) =>
                {
                    var moved = 0;
                    var jurisdictions = await work.Db.ProcessInstances.Where(i => i.Status == InstanceStatus.Active).Select(i => new { i.Id, i.Jurisdiction }).ToDictionaryAsync(i => i.Id, i => i.Jurisdiction, cancellationToken).ConfigureAwait(false);
                    bool Affected(Guid instanceId) => jurisdictions.TryGetValue(instanceId, out var j) && (change.Jurisdiction is null || change.Jurisdiction == j);
                    OfficialCalendar CalendarOf(Guid instanceId) => change.Catalog.For(jurisdictions[instanceId]);

                    foreach (var wait in await work.Db.Waits.Where(w => w.BasisDate != null && w.BasisDate >= from).ToListAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (!Affected(wait.InstanceId))
                        {
                            continue;
                        }

                        var due = TimerCalculator.Count(wait.BasisDate!.Value, wait.BasisDays ?? 0, TimerCalculator.ParseDayKind(wait.BasisDayKind), CalendarOf(wait.InstanceId));
                        if (due.DueAt != wait.DueAt || due.Provisional != wait.Provisional)
                        {
                            var before = wait.DueAt;
                            wait.DueAt = due.DueAt;
                            wait.Provisional = due.Provisional;
                            work.TimerMoved(wait, before);
                            moved++;
                        }
                    }

                    foreach (var task in await work.Db.UserTasks.Where(t => t.Status == UserTaskStatus.Open && t.DueBasisDate != null && t.DueBasisDate >= from).ToListAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (!Affected(task.InstanceId))
                        {
                            continue;
                        }

                        var due = TimerCalculator.Count(task.DueBasisDate!.Value, task.DueDays ?? 0, TimerCalculator.ParseDayKind(task.DueDayKind), CalendarOf(task.InstanceId));
                        if (due.DueAt != task.DueAt || due.Provisional != task.DueProvisional)
                        {
                            due.ApplyTo(task);
                            task.Revision++;
                            work.History(task.InstanceId, "deadline-recomputed", task.ElementId, task.Name, taskId: task.Id, data: new JsonObject { ["dueDate"] = task.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
                            moved++;
                        }
                    }

                    return moved;
                }, deferActivityFailures: false, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // A timer fired or a task was completed meanwhile; compute again from what is left.
            }
        }
    }

    /// <summary>
    /// Tells the scheduler about every pending timed wait within its horizon (idempotent): at start-up, after a restore,
    /// or for a scheduler that lost its store. The scheduler's sweep hands over the later ones as they come near.
    /// </summary>
    public async Task<int> ReconcileScheduleAsync(CancellationToken cancellationToken)
    {
        var until = _scheduler.Horizon is { } horizon ? _clock.GetUtcNow() + horizon : (DateTimeOffset?)null;
        var waits = await PendingTimersAsync(until, int.MaxValue, cancellationToken).ConfigureAwait(false);
        await _scheduler.ApplyAsync(waits, [], cancellationToken).ConfigureAwait(false);
        return waits.Count;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<(Guid WaitId, DateTimeOffset DueAt)>> DueByAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
        PendingTimersAsync(until, limit, cancellationToken);

    /// <summary>Timers and jobs that will fire (not incidents), due by <paramref name="until"/> if given, earliest first.</summary>
    private async Task<IReadOnlyList<(Guid WaitId, DateTimeOffset DueAt)>> PendingTimersAsync(DateTimeOffset? until, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var pending = db.Waits.AsNoTracking().Where(w => (w.Kind == WaitKind.Timer || w.Kind == WaitKind.Job) && !w.IsIncident && w.DueAt != null);
        if (until is { } last)
        {
            pending = pending.Where(w => w.DueAt <= last);
        }

        var waits = await pending.OrderBy(w => w.DueAt).Take(limit).Select(w => new { w.Id, w.DueAt }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. waits.Select(w => (w.Id, w.DueAt!.Value))];
    }

    public async Task<InstanceView> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = await db.ProcessInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Process instance", instanceId.ToString());
        var openTasks = await EngineQueries.TaskViewsAsync(db, instanceId, UserTaskStatus.Open, cancellationToken).ConfigureAwait(false);
        return ViewOf(record, InstanceState.Parse(record.State), ProcessVariables.Parse(record.Variables), openTasks);
    }

    private static InstanceView ViewOf(ProcessInstanceRecord record, InstanceState state, JsonObject variables, IReadOnlyList<TaskView> openTasks) => new(
        record.Id, record.DefinitionKey, record.DefinitionVersion, record.BusinessKey, record.Status, record.StartedAt, record.EndedAt, record.EndReason,
        record.OpenIncidents, variables, [.. state.Tokens.Select(t => t.ElementId).Distinct()], record.ParentInstanceId, openTasks);

    /// <summary>The suspended tasks of an instance (补正), oldest first.</summary>
    public Task<IReadOnlyList<TaskView>> GetSuspendedTasksAsync(Guid instanceId, CancellationToken cancellationToken) =>
        GetTasksAsync(instanceId, UserTaskStatus.Suspended, cancellationToken);

    /// <summary>The open tasks of an instance, oldest first.</summary>
    public Task<IReadOnlyList<TaskView>> GetOpenTasksAsync(Guid instanceId, CancellationToken cancellationToken) =>
        GetTasksAsync(instanceId, UserTaskStatus.Open, cancellationToken);

    /// <summary>The tasks of an instance in <paramref name="status"/>, oldest first.</summary>
    private async Task<IReadOnlyList<TaskView>> GetTasksAsync(Guid instanceId, string status, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await EngineQueries.TaskViewsAsync(db, instanceId, status, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.History.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id)
            .Select(h => new HistoryEntry(h.Id, h.At, h.Kind, h.ElementId, h.ElementName, h.TaskId, h.Actor, h.Outcome, h.Comment, h.Data))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> FireWaitAsync(Guid waitId, IReadOnlyDictionary<string, object?>? variables, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ExecuteAsync((work, execution) => TriggerAsync(work, execution, waitId, variables, cancellationToken), deferActivityFailures: false, cancellationToken).ConfigureAwait(false);
            }
            catch (ActivityFailedException failed)
            {
                await RecordJobFailureAsync(waitId, failed, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // Another state change of the same instance committed first; look again (the wait may be gone now).
            }
        }
    }

    private static async Task<bool> TriggerAsync(UnitOfWork work, Execution execution, Guid waitId, IReadOnlyDictionary<string, object?>? variables, CancellationToken cancellationToken)
    {
        var wait = await work.Db.Waits.FindAsync([waitId], cancellationToken).ConfigureAwait(false);
        if (wait is null || wait.IsIncident)
        {
            return false;
        }

        if (wait.Kind != WaitKind.Message && wait.DueAt > work.Now + EarlyFiringTolerance)
        {
            // A trigger stored for an earlier instant: the wait moved later meanwhile (a calendar import while the scheduler's
            // sweep handed it over). It does not fire now; the sweep hands it over again as its new instant comes near.
            return false;
        }

        var instance = await execution.LoadInstanceAsync(wait.InstanceId, cancellationToken).ConfigureAwait(false);
        await instance.LoadWaitsAsync(work, cancellationToken).ConfigureAwait(false);
        var token = instance.State.Tokens.SingleOrDefault(t => t.Id == wait.TokenId);
        if (!instance.IsActive || token is null)
        {
            work.RemoveWait(instance, wait);
            return false;
        }

        var element = instance.Process.Elements[wait.ElementId];
        if (wait.Kind == WaitKind.Job)
        {
            await ServiceTaskBehavior.RunAsync(execution, instance, token, (BoundTask)element, cancellationToken).ConfigureAwait(false);
            work.History(instance.Id, "job-completed", element.Id, element.Name, data: new JsonObject { ["attempts"] = wait.Attempts + 1 });
            await execution.LeaveAsync(instance, token, cancellationToken).ConfigureAwait(false);
            return true;
        }

        work.History(instance.Id, wait.Kind == WaitKind.Timer ? "timer-fired" : "message-received", element.Id, element.Name,
            data: wait.DueAt is { } dueAt ? new JsonObject { ["dueAt"] = dueAt } : null);
        foreach (var (name, value) in ToNodes(variables))
        {
            instance.Variables[name] = value;
        }

        switch (element)
        {
            case BoundaryEvent { CancelActivity: true } boundary:
                // The reason is the history's, read by officials (as the other steps' comments, in Chinese): 被“逾期”中断.
                await execution.CancelTokenAsync(instance, token, $"被“{boundary.Name ?? boundary.Id}”中断", cancellationToken).ConfigureAwait(false);
                await execution.LeaveAsync(instance, execution.NewToken(instance, boundary.Id, token.ScopeInstanceId), cancellationToken).ConfigureAwait(false);
                break;

            case BoundaryEvent boundary:
                if (wait.RepeatsLeft is { } repeats && wait.RepeatPeriod is { } period && wait.DueAt is { } previous && TimerCalculator.Next(previous, repeats, period) is { } next)
                {
                    wait.DueAt = next.DueAt;
                    wait.RepeatsLeft = next.RepeatsLeft;
                    work.TimerMoved(wait, previous);
                }
                else
                {
                    work.RemoveWait(instance, wait);
                }

                await execution.LeaveAsync(instance, execution.NewToken(instance, boundary.Id, token.ScopeInstanceId), cancellationToken).ConfigureAwait(false);
                break;

            case IntermediateCatchEvent catchEvent:
                if (token.ElementId != catchEvent.Id)
                {
                    // Chosen by an event-based gateway: the other branches' waits go.
                    work.History(instance.Id, "element-completed", token.ElementId, instance.Process.Elements[token.ElementId].Name,
                        data: Execution.TakenFlows(instance.Process.Outgoing(token.ElementId).Where(f => f.TargetRef == catchEvent.Id)));
                    await execution.RemoveWaitsAsync(instance, token, cancellationToken).ConfigureAwait(false);
                    token.ElementId = catchEvent.Id;
                }

                await execution.LeaveAsync(instance, token, cancellationToken).ConfigureAwait(false);
                break;

            default:
                throw new ProcessExecutionException(element.Id, $"A {element.Kind} does not wait for events.");
        }

        return true;
    }

    private Task<bool> RecordJobFailureAsync(Guid waitId, ActivityFailedException failed, CancellationToken cancellationToken) =>
        ExecuteAsync(async (work, execution) =>
        {
            var wait = await work.Db.Waits.FindAsync([waitId], cancellationToken).ConfigureAwait(false);
            if (wait is null)
            {
                return false;
            }

            var instance = await execution.LoadInstanceAsync(wait.InstanceId, cancellationToken).ConfigureAwait(false);
            var error = ServiceTaskBehavior.Truncate(failed.InnerException?.Message ?? failed.Message);
            var delays = _services.Options.RetryDelays;
            var before = wait.DueAt;
            wait.Attempts++;
            wait.LastError = error;
            work.History(instance.Id, "activity-failed", wait.ElementId, comment: error, data: new JsonObject { ["attempt"] = wait.Attempts });
            if (wait.Attempts > delays.Count)
            {
                wait.IsIncident = true;
                instance.Record.OpenIncidents++;
                work.TimerMoved(wait, before);
                work.History(instance.Id, "incident", wait.ElementId, comment: error);
                LogIncident(_logger, instance.Id, wait.ElementId, error);
            }
            else
            {
                wait.DueAt = work.Now + delays[wait.Attempts - 1];
                work.TimerMoved(wait, before);
            }

            return true;
        }, deferActivityFailures: false, cancellationToken);

    private static async Task<UserTaskRecord> OpenTaskAsync(UnitOfWork work, Guid taskId, CancellationToken cancellationToken)
    {
        var task = await EngineQueries.TaskAsync(work.Db, taskId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Task", taskId.ToString());
        return task.Status == UserTaskStatus.Open ? task : throw new ConcurrencyConflictException($"Task {taskId} is already {task.Status}.");
    }

    /// <summary>
    /// Runs one state change in one transaction. A registered activity that throws rolls everything back; the change is
    /// then run again with that service task turned into a job (so the state up to it is kept and the job is retried
    /// with backoff). A row changed by someone else first rolls back and reports a conflict.
    /// </summary>
    /// <remarks>
    /// On SQLite the transaction spans the whole change, its reads included: it is the database's snapshot and, once the
    /// change writes, its lock. On PostgreSQL the reads come first, each on its own as they would be in a READ COMMITTED
    /// transaction, and the write is the transaction: the server checks every row it changes or removes against the
    /// revision that was read (<see cref="RowWriter"/>), so the rows, the history and the commit go in one round trip.
    /// A change that also touches other records (the outbox, case records) opens a transaction for its write and
    /// <c>SaveChanges</c>; one whose own work needs a transaction earlier (a document number is drawn under a lock) opens
    /// it then, and the write joins it. Whatever transaction is open at the end is committed; disposing of the context
    /// rolls back one left open by an error.
    /// </remarks>
    private async Task<T> ExecuteAsync<T>(Func<UnitOfWork, Execution, Task<T>> body, bool deferActivityFailures, CancellationToken cancellationToken)
    {
        var deferred = new Dictionary<(Guid InstanceId, string ElementId), string>();
        var idSeed = Guid.CreateVersion7(_clock.GetUtcNow());
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            // The whole state change is one transaction that is rolled back as a whole (see the remarks); a savepoint
            // around SaveChanges inside it would only cost two more statements.
            db.Database.AutoSavepointsEnabled = false;
            // The connection's type tells the database at no cost; EF Core's provider name is a service looked up per call.
            if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection)
            {
                // One connection for the reads and the write, rather than one taken from the pool per query.
                await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            }

            var work = new UnitOfWork(db, _clock.GetUtcNow(), idSeed, deferred);
            try
            {
                var result = await body(work, new Execution(work, _services)).ConfigureAwait(false);
                work.Flush();
                if (await work.WriteAsync(cancellationToken).ConfigureAwait(false))
                {
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }

                // The transaction begun above (SQLite), for the write (UnitOfWork), or by the change itself (a document number).
                if (db.Database.CurrentTransaction is { } transaction)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                await SyncSchedulerAsync(work, cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (ActivityFailedException failed) when (deferActivityFailures && attempt < MaxAttemptsPerOperation && !deferred.ContainsKey((failed.InstanceId, failed.ElementId)))
            {
                await RollBackAsync(db, cancellationToken).ConfigureAwait(false);
                deferred[(failed.InstanceId, failed.ElementId)] = failed.InnerException?.Message ?? failed.Message;
                LogActivityDeferred(_logger, failed, failed.InstanceId, failed.ElementId);
            }
            catch (StaleDefinitionException) when (attempt < MaxAttemptsPerOperation)
            {
                // A newer version was published since the cached one: read it and run the state change again.
                await RollBackAsync(db, cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                throw new ConcurrencyConflictException("Someone else changed this process first; nothing was saved. Reload and try again.", ex);
            }
        }
    }

    /// <summary>Rolls back the transaction the state change has open, if any, before it runs again.</summary>
    private static async Task RollBackAsync(ShareFlowDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Tells the scheduler what a committed state change did to the timers. A scheduler with a horizon holds a trigger only
    /// for a wait due within it, and its sweep hands over the others as they come near (<see cref="DueByAsync"/>): a wait
    /// due later is not handed over now, and a wait that may hold a trigger loses it when it stops firing or moves beyond.
    /// </summary>
    private async Task SyncSchedulerAsync(UnitOfWork work, CancellationToken cancellationToken)
    {
        if (work.TimerChanges.Count == 0)
        {
            return;
        }

        try
        {
            var horizon = _scheduler.Horizon;
            var schedule = new List<(Guid WaitId, DateTimeOffset DueAt)>();
            var unschedule = new List<Guid>();
            foreach (var (waitId, before, after) in NetTimerChanges(work.TimerChanges))
            {
                if (after is { } due && (horizon is null || due - work.Now <= horizon))
                {
                    schedule.Add((waitId, due));
                }
                else if (before is { } previous && (horizon is null || previous - work.Now <= TriggerReach(horizon.Value)))
                {
                    unschedule.Add(waitId);
                }
            }

            if (schedule.Count > 0 || unschedule.Count > 0)
            {
                await _scheduler.ApplyAsync(schedule, unschedule, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The waits are committed; the start-up reconciliation and the scheduler's sweep schedule them again.
            LogScheduleFailed(_logger, ex);
        }
    }

    /// <summary>
    /// How far ahead of now a wait that holds a trigger can be due: triggers are only given for instants within the horizon
    /// of the moment they are given, and twice the horizon leaves room for nodes whose clocks differ.
    /// </summary>
    private static TimeSpan TriggerReach(TimeSpan horizon) => horizon * 2;

    /// <summary>Each wait's changes in one: due as before the first, and as after the last.</summary>
    private static IEnumerable<TimerChange> NetTimerChanges(List<TimerChange> changes) =>
        changes.GroupBy(c => c.WaitId).Select(g => new TimerChange(g.Key, g.First().Before, g.Last().After));

    private static JsonObject ToJson(IReadOnlyDictionary<string, object?>? variables)
    {
        var result = new JsonObject();
        foreach (var (name, value) in ToNodes(variables))
        {
            result[name] = value;
        }

        return result;
    }

    /// <summary>The variables as new JSON nodes that belong to no object yet, once every name has been checked.</summary>
    private static List<KeyValuePair<string, JsonNode?>> ToNodes(IReadOnlyDictionary<string, object?>? variables)
    {
        var result = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A variable name is empty.", nameof(variables));
            }

            result.Add(new(name, ProcessVariables.ToNode(value)));
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity of {ElementId} in instance {InstanceId} failed; it becomes a job and is retried")]
    private static partial void LogActivityDeferred(ILogger logger, Exception exception, Guid instanceId, string elementId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Incident in instance {InstanceId} at {ElementId}: {Error}")]
    private static partial void LogIncident(ILogger logger, Guid instanceId, string elementId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the scheduler about committed waits failed; they will be scheduled by the next reconciliation")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Firing wait {WaitId} failed")]
    private static partial void LogFireFailed(ILogger logger, Exception exception, Guid waitId);
}
