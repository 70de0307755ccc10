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

    private static async Task<Results<Ok<SupervisionResponse>, ForbidHttpResult>> GetAsync(HttpContext context, Supervision supervision, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        if (caller.HasRole(Roles.CoordinatingOffice))
        {
            return TypedResults.Ok(await supervision.BuildAsync(null, cancellationToken));
        }

        return caller.HasRole(Roles.Supervisor) ? TypedResults.Ok(await supervision.BuildAsync(caller.Department, cancellationToken)) : TypedResults.Forbid();
    }
}
