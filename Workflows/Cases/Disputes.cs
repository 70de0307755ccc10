using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// What a requesting clerk fills in to open a dispute: the resource and items needed, the duty, why (争议事由), and
/// the refused sharing application when there was one (its resource, items and duty are then taken from it).
/// </summary>
public sealed record FileDispute(
    Guid? ResourceId,
    IReadOnlyList<string>? Items,
    string? Duty,
    string? Reasons,
    Guid? SharingApplicationId = null);

/// <summary>The provider's answer to the negotiation: agree (all items, or <see cref="GrantedItems"/>) or not, with reasons.</summary>
public sealed record NegotiationAnswer(
    bool Agree,
    IReadOnlyList<string>? GrantedItems = null,
    string? Conditions = null,
    string? Reasons = null,
    string? Opinion = null);

/// <summary>
/// A tier holder's decision: <c>grant</c> (all items, or <see cref="GrantedItems"/>), <c>uphold</c> (the refusal stands)
/// or <c>passOn</c> to the next tier (naming <see cref="JointDepartments"/> when that tier decides jointly). Reasons are
/// always required.
/// </summary>
public sealed record DisputeDecision(
    string Decision,
    string? Reasons,
    IReadOnlyList<string>? GrantedItems = null,
    string? Conditions = null,
    IReadOnlyList<string>? JointDepartments = null,
    string? Opinion = null);

/// <summary>
/// A joint department's opinion at a joint tier (会同意见): <paramref name="Outcome"/> agree | disagree;
/// <paramref name="Opinion"/> what it says, required when it disagrees.
/// </summary>
public sealed record JointOpinion(string? Outcome, string? Opinion);

/// <summary>
/// The sharing-dispute use cases (争议协调) on the engine: file a dispute (directly for not-shared data, or about a
/// refused application — which answers that application's refusal, so its process starts the dispute), answer the
/// negotiation, decide at a tier. Only the task's candidate department and role may act.
/// </summary>
public sealed class Disputes(WorkflowEngine engine, IDbContextFactory<ShareFlowDbContext> dbFactory, PolicyProfileStore profiles)
{
    public const string ProcessKey = "sharingDispute";

    /// <summary>The negotiation step (provider) and the tier step (the tier's holder) of the process.</summary>
    public const string NegotiationStep = "negotiate";

    public const string TierStep = "decideTier";

    /// <summary>A joint department's opinion at a joint tier (its principal), before the tier's holder decides.</summary>
    public const string JointStep = "jointOpinion";

    /// <summary>Files a dispute for the clerk's department under the current profile version.</summary>
    /// <exception cref="DomainException">Not a requesting clerk, conditional data without a refused application, unknown items...: nothing is stored.</exception>
    public async Task<Dispute> FileAsync(FileDispute request, User clerk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clerk);
        if (!clerk.HasRole(Roles.RequestingClerk))
        {
            throw new DomainException($"{clerk.UserName} is not a requesting clerk (使用部门经办人) and cannot open a dispute.");
        }

        if (request.SharingApplicationId is { } applicationId)
        {
            return await DisputeRefusalAsync(applicationId, request, clerk, cancellationToken).ConfigureAwait(false);
        }

