using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Documents;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// The activities of the sharing-dispute process (争议协调). The dispute's id is its process instance's id. The tiers come
/// from the instance's profile snapshot (<c>policy.disputeTiers</c>); the department holding each tier is resolved when
/// the dispute is filed (variable <c>tierDepartments</c>) and the current tier is <c>tierIndex</c>.
/// </summary>
internal static class DisputeCase
{
    /// <summary>Decision variables a task completion sets; cleared once applied so that a later step never reads stale ones.</summary>
    private static readonly string[] DecisionInputs = ["grantedItems", "conditions", "reasons", "jointDepartments", "decidedBy", "actorDepartment"];

    public static async Task<Dispute> LoadAsync(ActivityContext context, CancellationToken cancellationToken) =>
        await context.Database.Disputes.FindAsync([context.InstanceId], cancellationToken).ConfigureAwait(false)
        ?? throw new DomainException($"The process {context.InstanceId} has no dispute.");

    public static JsonObject Tier(ActivityContext context, int index) =>
        context.Variables["policy"]?["disputeTiers"]?[index] as JsonObject
        ?? throw new DomainException($"The instance's policy profile has no dispute tier {index + 1}.");

    /// <summary>The index of the profile's joint tier (Hebei (十)), or null.</summary>
    public static int? JointTierIndex(ActivityContext context) =>
        context.Variables["policy"]?["disputeJointTier"] is JsonValue value && value.TryGetValue(out int tier) && tier > 0 ? tier - 1 : null;

    public static void ClearDecisionInputs(ActivityContext context)
    {
        foreach (var name in DecisionInputs)
        {
            context.Variables.Remove(name);
        }
    }

    public static string Describe(Dispute dispute) =>
        (dispute.Outcome switch
        {
            DisputeOutcome.Granted => $"同意共享 {string.Join("、", dispute.GrantedItems)}",
            DisputeOutcome.PartiallyGranted => $"部分同意，共享 {string.Join("、", dispute.GrantedItems)}",
            DisputeOutcome.RefusalUpheld => "维持不予共享",
            _ => dispute.Status.ToString(),
        })
        + (dispute.Conditions is null ? string.Empty : $"；条件：{dispute.Conditions}")
        + (dispute.DecisionReasons is null ? string.Empty : $"；理由：{dispute.DecisionReasons}")
        + (dispute.JointDepartments.Count == 0 ? string.Empty : $"（会同 {string.Join("、", dispute.JointDepartments)} 协商确定）");

    /// <summary>
    /// What a settlement produces: the refused application it came from marked as settled, access granted as a sharing approval would (grant, and the security agreement for data
    /// not shared unconditionally), the decision filed with the office, and both departments told in writing.
    /// </summary>
    public static async Task SettleAsync(ActivityContext context, Dispute dispute, string filingDepartment, CancellationToken cancellationToken)
    {
        if (dispute.SharingApplicationId is { } applicationId
            && await context.Database.SharingApplications.FindAsync([applicationId], cancellationToken).ConfigureAwait(false) is { } application)
        {
            application.CloseDispute();
        }

        if (dispute.GrantedItems.Count > 0)
        {
            AccessGrants.Grant(context, new AccessGrant(
                dispute.SharingApplicationId ?? dispute.Id, dispute.ResourceId, dispute.ResourceName, dispute.ShareType, dispute.RequesterDepartment,
                dispute.ProviderDepartment, dispute.Duty, dispute.GrantedItems, dispute.Conditions, null, null, IsSystemDecision: false));
        }

        var summary = $"{dispute.Number} {dispute.SettledBy}：{Describe(dispute)}";
        AccessGrants.File(context, "dispute-settlement", dispute.Id, filingDepartment, summary, CaseNotices.ArticleOrRegulation(context, "dispute"));
        var subject = $"争议 {dispute.Number} 已处理：{(dispute.Outcome == DisputeOutcome.RefusalUpheld ? "维持不予共享" : "同意共享")}";
        var body = $"{dispute.ResourceName}：{dispute.SettledBy}作出处理决定——{Describe(dispute)}。";
        NoticeWriter.Write(context, "decision", dispute.RequesterDepartment, Roles.RequestingClerk, null, subject, body);
        NoticeWriter.Write(context, "decision", dispute.RequesterDepartment, null, dispute.Applicant, subject, body);
        NoticeWriter.Write(context, "decision", dispute.ProviderDepartment, Roles.ProviderReviewer, null, subject, body);
        if (context.Variables.OptionalText("officeDepartment") is { } office && office != filingDepartment)
        {
            NoticeWriter.Write(context, "decision", office, Roles.CoordinatingOffice, null, subject, body);
        }

        foreach (var joint in dispute.JointDepartments)
        {
            NoticeWriter.Write(context, "decision", joint, null, null, subject, body);
        }
    }
}

