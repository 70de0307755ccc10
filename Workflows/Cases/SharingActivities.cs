using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Documents;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// The activities of the sharing-application process (共享申请). The application's id is its process instance's id, so
/// the case and its process are created in one transaction and found from each other.
/// </summary>
internal static class Sharing
{
    public static async Task<SharingApplication> LoadAsync(ActivityContext context, CancellationToken cancellationToken) =>
        await context.Database.SharingApplications.FindAsync([context.InstanceId], cancellationToken).ConfigureAwait(false)
        ?? throw new DomainException($"The process {context.InstanceId} has no sharing application.");

    /// <summary>Grants the approved items, records the agreement of conditional sharing and files the decision.</summary>
    public static void GrantAndFile(ActivityContext context, SharingApplication application)
    {
        AccessGrants.Grant(context, new AccessGrant(
            application.Id, application.ResourceId, application.ResourceName, application.ShareType, application.RequesterDepartment,
            application.ProviderDepartment, application.Duty, application.ApprovedItems, application.Conditions, application.UseFrom, application.UseUntil,
            application.IsSystemDecision));
        File(context, application, $"{application.Number} {Describe(application)}");
    }

    public static void File(ActivityContext context, SharingApplication application, string summary) =>
        AccessGrants.File(context, "sharing-decision", application.Id, application.ProviderDepartment, summary, context.Variables.Article("sharing.filing"));

    public static string Describe(SharingApplication application) => application.Decision switch
    {
        SharingDecision.Approved => $"同意共享 {string.Join("、", application.ApprovedItems)}",
        SharingDecision.PartiallyApproved => $"部分同意，共享 {string.Join("、", application.ApprovedItems)}；理由：{application.Reasons}",
        SharingDecision.Refused => $"不同意共享；理由：{application.Reasons ?? "（未说明）"}" + (application.LegalBasis is null ? string.Empty : $"；依据：{application.LegalBasis}"),
        SharingDecision.DeemedConsent => $"逾期未答复，视为同意共享（{application.Article}）",
        SharingDecision.AutomaticGrant => $"无条件共享，直接授权（{application.Article}）",
        _ => application.Status.ToString(),
    };
}

/// <summary><c>sharing.register</c>: files the application from the start variables; a not-shared resource or unknown items reject the start.</summary>
public sealed class RegisterSharingApplicationActivity : IActivity
{
    public string Name => "sharing.register";

    public string Description => "共享申请: files the sharing application from the start variables; a not-shared resource or unknown items reject the start.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var resourceId = variables.Id("resourceId");
        var resource = await context.Database.CatalogResources.SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException("resourceId", $"There is no catalog resource {resourceId}.");
        var number = await CaseNumbers.NextAsync(context, "SQ", cancellationToken).ConfigureAwait(false);
        var application = SharingApplication.Submit(
            context.InstanceId, number, resource, variables.Text("requesterDepartment"), variables.TextList("requestedItems"),
            variables.OptionalText("duty"), variables.OptionalText("scenario"), variables.Date("useFrom"), variables.Date("useUntil"),
            variables.Text("applicant"), context.Clock.GetUtcNow());
        application.ProcessInstanceId = context.InstanceId;
        context.Database.SharingApplications.Add(application);
        variables["applicationId"] = application.Id.ToString();
        variables["applicationNumber"] = application.Number;
        variables["providerDepartment"] = application.ProviderDepartment;
        variables["resourceName"] = application.ResourceName;
        variables["shareType"] = application.ShareType.ToWireName();
    }
}

/// <summary><c>sharing.grantAutomatically</c>: unconditional data is granted at once, as a system decision naming its article.</summary>
public sealed class GrantAutomaticallyActivity : IActivity
{
    public string Name => "sharing.grantAutomatically";

    public string Description => "Grants unconditional data at once, as a system decision naming its article.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var application = await Sharing.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        application.GrantAutomatically(context.Variables.Article("sharing.unconditional"), context.Clock.GetUtcNow());
        Sharing.GrantAndFile(context, application);
        await DocumentNumbers.IssueSharingAnswerAsync(context, application, cancellationToken).ConfigureAwait(false);
        context.Variables["decision"] = "approve";
        context.Variables["systemDecision"] = true;
    }
}

/// <summary>
/// <c>sharing.decide</c>: applies the decision the reviewer (or, after escalation, the office) entered — variables
/// <c>decision</c> (approve | refuse), <c>approvedItems</c>, <c>conditions</c>, <c>reasons</c>, <c>legalBasis</c>,
/// <c>decidedBy</c> — under the instance's profile rules. A refusal without the reasons or legal basis the profile
/// demands rejects the completion: the task stays open and nothing changes.
/// </summary>
public sealed class DecideSharingActivity : IActivity
{
    public string Name => "sharing.decide";

