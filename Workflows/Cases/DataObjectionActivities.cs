using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Documents;

namespace ShareFlow.Workflows.Cases;

/// <summary>The activities of the data-objection process (数据异议 / 纠错). The objection's id is its process instance's id.</summary>
internal static class ObjectionCase
{
    private static readonly string[] DecisionInputs = ["result", "planBasis", "planSteps", "committedDate", "opinion", "report", "finding", "decidedBy", "actorDepartment"];

    public static async Task<DataObjection> LoadAsync(ActivityContext context, CancellationToken cancellationToken) =>
        await context.Database.DataObjections.FindAsync([context.InstanceId], cancellationToken).ConfigureAwait(false)
        ?? throw new DomainException($"The process {context.InstanceId} has no data objection.");

    public static void ClearDecisionInputs(ActivityContext context)
    {
        foreach (var name in DecisionInputs)
        {
            context.Variables.Remove(name);
        }
    }

    /// <summary>Tells the requesting department: its clerks, and the clerk who reported.</summary>
    public static void ToRequester(ActivityContext context, DataObjection objection, string kind, string subject, string body)
    {
        NoticeWriter.Write(context, kind, objection.RequesterDepartment, Roles.RequestingClerk, null, subject, body);
        NoticeWriter.Write(context, kind, objection.RequesterDepartment, null, objection.Reporter, subject, body);
    }

    /// <summary>The office's copy, when the objection was copied to it (Beijing art. 19, Lanzhou art. 27).</summary>
    public static void CopyToOffice(ActivityContext context, DataObjection objection, string subject, string body)
    {
        if (objection.CopiedToOffice)
        {
            CaseNotices.TellOffice(context, "copy", subject, body);
        }
    }

    public static string Describe(ObjectionFinding? finding) => finding switch
    {
        ObjectionFinding.Corrected => "已更正",
        ObjectionFinding.NoErrorFound => "经核查数据无误",
        _ => "处理中",
    };
}

/// <summary>
/// <c>objection.register</c>: files the objection from the start variables — <c>requesterDepartment</c>,
/// <c>resourceId</c>, <c>items</c>, <c>description</c>, <c>recordReference</c>, <c>proposedCorrection</c>,
/// <c>reporter</c> — for data the department obtained (a grant, or unconditional data), tells the provider and, where
/// the profile says so (<c>policy.rules.objectionCopiedToOffice</c>), sends the office a copy.
/// </summary>
public sealed class RegisterObjectionActivity : IActivity
{
    public string Name => "objection.register";

    public string Description => "数据异议: files the data objection from the start variables (requesterDepartment, resourceId, items, description, recordReference, proposedCorrection, reporter) and tells the provider (and the office where the profile says so).";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var resourceId = variables.Id("resourceId");
        var resource = await context.Database.CatalogResources.SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException("resourceId", $"There is no catalog resource {resourceId}.");
        var requester = variables.Text("requesterDepartment");
        var obtained = resource.ShareType == ShareType.Unconditional
            || await context.Database.Grants.AnyAsync(g => g.GranteeDepartment == requester && g.ResourceId == resource.Id, cancellationToken).ConfigureAwait(false);
        var number = await CaseNumbers.NextAsync(context, "YY", cancellationToken).ConfigureAwait(false);
        var objection = DataObjection.File(
            context.InstanceId, number, resource, requester, obtained, variables.TextList("items"), variables.OptionalText("description"),
            variables.OptionalText("recordReference"), variables.OptionalText("proposedCorrection"), variables.Text("reporter"),
            variables.Rule("objectionCopiedToOffice") && variables.OptionalText("officeDepartment") is not null, context.Clock.GetUtcNow());
        context.Database.DataObjections.Add(objection);
        variables["objectionNumber"] = objection.Number;
        variables["providerDepartment"] = objection.ProviderDepartment;
        variables["resourceName"] = objection.ResourceName;
        var requesterName = await CaseNotices.NameOfAsync(context, requester, cancellationToken).ConfigureAwait(false);
        variables["requesterName"] = requesterName;