/// <summary>
/// <c>dispute.register</c>: files the dispute from the start variables — <c>requesterDepartment</c>, <c>resourceId</c>,
/// <c>requestedItems</c>, <c>duty</c>, <c>disputeReasons</c>, <c>disputeApplicant</c> or <c>applicant</c>, and
/// <c>sharingApplicationId</c> when it comes from a refused application (whose resource, items and duty it then takes).
/// Resolves the department holding each of the profile's tiers and asks the provider to negotiate.
/// </summary>
public sealed class RegisterDisputeActivity : IActivity
{
    public string Name => "dispute.register";

    public string Description => "争议协调: files the dispute from the start variables (requesterDepartment, resourceId, requestedItems, duty, disputeReasons, sharingApplicationId), resolves the profile's tiers and asks the provider to negotiate.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var db = context.Database;
        SharingApplication? application = null;
        if (variables.OptionalText("sharingApplicationId") is not null)
        {
            var applicationId = variables.Id("sharingApplicationId");
            application = await db.SharingApplications.FindAsync([applicationId], cancellationToken).ConfigureAwait(false)
                ?? throw new DomainException($"There is no sharing application {applicationId}.");
            if (await db.Disputes.AnyAsync(d => d.SharingApplicationId == applicationId && d.Status != DisputeStatus.Settled, cancellationToken).ConfigureAwait(false))
            {
                throw new DomainException($"Sharing application {application.Number} is already in dispute.");
            }
        }

        var resourceId = application?.ResourceId ?? variables.Id("resourceId");
        var resource = await db.CatalogResources.SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException("resourceId", $"There is no catalog resource {resourceId}.");
        var requester = variables.OptionalText("requesterDepartment") ?? application?.RequesterDepartment
            ?? throw new DomainException("The dispute names no requesting department.");
        var items = variables.TextList("requestedItems");
        if (items.Count == 0 && application is not null)
        {
            items = [.. application.RequestedItems.Except(application.ApprovedItems, StringComparer.Ordinal)];
        }

        var reasons = variables.OptionalText("disputeReasons")
            ?? (application is null ? null : $"对共享申请 {application.Number} 的不予共享答复有异议（答复理由：{application.Reasons ?? "未说明"}），因履行职责确需使用，申请协调。");
        var tierDepartments = await ResolveTierDepartmentsAsync(context, cancellationToken).ConfigureAwait(false);
        var number = await CaseNumbers.NextAsync(context, "ZY", cancellationToken).ConfigureAwait(false);
        var dispute = Dispute.File(
            context.InstanceId, number, resource, application, requester, items, variables.OptionalText("duty") ?? application?.Duty, reasons,
            variables.OptionalText("disputeApplicant") ?? variables.OptionalText("applicant") ?? "unknown", tierDepartments, context.Clock.GetUtcNow());
        db.Disputes.Add(dispute);

        variables["disputeId"] = dispute.Id.ToString();
        variables["disputeNumber"] = dispute.Number;
        variables["requesterDepartment"] = dispute.RequesterDepartment;
        variables["providerDepartment"] = dispute.ProviderDepartment;
        variables["resourceName"] = dispute.ResourceName;
        variables["tierDepartments"] = CaseVariables.Texts(tierDepartments);
        variables["tierIndex"] = Dispute.NegotiationStage;
        variables["requesterName"] = await CaseNotices.NameOfAsync(context, dispute.RequesterDepartment, cancellationToken).ConfigureAwait(false);
        variables["providerName"] = await CaseNotices.NameOfAsync(context, dispute.ProviderDepartment, cancellationToken).ConfigureAwait(false);

