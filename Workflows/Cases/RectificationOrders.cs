using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Supervision;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// The rectification-order use cases (限期整改), on the engine: the office issues an order after an escalation (or orders
/// it from its coordination of a sharing application); the department's principal reports the correction; the office
/// accepts or rejects it; after an uncorrected deadline the top tier decides.
/// </summary>
public sealed class RectificationOrders(WorkflowEngine engine, IDbContextFactory<ShareFlowDbContext> dbFactory, PolicyProfileStore profiles)
{
    public const string ProcessKey = "rectificationOrder";

    /// <summary>
    /// Issues an order to <paramref name="departmentCode"/> about the case <paramref name="subjectCaseId"/> (any process
    /// instance: a sharing application, a catalog change...) and starts its process under the current profile version.
    /// </summary>
    /// <exception cref="DomainException">Not the office, an unknown case or department, no reasons, or an order on the same case and department still open.</exception>
    public async Task<RectificationOrder> IssueAsync(Guid subjectCaseId, string departmentCode, string reasons, User officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var office = await CaseTasks.OfficeAsync(dbFactory, cancellationToken).ConfigureAwait(false);
        if (office is null || officer.DepartmentCode != office)
        {
            throw new DomainException("Only the coordinating office orders a department to correct within a deadline.");
        }

        string? subjectNumber;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await db.ProcessInstances.AnyAsync(i => i.Id == subjectCaseId, cancellationToken).ConfigureAwait(false))
            {
                throw new DomainException($"There is no case {subjectCaseId}.");
            }

            if (await FindOpenAsync(db, subjectCaseId, departmentCode, cancellationToken).ConfigureAwait(false) is { } open)
            {
                throw new DomainException($"{departmentCode} is already under order {open.Number} for this case ({open.Status}).");
            }

