using System.Globalization;
using System.Text.Json.Nodes;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Runtime.Behaviors;

namespace ShareFlow.Workflows.Runtime;

/// <summary>
/// One deadline of a definition as <see cref="DeadlinePreview"/> foresees it.
/// </summary>
/// <param name="ElementId">The user task, timer event or deadline-extension task.</param>
/// <param name="Kind"><c>task</c>, <c>timer</c>, <c>reminder</c> (a timer on a task's deadline that fires before it) or <c>extension</c>.</param>
/// <param name="AttachedTo">The host activity of a boundary timer; null otherwise.</param>
/// <param name="Days">The number of days (a profile parameter resolved), or null when there is none or it cannot be resolved.</param>
/// <param name="Parameter">The policy-profile parameter the days come from, when they do.</param>
/// <param name="DayKind"><c>working</c> or <c>calendar</c> (standard ISO 8601 timers measure elapsed time: <c>calendar</c>).</param>
/// <param name="OffsetDays">The <c>sf:offsetDays</c> of a day timer: always for timers on a task's deadline, otherwise when not 0.</param>
/// <param name="DueDate">The last day of the period (Asia/Shanghai); null when it cannot be computed.</param>
/// <param name="DueAt">The instant the deadline passes or the timer fires; null when it cannot be computed.</param>
/// <param name="Provisional">The period touches a year whose holiday notice is not published yet.</param>
/// <param name="Note">What the preview assumed or how the deadline is counted, when it is worth saying.</param>
public sealed record PreviewedDeadline(
    string ElementId,
    string? ElementName,
    string Kind,
    string? AttachedTo,
    int? Days,
    string? Parameter,
    string DayKind,
    int? OffsetDays,
    DateOnly? DueDate,
    DateTimeOffset? DueAt,
    bool Provisional,
    string? Note);

/// <summary>
/// What every deadline of a definition would be if each of its tasks and timers were entered at one moment: the
/// designer's 期限预览. The engine's own computation counts the days (<see cref="TimerCalculator"/>), on the given calendar
/// with the given profile's parameters; what only a running case knows (an <c>sf:dueFrom</c> variable, a day kind from
/// case data) is assumed and said in the note.
/// </summary>
public static class DeadlinePreview
{
    public const string TaskKind = "task";
    public const string TimerKind = "timer";
    public const string ReminderKind = "reminder";
    public const string ExtensionKind = "extension";

    /// <param name="process">The parsed process.</param>
    /// <param name="start">When every task and timer is assumed to be entered.</param>
    /// <param name="calendar">The official calendar to count on.</param>
    /// <param name="parameters">The policy profile's parameters.</param>
    /// <param name="variables">What expressions may read before a case exists (e.g. the profile snapshot <c>policy</c>).</param>
    public static IReadOnlyList<PreviewedDeadline> Compute(ProcessModel process, DateTimeOffset start, OfficialCalendar calendar, IPolicyParameters parameters, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(variables);
        var context = new Context(process, start, ChinaTime.DateOf(start), calendar, parameters, new JsonObjectVariables(variables));
        var elements = process.Scopes.Values.SelectMany(s => s.Elements).ToList();
        var periods = new Dictionary<string, (TaskPeriod? Period, List<string> Notes)>(StringComparer.Ordinal);
        foreach (var task in elements.OfType<UserTask>().Where(t => t.DueDays is not null))
        {
            periods[task.Id] = context.PeriodOf(task);
        }

        var result = new List<PreviewedDeadline>();
        foreach (var element in elements.Where(e => e is not BoundaryEvent))
        {
            switch (element)
            {
                case UserTask task when periods.TryGetValue(task.Id, out var period):
                    result.Add(context.Task(task, period.Period, period.Notes));
                    break;
                case IntermediateCatchEvent { Trigger: TimerEventDefinition timer } catchEvent:
                    result.Add(context.Timer(catchEvent, timer.Timer, attachedTo: null, hostPeriod: null));
                    break;
                case DeadlineExtensionTask extension:
                    result.Add(context.Extension(extension, periods.GetValueOrDefault(extension.TargetTaskId).Period));
                    break;
            }

            foreach (var boundary in process.BoundaryEventsOf(element.Id))
            {
                if (boundary.Trigger is TimerEventDefinition timer)
                {
                    result.Add(context.Timer(boundary, timer.Timer, element.Id, periods.GetValueOrDefault(element.Id).Period));
                }
            }
        }

        return result;
    }

