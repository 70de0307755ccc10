namespace ShareFlow.Domain.Calendar;

/// <summary>What a date is on the official calendar.</summary>
public enum DayKind : byte
{
    /// <summary>Monday to Friday with no arrangement: a working day.</summary>
    Workday,

    /// <summary>Saturday or Sunday with no arrangement: a day off.</summary>
    Weekend,

    /// <summary>A day off set by the State Council's notice (or a regional overlay), including the weekend days inside the break.</summary>
    Holiday,

    /// <summary>调休上班: a Saturday or Sunday the notice makes a working day, in exchange for a day inside a holiday break.</summary>
    MakeupWorkday,
}

public static class DayKindNames
{
    /// <summary>The stable name used on the wire and in storage.</summary>
    public static string ToWireName(this DayKind kind) => kind switch
    {
        DayKind.Workday => "workday",
        DayKind.Weekend => "weekend",
        DayKind.Holiday => "holiday",
        DayKind.MakeupWorkday => "makeup-workday",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown day kind."),
    };

    public static bool IsWorkingKind(this DayKind kind) => kind is DayKind.Workday or DayKind.MakeupWorkday;
}