        NoticeWriter.Write(context, "dispute", dispute.ProviderDepartment, Roles.ProviderReviewer, null,
            $"争议 {dispute.Number}：{variables.OptionalText("requesterName")} 请求协商共享 {dispute.ResourceName}",
            $"{variables.OptionalText("requesterName")} 因“{dispute.Duty}”确需使用 {dispute.ResourceName} 的 {string.Join("、", dispute.RequestedItems)}。事由：{dispute.Reasons}。请与申请部门协商并在期限内答复；协商未果的，提请{Tier0Name(context)}。");
    }

    private static string Tier0Name(ActivityContext context) => DisputeCase.Tier(context, 0)["decider"]?.GetValue<string>() ?? "共享主管部门";

    /// <summary>
    /// The department holding each tier: the coordinating office for office tiers, and the registered leading group or
    /// city government for theirs. A body the organisation has not registered stops the filing with a clear message.
    /// </summary>
    private static async Task<List<string>> ResolveTierDepartmentsAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var tiers = context.Variables["policy"]?["disputeTiers"] as JsonArray ?? throw new DomainException("The instance has no policy profile with dispute tiers.");
        var departments = new List<string>();
        foreach (var tier in tiers)
        {
            var role = tier?["role"]?.GetValue<string>();
            var decider = tier?["decider"]?.GetValue<string>() ?? role;
            var kind = role switch
            {
                Roles.CoordinatingOffice => DepartmentKind.CoordinatingOffice,
                Roles.LeadingGroup => DepartmentKind.LeadingGroup,
                Roles.CityGovernment => DepartmentKind.CityGovernment,
                _ => throw new DomainException($"The dispute tier “{decider}” names the role '{role}', which no kind of department holds."),
            };
            var department = kind == DepartmentKind.CoordinatingOffice ? context.Variables.OptionalText("officeDepartment") : null;
            department ??= await context.Database.Departments.Where(d => d.Kind == kind).OrderBy(d => d.Code).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new DomainException($"No department is registered as {decider} ({kind}); register it before disputes can be coordinated.");
            departments.Add(department);
        }

        return departments;
    }
}

/// <summary>
/// <c>dispute.negotiate</c>: the provider's answer to the negotiation — <c>decision</c> (agree | disagree),
/// <c>grantedItems</c>, <c>conditions</c>, <c>reasons</c>, <c>decidedBy</c>, <c>actorDepartment</c>. An agreement settles
/// the dispute (grant, filing, notices); a disagreement sends it to the first tier.
/// </summary>
public sealed class NegotiateDisputeActivity : IActivity
{
    public string Name => "dispute.negotiate";