        var profile = await profiles.ActiveAsync(cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["resourceId"] = (request.ResourceId ?? throw new DomainException("resourceId", "Name the catalog resource the dispute is about.")).ToString(),
            ["requestedItems"] = CaseVariables.Texts(request.Items),
            ["duty"] = request.Duty,
            ["disputeReasons"] = request.Reasons,
            ["requesterDepartment"] = clerk.DepartmentCode,
            ["disputeApplicant"] = clerk.UserName,
            ["officeDepartment"] = await CaseTasks.OfficeAsync(dbFactory, cancellationToken).ConfigureAwait(false),
            [InstancePolicyParameters.Variable] = profile.ToSnapshot(),
        };
        var instance = await engine.StartAsync(new StartInstance(ProcessKey, null, variables, clerk.UserName), cancellationToken).ConfigureAwait(false);
        return await GetAsync(instance.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The provider answers the negotiation; an agreement settles the dispute and grants access.</summary>
    /// <exception cref="DomainException">Not the provider's reviewer, a disagreement without reasons, items not in dispute.</exception>
    public async Task NegotiateAsync(Guid taskId, NegotiationAnswer answer, User reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(reviewer);
        await GuardAsync(taskId, NegotiationStep, reviewer, cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["decision"] = answer.Agree ? "agree" : "disagree",
            ["grantedItems"] = CaseVariables.Texts(answer.GrantedItems),
            ["conditions"] = answer.Conditions,
            ["reasons"] = answer.Reasons,
            ["decidedBy"] = reviewer.UserName,
            ["actorDepartment"] = reviewer.DepartmentCode,
        };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(reviewer.UserName, answer.Agree ? "agree" : "disagree", variables, answer.Opinion), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tier's holder settles the dispute or passes it on.</summary>
    /// <exception cref="DomainException">Not the tier's holder, no reasons, passing on from the last tier, a joint tier without its departments.</exception>
    public async Task DecideAsync(Guid taskId, DisputeDecision decision, User holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(holder);
        await GuardAsync(taskId, TierStep, holder, cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["decision"] = decision.Decision,
            ["grantedItems"] = CaseVariables.Texts(decision.GrantedItems),
            ["conditions"] = decision.Conditions,
            ["reasons"] = decision.Reasons,
            ["jointDepartments"] = CaseVariables.Texts(decision.JointDepartments),
            ["decidedBy"] = holder.UserName,
            ["actorDepartment"] = holder.DepartmentCode,
        };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(holder.UserName, decision.Decision, variables, decision.Opinion), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A department the office decides together with (会同, Hebei (十): 机构编制、保密等有关部门) gives its opinion, through
    /// its principal: it agrees to the data being shared, or not and says why. The office decides once every joint
    /// department has answered; the opinions stand in the case's history, each with its department and signer.
    /// </summary>
    /// <exception cref="DomainException">Not the joint department's principal, no choice, or a disagreement without reasons.</exception>
    public async Task GiveJointOpinionAsync(Guid taskId, JointOpinion opinion, User principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opinion);
        ArgumentNullException.ThrowIfNull(principal);
        await GuardAsync(taskId, JointStep, principal, cancellationToken).ConfigureAwait(false);
        if (opinion.Outcome is not ("agree" or "disagree"))
        {
            throw new DomainException("outcome", "Choose agree or disagree.");
        }

        var said = string.IsNullOrWhiteSpace(opinion.Opinion) ? null : opinion.Opinion.Trim();
        if (opinion.Outcome == "disagree" && said is null)
        {
            throw new DomainException("opinion", "Say why the department does not agree to sharing (会同意见须说明理由).");
        }

        await engine.CompleteTaskAsync(taskId, new CompleteTask(principal.UserName, opinion.Outcome, null, said), cancellationToken).ConfigureAwait(false);
    }

    public async Task<Dispute> GetAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Disputes.AsNoTracking().SingleOrDefaultAsync(d => d.Id == disputeId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Dispute", disputeId.ToString());
    }

    /// <summary>The disputes about a sharing application, newest first.</summary>
    public async Task<IReadOnlyList<Dispute>> ForApplicationAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Disputes.AsNoTracking().Where(d => d.SharingApplicationId == applicationId).OrderByDescending(d => d.FiledAt).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A dispute about a refused application answers the refusal with <c>dispute</c>: the application's process then starts
    /// the dispute (its call activity), in the same transaction.
    /// </summary>
    private async Task<Dispute> DisputeRefusalAsync(Guid applicationId, FileDispute request, User clerk, CancellationToken cancellationToken)
    {
        var answer = (await engine.GetOpenTasksAsync(applicationId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.ElementId == "answerRefusal")
            ?? throw new DomainException("The sharing application is not waiting for an answer to a refusal; only a refusal can be disputed.");
        await TaskGuard.RequireHolderAsync(dbFactory, answer.Id, clerk, ["answerRefusal"], (db, id) => db.SharingApplications.AnyAsync(a => a.Id == id, cancellationToken), cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["dispute"] = true,
            ["disputeReasons"] = request.Reasons,
            ["disputeApplicant"] = clerk.UserName,
        };
        await engine.CompleteTaskAsync(answer.Id, new CompleteTask(clerk.UserName, "dispute", variables, request.Reasons), cancellationToken).ConfigureAwait(false);
        var disputes = await ForApplicationAsync(applicationId, cancellationToken).ConfigureAwait(false);
        return disputes.Count > 0 ? disputes[0] : throw new InvalidOperationException($"Application {applicationId} answered its refusal with a dispute, but no dispute was filed.");
    }

    private Task<UserTaskRecord> GuardAsync(Guid taskId, string step, User user, CancellationToken cancellationToken) =>
        TaskGuard.RequireHolderAsync(dbFactory, taskId, user, [step], (db, id) => db.Disputes.AnyAsync(d => d.Id == id, cancellationToken), cancellationToken);
}
