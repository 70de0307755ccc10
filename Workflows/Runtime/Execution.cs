using System.Text.Json.Nodes;
using ShareFlow.Workflows.Expressions;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime.Behaviors;

namespace ShareFlow.Workflows.Runtime;

/// <summary>
/// Moves tokens through the process inside one unit of work until every token waits or has ended.
/// Element-specific work is done by the behaviours; this class owns tokens, scopes, waits and completion.
/// </summary>
internal sealed class Execution(UnitOfWork uow, EngineServices services)
{
    /// <summary>The most elements one operation may enter: a loop that never waits is stopped here.</summary>
    public const int MaxStepsPerOperation = 10_000;

    public UnitOfWork Work { get; } = uow;

    public EngineServices Services { get; } = services;

    public DateTimeOffset Now => Work.Now;

    public static IVariableSource Variables(InstanceContext instance, JsonObject? locals = null) => new JsonObjectVariables(locals, instance.Variables);

    /// <summary>
    /// Creates and persists a new instance at its none start event (or the given start event) and runs it.
    /// <paramref name="variables"/> becomes the instance's own variables object (not copied): pass one built for it.
    /// </summary>
    public async Task<InstanceContext> StartInstanceAsync(
        PublishedDefinition definition, string? businessKey, JsonObject variables, string? actor, string? jurisdiction,
        (Guid InstanceId, Guid TokenId)? parent, string? startEventId, CancellationToken cancellationToken)
    {
        var record = new ProcessInstanceRecord
        {
            Id = Work.NewId(),
            DefinitionId = definition.Id,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            BusinessKey = businessKey,
            Status = InstanceStatus.Active,
            Variables = "{}",
            State = "{}",
            Jurisdiction = jurisdiction,
            ParentInstanceId = parent?.InstanceId,
            ParentTokenId = parent?.TokenId,
            StartedAt = Now,
            StartedBy = actor,
            Revision = 0,
        };
        Work.Add(record);
        var instance = Work.Attach(record, definition, Services.Calendars.Current.For(jurisdiction), variables);

        instance.Waits = [];
        instance.OpenTasks = [];
        Work.History(instance.Id, "instance-started", actor: actor, data: new JsonObject { ["definition"] = definition.Key, ["version"] = definition.Version, ["businessKey"] = businessKey });

        var start = startEventId is null
            ? definition.Process.RootScope.StartEvents.FirstOrDefault(s => s.Message is null) ?? throw new ProcessExecutionException(definition.Key, "The process has no none start event.")
            : definition.Process.Find<StartEvent>(startEventId) ?? throw new ProcessExecutionException(startEventId, "No such start event.");
        var token = NewToken(instance, start.Id, instance.Id);
        await EnterAsync(instance, token, start.Id, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    public Token NewToken(InstanceContext instance, string elementId, Guid scopeInstanceId)
    {
        var token = new Token { Id = Work.NewId(), ElementId = elementId, ScopeInstanceId = scopeInstanceId, Status = TokenStatus.Waiting };
        instance.State.Tokens.Add(token);
        return token;
    }

    /// <summary>Moves <paramref name="token"/> onto an element and lets the element's behaviour act.</summary>
    public async Task EnterAsync(InstanceContext instance, Token token, string elementId, CancellationToken cancellationToken, string? viaFlow = null)
    {
        if (++Work.Steps > MaxStepsPerOperation)
        {
            throw new ProcessExecutionException(elementId, $"More than {MaxStepsPerOperation} steps without waiting: the process loops without a task or event to stop at.");
        }

        var element = instance.Process.Elements.TryGetValue(elementId, out var found)
            ? found
            : throw new ProcessExecutionException(elementId, "The element does not exist in the definition.");
        token.ElementId = elementId;
        token.Status = TokenStatus.Waiting;
        await ElementBehaviors.For(element).EnterAsync(this, instance, token, element, viaFlow, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The token has finished its element: record it, drop the element's waits, and follow the outgoing flows.</summary>
    public async Task LeaveAsync(InstanceContext instance, Token token, CancellationToken cancellationToken, IReadOnlyList<SequenceFlow>? flows = null)
    {
        var element = instance.Process.Elements[token.ElementId];
        flows ??= instance.Process.Outgoing(element.Id);

        // The flows taken are kept with the step, so that a viewer can draw the path the instance went.
        Work.History(instance.Id, "element-completed", element.Id, element.Name, data: TakenFlows(flows));
        await RemoveWaitsAsync(instance, token, cancellationToken).ConfigureAwait(false);
        token.MultiInstance = null;
        token.ChildInstanceId = null;
        token.ArrivedVia = null;
        if (flows.Count == 0)
        {
            await ConsumeAsync(instance, token, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The first flow keeps the token; every further flow gets a token of its own (a parallel split).
        var tokens = new List<(Token Token, SequenceFlow Flow)> { (token, flows[0]) };
        for (var i = 1; i < flows.Count; i++)
        {
            tokens.Add((NewToken(instance, element.Id, token.ScopeInstanceId), flows[i]));
        }

        foreach (var (next, flow) in tokens)
        {
            if (instance.State.Tokens.Contains(next))
            {
                await EnterAsync(instance, next, flow.TargetRef, cancellationToken, flow.Id).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The <c>data</c> of an <c>element-completed</c> history entry: <c>{"flows":[ids]}</c>, or null when no flow is taken.</summary>
    public static JsonObject? TakenFlows(IEnumerable<SequenceFlow> flows)
    {
        var ids = flows.Select(f => (JsonNode?)JsonValue.Create(f.Id)).ToArray();
        return ids.Length == 0 ? null : new JsonObject { ["flows"] = new JsonArray(ids) };
    }

    /// <summary>The token ends here (an end event, or an element without outgoing flows).</summary>
    public async Task ConsumeAsync(InstanceContext instance, Token token, CancellationToken cancellationToken)
    {
        instance.State.Tokens.Remove(token);
        await CompleteScopeIfEmptyAsync(instance, token.ScopeInstanceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every token of a scope (terminate end event), then completes the scope.</summary>
    public async Task TerminateScopeAsync(InstanceContext instance, Guid scopeInstanceId, CancellationToken cancellationToken)
    {
        foreach (var token in instance.State.Tokens.Where(t => t.ScopeInstanceId == scopeInstanceId).ToList())
        {
            await CancelTokenAsync(instance, token, "流程已到达终止结束事件", cancellationToken).ConfigureAwait(false);
        }

        await CompleteScopeIfEmptyAsync(instance, scopeInstanceId, cancellationToken).ConfigureAwait(false);
    }

    private async Task CompleteScopeIfEmptyAsync(InstanceContext instance, Guid scopeInstanceId, CancellationToken cancellationToken)
    {
        if (!instance.IsActive || instance.State.Tokens.Any(t => t.ScopeInstanceId == scopeInstanceId))
        {
            return;
        }

        if (scopeInstanceId == instance.Id)
        {
            await CompleteInstanceAsync(instance, cancellationToken).ConfigureAwait(false);
            return;
        }

        var scope = instance.State.Scopes.Single(s => s.Id == scopeInstanceId);
        instance.State.Scopes.Remove(scope);
        var parentToken = instance.State.Tokens.Single(t => t.Id == scope.ParentTokenId);
        await LeaveAsync(instance, parentToken, cancellationToken).ConfigureAwait(false);
    }

    private async Task CompleteInstanceAsync(InstanceContext instance, CancellationToken cancellationToken)
    {
        instance.Record.Status = InstanceStatus.Completed;
        instance.Record.EndedAt = Now;
        Work.History(instance.Id, "instance-completed");
        if (instance.Record.ParentInstanceId is { } parentId && instance.Record.ParentTokenId is { } parentTokenId)
        {
            var parent = await LoadInstanceAsync(parentId, cancellationToken).ConfigureAwait(false);
            var parentToken = parent.State.Tokens.SingleOrDefault(t => t.Id == parentTokenId);
            if (parent.IsActive && parentToken is not null && parent.Process.Elements[parentToken.ElementId] is CallActivity call)
            {
                CallActivityBehavior.MapOutputs(call, instance.Variables, parent.Variables);
                await LeaveAsync(parent, parentToken, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Stops whatever the token is doing without following its flows: open tasks are cancelled, waits removed,
    /// nested scopes and called instances ended. The token is removed.
    /// </summary>
    public async Task CancelTokenAsync(InstanceContext instance, Token token, string reason, CancellationToken cancellationToken)
    {
        foreach (var scope in instance.State.Scopes.Where(s => s.ParentTokenId == token.Id).ToList())
        {
            foreach (var inner in instance.State.Tokens.Where(t => t.ScopeInstanceId == scope.Id).ToList())
            {
                await CancelTokenAsync(instance, inner, reason, cancellationToken).ConfigureAwait(false);
            }

            instance.State.Scopes.Remove(scope);
        }

        foreach (var task in (await instance.LoadOpenTasksAsync(Work, cancellationToken).ConfigureAwait(false)).Where(t => t.TokenId == token.Id).ToList())
        {
            CloseTask(instance, task, UserTaskStatus.Cancelled);
            Work.History(instance.Id, "task-cancelled", task.ElementId, task.Name, taskId: task.Id, comment: reason);
        }

        if (token.ChildInstanceId is { } childId)
        {
            var child = await LoadInstanceAsync(childId, cancellationToken).ConfigureAwait(false);
            await CancelInstanceAsync(child, reason, actor: null, cancellationToken).ConfigureAwait(false);
        }

        await RemoveWaitsAsync(instance, token, cancellationToken).ConfigureAwait(false);
        instance.State.Tokens.Remove(token);
    }

    public async Task CancelInstanceAsync(InstanceContext instance, string reason, string? actor, CancellationToken cancellationToken)
    {
        if (!instance.IsActive)
        {
            return;
        }

        instance.Record.Status = InstanceStatus.Cancelled;
        foreach (var token in instance.State.Tokens.Where(t => t.ScopeInstanceId == instance.Id).ToList())
        {
            await CancelTokenAsync(instance, token, reason, cancellationToken).ConfigureAwait(false);
        }

        foreach (var wait in (await instance.LoadWaitsAsync(Work, cancellationToken).ConfigureAwait(false)).ToList())
        {
            Work.RemoveWait(instance, wait);
        }

        instance.State.Tokens.Clear();
        instance.State.Scopes.Clear();
        instance.Record.EndedAt = Now;
        instance.Record.EndReason = reason;
        instance.Record.OpenIncidents = 0;
        Work.History(instance.Id, "instance-cancelled", actor: actor, comment: reason);
    }

    public void CloseTask(InstanceContext instance, UserTaskRecord task, string status)
    {
        task.Status = status;
        task.EndedAt = Now;
        task.Revision++;
        instance.OpenTasks?.Remove(task);
    }

    public async Task RemoveWaitsAsync(InstanceContext instance, Token token, CancellationToken cancellationToken)
    {
        foreach (var wait in (await instance.LoadWaitsAsync(Work, cancellationToken).ConfigureAwait(false)).Where(w => w.TokenId == token.Id).ToList())
        {
            Work.RemoveWait(instance, wait);
        }
    }

    /// <summary>Loads an instance into this unit of work (once), tracked for update.</summary>
    public async Task<InstanceContext> LoadInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (Work.TryGetLoaded(instanceId, out var loaded))
        {
            return loaded;
        }

        // Instances this operation created or loaded are attached above, so the row is read from the database.
        var record = await EngineQueries.InstanceAsync(Work.Db, instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Process instance", instanceId.ToString());
        return await AttachInstanceAsync(record, waits: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes an instance row read (tracked) with another query into this unit of work, with its stored waits when they
    /// were read too (tracked). An instance already loaded is returned as it is.
    /// </summary>
    public async Task<InstanceContext> AttachInstanceAsync(ProcessInstanceRecord record, List<WaitRecord>? waits, CancellationToken cancellationToken)
    {
        if (Work.TryGetLoaded(record.Id, out var loaded))
        {
            return loaded;
        }

        var definition = await Services.Definitions.GetAsync(Work.Db, record.DefinitionId, cancellationToken).ConfigureAwait(false);
        var instance = Work.Attach(record, definition, Services.Calendars.Current.For(record.Jurisdiction));
        instance.Waits = waits;
        return instance;
    }

    /// <summary>Creates a timer wait for <paramref name="elementId"/> held by <paramref name="token"/>.</summary>
    public void AddTimerWait(InstanceContext instance, Token token, string elementId, TimerSpec spec, TaskPeriod? hostTask) =>
        AddTimerWait(instance, token, elementId, TimerCalculator.Compute(spec, Now, instance.Calendar, ParametersOf(instance), hostTask, elementId));

    /// <summary>Creates a timer wait for <paramref name="elementId"/> held by <paramref name="token"/>, due as already computed.</summary>
    public void AddTimerWait(InstanceContext instance, Token token, string elementId, TimerDue due) =>
        Work.AddWait(instance, new WaitRecord
        {
            Id = Work.NewId(),
            InstanceId = instance.Id,
            TokenId = token.Id,
            ElementId = elementId,
            Kind = WaitKind.Timer,
            DueAt = due.DueAt,
            Provisional = due.Provisional,
            BasisDate = due.BasisDate,
            BasisDays = due.BasisDays,
            BasisDayKind = due.BasisDayKind?.ToWire(),
            RepeatsLeft = due.RepeatsLeft,
            RepeatPeriod = due.RepeatPeriod,
            CreatedAt = Now,
        });

    public void AddMessageWait(InstanceContext instance, Token token, string elementId, MessageEventDefinition message) =>
        Work.AddWait(instance, new WaitRecord
        {
            Id = Work.NewId(),
            InstanceId = instance.Id,
            TokenId = token.Id,
            ElementId = elementId,
            Kind = WaitKind.Message,
            MessageName = message.MessageName ?? message.MessageRef,
            CorrelationKey = instance.Record.BusinessKey,
            CreatedAt = Now,
        });

    /// <summary>Creates the waits of an event definition (timer or message) for a catch or boundary event.</summary>
    public void AddEventWait(InstanceContext instance, Token token, string elementId, EventDefinition trigger, TaskPeriod? hostTask)
    {
        switch (trigger)
        {
            case TimerEventDefinition timer:
                AddTimerWait(instance, token, elementId, timer.Timer, hostTask);
                break;
            case MessageEventDefinition message:
                AddMessageWait(instance, token, elementId, message);
                break;
            default:
                throw new ProcessExecutionException(elementId, $"Event definition {trigger.GetType().Name} is not supported.");
        }
    }

    /// <summary>Arms the boundary events attached to the activity the token has just entered.</summary>
    public void ArmBoundaryEvents(InstanceContext instance, Token token, string activityId, TaskPeriod? hostTask)
    {
        foreach (var boundary in instance.Process.BoundaryEventsOf(activityId))
        {
            AddEventWait(instance, token, boundary.Id, boundary.Trigger, hostTask);
        }
    }

    /// <summary>The policy parameters of <paramref name="instance"/>: its profile snapshot first, then the defaults.</summary>
    public IPolicyParameters ParametersOf(InstanceContext instance) => new InstancePolicyParameters(instance.Variables, Services.Parameters);

    /// <summary>Evaluates a value that may be a literal or a <c>${...}</c> expression.</summary>
    public static object? Evaluate(string elementId, string raw, IVariableSource variables) =>
        Guarded(elementId, () => ParsedExpressions.Get(raw).Evaluate(variables));

    public static bool EvaluateCondition(string elementId, string raw, IVariableSource variables) =>
        Guarded(elementId, () => ParsedExpressions.Get(raw).EvaluateCondition(variables));

    public static string? EvaluateString(string elementId, string raw, IVariableSource variables) =>
        Guarded(elementId, () => ParsedExpressions.Get(raw).EvaluateString(variables));

    /// <summary>Runs an expression step, reporting a syntax or evaluation error as a failure of <paramref name="elementId"/>.</summary>
    private static T Guarded<T>(string elementId, Func<T> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (Exception ex) when (ex is ExpressionSyntaxException or ExpressionEvaluationException)
        {
            throw new ProcessExecutionException(elementId, ex.Message, ex);
        }
    }
}