    public string Description => "The provider's answer to the negotiation (decision agree | disagree, grantedItems, conditions, reasons, decidedBy, actorDepartment): agreement settles the dispute, disagreement sends it to the first tier.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var dispute = await DisputeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var agree = variables.OptionalText("decision") switch
        {
            "agree" => true,
            "disagree" => false,
            _ => throw new DomainException("decision", "Choose agree or disagree."),
        };
        dispute.AnswerNegotiation(variables.Text("actorDepartment"), agree, variables.TextList("grantedItems"), variables.OptionalText("conditions"),
            variables.OptionalText("reasons"), variables.OptionalText("decidedBy") ?? "unknown", context.Clock.GetUtcNow());
        DisputeCase.ClearDecisionInputs(context);
        if (dispute.Status == DisputeStatus.Settled)
        {
            await DisputeCase.SettleAsync(context, dispute, dispute.ProviderDepartment, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary><c>dispute.lapseNegotiation</c>: the provider did not answer in time; the negotiation has failed and the first tier takes over.</summary>
public sealed class LapseDisputeNegotiationActivity : IActivity
{
    public string Name => "dispute.lapseNegotiation";

    public string Description => "The provider did not negotiate in time: the negotiation has failed and the first tier takes over.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dispute = await DisputeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        dispute.LapseNegotiation();
        context.Variables["decision"] = "disagree";
        var subject = $"争议 {dispute.Number} 提供部门逾期未答复协商";
        var body = $"{dispute.ResourceName}：提供部门未在期限内答复协商请求，视为协商未果，已提请{DisputeCase.Tier(context, 0)["decider"]?.GetValue<string>()}。";
        await CaseNotices.ToSupervisorAsync(context, "escalation", dispute.ProviderDepartment, Roles.Supervisor, subject, body, cancellationToken).ConfigureAwait(false);
        NoticeWriter.Write(context, "escalation", dispute.RequesterDepartment, Roles.RequestingClerk, null, subject, body);
    }
}

/// <summary>
/// <c>dispute.openTier</c>: the dispute arrives at the tier it is now at (after a failed negotiation or a passing on):
/// sets <c>tierIndex</c>, <c>tierName</c>, <c>tierDecider</c>, <c>isLastTier</c> and <c>tierJointDepartments</c> (at the
/// profile's joint tier the departments deciding together with the office, each of which gives its opinion before the
/// office decides; elsewhere none), and tells the tier's holder, both departments and the joint departments.
/// </summary>
public sealed class OpenDisputeTierActivity : IActivity
{
    public string Name => "dispute.openTier";

    public string Description => "The dispute arrives at its current tier: sets tierIndex, tierName, tierDecider, isLastTier and tierJointDepartments and tells the tier's holder, both departments and the joint departments.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dispute = await DisputeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var tier = DisputeCase.Tier(context, dispute.TierIndex);
        var name = tier["name"]?.GetValue<string>() ?? $"第{dispute.TierIndex + 1}级协调";
        var decider = tier["decider"]?.GetValue<string>() ?? dispute.HolderDepartment;
        var role = tier["role"]?.GetValue<string>();
        context.Variables["tierIndex"] = dispute.TierIndex;
        context.Variables["tierName"] = name;
        context.Variables["tierDecider"] = decider;
        context.Variables["isLastTier"] = dispute.IsLastTier;
        var jointHere = dispute.TierIndex == DisputeCase.JointTierIndex(context) ? dispute.JointDepartments : [];
        context.Variables["tierJointDepartments"] = CaseVariables.Texts(jointHere);

        var history = dispute.PassOnReasons.Count > 0 ? $"上一级协调未果：{dispute.PassOnReasons[^1]}" : $"协商未果：{dispute.NegotiationReply}";
        var joint = dispute.JointDepartments.Count == 0 ? string.Empty : $"会同 {string.Join("、", dispute.JointDepartments)}。";
        NoticeWriter.Write(context, "dispute", dispute.HolderDepartment, role, null,
            $"争议 {dispute.Number} 提请{name}",
            $"{context.Variables.OptionalText("requesterName") ?? dispute.RequesterDepartment} 与 {context.Variables.OptionalText("providerName") ?? dispute.ProviderDepartment} 就 {dispute.ResourceName}（{string.Join("、", dispute.RequestedItems)}）的共享存在争议。{history}。{joint}请在期限内作出处理决定"
            + (dispute.IsLastTier ? "。" : "，或说明理由后提请上一级。"));
        var told = $"争议 {dispute.Number} 已提请{decider}处理";
        var toldBody = $"{dispute.ResourceName}：{history}，已提请{decider}（{name}）。";
        NoticeWriter.Write(context, "dispute", dispute.RequesterDepartment, Roles.RequestingClerk, null, told, toldBody);
        NoticeWriter.Write(context, "dispute", dispute.ProviderDepartment, Roles.ProviderReviewer, null, told, toldBody);
        foreach (var department in dispute.JointDepartments)
        {
            var subject = $"请会同处理争议 {dispute.Number}";
            var body = $"{decider}会同贵部门协商确定 {dispute.ResourceName} 的共享事项（{CaseNotices.ArticleOrRegulation(context, "dispute")}）。{history}。";
            NoticeWriter.Write(context, "dispute", department, null, null, subject, body);
            await CaseNotices.ToSupervisorAsync(context, "dispute", department, Roles.Supervisor, subject, body, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// <c>dispute.decide</c>: the tier holder's decision — <c>decision</c> (grant | uphold | passOn), <c>grantedItems</c>,
/// <c>conditions</c>, <c>reasons</c> (always required), <c>jointDepartments</c> (when passing to a joint tier),
/// <c>decidedBy</c>. A settlement grants and files like an approved application; passing on from the last tier, or a
/// decision without reasons, rejects the completion.
/// </summary>
public sealed class DecideDisputeActivity : IActivity
{
    public string Name => "dispute.decide";

    public string Description => "The tier holder's decision (decision grant | uphold | passOn, grantedItems, conditions, reasons, jointDepartments, decidedBy); a settlement grants and files like an approved application.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var dispute = await DisputeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var holder = dispute.HolderDepartment;
        var decider = DisputeCase.Tier(context, dispute.TierIndex)["decider"]?.GetValue<string>() ?? holder;
        var decidedBy = variables.OptionalText("decidedBy") ?? "unknown";
        var now = context.Clock.GetUtcNow();
        switch (variables.OptionalText("decision"))
        {
            case "grant":
            case "uphold":
                dispute.Settle(variables.OptionalText("decision") == "grant", variables.TextList("grantedItems"), variables.OptionalText("conditions"),
                    variables.OptionalText("reasons"), decider, decidedBy, now);
                DisputeCase.ClearDecisionInputs(context);
                await DisputeCase.SettleAsync(context, dispute, holder, cancellationToken).ConfigureAwait(false);
                await DocumentNumbers.IssueAsync(context, DocumentKind.DisputeDecision, holder, Disputes.ProcessKey, CaseNotices.ArticleOrRegulation(context, "dispute"), decidedBy, cancellationToken).ConfigureAwait(false);
                break;
            case "passOn":
                var joint = variables.TextList("jointDepartments");
                var known = await context.Database.Departments.Where(d => joint.Contains(d.Code)).Select(d => d.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
                var unknown = joint.Except(known, StringComparer.Ordinal).ToList();
                if (unknown.Count > 0)
                {
                    throw new DomainException("jointDepartments", $"No department is registered as {string.Join(", ", unknown)}.");
                }

                dispute.PassOn(variables.OptionalText("reasons"), joint, DisputeCase.JointTierIndex(context));
                DisputeCase.ClearDecisionInputs(context);
                break;
            default:
                throw new DomainException("decision", "Choose grant, uphold or passOn.");
        }
    }
}

/// <summary>
/// <c>dispute.tierOverdue</c>: the tier's deadline has passed without a decision. The task stays with the holder (only
/// it can settle or pass the dispute on); its principal and both departments are told, and the overdue is recorded.
/// </summary>
public sealed class DisputeTierOverdueActivity : IActivity
{
    public string Name => "dispute.tierOverdue";

    public string Description => "The tier's deadline passed without a decision: the holder keeps the task; its principal and both departments are told.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dispute = await DisputeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        dispute.MarkTierOverdue();
        var tier = DisputeCase.Tier(context, dispute.TierIndex);
        var subject = $"争议 {dispute.Number} {tier["name"]?.GetValue<string>()}已逾期";
        var body = $"{dispute.ResourceName}：{tier["decider"]?.GetValue<string>()}未在期限内作出处理决定，请督促办理。";
        await CaseNotices.ToSupervisorAsync(context, "escalation", dispute.HolderDepartment, tier["role"]?.GetValue<string>() ?? Roles.Supervisor, subject, body, cancellationToken).ConfigureAwait(false);
        NoticeWriter.Write(context, "escalation", dispute.RequesterDepartment, Roles.RequestingClerk, null, subject, body);
        NoticeWriter.Write(context, "escalation", dispute.ProviderDepartment, Roles.ProviderReviewer, null, subject, body);
    }
}

/// <summary>
/// <c>dispute.jointOpinionsOverdue</c>: the joint departments' period (会同意见) has ended with opinions missing. The tasks
/// stay open (the office decides with every opinion before it); the tier's holder is told which departments are late, and
/// each late department's principal (主要负责人) is told to answer.
/// </summary>
public sealed class DisputeJointOpinionsOverdueActivity : IActivity
{
    public string Name => "dispute.jointOpinionsOverdue";

    public string Description => "The joint departments' period ended with opinions missing: the tasks stay open; the tier's holder is told which departments are late, and each late department's principal is told to answer.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var late = await ReminderActivity.OpenTasksOf(context, Disputes.JointStep)
            .Where(t => t.CandidateDepartment != null)
            .Select(t => t.CandidateDepartment!)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (late.Count == 0)
        {
            return;
        }

        var dispute = await DisputeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var names = new List<string>(late.Count);
        foreach (var department in late)
        {
            names.Add(await CaseNotices.NameOfAsync(context, department, cancellationToken).ConfigureAwait(false));
        }

        var tier = DisputeCase.Tier(context, dispute.TierIndex);
        var subject = $"争议 {dispute.Number} 会同意见逾期";
        NoticeWriter.Write(context, "escalation", dispute.HolderDepartment, tier["role"]?.GetValue<string>(), null, subject,
            $"{dispute.ResourceName}：{string.Join("、", names)}未在期限内提出会同意见，请督促。");
        foreach (var department in late)
        {
            await CaseNotices.ToSupervisorAsync(context, "escalation", department, Roles.Supervisor, subject,
                $"{tier["decider"]?.GetValue<string>()}会同贵部门协商确定 {dispute.ResourceName} 的共享事项，贵部门未在期限内提出会同意见，请尽快提出。", cancellationToken).ConfigureAwait(false);
        }
    }
}

