using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>What a requesting clerk fills in to apply for another department's data.</summary>
public sealed record SubmitSharingApplication(
    Guid ResourceId,
    IReadOnlyList<string> Items,
    string? Duty,
    string? Scenario,
    DateOnly? UseFrom = null,
    DateOnly? UseUntil = null);

/// <summary>A reviewer's (or the office's) answer: <c>approve</c> (all or <see cref="ApprovedItems"/>) or <c>refuse</c>.</summary>
public sealed record SharingAnswer(
    string Decision,
    IReadOnlyList<string>? ApprovedItems = null,
    string? Conditions = null,
    string? Reasons = null,
    string? LegalBasis = null,
    string? Opinion = null);

/// <summary>
/// The sharing-application use cases (共享申请), on the engine: submit, answer, return for supplement (补正) and
/// resubmit, answer a refusal. Each is one engine operation, so the case and its process change together.
/// </summary>
public sealed class SharingCases(WorkflowEngine engine, IDbContextFactory<ShareFlowDbContext> dbFactory, PolicyProfileStore profiles)
{
    public const string ProcessKey = "sharingApplication";

    /// <summary>Files an application for the clerk's department and starts its process under the current profile version.</summary>
    /// <exception cref="DomainException">A not-shared resource, unknown items, no duty...: nothing is stored.</exception>
    public async Task<SharingApplication> SubmitAsync(SubmitSharingApplication request, User applicant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(applicant);
        var profile = await profiles.ActiveAsync(cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["resourceId"] = request.ResourceId.ToString(),
            ["requestedItems"] = CaseVariables.Texts(request.Items),
            ["duty"] = request.Duty,
            ["scenario"] = request.Scenario,
            ["useFrom"] = request.UseFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["useUntil"] = request.UseUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["requesterDepartment"] = applicant.DepartmentCode,
            ["applicant"] = applicant.UserName,
            ["officeDepartment"] = await CaseTasks.OfficeAsync(dbFactory, cancellationToken).ConfigureAwait(false),
            [InstancePolicyParameters.Variable] = profile.ToSnapshot(),
        };
        var instance = await engine.StartAsync(new StartInstance(ProcessKey, null, variables, applicant.UserName), cancellationToken).ConfigureAwait(false);
        return await GetAsync(instance.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers the review (or coordination) task. The decision is checked against the instance's profile rules.</summary>
    public Task AnswerAsync(Guid taskId, SharingAnswer answer, User reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(reviewer);
        var variables = new Dictionary<string, object?>
        {
            ["decision"] = answer.Decision,
            ["approvedItems"] = CaseVariables.Texts(answer.ApprovedItems),
            ["conditions"] = answer.Conditions,
            ["reasons"] = answer.Reasons,
            ["legalBasis"] = answer.LegalBasis,
            ["decidedBy"] = reviewer.UserName,
        };
        return engine.CompleteTaskAsync(taskId, new CompleteTask(reviewer.UserName, answer.Decision, variables, answer.Opinion), cancellationToken);
    }

    /// <summary>补正: sends the application back for more material; the review's deadline clock stops.</summary>
    public Task ReturnForSupplementAsync(Guid taskId, string request, User reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        return engine.SuspendTaskAsync(taskId, reviewer.UserName, string.IsNullOrWhiteSpace(request) ? "-" : request, cancellationToken, async (db, instanceId) =>
        {
            var application = await LoadAsync(db, instanceId, cancellationToken).ConfigureAwait(false);
            application.ReturnForSupplement(request);
        });
    }

    /// <summary>The requester supplies the material; the review resumes with the working days that were left.</summary>
    /// <exception cref="DomainException">Not returned for supplement, or not the requesting department.</exception>
    public async Task ResubmitAsync(Guid applicationId, string? additionalInformation, User clerk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        var suspended = await engine.GetSuspendedTasksAsync(applicationId, cancellationToken).ConfigureAwait(false);
        var task = suspended.Count > 0 ? suspended[0] : throw new DomainException("The application is not waiting for supplementary material.");
        await engine.ResumeTaskAsync(task.Id, clerk.UserName, cancellationToken, async (db, instanceId) =>
        {
            var application = await LoadAsync(db, instanceId, cancellationToken).ConfigureAwait(false);
            application.Resubmit(clerk.DepartmentCode, additionalInformation);
        }).ConfigureAwait(false);
    }

    /// <summary>撤回: the requesting department withdraws its application before it is decided; its process ends.</summary>
    /// <exception cref="DomainException">Already decided, or not the requesting department.</exception>
    public Task WithdrawAsync(Guid applicationId, string? reason, User clerk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        return engine.CancelAsync(applicationId, string.IsNullOrWhiteSpace(reason) ? "申请部门撤回" : reason, clerk.UserName, cancellationToken, async (db, instanceId) =>
        {
            var application = await LoadAsync(db, instanceId, cancellationToken).ConfigureAwait(false);
            application.Withdraw(clerk.DepartmentCode);
        });
    }

    /// <summary>After a refusal, the requester accepts it or asks for coordination (a dispute).</summary>
    public Task AnswerRefusalAsync(Guid taskId, bool dispute, string? opinion, User clerk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        return engine.CompleteTaskAsync(taskId, new CompleteTask(clerk.UserName, dispute ? "dispute" : "accept", new Dictionary<string, object?> { ["dispute"] = dispute }, opinion), cancellationToken);
    }

    public async Task<SharingApplication> GetAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.SharingApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Sharing application", applicationId.ToString());
    }

    private static async Task<SharingApplication> LoadAsync(ShareFlowDbContext db, Guid instanceId, CancellationToken cancellationToken) =>
        await db.SharingApplications.SingleOrDefaultAsync(a => a.Id == instanceId, cancellationToken).ConfigureAwait(false)
        ?? throw new DomainException("The task does not belong to a sharing application.");
}
