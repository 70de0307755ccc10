using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Organisation;
using ShareFlow.Host.Localization;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Security;

/// <summary>
/// Records every state-changing request — sign-ins included, failed ones too — in the hash-chained audit trail:
/// who, what, on which case or task, from which address, with which result.
/// </summary>
internal static partial class AuditTrail
{
    public static void UseAuditTrail(this WebApplication app) => app.Use(async (context, next) =>
    {
        await next(context);
        var method = context.Request.Method;
        if (!SecurityExtensions.ChangesState(method) || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            return;
        }

        var caller = Caller.From(context.User);
        var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "?";
        var entry = new AuditTrailWriter.Entry(
            caller?.UserName ?? context.Items[AttemptedUserKey] as string ?? "anonymous",
            caller?.Department,
            ActingForAudit.Describe(context, $"{method} {endpoint}"),
            context.Request.RouteValues.TryGetValue("id", out var id) ? id?.ToString()
                : context.Request.RouteValues.TryGetValue("caseId", out var caseId) ? caseId?.ToString() : null,
            context.Connection.RemoteIpAddress?.ToString(),
            context.Response.StatusCode);
        var at = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        try
        {
            await context.RequestServices.GetRequiredService<AuditTrailWriter>().AppendAsync(entry, at, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The request's work is done and committed: it is answered as it was, and its entry is stored later.
            LogDeferred(context.RequestServices.GetRequiredService<ILogger<DeferredAuditEntries>>(), ex, at, entry.Actor, entry.Department, entry.Action, entry.Subject,
                entry.RemoteAddress, entry.Result);
            context.RequestServices.GetRequiredService<DeferredAuditEntries>().Defer(entry, at);
        }
    });

    /// <summary>Every field, so that the log holds the entry even if the host stops before the database takes it.</summary>
    [LoggerMessage(Level = LogLevel.Error,
        Message = "The audit trail refused an entry; it is kept and stored again shortly: at {At:O}, actor {Actor}, department {Department}, action {Action}, subject {Subject}, address {RemoteAddress}, result {Result}")]
    private static partial void LogDeferred(ILogger logger, Exception exception, DateTimeOffset at, string actor, string? department, string action, string? subject, string? remoteAddress, int result);

    /// <summary>Where the login endpoint leaves the user name it was given, so a failed sign-in names who tried.</summary>
    public const string AttemptedUserKey = "shareflow:attempted-user";

    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Roles.Auditor);
        group.MapGet("/verify", async (AuditTrailWriter writer, HttpContext context, CancellationToken cancellationToken) =>
        {
            // The problem found is read by the auditor, in the language of the page.
            var verification = await writer.VerifyAsync(cancellationToken);
            return TypedResults.Ok(verification with { Problem = ResponseLanguage.Text(context, verification.Problem) });
        });
        group.MapGet("/", ListAsync);
    }

    /// <param name="Action">The action as stored (and hashed): method and route, and whom the actor acted for.</param>
    /// <param name="Description">The action as its reader says it (办理任务（代理 li.si）), in the language asked for; null for a route this version no longer has.</param>
    public sealed record AuditResponse(
        long Id, DateTimeOffset At, string Actor, string? Department, string Action, string? Description, string? Subject, string? RemoteAddress, int Result, string Hash);

    private static async Task<Ok<List<AuditResponse>>> ListAsync(
        IDbContextFactory<ShareFlowDbContext> dbFactory, AuditActions actions, HttpContext context, string? actor, string? subject, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(actor))
        {
            query = query.Where(e => e.Actor == actor);
        }

        if (!string.IsNullOrEmpty(subject))
        {
            query = query.Where(e => e.Subject == subject);
        }

        var entries = await query.OrderByDescending(e => e.Id).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries
            .Select(e => new AuditResponse(e.Id, e.At, e.Actor, e.Department, e.Action, ResponseLanguage.Text(context, actions.Describe(e.Action)), e.Subject, e.RemoteAddress, e.Result, e.Hash))
            .ToList());
    }
}
