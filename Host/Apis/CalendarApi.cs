using Microsoft.AspNetCore.Http.HttpResults;
using ShareFlow.Domain.Calendar;

namespace ShareFlow.Host.Apis;

/// <summary>Reads of the official working-day calendar. Anyone may call them; no sign-in.</summary>
internal static class CalendarApi
{
    /// <summary>The longest period accepted, in days of either kind (about ten years).</summary>
    public const int MaxPeriodDays = 3650;

    public static RouteGroupBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar");
        group.MapGet("/days/{date}", GetDay);
        group.MapGet("/deadline", GetDeadline);
        group.MapGet("/working-days", GetWorkingDays);
        group.MapGet("/years/{year}/holidays", GetHolidays);
        return group;
    }

    private static Results<Ok<DayResponse>, ValidationProblem> GetDay(string date, string? jurisdiction, ICalendarSource calendars)
    {
        var errors = new QueryErrors();
        var day = errors.Date("date", date);
        var calendar = errors.Calendar(calendars.Current, jurisdiction);
        if (errors.Any || calendar is null)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(DayResponse.From(calendar.GetDay(day)));
    }

    private static Results<Ok<DeadlineResponse>, ValidationProblem> GetDeadline(
        string? start, string? workingDays, string? calendarDays, string? jurisdiction, ICalendarSource calendars)
    {
        var errors = new QueryErrors();
        var from = errors.Date("start", start);
        var working = errors.OptionalInteger("workingDays", workingDays, 0, MaxPeriodDays);
        var calendarCount = errors.OptionalInteger("calendarDays", calendarDays, 0, MaxPeriodDays);
        if (workingDays is not null && calendarDays is not null)
        {
            errors.Add("workingDays", "Give either workingDays or calendarDays, not both.");
            errors.Add("calendarDays", "Give either workingDays or calendarDays, not both.");
        }
        else if (workingDays is null && calendarDays is null)
        {
            errors.Add("workingDays", "Give the period as workingDays=N or calendarDays=N.");
        }

        var calendar = errors.Calendar(calendars.Current, jurisdiction);
        if (errors.Any || calendar is null)
        {
            return errors.ToProblem();
        }

        var deadline = working is { } n ? calendar.AddWorkingDays(from, n) : calendar.AddCalendarDays(from, calendarCount!.Value);
        return TypedResults.Ok(new DeadlineResponse(
            deadline.Start,
            deadline.Date,
            deadline.DueAt,
            deadline.Provisional,
            working is not null ? "workingDays" : "calendarDays",
            working ?? calendarCount!.Value,
            calendar.Jurisdiction));
    }

    private static Results<Ok<WorkingDaysResponse>, ValidationProblem> GetWorkingDays(string? from, string? to, string? jurisdiction, ICalendarSource calendars)
    {
        var errors = new QueryErrors();
        var first = errors.Date("from", from);
        var last = errors.Date("to", to);
        var calendar = errors.Calendar(calendars.Current, jurisdiction);
        if (errors.Any || calendar is null)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(new WorkingDaysResponse(first, last, calendar.WorkingDaysBetween(first, last), calendar.IsProvisional(first, last), calendar.Jurisdiction));
    }

    private static Results<Ok<HolidaysResponse>, ValidationProblem> GetHolidays(string year, string? jurisdiction, ICalendarSource calendars)
    {
        var errors = new QueryErrors();
        var number = errors.Year("year", year);
        var calendar = errors.Calendar(calendars.Current, jurisdiction);
        if (errors.Any || calendar is null)
        {
            return errors.ToProblem();
        }

        var holidays = calendar.GetHolidays(number);
        return TypedResults.Ok(new HolidaysResponse(
            holidays.Year,
            holidays.Provisional,
            holidays.AnyDayProvisional,
            calendar.Jurisdiction,
            [.. holidays.Days.Where(d => d.Kind == DayKind.Holiday).Select(DayResponse.From)],
            [.. holidays.Days.Where(d => d.Kind == DayKind.MakeupWorkday).Select(DayResponse.From)],
            [.. holidays.Breaks.Select(b => new BreakResponse(b.Festival.Chinese, b.Festival.English, b.FirstDay, b.LastDay, b.DaysOff, b.MakeupWorkdays, b.Regional))]));
    }
}

internal sealed record DayResponse(DateOnly Date, string Kind, bool IsWorkday, string? Name, string? NameEn, bool Provisional, bool Regional)
{
    public static DayResponse From(CalendarDay day) =>
        new(day.Date, day.Kind.ToWireName(), day.IsWorkday, day.Festival?.Chinese, day.Festival?.English, day.Provisional, day.Regional);
}

/// <summary>A deadline; <c>DueAt</c> is 24:00 Asia/Shanghai of the deadline date, i.e. the first instant after it.</summary>
internal sealed record DeadlineResponse(DateOnly Start, DateOnly Deadline, DateTimeOffset DueAt, bool Provisional, string Rule, int Days, string? Jurisdiction);

internal sealed record WorkingDaysResponse(DateOnly From, DateOnly To, int WorkingDays, bool Provisional, string? Jurisdiction);

internal sealed record HolidaysResponse(
    int Year,
    bool Provisional,
    bool AnyDayProvisional,
    string? Jurisdiction,
    IReadOnlyList<DayResponse> Holidays,
    IReadOnlyList<DayResponse> MakeupWorkdays,
    IReadOnlyList<BreakResponse> Breaks);

internal sealed record BreakResponse(string Name, string NameEn, DateOnly FirstDay, DateOnly LastDay, int DaysOff, IReadOnlyList<DateOnly> MakeupWorkdays, bool Regional);
