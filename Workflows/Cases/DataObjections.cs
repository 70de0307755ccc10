using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>What a requesting clerk fills in to report doubtful shared data.</summary>
public sealed record ReportObjection(
    Guid ResourceId,
    IReadOnlyList<string> Items,
    string? Description,
    string? RecordReference = null,
    string? ProposedCorrection = null);

/// <summary>
/// The provider's answer: <c>corrected</c> or <c>noError</c> with a <see cref="Result"/>, or <c>plan</c> with its basis,
/// steps and committed date (Lanzhou art. 27: 处理依据、处理计划、时限承诺).
/// </summary>
public sealed record VerificationAnswer(
    string Decision,
    string? Result = null,
    string? PlanBasis = null,
    string? PlanSteps = null,
    DateOnly? CommittedDate = null,
    string? Opinion = null);

/// <summary>
/// The data-objection use cases (数据异议 / 纠错) on the engine: report, verify (or plan), review the plan, report the
/// correction, confirm or report to the office, and the office's written answer. Only the task's candidates may act.
/// </summary>
public sealed class DataObjections(WorkflowEngine engine, IDbContextFactory<ShareFlowDbContext> dbFactory, PolicyProfileStore profiles)
{
    public const string ProcessKey = "dataObjection";

    /// <summary>Reports doubtful data of another department's resource, under the current profile version.</summary>
    /// <exception cref="DomainException">Not a requesting clerk, data not obtained, own data, unknown items, no description: nothing is stored.</exception>
    public async Task<DataObjection> ReportAsync(ReportObjection request, User clerk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clerk);
        if (!clerk.HasRole(Roles.RequestingClerk))
        {
            throw new DomainException($"{clerk.UserName} is not a requesting clerk (使用部门经办人) and cannot report an objection.");
        }

        if (request.ResourceId == Guid.Empty)
        {
            throw new DomainException("resourceId", "Choose the catalog resource whose data is in doubt.");
        }

        if (request.Items is not { Count: > 0 })
        {
            throw new DomainException("items", "Name the data items in doubt.");
        }

        var profile = await profiles.ActiveAsync(cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["resourceId"] = request.ResourceId.ToString(),
            ["items"] = CaseVariables.Texts(request.Items),
            ["description"] = request.Description,
            ["recordReference"] = request.RecordReference,
            ["proposedCorrection"] = request.ProposedCorrection,
            ["requesterDepartment"] = clerk.DepartmentCode,
            ["reporter"] = clerk.UserName,
            ["officeDepartment"] = await CaseTasks.OfficeAsync(dbFactory, cancellationToken).ConfigureAwait(false),
            [InstancePolicyParameters.Variable] = profile.ToSnapshot(),
        };
        var instance = await engine.StartAsync(new StartInstance(ProcessKey, null, variables, clerk.UserName), cancellationToken).ConfigureAwait(false);
        return await GetAsync(instance.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The provider's verification: corrected, no error, or a correction plan for the office to review.</summary>
    public Task VerifyAsync(Guid taskId, VerificationAnswer answer, User reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return CompleteAsync(taskId, "verify", reviewer, answer.Decision, answer.Opinion, new Dictionary<string, object?>
        {
            ["decision"] = answer.Decision,
            ["result"] = answer.Result,
            ["planBasis"] = answer.PlanBasis,
            ["planSteps"] = answer.PlanSteps,
            ["committedDate"] = answer.CommittedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, cancellationToken);
    }

    /// <summary>The office approves the correction plan, or sends it back with its opinion.</summary>
    public Task ReviewPlanAsync(Guid taskId, bool approve, string? opinion, User officer, CancellationToken cancellationToken) =>
        CompleteAsync(taskId, "reviewPlan", officer, approve ? "approve" : "reject", opinion, new Dictionary<string, object?>
        {
            ["decision"] = approve ? "approve" : "reject",
            ["opinion"] = opinion,
        }, cancellationToken);

    /// <summary>The provider reports the approved plan carried out.</summary>
    public Task ReportCorrectionAsync(Guid taskId, string? result, User reviewer, CancellationToken cancellationToken) =>
        CompleteAsync(taskId, "correct", reviewer, "corrected", null, new Dictionary<string, object?>
        {
            ["decision"] = "corrected",
            ["result"] = result,
        }, cancellationToken);

    /// <summary>The requester accepts the answer, or cannot agree and reports to the office in writing.</summary>
    public Task ConfirmAsync(Guid taskId, bool accept, string? report, User clerk, CancellationToken cancellationToken) =>
        CompleteAsync(taskId, "confirm", clerk, accept ? "accept" : "disagree", report, new Dictionary<string, object?>
        {
            ["decision"] = accept ? "accept" : "disagree",
            ["report"] = report,
        }, cancellationToken);

    /// <summary>The office's handling, answered to the requester in writing.</summary>
    public Task HandleAsync(Guid taskId, ObjectionFinding finding, string? result, User officer, CancellationToken cancellationToken) =>
        CompleteAsync(taskId, "handle", officer, finding == ObjectionFinding.Corrected ? "corrected" : "noError", result, new Dictionary<string, object?>
        {
            ["finding"] = finding == ObjectionFinding.Corrected ? "corrected" : "noError",
            ["result"] = result,
        }, cancellationToken);

    public async Task<DataObjection> GetAsync(Guid objectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.DataObjections.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectionId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Data objection", objectionId.ToString());
    }

    private async Task CompleteAsync(Guid taskId, string step, User user, string outcome, string? comment, Dictionary<string, object?> variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await TaskGuard.RequireHolderAsync(dbFactory, taskId, user, [step], (db, id) => db.DataObjections.AnyAsync(o => o.Id == id, cancellationToken), cancellationToken).ConfigureAwait(false);
        variables["decidedBy"] = user.UserName;
        variables["actorDepartment"] = user.DepartmentCode;
        await engine.CompleteTaskAsync(taskId, new CompleteTask(user.UserName, outcome, variables, comment), cancellationToken).ConfigureAwait(false);
    }
}