            subjectNumber = await db.SharingApplications.Where(a => a.Id == subjectCaseId).Select(a => a.Number).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                ?? await db.CatalogChanges.Where(c => c.Id == subjectCaseId).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }

        var profile = await profiles.ActiveAsync(cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["subjectCaseId"] = subjectCaseId.ToString(),
            ["subjectNumber"] = subjectNumber,
            ["department"] = departmentCode,
            ["reasons"] = reasons,
            ["issuedBy"] = officer.UserName,
            ["officeDepartment"] = office,
            [InstancePolicyParameters.Variable] = profile.ToSnapshot(),
        };
        var instance = await engine.StartAsync(new StartInstance(ProcessKey, subjectNumber, variables, officer.UserName), cancellationToken).ConfigureAwait(false);
        return await GetAsync(instance.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// From the office's coordination of an overdue sharing application (task <c>coordinate</c>): orders the provider to
    /// correct instead of answering in its place. The application waits for the order to close, then comes back to the
    /// office.
    /// </summary>
    public async Task OrderFromCoordinationAsync(Guid coordinateTaskId, string reasons, User officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        await RequireTaskAsync(coordinateTaskId, SharingCases.ProcessKey, "coordinate", cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["officeAction"] = "rectify",
            ["rectificationReasons"] = reasons,
            ["rectificationIssuedBy"] = officer.UserName,
        };
        await engine.CompleteTaskAsync(coordinateTaskId, new CompleteTask(officer.UserName, "rectify", variables, reasons), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The department's principal reports what was corrected (task <c>correct</c>).</summary>
    /// <exception cref="DomainException">Another department, or nothing reported.</exception>
    public async Task ReportCorrectionAsync(Guid taskId, string correction, User principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await RequireTaskAsync(taskId, ProcessKey, "correct", cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?> { ["correction"] = correction, ["reportedBy"] = principal.UserName, ["actorDepartment"] = principal.DepartmentCode };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(principal.UserName, "report", variables, null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The office accepts the correction or rejects it with reasons (task <c>verify</c>).</summary>
    public async Task VerifyAsync(Guid taskId, bool accept, string? opinion, User officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        await RequireTaskAsync(taskId, ProcessKey, "verify", cancellationToken).ConfigureAwait(false);
        var verification = accept ? "accept" : "reject";
        var variables = new Dictionary<string, object?>
        {
            ["verification"] = verification,
            ["verificationOpinion"] = opinion,
            ["verifiedBy"] = officer.UserName,
            ["actorDepartment"] = officer.DepartmentCode,
        };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(officer.UserName, verification, variables, opinion), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The top tier records its decision on an uncorrected order (task <c>decideAbove</c>).</summary>
    public async Task ConcludeAsync(Guid taskId, string measures, User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await RequireTaskAsync(taskId, ProcessKey, "decideAbove", cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?> { ["measures"] = measures, ["concludedBy"] = user.UserName, ["actorDepartment"] = user.DepartmentCode };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(user.UserName, "conclude", variables, measures), cancellationToken).ConfigureAwait(false);
    }

    public async Task<RectificationOrder> GetAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RectificationOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Rectification order", orderId.ToString());
    }

    /// <summary>The orders concerning a case, oldest first.</summary>
    public async Task<IReadOnlyList<RectificationOrder>> ForCaseAsync(Guid subjectCaseId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RectificationOrders.AsNoTracking().Where(o => o.SubjectCaseId == subjectCaseId).OrderBy(o => o.IssuedAt).ThenBy(o => o.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The order on that case and department that is not closed yet, if any.</summary>
    public async Task<RectificationOrder?> FindOpenAsync(Guid subjectCaseId, string departmentCode, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await FindOpenAsync(db, subjectCaseId, departmentCode, cancellationToken).ConfigureAwait(false);
    }

    private static Task<RectificationOrder?> FindOpenAsync(ShareFlowDbContext db, Guid subjectCaseId, string departmentCode, CancellationToken cancellationToken) =>
        db.RectificationOrders.AsNoTracking()
            .Where(o => o.SubjectCaseId == subjectCaseId && o.Department == departmentCode
                && (o.Status == RectificationStatus.Issued || o.Status == RectificationStatus.CorrectionReported || o.Status == RectificationStatus.Escalated))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The task is open and is that step of that process; anything else is the caller's mistake.</summary>
    private async Task RequireTaskAsync(Guid taskId, string processKey, string elementId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await CaseTasks.RequireAsync(db, taskId, processKey, elementId, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Look-ups the case services share.</summary>
internal static class CaseTasks
{
    /// <exception cref="DomainException">No such open task, or a task of another process or step.</exception>
    public static async Task RequireAsync(ShareFlowDbContext db, Guid taskId, string processKey, string elementId, CancellationToken cancellationToken)
    {
        var task = await db.UserTasks.AsNoTracking().Where(t => t.Id == taskId)
            .Join(db.ProcessInstances, t => t.InstanceId, i => i.Id, (t, i) => new { t.ElementId, t.Status, i.DefinitionKey })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Task", taskId.ToString());
        if (task.DefinitionKey != processKey || task.ElementId != elementId)
        {
            throw new DomainException($"Task {taskId} is step '{task.ElementId}' of {task.DefinitionKey}, not '{elementId}' of {processKey}.");
        }

        if (task.Status != UserTaskStatus.Open)
        {
            throw new ConcurrencyConflictException($"Task {taskId} is already {task.Status}.");
        }
    }

    /// <summary>The coordinating office's department code (the first, when several are configured).</summary>
    public static Task<string?> OfficeAsync(ShareFlowDbContext db, CancellationToken cancellationToken) =>
        db.Departments.Where(d => d.Kind == DepartmentKind.CoordinatingOffice).OrderBy(d => d.Code).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken);

    /// <inheritdoc cref="OfficeAsync(ShareFlowDbContext, CancellationToken)"/>
    public static async Task<string?> OfficeAsync(IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await OfficeAsync(db, cancellationToken).ConfigureAwait(false);
    }
}