        var subject = $"数据异议 {objection.Number}：{requesterName} 对 {objection.ResourceName} 的数据有疑义";
        var body = $"数据项：{string.Join("、", objection.Items)}。问题：{objection.Description}"
            + (objection.RecordReference is null ? string.Empty : $"。涉及记录：{objection.RecordReference}")
            + (objection.ProposedCorrection is null ? string.Empty : $"。建议更正为：{objection.ProposedCorrection}")
            + $"。请核查更正；确因特殊原因无法及时完成的，出具书面意见（处理依据、处理计划、时限承诺）报共享主管部门审核（{CaseNotices.ArticleOrRegulation(context, "objection")}）。";
        NoticeWriter.Write(context, "objection", objection.ProviderDepartment, Roles.ProviderReviewer, null, subject, body);
        ObjectionCase.CopyToOffice(context, objection, $"（抄送）{subject}", body);
    }
}

/// <summary>
/// <c>objection.verify</c>: the provider's answer — <c>decision</c> (corrected | noError | plan), <c>result</c>, and for a
/// plan <c>planBasis</c>, <c>planSteps</c>, <c>committedDate</c> (yyyy-MM-dd, after today); <c>decidedBy</c>,
/// <c>actorDepartment</c>. A result goes to the requester to confirm; a plan goes to the office for review.
/// </summary>
public sealed class VerifyObjectionActivity : IActivity
{
    public string Name => "objection.verify";

    public string Description => "The provider's answer (decision corrected | noError | plan, result, planBasis, planSteps, committedDate, decidedBy, actorDepartment): a result goes to the requester, a plan to the office.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var objection = await ObjectionCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var department = variables.Text("actorDepartment");
        var by = variables.OptionalText("decidedBy") ?? "unknown";
        var now = context.Clock.GetUtcNow();
        switch (variables.OptionalText("decision"))
        {
            case "corrected":
            case "noError":
                objection.Verify(department, variables.OptionalText("decision") == "corrected" ? ObjectionFinding.Corrected : ObjectionFinding.NoErrorFound,
                    variables.OptionalText("result"), by, now);
                var subject = $"数据异议 {objection.Number} 核查结果：{ObjectionCase.Describe(objection.Finding)}";
                var body = $"{objection.ResourceName}（{string.Join("、", objection.Items)}）：{objection.VerificationResult}。请确认；如无法核对一致，请书面报告共享主管部门。";
                ObjectionCase.ToRequester(context, objection, "decision", subject, body);
                ObjectionCase.CopyToOffice(context, objection, $"（抄送）{subject}", body);
                break;
            case "plan":
                objection.SubmitPlan(department, variables.OptionalText("planBasis"), variables.OptionalText("planSteps"), variables.Date("committedDate"), now);
                var planSubject = $"数据异议 {objection.Number} 更正计划待审核";
                var planBody = $"{objection.ResourceName}：提供部门确因特殊原因无法及时完成处理，出具书面意见——处理依据：{objection.PlanBasis}；处理计划：{objection.PlanSteps}；承诺完成时限：{objection.CommittedDate:yyyy-MM-dd}。";
                CaseNotices.TellOffice(context, "review", planSubject, planBody + $"请审核（{CaseNotices.ArticleOrRegulation(context, "objection")}）。");

                ObjectionCase.ToRequester(context, objection, "objection", planSubject, planBody);
                break;
            default:
                throw new DomainException("decision", "Choose corrected, noError or plan.");
        }

        ObjectionCase.ClearDecisionInputs(context);
    }
}

/// <summary><c>objection.lapse</c>: the provider did not verify in time; the office takes the objection over and both principals are told.</summary>
public sealed class LapseObjectionActivity : IActivity
{
    public string Name => "objection.lapse";