    private sealed class Context(ProcessModel process, DateTimeOffset start, DateOnly startDate, OfficialCalendar calendar, IPolicyParameters parameters, JsonObjectVariables variables)
    {
        /// <summary>The task's period as the engine would set it on entry, and what had to be assumed for it.</summary>
        public (TaskPeriod? Period, List<string> Notes) PeriodOf(UserTask task)
        {
            var notes = new List<string>();
            var basis = startDate;
            if (task.DueFrom is { } dueFrom)
            {
                var value = dueFrom.Expression is { } expression ? TryEvaluate(task.Id, expression.Raw) : dueFrom.Literal;
                if (UserTaskBehavior.BasisDateOf(value) is { } date && date.Year is >= OfficialCalendar.FirstYear and <= OfficialCalendar.LastYear)
                {
                    basis = date;
                    notes.Add($"counted from {dueFrom.Raw}: {Text(date)}");
                }
                else
                {
                    notes.Add($"counted from {dueFrom.Raw}: assumed the start date");
                }
            }

            var kind = task.DueDayKind;
            if (task.DueDayKindExpression is { } kindExpression)
            {
                if (UserTaskBehavior.DayKindOf(TryEvaluate(task.Id, kindExpression.Raw)) is { } evaluated)
                {
                    kind = evaluated;
                }
                else
                {
                    kind = DayCountKind.Working;
                    notes.Add($"the day kind {kindExpression.Raw} depends on the case: assumed working days");
                }
            }

            if (task.MultiInstance is not null)
            {
                notes.Add("one task per instance, each with this deadline");
            }

            if (Resolve(task.DueDays!) is not { } days)
            {
                notes.Add(UnknownParameter(task.DueDays!));
                return (null, notes);
            }

            return (new TaskPeriod(basis, days, kind), notes);
        }

        public PreviewedDeadline Task(UserTask task, TaskPeriod? period, List<string> notes)
        {
            var kind = period?.Kind ?? task.DueDayKind;
            var due = period is null ? null : Guard(() => TimerCalculator.Count(period.BasisDate, period.Days, period.Kind, calendar), notes);
            return Deadline(task, TaskKind, null, period?.Days, task.DueDays!.Parameter, kind, null, due, notes);
        }

        public PreviewedDeadline Extension(DeadlineExtensionTask extension, TaskPeriod? target)
        {
            var notes = new List<string>();
            var days = Resolve(extension.Days);
            var targetName = process.Elements.TryGetValue(extension.TargetTaskId, out var element) && element.Name is { } name ? $"'{extension.TargetTaskId}' ({name})" : $"'{extension.TargetTaskId}'";
            TimerDue? due = null;
            if (days is null)
            {
                notes.Add(UnknownParameter(extension.Days));
            }
            else if (target is null)
            {
                notes.Add($"the period of {targetName} is unknown");
            }
            else
            {
                notes.Add(days == 0
                    ? $"the profile grants no extension: the deadline of {targetName} stays at {target.Days} {Wire(target.Kind)} days"
                    : $"extends {targetName} from {target.Days} to {target.Days + days} {Wire(target.Kind)} days");
                due = Guard(() => TimerCalculator.Count(target.BasisDate, target.Days + days.Value, target.Kind, calendar), notes);
            }

            return Deadline(extension, ExtensionKind, null, days, extension.Days.Parameter, target?.Kind ?? DayCountKind.Working, null, due, notes);
        }

