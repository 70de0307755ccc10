using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Runtime;

/// <summary>
/// When a timer is due, as an absolute instant computed when the token arrives; the scheduler only fires at it.
/// Day-counting timers keep their basis (the date counted from, not counted itself, and the number and kind of days)
/// so that a calendar change can recompute the instant, and the last day of the period (<see cref="DueDate"/>), whose 24:00
/// is the instant.
/// </summary>
internal sealed record TimerDue(
    DateTimeOffset DueAt,
    bool Provisional,
    DateOnly? BasisDate = null,
    int? BasisDays = null,
    DayCountKind? BasisDayKind = null,
    int? RepeatsLeft = null,
    string? RepeatPeriod = null,
    DateOnly? DueDate = null)
{
    /// <summary>Writes this day-counted due into <paramref name="task"/>: its due date, due instant and whether it is provisional.</summary>
    public void ApplyTo(UserTaskRecord task)
    {
        task.DueDate = DueDate ?? throw new InvalidOperationException("Only a due counted in days has a due date.");
        task.DueAt = DueAt;
        task.DueProvisional = Provisional;
    }
}

/// <summary>The period of a user task (<c>sf:dueDays</c>), the basis of its due date and of <c>taskDue</c> timers.</summary>
internal sealed record TaskPeriod(DateOnly BasisDate, int Days, DayCountKind Kind);

internal static class TimerCalculator
{
    public static TimerDue Compute(TimerSpec spec, DateTimeOffset now, OfficialCalendar calendar, IPolicyParameters parameters, TaskPeriod? hostTask, string elementId)
    {
        switch (spec)
        {
            case DurationTimer duration:
                return new TimerDue(duration.Duration.AddTo(now), false);

            case DateTimer date:
                return new TimerDue(date.DueAt, false);

            case CycleTimer cycle:
                var first = cycle.Cycle.Start ?? cycle.Cycle.Period.AddTo(now);
                var repeatsLeft = cycle.Cycle.Repetitions is { } n ? n - 1 : -1;
                return new TimerDue(first, false, RepeatsLeft: repeatsLeft, RepeatPeriod: cycle.Cycle.Period.ToString());

            case WorkingDayPeriod period when period.Anchor == TimerAnchor.Entry:
                var days = Resolve(period.Days, parameters, elementId) + period.OffsetDays;
                return Count(ChinaTime.DateOf(now), Math.Max(days, 0), period.DayKind, calendar);

            case WorkingDayPeriod period:
                if (hostTask is null)
                {
                    throw new ProcessExecutionException(elementId, "sf:anchor=\"taskDue\" needs a host user task with sf:dueDays.");
                }

                var counted = period.Fraction is { } fraction
                    ? (int)Math.Ceiling(fraction * hostTask.Days)
                    : hostTask.Days + (period.Days is null ? 0 : Resolve(period.Days, parameters, elementId)) + period.OffsetDays;
                return Count(hostTask.BasisDate, Math.Max(counted, 0), hostTask.Kind, calendar);

            default:
                throw new ProcessExecutionException(elementId, $"Timer kind {spec.GetType().Name} is not supported.");
        }
    }

    /// <summary>The due instant of <paramref name="days"/> days of <paramref name="kind"/> after <paramref name="basis"/>.</summary>
    public static TimerDue Count(DateOnly basis, int days, DayCountKind kind, OfficialCalendar calendar)
    {
        var deadline = kind == DayCountKind.Working ? calendar.AddWorkingDays(basis, days) : calendar.AddCalendarDays(basis, days);
        return new TimerDue(deadline.DueAt, deadline.Provisional, basis, days, kind, DueDate: deadline.Date);
    }

    /// <summary>The next occurrence of a repeating timer after <paramref name="previous"/>, or null when no repetition is left.</summary>
    public static TimerDue? Next(DateTimeOffset previous, int repeatsLeft, string period)
    {
        if (repeatsLeft == 0)
        {
            return null;
        }

        var duration = Iso8601.ParseDuration(period);
        return new TimerDue(duration.AddTo(previous), false, RepeatsLeft: repeatsLeft < 0 ? -1 : repeatsLeft - 1, RepeatPeriod: period);
    }

    public static int Resolve(DayAmount? amount, IPolicyParameters parameters, string elementId)
    {
        if (amount is null)
        {
            return 0;
        }

        if (amount.Value is { } value)
        {
            return value;
        }

        return parameters.TryGetDays(amount.Parameter!, out var days)
            ? days
            : throw new ProcessExecutionException(elementId, $"The policy profile has no parameter '{amount.Parameter}'.");
    }

    public static string ToWire(this DayCountKind kind) => kind == DayCountKind.Working ? "working" : "calendar";

    public static DayCountKind ParseDayKind(string? wire) => wire == "calendar" ? DayCountKind.Calendar : DayCountKind.Working;
}
