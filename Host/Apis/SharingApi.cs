using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Sharing;
using ShareFlow.Host.Cases;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Apis;

/// <summary>
/// 共享申请 over HTTP. A clerk or reviewer sees only the applications of their own department (as requester or provider);
/// the coordinating office sees all. Any other id answers 404, exactly as a missing one.
/// </summary>
internal static class SharingApi
{
    public static RouteGroupBuilder MapSharingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sharing-applications").WithTags("Sharing applications").RequireAuthorization();
        group.MapPost("/", SubmitAsync).WithSummary("Submit a sharing application");
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithSummary("Withdraw a sharing application");
        group.MapPost("/{id:guid}/resubmit", ResubmitAsync).WithSummary("Resubmit a sharing application");
        return group;
    }

    public sealed record SubmitRequest(Guid? ResourceId, List<string>? Items, string? Purpose, string? Scenario, DateOnly? UseFrom, DateOnly? UseUntil);

    public sealed record NoteRequest(string? Note);

    /// <param name="ActorName">The actor's name (姓名), when the actor is a user.</param>
    public sealed record HistoryResponse(DateTimeOffset At, string Kind, string? ElementId, string? ElementName, string? Actor, string? ActorName, string? Outcome, string? Comment);

    public sealed record ApplicationResponse(
        Guid Id, string Number, string Status, Guid ResourceId, string ResourceName, string ShareType, string RequesterDepartment, string ProviderDepartment,
        IReadOnlyList<string> Items, IReadOnlyList<string> ApprovedItems, string Purpose, string Scenario, DateOnly? UseFrom, DateOnly? UseUntil,
        string Applicant, DateTimeOffset SubmittedAt, string? Decision, string? Conditions, string? Reasons, string? LegalBasis, string? DecidedBy,
        DateTimeOffset? DecidedAt, bool SystemDecision, string? Article, string? SupplementRequest,
        DateOnly? Deadline, DateTimeOffset? DueAt, bool Provisional, bool Overdue, IReadOnlyList<HistoryResponse>? History);

    public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

    /// <summary>The status names clients see: submitted, approved, refused, escalated, granted-by-default, withdrawn, returned, disputed, dispute-settled.</summary>
    public static string WireStatus(SharingApplication application) => application.Status switch
    {
        SharingStatus.Submitted or SharingStatus.UnderReview => "submitted",
        SharingStatus.ReturnedForSupplement => "returned",
        SharingStatus.Approved when application.Decision == SharingDecision.DeemedConsent => "granted-by-default",
        SharingStatus.Approved => "approved",
        SharingStatus.Refused or SharingStatus.RefusalAccepted => "refused",
        SharingStatus.Disputed => "disputed",
        SharingStatus.DisputeSettled => "dispute-settled",
        SharingStatus.Escalated => "escalated",
        SharingStatus.Withdrawn => "withdrawn",
        _ => application.Status.ToString().ToLowerInvariant(),
    };

    private static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ForbidHttpResult>> SubmitAsync(
        SubmitRequest? request, HttpContext context, SharingCases sharing, WorkflowEngine engine, IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        if (!caller.HasRole(Roles.RequestingClerk))
        {
            return TypedResults.Forbid();
        }

        var errors = new QueryErrors();
        if (request?.ResourceId is null)
        {
            errors.Add("resourceId", "Choose the catalog resource.");
        }

        if (request?.Items is not { Count: > 0 })
        {
            errors.Add("items", "Choose the data items needed.");
        }

        if (string.IsNullOrWhiteSpace(request?.Purpose))
        {
            errors.Add("purpose", "State the duty the data serves (履职依据).");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var applicant = await UserAsync(dbFactory, caller, cancellationToken);
        SharingApplication application;
        try
        {
            application = await sharing.SubmitAsync(
                new SubmitSharingApplication(request!.ResourceId!.Value, request.Items!, request.Purpose, request.Scenario, request.UseFrom, request.UseUntil), applicant, cancellationToken);
        }
        catch (DomainException ex) when (ex.Field == "duty")
        {
            throw new DomainException("purpose", ex.Message);
        }

        var response = await ViewAsync(application, engine, clock, historyFrom: null, cancellationToken);
        return TypedResults.Created($"/api/sharing-applications/{application.Id}", response);
    }

    private static async Task<Results<Ok<ApplicationResponse>, NotFound>> GetAsync(
        Guid id, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, WorkflowEngine engine, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var application = await db.SharingApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        // Beyond the two departments and the office: those the case was copied to (抄送) and its co-signers (加签), read-only.
        if (application is null || !(caller.CanSee(application.RequesterDepartment, application.ProviderDepartment)
            || await CaseAccess.HasReadGrantAsync(db, id, caller.UserName, caller.Department, cancellationToken)))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await ViewAsync(application, engine, clock, historyFrom: db, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound>> WithdrawAsync(
        Guid id, NoteRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, SharingCases sharing, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        if (!await VisibleAsync(dbFactory, id, caller, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        await sharing.WithdrawAsync(id, request?.Note, await UserAsync(dbFactory, caller, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> ResubmitAsync(
        Guid id, NoteRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, SharingCases sharing, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        if (!await VisibleAsync(dbFactory, id, caller, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        await sharing.ResubmitAsync(id, request?.Note, await UserAsync(dbFactory, caller, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<User> UserAsync(IDbContextFactory<ShareFlowDbContext> dbFactory, Caller caller, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == caller.UserName, cancellationToken)
            ?? throw new UnauthorizedAccessException("The signed-in user no longer exists.");
    }

    private static async Task<bool> VisibleAsync(IDbContextFactory<ShareFlowDbContext> dbFactory, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var parties = await db.SharingApplications.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.RequesterDepartment, a.ProviderDepartment }).SingleOrDefaultAsync(cancellationToken);
        return parties is not null && caller.CanSee(parties.RequesterDepartment, parties.ProviderDepartment);
    }

    /// <param name="historyFrom">The database to name the history's actors from; none: the view has no history.</param>
    private static async Task<ApplicationResponse> ViewAsync(SharingApplication a, WorkflowEngine engine, TimeProvider clock, ShareFlowDbContext? historyFrom, CancellationToken cancellationToken)
    {
        var open = await engine.GetOpenTasksAsync(a.Id, cancellationToken);
        var current = open.Where(t => t.DueAt is not null).OrderBy(t => t.DueAt).FirstOrDefault();
        IReadOnlyList<HistoryResponse>? history = null;
        if (historyFrom is not null)
        {
            var entries = await engine.GetHistoryAsync(a.Id, cancellationToken);
            var names = await HistoryActors.NamesAsync(historyFrom, entries, cancellationToken);
            history = [.. entries.Select(h => new HistoryResponse(h.At, h.Kind, h.ElementId, h.ElementName, h.Actor, names.NameOf(h.Actor), h.Outcome, h.Comment))];
        }

        return new ApplicationResponse(
            a.Id, a.Number, WireStatus(a), a.ResourceId, a.ResourceName, a.ShareType.ToString().ToLowerInvariant(), a.RequesterDepartment, a.ProviderDepartment,
            a.RequestedItems, a.ApprovedItems, a.Duty, a.Scenario, a.UseFrom, a.UseUntil, a.Applicant, a.SubmittedAt, a.Decision?.ToString(),
            a.Conditions, a.Reasons, a.LegalBasis, a.DecidedBy, a.DecidedAt, a.IsSystemDecision, a.Article, a.SupplementRequest,
            current?.DueDate, current?.DueAt, current?.DueProvisional ?? false, current?.DueAt is { } due && due <= clock.GetUtcNow(), history);
    }
}