        public PreviewedDeadline Timer(FlowElement element, TimerSpec spec, string? attachedTo, TaskPeriod? hostPeriod)
        {
            var notes = new List<string>();
            switch (spec)
            {
                case WorkingDayPeriod { Anchor: TimerAnchor.TaskDue } period:
                {
                    var days = period.Days is null ? 0 : Resolve(period.Days);
                    if (days is null || hostPeriod is null)
                    {
                        notes.Add(days is null ? UnknownParameter(period.Days!) : $"the period of '{attachedTo}' is unknown");
                        return Deadline(element, TimerKind, attachedTo, null, period.Days?.Parameter, hostPeriod?.Kind ?? period.DayKind, period.OffsetDays, null, notes);
                    }

                    var after = days.Value + period.OffsetDays;
                    var reminder = period.Fraction is not null || after < 0;
                    var unit = $"{Wire(hostPeriod.Kind)} day";
                    notes.Add(period.Fraction is { } fraction
                        ? $"when {fraction.ToString("0.##", CultureInfo.InvariantCulture)} of the task's {hostPeriod.Days} {unit}s are used (day {(int)Math.Ceiling(fraction * hostPeriod.Days)})"
                        : after == 0 ? "at the task's deadline"
                        : $"{Math.Abs(after)} {unit}{(Math.Abs(after) == 1 ? string.Empty : "s")} {(after < 0 ? "before" : "after")} the task's deadline");
                    var due = Guard(() => TimerCalculator.Compute(spec, start, calendar, parameters, hostPeriod, element.Id), notes);
                    return Deadline(element, reminder ? ReminderKind : TimerKind, attachedTo, period.Days is null ? null : days, period.Days?.Parameter, hostPeriod.Kind, period.OffsetDays, due, notes);
                }

                case WorkingDayPeriod period:
                {
                    var days = Resolve(period.Days!);
                    if (days is null)
                    {
                        notes.Add(UnknownParameter(period.Days!));
                        return Deadline(element, TimerKind, attachedTo, null, period.Days!.Parameter, period.DayKind, NonZero(period.OffsetDays), null, notes);
                    }

                    var due = Guard(() => TimerCalculator.Compute(spec, start, calendar, parameters, hostPeriod, element.Id), notes);
                    return Deadline(element, TimerKind, attachedTo, days, period.Days!.Parameter, period.DayKind, NonZero(period.OffsetDays), due, notes);
                }

                default:
                {
                    notes.Add(spec switch
                    {
                        DurationTimer duration => $"{duration.Duration} of elapsed time, not counted on the working-day calendar",
                        DateTimer => "a fixed date and time",
                        CycleTimer cycle => $"the first time of {cycle.Cycle}",
                        _ => spec.GetType().Name,
                    });
                    var due = Guard(() => TimerCalculator.Compute(spec, start, calendar, parameters, hostPeriod, element.Id), notes);
                    return Deadline(element, TimerKind, attachedTo, null, null, DayCountKind.Calendar, null, due, notes);
                }
            }
        }

        private static PreviewedDeadline Deadline(
            FlowElement element, string kind, string? attachedTo, int? days, string? parameter, DayCountKind dayKind, int? offsetDays, TimerDue? due, List<string> notes) =>
            new(element.Id, element.Name, kind, attachedTo, days, parameter, Wire(dayKind), offsetDays,
                due is null ? null : due.DueDate ?? ChinaTime.DateOf(due.DueAt), due?.DueAt, due?.Provisional ?? false,
                notes.Count == 0 ? null : string.Join("; ", notes));

        private int? Resolve(DayAmount amount) =>
            amount.Value ?? (parameters.TryGetDays(amount.Parameter!, out var days) ? days : null);

        /// <summary>What an expression gives before any case exists, or null when it needs case data.</summary>
        private object? TryEvaluate(string elementId, string raw)
        {
            try
            {
                return Execution.Evaluate(elementId, raw, variables);
            }
            catch (ProcessExecutionException)
            {
                return null;
            }
        }

        /// <summary>Counts a period; one that runs past the calendar's last year has no deadline and says so.</summary>
        private static TimerDue? Guard(Func<TimerDue> count, List<string> notes)
        {
            try
            {
                return count();
            }
            catch (ArgumentOutOfRangeException)
            {
                notes.Add($"the period runs beyond the calendar's last year {OfficialCalendar.LastYear}");
                return null;
            }
        }

        private static string UnknownParameter(DayAmount amount) => $"the profile has no parameter '{amount.Parameter}'";

        private static int? NonZero(int value) => value == 0 ? null : value;

        private static string Wire(DayCountKind kind) => kind.ToWire();

        private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
