using Microsoft.AspNetCore.Http.HttpResults;
using ShareFlow.Domain.Organisation;
using ShareFlow.Host.Cases;
using ShareFlow.Host.Security;

namespace ShareFlow.Host.Apis;

/// <summary>
/// 督办: escalations (deadlines the processes acted on) and steps past their deadline. A department's principal
/// (supervisor) sees its own department's cases, as requester or provider, and the steps it is late with; the coordinating
/// office sees all. Anyone else: 403.
/// </summary>
internal static class SupervisionApi
{
    public static void MapSupervisionApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/supervision", GetAsync).WithTags("Supervision").RequireAuthorization();

    /// <param name="since">
    /// The first day (yyyy-MM-dd) whose escalations are listed once dealt with; by default <see cref="Supervision.DefaultDays"/>
    /// days back. Escalations still open are listed however old. Anything but a date: 400 naming <c>since</c>.
    /// </param>
    private static async Task<Results<Ok<SupervisionResponse>, ForbidHttpResult, ValidationProblem>> GetAsync(
        HttpContext context, Supervision supervision, string? since, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        string? department;
        if (caller.HasRole(Roles.CoordinatingOffice))
        {
            department = null;
        }
        else if (caller.HasRole(Roles.Supervisor))
        {
            department = caller.Department;
        }
        else
        {
            return TypedResults.Forbid();
        }

        var errors = new QueryErrors();
        DateOnly? from = since is null ? null : errors.Date(nameof(since), since);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(await supervision.BuildAsync(department, from, cancellationToken));
    }
}
