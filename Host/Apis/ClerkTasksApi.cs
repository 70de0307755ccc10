using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Host.Cases;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Apis;

/// <summary>
/// The clerk's operations on tasks: 已办 (done), 抄送 (copies), 转办 (transfer), 委派 (delegate, resolve, take back),
/// 加签 (co-signers and co-signing). A task the caller may not act on answers 404, as a missing one does; a step the
/// task's state forbids (delegated, waiting for a co-signature) answers 409 with the reason.
/// </summary>
internal static class ClerkTasksApi
{
    /// <summary>The history kinds that count as the caller having handled a task, with the name clients see.</summary>
    private static readonly Dictionary<string, string> DoneKinds = new(StringComparer.Ordinal)
    {
        ["task-completed"] = "completed",
        ["task-suspended"] = "returned",
        ["task-transferred"] = "transferred",
        ["task-delegated"] = "delegated",
        ["task-resolved"] = "resolved",
        ["task-cosigned"] = "cosigned",
    };

    public static RouteGroupBuilder MapClerkTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/done", DoneAsync);
        group.MapGet("/copied", CopiedAsync);
        group.MapGet("/delegated", DelegatedAsync);
        group.MapGet("/cosign-requests", CosignRequestsAsync);
        group.MapPost("/{id:guid}/transfer", TransferAsync).WithSummary("Transfer a task");
        group.MapPost("/{id:guid}/delegate", DelegateAsync).WithSummary("Delegate a task");
        group.MapPost("/{id:guid}/resolve", ResolveAsync).WithSummary("Hand a delegated task back done");
        group.MapPost("/{id:guid}/take-back", TakeBackAsync).WithSummary("Take back a delegated task");
        group.MapPost("/{id:guid}/cosigners", AddCosignerAsync).WithSummary("Ask for a co-signature");
        group.MapPost("/{id:guid}/cosign", CosignAsync).WithSummary("Co-sign a task");
        group.MapPost("/{id:guid}/copy", CopyAsync).WithSummary("Copy a case to colleagues");
        return group;
    }

    /// <param name="DueDate">The task's last day; with <paramref name="Overdue"/> and <paramref name="DueSoon"/> while it is still open (else both false).</param>
    public sealed record DoneResponse(
        Guid TaskId, string Name, string ElementId, Guid CaseId, string ProcessKey, string? CaseNumber, string Action, string? Outcome, string? Comment,
        DateTimeOffset ActedAt, string TaskStatus, string? ActingFor, DateOnly? DueDate, bool Overdue, bool DueSoon, string? CaseKind, string? CaseTitle,
        string? RequesterDepartment, string? ProviderDepartment);

    /// <param name="DueDate">The copied task's last day, when a task was copied; <paramref name="Overdue"/> and <paramref name="DueSoon"/> while it is open.</param>
    public sealed record CopiedResponse(
        Guid Id, Guid CaseId, string ProcessKey, string? CaseNumber, Guid? TaskId, string? TaskName, string CopiedBy, string CopiedByDepartment, string? ToDepartment,
        string? Note, DateTimeOffset CopiedAt, DateOnly? DueDate, bool Overdue, bool DueSoon, string? CaseKind, string? CaseTitle, string? RequesterDepartment,
        string? ProviderDepartment);

    public sealed record DelegatedResponse(
        Guid TaskId, string Name, Guid CaseId, string? CaseNumber, string Owner, string Delegate, string? Reason, DateTimeOffset DelegatedAt, DateOnly? DueDate,
        bool Overdue, bool DueSoon, string? CaseKind, string? CaseTitle, string? RequesterDepartment, string? ProviderDepartment);

    public sealed record CosignRequestResponse(
        Guid Id, Guid TaskId, string TaskName, Guid CaseId, string? CaseNumber, string RequestedBy, string Signer, string? Reason, DateTimeOffset RequestedAt,
        DateOnly? DueDate, string? ActingFor, bool Overdue, bool DueSoon, string? CaseKind, string? CaseTitle, string? RequesterDepartment, string? ProviderDepartment);

    public sealed record HandoverRequest(string? To, string? Reason);

    public sealed record CommentRequest(string? Comment, string? Reason);

    public sealed record CosignerRequest(string? Signer, string? Reason);

    public sealed record CosignerResponse(Guid Id, Guid TaskId, string Signer, string Status);

    public sealed record CosignRequest(string? Outcome, string? Opinion);

    public sealed record CopyRequest(List<string>? Users, List<string>? Departments, string? Note);

    public sealed record CopyResponse(Guid CaseId, int Copies);

    /// <summary>已办: the tasks the caller completed or acted on, newest action first, one row per task (its latest action by the caller).</summary>
    private static async Task<Results<Ok<SharingApi.Paged<DoneResponse>>, ValidationProblem>> DoneAsync(
        HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, TaskCases taskCases, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var errors = new QueryErrors();
        var (pageNumber, size) = errors.Paging(page, pageSize);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kinds = DoneKinds.Keys.ToList();
        var latest = db.History.AsNoTracking()
            .Where(h => h.Actor == caller.UserName && h.TaskId != null && kinds.Contains(h.Kind))
            .GroupBy(h => h.TaskId)
            .Select(g => g.Max(h => h.Id));
        var total = await latest.CountAsync(cancellationToken);
        var ids = await latest.OrderByDescending(id => id).Skip((pageNumber - 1) * size).Take(size).ToListAsync(cancellationToken);
        var entries = await db.History.AsNoTracking().Where(h => ids.Contains(h.Id)).OrderByDescending(h => h.Id).ToListAsync(cancellationToken);
        var taskIds = entries.Select(h => h.TaskId!.Value).ToList();
        var tasks = await db.UserTasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var caseIds = entries.Select(h => h.InstanceId).Distinct().ToList();
        var keys = await db.ProcessInstances.AsNoTracking().Where(i => caseIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.DefinitionKey, cancellationToken);
        var cases = await taskCases.LoadAsync(db, caseIds, cancellationToken);
        var actingEntries = await db.History.AsNoTracking()
            .Where(h => h.Actor == caller.UserName && h.Kind == "acting-for" && h.TaskId != null && taskIds.Contains(h.TaskId.Value))
            .Select(h => new { h.TaskId, h.At, h.Data }).ToListAsync(cancellationToken);
        var items = entries.Select(h =>
        {
            var task = tasks.GetValueOrDefault(h.TaskId!.Value);
            var acting = OnBehalfOf(h.Data) ?? actingEntries.Where(a => a.TaskId == h.TaskId && a.At == h.At).Select(a => OnBehalfOf(a.Data)).FirstOrDefault();
            var @case = cases.Case(h.InstanceId);
            var deadline = cases.Deadline(h.InstanceId, task?.DueDate, task?.DueAt, task?.Status == UserTaskStatus.Open);
            return new DoneResponse(
                h.TaskId!.Value, task?.Name ?? h.ElementName ?? h.ElementId ?? string.Empty, task?.ElementId ?? h.ElementId ?? string.Empty, h.InstanceId,
                keys.GetValueOrDefault(h.InstanceId) ?? string.Empty, @case?.Number, DoneKinds[h.Kind], h.Outcome, h.Comment, h.At,
                task?.Status ?? UserTaskStatus.Completed, acting, task?.DueDate, deadline.Overdue, deadline.DueSoon, @case?.Kind, @case?.Title,
                @case?.RequesterDepartment, @case?.ProviderDepartment);
        }).ToList();
        return TypedResults.Ok(new SharingApi.Paged<DoneResponse>(items, total, pageNumber, size));
    }

    /// <summary>抄送我的: the cases copied to the caller or to their department, newest first.</summary>
    private static async Task<Results<Ok<SharingApi.Paged<CopiedResponse>>, ValidationProblem>> CopiedAsync(
        HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, TaskCases taskCases, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var errors = new QueryErrors();
        var (pageNumber, size) = errors.Paging(page, pageSize);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.CaseCopies.AsNoTracking().Where(c => c.RecipientUser == caller.UserName || c.RecipientDepartment == caller.Department);
        var total = await mine.CountAsync(cancellationToken);
        var copies = await mine.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip((pageNumber - 1) * size).Take(size).ToListAsync(cancellationToken);
        var caseIds = copies.Select(c => c.CaseId).Distinct().ToList();
        var taskIds = copies.Where(c => c.TaskId is not null).Select(c => c.TaskId!.Value).Distinct().ToList();
        var keys = await db.ProcessInstances.AsNoTracking().Where(i => caseIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.DefinitionKey, cancellationToken);
        var tasks = await db.UserTasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var cases = await taskCases.LoadAsync(db, caseIds, cancellationToken);
        return TypedResults.Ok(new SharingApi.Paged<CopiedResponse>(
            [.. copies.Select(c =>
            {
                var task = c.TaskId is { } t ? tasks.GetValueOrDefault(t) : null;
                var @case = cases.Case(c.CaseId);
                var deadline = cases.Deadline(c.CaseId, task?.DueDate, task?.DueAt, task?.Status == UserTaskStatus.Open);
                return new CopiedResponse(
                    c.Id, c.CaseId, keys.GetValueOrDefault(c.CaseId) ?? string.Empty, @case?.Number, c.TaskId, task is null ? null : task.Name ?? task.ElementId,
                    c.CopiedBy, c.CopiedByDepartment, c.RecipientDepartment, c.Note, c.CreatedAt, task?.DueDate, deadline.Overdue, deadline.DueSoon, @case?.Kind,
                    @case?.Title, @case?.RequesterDepartment, @case?.ProviderDepartment);
            })],
            total, pageNumber, size));
    }

    /// <summary>我委派的: open tasks the caller delegated and still owns (they may take them back).</summary>
    private static async Task<Ok<List<DelegatedResponse>>> DelegatedAsync(
        HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, TaskCases taskCases, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.TaskDelegations.AsNoTracking()
            .Where(d => d.Owner == caller.UserName && d.Status == DelegationStatus.Pending)
            .Join(db.UserTasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open), d => d.TaskId, t => t.Id, (d, t) => new { Delegation = d, Task = t })
            .ToListAsync(cancellationToken);
        var cases = await taskCases.LoadAsync(db, [.. rows.Select(r => r.Task.InstanceId)], cancellationToken);
        return TypedResults.Ok(rows.OrderByDescending(r => r.Delegation.DelegatedAt).Select(r =>
        {
            var @case = cases.Case(r.Task.InstanceId);
            var deadline = cases.Deadline(r.Task.InstanceId, r.Task.DueDate, r.Task.DueAt, open: true);
            return new DelegatedResponse(
                r.Task.Id, r.Task.Name ?? r.Task.ElementId, r.Task.InstanceId, @case?.Number, r.Delegation.Owner, r.Delegation.Delegate, r.Delegation.Reason,
                r.Delegation.DelegatedAt, r.Task.DueDate, deadline.Overdue, deadline.DueSoon, @case?.Kind, @case?.Title, @case?.RequesterDepartment, @case?.ProviderDepartment);
        }).ToList());
    }

    /// <summary>待会签: co-signatures the caller (or the colleague they deputise for) is asked for, on tasks still open.</summary>
    private static async Task<Ok<List<CosignRequestResponse>>> CosignRequestsAsync(
        HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, TaskCases taskCases, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var signers = await TaskAccess.PrincipalsAsync(db, caller.UserName, clock.GetUtcNow(), cancellationToken);
        signers.Add(caller.UserName);
        var rows = await db.TaskCosigns.AsNoTracking()
            .Where(c => c.Status == CosignOutcome.Pending && signers.Contains(c.Signer))
            .Join(db.UserTasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open), c => c.TaskId, t => t.Id, (c, t) => new { Request = c, Task = t })
            .ToListAsync(cancellationToken);
        var cases = await taskCases.LoadAsync(db, [.. rows.Select(r => r.Task.InstanceId)], cancellationToken);
        return TypedResults.Ok(rows.OrderBy(r => r.Request.RequestedAt).Select(r =>
        {
            var @case = cases.Case(r.Task.InstanceId);
            var deadline = cases.Deadline(r.Task.InstanceId, r.Task.DueDate, r.Task.DueAt, open: true);
            return new CosignRequestResponse(
                r.Request.Id, r.Task.Id, r.Task.Name ?? r.Task.ElementId, r.Task.InstanceId, @case?.Number, r.Request.RequestedBy, r.Request.Signer,
                r.Request.Reason, r.Request.RequestedAt, r.Task.DueDate, r.Request.Signer == caller.UserName ? null : r.Request.Signer, deadline.Overdue, deadline.DueSoon,
                @case?.Kind, @case?.Title, @case?.RequesterDepartment, @case?.ProviderDepartment);
        }).ToList());
    }

    private static async Task<NoContent> TransferAsync(Guid id, HandoverRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, ClerkOperations operations, CancellationToken cancellationToken)
    {
        var user = await SharingApi.UserAsync(dbFactory, CallerBinding.Require(context), cancellationToken);
        ActingForAudit.Mark(context, await operations.TransferAsync(id, request?.To, request?.Reason, user, cancellationToken));
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DelegateAsync(Guid id, HandoverRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, ClerkOperations operations, CancellationToken cancellationToken)
    {
        var user = await SharingApi.UserAsync(dbFactory, CallerBinding.Require(context), cancellationToken);
        ActingForAudit.Mark(context, await operations.DelegateAsync(id, request?.To, request?.Reason, user, cancellationToken));
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ResolveAsync(Guid id, CommentRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, ClerkOperations operations, CancellationToken cancellationToken)
    {
        var user = await SharingApi.UserAsync(dbFactory, CallerBinding.Require(context), cancellationToken);
        ActingForAudit.Mark(context, await operations.ResolveAsync(id, request?.Comment ?? request?.Reason, user, cancellationToken));
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> TakeBackAsync(Guid id, CommentRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, ClerkOperations operations, CancellationToken cancellationToken)
    {
        var user = await SharingApi.UserAsync(dbFactory, CallerBinding.Require(context), cancellationToken);
        ActingForAudit.Mark(context, await operations.TakeBackAsync(id, request?.Reason ?? request?.Comment, user, cancellationToken));
        return TypedResults.NoContent();
    }

    private static async Task<Created<CosignerResponse>> AddCosignerAsync(Guid id, CosignerRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, ClerkOperations operations, CancellationToken cancellationToken)
    {
        var user = await SharingApi.UserAsync(dbFactory, CallerBinding.Require(context), cancellationToken);
        var (cosignId, acting) = await operations.AddCosignerAsync(id, request?.Signer, request?.Reason, user, cancellationToken);
        ActingForAudit.Mark(context, acting);
        return TypedResults.Created($"/api/tasks/{id}/cosigners/{cosignId}", new CosignerResponse(cosignId, id, request!.Signer!.Trim(), CosignOutcome.Pending));
    }

    private static async Task<NoContent> CosignAsync(Guid id, CosignRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, ClerkOperations operations, CancellationToken cancellationToken)
    {
        var user = await SharingApi.UserAsync(dbFactory, CallerBinding.Require(context), cancellationToken);
        ActingForAudit.Mark(context, await operations.CosignAsync(id, request?.Outcome, request?.Opinion, user, cancellationToken));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CopyResponse>> CopyAsync(Guid id, CopyRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, ClerkOperations operations, CancellationToken cancellationToken)
    {
        var user = await SharingApi.UserAsync(dbFactory, CallerBinding.Require(context), cancellationToken);
        var (caseId, copies, acting) = await operations.CopyAsync(id, request?.Users, request?.Departments, request?.Note, user, cancellationToken);
        ActingForAudit.Mark(context, acting);
        return TypedResults.Ok(new CopyResponse(caseId, copies));
    }

    private static string? OnBehalfOf(string? data) =>
        data is not null && JsonNode.Parse(data) is JsonObject json
            ? (json["onBehalfOf"] ?? json["actingFor"]) is JsonValue value && value.TryGetValue(out string? name) ? name : null
            : null;
}