    public string Description => "The provider did not verify in time: the office takes the objection over and both principals are told.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var objection = await ObjectionCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        objection.LapseVerification();
        var subject = $"数据异议 {objection.Number} 逾期未核查，已转共享主管部门处理";
        var body = $"{objection.ResourceName}：提供部门未在期限内完成核查更正，已转共享主管部门会同提供部门处理。";
        await CaseNotices.ToSupervisorAsync(context, "escalation", objection.ProviderDepartment, Roles.Supervisor, subject, body, cancellationToken).ConfigureAwait(false);
        CaseNotices.TellOffice(context, "escalation", subject, body);

        ObjectionCase.ToRequester(context, objection, "escalation", subject, body);
    }
}

/// <summary><c>objection.reviewPlan</c>: the office's review of the correction plan — <c>decision</c> (approve | reject), <c>opinion</c>, <c>decidedBy</c>.</summary>
public sealed class ReviewObjectionPlanActivity : IActivity
{
    public string Name => "objection.reviewPlan";

    public string Description => "The office's review of the correction plan (decision approve | reject, opinion, decidedBy).";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var objection = await ObjectionCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var approve = variables.OptionalText("decision") switch
        {
            "approve" => true,
            "reject" => false,
            _ => throw new DomainException("decision", "Choose approve or reject."),
        };
        objection.ReviewPlan(approve, variables.OptionalText("opinion"), variables.OptionalText("decidedBy") ?? "unknown");
        ObjectionCase.ClearDecisionInputs(context);
        if (approve && objection.CommittedDate is { } committed)
        {
            // The correction task is due on the committed date: one calendar day counted from the day before it.
            variables["planCommittedDate"] = committed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            variables["correctionCountedFrom"] = committed.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var subject = approve
            ? $"数据异议 {objection.Number} 更正计划已审核通过，承诺 {objection.CommittedDate:yyyy-MM-dd} 前完成"
            : $"数据异议 {objection.Number} 更正计划未通过审核";
        var body = approve
            ? $"{objection.ResourceName}：共享主管部门同意提供部门的更正计划，提供部门应于 {objection.CommittedDate:yyyy-MM-dd} 前完成更正并报告结果。" + (objection.PlanReviewOpinion is null ? string.Empty : $"审核意见：{objection.PlanReviewOpinion}")
            : $"{objection.ResourceName}：审核意见：{objection.PlanReviewOpinion}。请提供部门重新核查更正或修改计划。";
        NoticeWriter.Write(context, "decision", objection.ProviderDepartment, Roles.ProviderReviewer, null, subject, body);
        ObjectionCase.ToRequester(context, objection, "objection", subject, body);
    }
}

/// <summary><c>objection.reportCorrection</c>: the provider reports the approved plan carried out — <c>result</c>, <c>decidedBy</c>, <c>actorDepartment</c>.</summary>
public sealed class ReportObjectionCorrectionActivity : IActivity
{
    public string Name => "objection.reportCorrection";

    public string Description => "The provider reports the approved plan carried out (result, decidedBy, actorDepartment).";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var objection = await ObjectionCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        objection.ReportCorrection(variables.Text("actorDepartment"), variables.OptionalText("result"), variables.OptionalText("decidedBy") ?? "unknown", context.Clock.GetUtcNow());
        ObjectionCase.ClearDecisionInputs(context);
        var late = objection.VerifiedAt is { } at && Domain.Calendar.ChinaTime.DateOf(at) > objection.CommittedDate ? "（晚于承诺时限）" : string.Empty;
        var subject = $"数据异议 {objection.Number} 已按计划更正{late}";
        var body = $"{objection.ResourceName}：{objection.VerificationResult}。请确认；如无法核对一致，请书面报告共享主管部门。";
        ObjectionCase.ToRequester(context, objection, "decision", subject, body);
        CaseNotices.TellOffice(context, "copy", $"（抄送）{subject}", body);
    }
}