    public string Description => "Applies the reviewer's (or the office's) decision (decision approve | refuse, approvedItems, conditions, reasons, legalBasis, decidedBy) under the profile's rules; a refusal without the required reasons or legal basis rejects the completion.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var application = await Sharing.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var decidedBy = variables.OptionalText("decidedBy") ?? "unknown";
        var now = context.Clock.GetUtcNow();
        switch (variables.OptionalText("decision"))
        {
            case "approve":
                application.Approve(variables.TextList("approvedItems"), variables.OptionalText("conditions"), variables.OptionalText("reasons"), decidedBy,
                    variables.Rule("refusalNeedsReasons"), now);
                Sharing.GrantAndFile(context, application);
                break;
            case "refuse":
                application.Refuse(variables.OptionalText("reasons"), variables.OptionalText("legalBasis"), decidedBy,
                    variables.Rule("refusalNeedsReasons"), variables.Rule("refusalNeedsLegalBasis"), now);
                Sharing.File(context, application, $"{application.Number} {Sharing.Describe(application)}");
                break;
            default:
                throw new DomainException("outcome", "Choose approve or refuse.");
        }

        await DocumentNumbers.IssueSharingAnswerAsync(context, application, cancellationToken).ConfigureAwait(false);
        NoticeWriter.Write(context, "decision", application.RequesterDepartment, Roles.RequestingClerk, application.Applicant,
            $"共享申请 {application.Number} 已答复", $"{application.ResourceName}：{Sharing.Describe(application)}。");
    }
}

/// <summary>
/// <c>sharing.deemConsent</c>: the answer is overdue and the profile says that counts as consent (Shenyang art. 25,
/// 逾期未答复的，视为同意): every requested item is granted by the system, and both departments and the office are told.
/// </summary>
public sealed class DeemConsentActivity : IActivity
{
    public string Name => "sharing.deemConsent";

    public string Description => "The answer is overdue and the profile counts that as consent: every requested item is granted by the system and both departments and the office are told.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var application = await Sharing.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var article = context.Variables.Article("sharing.deemedConsent");
        application.DeemConsent(article, context.Clock.GetUtcNow());
        Sharing.GrantAndFile(context, application);
        await DocumentNumbers.IssueSharingAnswerAsync(context, application, cancellationToken).ConfigureAwait(false);
        var subject = $"共享申请 {application.Number} 逾期未答复，视为同意";
        var body = $"{application.ResourceName}：提供部门未在期限内答复，依据{article}视为同意共享，系统已授予 {string.Join("、", application.ApprovedItems)} 的使用权限。";
        NoticeWriter.Write(context, "system-decision", application.RequesterDepartment, Roles.RequestingClerk, null, subject, body);
        NoticeWriter.Write(context, "system-decision", application.ProviderDepartment, Roles.ProviderReviewer, null, subject, body);
        CaseNotices.TellOffice(context, "system-decision", subject, body);

        context.Variables["decision"] = "approve";
        context.Variables["systemDecision"] = true;
    }
}

/// <summary><c>sharing.escalate</c>: the answer is overdue; the coordinating office takes over and both supervisors are told.</summary>
public sealed class EscalateSharingActivity : IActivity
{
    public string Name => "sharing.escalate";

    public string Description => "The answer is overdue: the coordinating office takes over and both supervisors are told.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var application = await Sharing.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        application.Escalate();
        var subject = $"共享申请 {application.Number} 逾期未答复，已提请共享主管部门协调";
        var body = $"{application.ResourceName}：提供部门未在期限内答复（{context.Variables.Article("sharing.answer")}），已转共享主管部门处理。";
        foreach (var department in new[] { application.ProviderDepartment, application.RequesterDepartment })
        {
            await CaseNotices.ToSupervisorAsync(context, "escalation", department, Roles.Supervisor, subject, body, cancellationToken).ConfigureAwait(false);
        }

        CaseNotices.TellOffice(context, "escalation", subject, body);
    }
}

/// <summary><c>sharing.answerRefusal</c>: the requester accepts the refusal or opens a dispute (variable <c>dispute</c>).</summary>
public sealed class AnswerRefusalActivity : IActivity
{
    public string Name => "sharing.answerRefusal";

    public string Description => "The requester accepts the refusal or opens a dispute (variable dispute).";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var application = await Sharing.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var dispute = context.Variables["dispute"] is JsonValue value && value.TryGetValue(out bool flag) && flag;
        application.AnswerRefusal(dispute);
    }
}

/// <summary>
/// <c>sharing.orderRectification</c>: the office, coordinating an overdue application, orders the provider to correct
/// within a deadline (责令限期改正: Fuzhou art. 38, Lanzhou art. 41, Beijing art. 33, Shenyang art. 47) instead of
/// answering itself. Sets the variables the called <c>rectificationOrder</c> process starts from; the office's choice
/// (<c>officeAction</c>) is consumed, so the coordination task that follows the order decides afresh.
/// </summary>
public sealed class OrderSharingRectificationActivity : IActivity
{
    public string Name => "sharing.orderRectification";

    public string Description => "The office, coordinating an overdue application, orders the provider to correct within a deadline: sets the variables the called rectificationOrder process starts from.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var application = await Sharing.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        if (application.Status != SharingStatus.Escalated)
        {
            throw new DomainException($"Only an application the office has taken over can lead to an order to correct; it is {application.Status}.");
        }

        context.Variables["rectificationDepartment"] = application.ProviderDepartment;
        context.Variables.Remove("officeAction");
    }
}
