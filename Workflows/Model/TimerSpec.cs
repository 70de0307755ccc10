namespace ShareFlow.Workflows.Model;

/// <summary>How days are counted by <c>sf:dueDayKind</c> and <c>sf:dayKind</c>.</summary>
public enum DayCountKind
{
    /// <summary>Working days on the official calendar (<c>working</c>, the default).</summary>
    Working,

    /// <summary>Calendar days; a period whose last day is a rest day ends on the next working day (<c>calendar</c>).</summary>
    Calendar,
}

/// <summary>What a ShareFlow working-day timer counts from (<c>sf:anchor</c>).</summary>
public enum TimerAnchor
{
    /// <summary>From when the token arrives at the event (or its host activity starts) (<c>entry</c>, the default).</summary>
    Entry,

    /// <summary>Relative to the due date of the user task the boundary event is attached to (<c>taskDue</c>).</summary>
    TaskDue,
}

/// <summary>
/// When a timer fires: one of <see cref="DurationTimer"/>, <see cref="DateTimer"/>, <see cref="CycleTimer"/>
/// (standard BPMN) or <see cref="WorkingDayPeriod"/> (ShareFlow extension attributes).
/// </summary>
public abstract record TimerSpec
{
    private protected TimerSpec()
    {
    }
}

/// <summary><c>timeDuration</c>: fires the duration after the timer is armed.</summary>
public sealed record DurationTimer(IsoDuration Duration) : TimerSpec;

/// <summary><c>timeDate</c>: fires at a fixed instant (a date-time without offset is Asia/Shanghai time).</summary>
public sealed record DateTimer(DateTimeOffset DueAt) : TimerSpec;

/// <summary><c>timeCycle</c>: fires repeatedly.</summary>
public sealed record CycleTimer(IsoRepeatingInterval Cycle) : TimerSpec;

/// <summary>
/// A ShareFlow day-counting timer (<c>sf:days</c>, <c>sf:dayKind</c>, <c>sf:offsetDays</c>, <c>sf:anchor</c>,
/// <c>sf:fraction</c>). With <see cref="TimerAnchor.Entry"/> it fires at the end (24:00 Asia/Shanghai) of the
/// <see cref="Days"/> + <see cref="OffsetDays"/>th day after entry, the entry day not counted. With
/// <see cref="TimerAnchor.TaskDue"/> it fires relative to the host user task's deadline: <see cref="Days"/> (0 when
/// absent) + <see cref="OffsetDays"/> days after it (negative: before), or, with <see cref="Fraction"/>, when that
/// fraction of the task's days has been used.
/// </summary>
public sealed record WorkingDayPeriod(DayAmount? Days, DayCountKind DayKind, int OffsetDays, TimerAnchor Anchor, decimal? Fraction) : TimerSpec;