/// <summary>
/// <c>objection.confirm</c>: the requester's answer — <c>decision</c> (accept | disagree), <c>report</c> (the written
/// report to the office, required when disagreeing), <c>actorDepartment</c>.
/// </summary>
public sealed class ConfirmObjectionActivity : IActivity
{
    public string Name => "objection.confirm";

    public string Description => "The requester's answer (decision accept | disagree, report, actorDepartment); disagreeing needs a written report to the office.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var objection = await ObjectionCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var accept = variables.OptionalText("decision") switch
        {
            "accept" => true,
            "disagree" => false,
            _ => throw new DomainException("decision", "Choose accept or disagree."),
        };
        objection.Confirm(variables.Text("actorDepartment"), accept, variables.OptionalText("report"), context.Clock.GetUtcNow());
        ObjectionCase.ClearDecisionInputs(context);
        if (accept)
        {
            var subject = $"数据异议 {objection.Number} 已办结";
            var body = $"{objection.ResourceName}：使用部门确认核查结果（{ObjectionCase.Describe(objection.Finding)}）。";
            NoticeWriter.Write(context, "decision", objection.ProviderDepartment, Roles.ProviderReviewer, null, subject, body);
            ObjectionCase.CopyToOffice(context, objection, $"（抄送）{subject}", body);
            return;
        }

        var reportSubject = $"数据异议 {objection.Number} 无法核对一致，书面报告";
        var reportBody = $"{variables.OptionalText("requesterName")} 对 {objection.ResourceName} 的数据与提供部门无法核对一致。书面报告：{objection.Report}。提供部门意见：{objection.VerificationResult}。请会同提供部门处理，并将处理结果书面反馈使用部门（{CaseNotices.ArticleOrRegulation(context, "objection")}）。";
        CaseNotices.TellOffice(context, "report", reportSubject, reportBody);

        NoticeWriter.Write(context, "objection", objection.ProviderDepartment, Roles.ProviderReviewer, null, reportSubject, reportBody);
    }
}

/// <summary>
/// <c>objection.handle</c>: the office, with the provider, settles the matter and answers the requester in writing —
/// <c>finding</c> (corrected | noError), <c>result</c>, <c>decidedBy</c>.
/// </summary>
public sealed class HandleObjectionActivity : IActivity
{
    public string Name => "objection.handle";

    public string Description => "The office settles the objection with the provider and answers the requester in writing (finding corrected | noError, result, decidedBy).";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var objection = await ObjectionCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var finding = variables.OptionalText("finding") switch
        {
            "corrected" => ObjectionFinding.Corrected,
            "noError" => ObjectionFinding.NoErrorFound,
            _ => throw new DomainException("finding", "Choose corrected or noError."),
        };
        objection.Handle(finding, variables.OptionalText("result"), variables.OptionalText("decidedBy") ?? "unknown", context.Clock.GetUtcNow());
        await DocumentNumbers.IssueAsync(context, DocumentKind.ObjectionAnswer, variables.OptionalText("officeDepartment") ?? objection.ProviderDepartment, DataObjections.ProcessKey,
            CaseNotices.ArticleOrRegulation(context, "objection"), variables.OptionalText("decidedBy"), cancellationToken).ConfigureAwait(false);
        ObjectionCase.ClearDecisionInputs(context);
        var subject = $"数据异议 {objection.Number} 处理结果书面反馈";
        var body = $"{objection.ResourceName}（{string.Join("、", objection.Items)}）：{ObjectionCase.Describe(objection.Finding)}。处理结果：{objection.OfficeResult}（{CaseNotices.ArticleOrRegulation(context, "objection")}）。";
        ObjectionCase.ToRequester(context, objection, "written-answer", subject, body);
        NoticeWriter.Write(context, "written-answer", objection.ProviderDepartment, Roles.ProviderReviewer, null, subject, body);
    }
}
