using Microsoft.AspNetCore.Http.HttpResults;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Time;

namespace ShareFlow.Host.Apis;

/// <summary>
/// The simulated clock of the training and demo mode (<c>Clock:Mode=Simulated</c>): a policy admin moves time on and
/// everything that became due fires — reminders, escalations, deemed consent. Not mapped at all otherwise (404).
/// </summary>
internal static class ClockApi
{
    public static void MapClockApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clock").WithTags("Clock").RequireAuthorization(Roles.PolicyAdmin);
        group.MapGet("/", (SimulatedClock clock) => TypedResults.Ok(new ClockResponse(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)), 0)));
        group.MapPost("/advance", AdvanceAsync).WithSummary("Advance the training clock");
    }

    public sealed record AdvanceRequest(int? Days, int? WorkingDays, int? Hours);

    public sealed record ClockResponse(DateTimeOffset Now, int Fired);

    private static async Task<Results<Ok<ClockResponse>, ValidationProblem>> AdvanceAsync(
        AdvanceRequest? request, SimulatedClock clock, WorkflowEngine engine, ICalendarSource calendars, CancellationToken cancellationToken)
    {
        var given = new[] { request?.Days, request?.WorkingDays, request?.Hours }.Count(v => v is not null);
        var errors = new QueryErrors();
        if (given != 1)
        {
            errors.Add("days", "Give exactly one of days, workingDays or hours.");
        }
        else if ((request!.Days ?? request.WorkingDays ?? request.Hours) is < 1 or > 3650)
        {
            errors.Add(request.Days is not null ? "days" : request.WorkingDays is not null ? "workingDays" : "hours", "Move the clock by 1 to 3650.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var now = clock.GetUtcNow();
        if (request!.WorkingDays is { } workingDays)
        {
            // To the same time of day, the given number of working days later on the official calendar.
            var today = ChinaTime.DateOf(now);
            var target = calendars.Current.National.AddWorkingDays(today, workingDays).Date;
            clock.AdvanceTo(now + TimeSpan.FromDays(target.DayNumber - today.DayNumber));
        }
        else
        {
            clock.Advance(request.Days is { } days ? TimeSpan.FromDays(days) : TimeSpan.FromHours(request.Hours!.Value));
        }

        var fired = await engine.FireDueAsync(cancellationToken);
        return TypedResults.Ok(new ClockResponse(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)), fired));
    }
}
