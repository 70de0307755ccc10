using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Runtime.Behaviors;

/// <summary>
/// Creates the task (or, multi-instance, one task per element — 会签 countersigning), assigns its candidates, computes its
/// due date on the official calendar and arms the boundary events; the token waits until the task is completed.
/// </summary>
internal sealed class UserTaskBehavior : IElementBehavior
{
    public async Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken)
    {
        var task = (UserTask)element;
        execution.Work.History(instance.Id, "element-entered", element.Id, element.Name);
        var period = Period(execution, instance, task);
        if (task.MultiInstance is { } loop)
        {
            var items = Items(instance, task, loop);
            token.MultiInstance = new MultiInstanceState
            {
                Total = items.Count,
                Items = items.Count > 0 && loop.Collection is not null ? new JsonArray([.. items.Select(i => i?.DeepClone())]).ToJsonString() : null,
            };
            if (items.Count == 0)
            {
                await execution.LeaveAsync(instance, token, cancellationToken).ConfigureAwait(false);
                return;
            }

            var startNow = loop.IsSequential ? 1 : items.Count;
            for (var i = 0; i < startNow; i++)
            {
                CreateTask(execution, instance, token, task, period, i, items[i]);
            }

            token.MultiInstance.Active = startNow;
            token.MultiInstance.NextIndex = startNow;
        }
        else
        {
            CreateTask(execution, instance, token, task, period, loopIndex: null, item: null);
        }

        execution.ArmBoundaryEvents(instance, token, task.Id, period);
    }

    /// <summary>
    /// A task of this element was completed: a plain task moves its token on; a multi-instance task moves on when every
    /// instance is done or the completion condition holds (the open ones are then cancelled), and a sequential one
    /// starts the next instance otherwise.
    /// </summary>
    public static async Task OnTaskCompletedAsync(Execution execution, InstanceContext instance, Token token, UserTask task, CancellationToken cancellationToken)
    {
        if (token.MultiInstance is not { } state || task.MultiInstance is not { } loop)
        {
            await execution.LeaveAsync(instance, token, cancellationToken).ConfigureAwait(false);
            return;
        }

        state.Completed++;
        state.Active--;
        var counters = new JsonObject
        {
            ["nrOfInstances"] = state.Total,
            ["nrOfCompletedInstances"] = state.Completed,
            ["nrOfActiveInstances"] = state.Active,
        };
        var done = state.Completed >= state.Total
            || (loop.CompletionCondition is { } condition && Execution.EvaluateCondition(task.Id, condition.Raw, Execution.Variables(instance, counters)));
        if (done)
        {
            foreach (var open in (await instance.LoadOpenTasksAsync(execution.Work, cancellationToken).ConfigureAwait(false)).Where(t => t.TokenId == token.Id).ToList())
            {
                execution.CloseTask(instance, open, UserTaskStatus.Cancelled);
                execution.Work.History(instance.Id, "task-cancelled", open.ElementId, open.Name, taskId: open.Id, comment: "已满足会签完成条件");
            }

            await execution.LeaveAsync(instance, token, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (loop.IsSequential && state.NextIndex < state.Total)
        {
            var items = state.Items is null ? null : JsonNode.Parse(state.Items) as JsonArray;
            CreateTask(execution, instance, token, task, Period(execution, instance, task), state.NextIndex, items?[state.NextIndex]);
            state.NextIndex++;
            state.Active++;
        }
    }

    private static TaskPeriod? Period(Execution execution, InstanceContext instance, UserTask task) =>
        task.DueDays is null
            ? null
            : new TaskPeriod(BasisDate(execution, instance, task), TimerCalculator.Resolve(task.DueDays, execution.ParametersOf(instance), task.Id), DueKind(instance, task));

    /// <summary>
    /// The day the period counts from (not counted itself): the day the task is created, or the date <c>sf:dueFrom</c>
    /// yields — a date, a <c>yyyy-MM-dd</c> text, or an instant or ISO 8601 date-time (its Asia/Shanghai date). Anything else, null included,
    /// stops the process with an error rather than silently counting from today.
    /// </summary>
    private static DateOnly BasisDate(Execution execution, InstanceContext instance, UserTask task)
    {
        if (task.DueFrom is not { } dueFrom)
        {
            return ChinaTime.DateOf(execution.Now);
        }

        var value = dueFrom.Expression is { } expression ? Execution.Evaluate(task.Id, expression.Raw, Execution.Variables(instance)) : dueFrom.Literal;
        var basis = BasisDateOf(value)
            ?? throw new ProcessExecutionException(task.Id, $"sf:dueFrom {dueFrom.Raw} of user task '{task.Id}' gave {Describe(value)}; it must give a date (yyyy-MM-dd).");
        return basis.Year is >= OfficialCalendar.FirstYear and <= OfficialCalendar.LastYear
            ? basis
            : throw new ProcessExecutionException(task.Id, $"sf:dueFrom {dueFrom.Raw} of user task '{task.Id}' gave {basis:yyyy-MM-dd}, outside the calendar's years {OfficialCalendar.FirstYear}-{OfficialCalendar.LastYear}.");
    }

    /// <summary>The date a value of <c>sf:dueFrom</c> stands for, or null when it is no date.</summary>
    internal static DateOnly? BasisDateOf(object? value) => value switch
    {
        DateOnly date => date,
        DateTimeOffset instant => ChinaTime.DateOf(instant),
        string text when DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        string text when Iso8601.TryParseDateTime(text.Trim(), out var instant, out _) => ChinaTime.DateOf(instant),
        _ => null,
    };

    /// <summary>The day kind a value of <c>sf:dueDayKind="${…}"</c> stands for, or null when it is neither <c>working</c> nor <c>calendar</c>.</summary>
    internal static DayCountKind? DayKindOf(object? value) => value switch
    {
        "working" => DayCountKind.Working,
        "calendar" => DayCountKind.Calendar,
        _ => null,
    };

    /// <summary>The literal <c>sf:dueDayKind</c>, or what its expression gives: <c>working</c> or <c>calendar</c>.</summary>
    private static DayCountKind DueKind(InstanceContext instance, UserTask task)
    {
        if (task.DueDayKindExpression is not { } expression)
        {
            return task.DueDayKind;
        }

        var value = Execution.Evaluate(task.Id, expression.Raw, Execution.Variables(instance));
        return DayKindOf(value) ?? throw new ProcessExecutionException(
            task.Id, $"sf:dueDayKind {expression.Raw} gave {(value is string text ? $"'{(text.Length > 20 ? text[..20] + "…" : text)}'" : value?.GetType().Name ?? "null")}; it must give 'working' or 'calendar'.");
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"'{text}'",
        _ => value.GetType().Name,
    };

    private static List<JsonNode?> Items(InstanceContext instance, UserTask task, MultiInstanceLoop loop)
    {
        var variables = Execution.Variables(instance);
        if (loop.Collection is { } collection)
        {
            var value = Execution.Evaluate(task.Id, collection.Raw, variables);
            return value is IEnumerable list and not string
                ? [.. list.Cast<object?>().Select(ProcessVariables.ToNode)]
                : throw new ProcessExecutionException(task.Id, $"The multi-instance collection {collection.Raw} is not a list.");
        }

        if (loop.LoopCardinality is { } cardinality)
        {
            var value = Execution.Evaluate(task.Id, cardinality.Raw, variables);
            return value is decimal count && count >= 0 && count <= 1000 && count == Math.Floor(count)
                ? [.. Enumerable.Range(0, (int)count).Select(i => (JsonNode?)JsonValue.Create(i))]
                : throw new ProcessExecutionException(task.Id, $"The loop cardinality {cardinality.Raw} is not a whole number from 0 to 1000.");
        }

        throw new ProcessExecutionException(task.Id, "A multi-instance task needs sf:collection or loopCardinality.");
    }

    private static void CreateTask(Execution execution, InstanceContext instance, Token token, UserTask task, TaskPeriod? period, int? loopIndex, JsonNode? item)
    {
        JsonObject? locals = null;
        if (loopIndex is { } index)
        {
            locals = new JsonObject { ["loopCounter"] = index };
            if (task.MultiInstance?.ElementVariable is { } name)
            {
                locals[name] = item?.DeepClone();
            }
        }

        var variables = Execution.Variables(instance, locals);
        var fallback = execution.Services.Options.DefaultAssignment;
        var record = new UserTaskRecord
        {
            Id = execution.Work.NewId(),
            InstanceId = instance.Id,
            TokenId = token.Id,
            ElementId = task.Id,
            Name = task.Name,
            Status = UserTaskStatus.Open,
            CandidateDepartment = task.HasAssignment
                ? task.CandidateDepartment is { } department ? Execution.EvaluateString(task.Id, department.Raw, variables) : null
                : fallback?.CandidateDepartment,
            CandidateRole = task.HasAssignment
                ? task.CandidateRole is { } role ? Execution.EvaluateString(task.Id, role.Raw, variables) : null
                : fallback?.CandidateRole,
            Assignee = task.Assignee is { } assignee ? Execution.EvaluateString(task.Id, assignee.Raw, variables) : null,
            FormKey = task.FormKey,
            CreatedAt = execution.Now,
            LoopIndex = loopIndex,
            LocalVariables = locals?.ToJsonString(),
        };
        if (period is not null)
        {
            var due = TimerCalculator.Count(period.BasisDate, period.Days, period.Kind, instance.Calendar);
            record.DueBasisDate = period.BasisDate;
            record.DueDays = period.Days;
            record.DueDayKind = period.Kind.ToWire();
            due.ApplyTo(record);
        }

        execution.Work.Add(record);
        instance.OpenTasks?.Add(record);
        execution.Work.History(instance.Id, "task-created", task.Id, task.Name, taskId: record.Id, actor: record.Assignee);
    }
}
