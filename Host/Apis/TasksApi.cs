using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Host.Cases;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Apis;

/// <summary>
/// The caller's tasks (待办): those offered to their department and role, and those assigned to them. A task the caller
/// may not act on answers 404, as a missing one does.
/// </summary>
internal static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/claim", ClaimAsync).WithSummary("Claim a task");
        group.MapPost("/{id:guid}/release", ReleaseAsync).WithSummary("Release a task");
        group.MapPost("/{id:guid}/complete", CompleteAsync).WithSummary("Complete a task");
        group.MapPost("/{id:guid}/return", ReturnAsync).WithSummary("Return an application for supplementary material");
        return group;
    }

    /// <param name="DueSoon">Not overdue, and due within two working days of today (即将到期).</param>
    /// <param name="CaseTitle">A short summary of the case: the resource applied for, the project, the change...</param>
    /// <param name="DelegatedBy">委派: the colleague who lent the task to its holder and gets it back when the holder is done; null when it is not lent.</param>
    public sealed record TaskResponse(
        Guid Id, string Name, string ElementId, Guid CaseId, string ProcessKey, string? CaseNumber, string? CandidateDepartment, string? CandidateRole,
        string? Assignee, DateTimeOffset CreatedAt, DateOnly? DueDate, DateTimeOffset? DueAt, bool Provisional, bool Overdue, bool DueSoon, string? CaseKind,
        string? CaseTitle, string? RequesterDepartment, string? ProviderDepartment, string? DelegatedBy);

    public sealed record ReturnRequest(string? Reason);

    private static async Task<Ok<List<TaskResponse>>> ListAsync(
        HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, TaskCases taskCases, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roles = caller.Roles.ToList();
        // 代理: the tasks of colleagues the caller deputises for while their period runs.
        var principals = await TaskAccess.PrincipalsAsync(db, caller.UserName, clock.GetUtcNow(), cancellationToken);
        var tasks = await db.UserTasks.AsNoTracking()
            .Where(t => t.Status == UserTaskStatus.Open
                && (t.Assignee == caller.UserName || principals.Contains(t.Assignee!)
                    || (t.Assignee == null && t.CandidateDepartment == caller.Department && roles.Contains(t.CandidateRole!))))
            .Join(db.ProcessInstances.AsNoTracking(), t => t.InstanceId, i => i.Id, (t, i) => new { Task = t, i.DefinitionKey })
            .ToListAsync(cancellationToken);
        var cases = await taskCases.LoadAsync(db, [.. tasks.Select(t => t.Task.InstanceId)], cancellationToken);
        var ids = tasks.Select(t => t.Task.Id).ToList();
        var lentBy = await db.TaskDelegations.AsNoTracking()
            .Where(d => ids.Contains(d.TaskId) && d.Status == DelegationStatus.Pending)
            .ToDictionaryAsync(d => d.TaskId, d => d.Owner, cancellationToken);
        return TypedResults.Ok(tasks
            .OrderBy(t => t.Task.DueAt ?? DateTimeOffset.MaxValue)
            .Select(t =>
            {
                var task = t.Task;
                var @case = cases.Case(task.InstanceId);
                var deadline = cases.Deadline(task.InstanceId, task.DueDate, task.DueAt, open: true);
                return new TaskResponse(
                    task.Id, task.Name ?? task.ElementId, task.ElementId, task.InstanceId, t.DefinitionKey, @case?.Number, task.CandidateDepartment, task.CandidateRole,
                    task.Assignee, task.CreatedAt, task.DueDate, task.DueAt, task.DueProvisional, deadline.Overdue, deadline.DueSoon, @case?.Kind, @case?.Title,
                    @case?.RequesterDepartment, @case?.ProviderDepartment, lentBy.GetValueOrDefault(task.Id));
            })
            .ToList());
    }

    private static async Task<Results<NoContent, NotFound>> ClaimAsync(Guid id, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        if (await ActionableAsync(dbFactory, id, caller, context, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        await engine.ClaimTaskAsync(id, caller.UserName, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> ReleaseAsync(Guid id, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var task = await ActionableAsync(dbFactory, id, caller, context, cancellationToken);
        if (task is null || task.Assignee != caller.UserName)
        {
            return TypedResults.NotFound();
        }

        await engine.UnclaimTaskAsync(id, caller.UserName, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> CompleteAsync(
        Guid id, TaskAnswer? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var task = await ActionableAsync(dbFactory, id, caller, context, cancellationToken);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(request?.Outcome))
        {
            var errors = new QueryErrors();
            errors.Add("outcome", "Choose the outcome (approve or refuse).");
            return errors.ToProblem();
        }

        var user = await SharingApi.UserAsync(dbFactory, caller, cancellationToken);
        var processKey = await ProcessKeyAsync(dbFactory, task.InstanceId, cancellationToken);
        if (TaskAnswers.Handles(processKey, task.ElementId))
        {
            // The process's own use case checks the answer under its rules (a refusal without reasons, a plan dated in the past...).
            await TaskAnswers.AnswerAsync(context.RequestServices, processKey!, task.ElementId, id, request!, user, cancellationToken);
        }
        else
        {
            var variables = new Dictionary<string, object?>
            {
                ["outcome"] = request!.Outcome,
                ["decision"] = request.Outcome,
                ["reasons"] = request.Reasons,
                ["legalBasis"] = request.LegalBasis,
                ["decidedBy"] = caller.UserName,
            };
            foreach (var (name, value) in request.Variables ?? [])
            {
                variables[name] = value;
            }

            await engine.CompleteTaskAsync(id, new CompleteTask(caller.UserName, request.Outcome, variables, request.Opinion), cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> ReturnAsync(
        Guid id, ReturnRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, SharingCases sharing, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var task = await ActionableAsync(dbFactory, id, caller, context, cancellationToken);
        if (task is null || task.ElementId != "review" || await ProcessKeyAsync(dbFactory, task.InstanceId, cancellationToken) != SharingCases.ProcessKey)
        {
            return TypedResults.NotFound();
        }

        await sharing.ReturnForSupplementAsync(id, request?.Reason ?? string.Empty, await SharingApi.UserAsync(dbFactory, caller, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The open task if the caller may act on it: offered to their department and role, or assigned to them.</summary>
    /// <remarks>
    /// Also a colleague's task while the caller is their deputy (代理; the action is marked "acting for" in the audit
    /// trail), and a task the caller delegated (委派), so that the engine answers why it cannot be done (409).
    /// </remarks>
    private static async Task<UserTaskRecord?> ActionableAsync(IDbContextFactory<ShareFlowDbContext> dbFactory, Guid id, Caller caller, HttpContext context, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var actionable = await TaskAccess.ActionableAsync(db, id, caller.UserName, caller.Department, caller.Roles, now, cancellationToken);
        if (actionable is not null)
        {
            ActingForAudit.Mark(context, actionable.ActingFor);
            return actionable.Task;
        }

        return await TaskAccess.OwnedDelegationAsync(db, id, caller.UserName, now, cancellationToken) is null
            ? null
            : await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    private static async Task<string?> ProcessKeyAsync(IDbContextFactory<ShareFlowDbContext> dbFactory, Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProcessInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.DefinitionKey).SingleOrDefaultAsync(cancellationToken);
    }
}
