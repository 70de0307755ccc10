using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Supervision;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Documents;

namespace ShareFlow.Workflows.Cases;

/// <summary>What the activities of the rectification-order process (限期整改) share. The order's id is its process instance's id.</summary>
internal static class Rectification
{
    public static async Task<RectificationOrder> LoadAsync(ActivityContext context, CancellationToken cancellationToken) =>
        await context.Database.RectificationOrders.FindAsync([context.InstanceId], cancellationToken).ConfigureAwait(false)
        ?? throw new DomainException($"The process {context.InstanceId} has no rectification order.");

    /// <summary>
    /// Who decides when the deadline passes: the last dispute tier of the profile (领导小组, 市政府...), held by the
    /// department of that kind when there is one; for a single-tier profile, the coordinating office's principal.
    /// </summary>
    public static async Task<(string Name, string? Department, string Role, string? Assignee)> TopTierAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var office = context.Variables.OptionalText("officeDepartment");
        var tiers = context.Variables["policy"]?["disputeTiers"] as JsonArray;
        var officeName = office is null ? null : await context.Database.Departments.Where(d => d.Code == office).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (tiers is null || tiers.Count <= 1)
        {
            var principal = office is null ? null : await CaseNotices.SupervisorOfAsync(context, office, cancellationToken).ConfigureAwait(false);
            return ($"{officeName ?? context.Variables["policy"]?["coordinatingOffice"]?.GetValue<string>() ?? "共享主管部门"}主要负责人", office, Roles.Supervisor, principal);
        }

        var last = tiers[^1]!;
        var role = last["role"]?.GetValue<string>() ?? Roles.CoordinatingOffice;
        var decider = last["decider"]?.GetValue<string>() ?? role;
        var kind = role switch
        {
            Roles.LeadingGroup => DepartmentKind.LeadingGroup,
            Roles.CityGovernment => DepartmentKind.CityGovernment,
            _ => DepartmentKind.CoordinatingOffice,
        };
        var department = kind == DepartmentKind.CoordinatingOffice
            ? office
            : await context.Database.Departments.Where(d => d.Kind == kind).OrderBy(d => d.Code).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return (decider, department, role, null);
    }
}

/// <summary>
/// <c>rectification.register</c>: issues the order from the start variables (<c>subjectCaseId</c>, <c>subjectNumber</c>,
/// <c>department</c>, <c>reasons</c>, <c>issuedBy</c>, <c>officeDepartment</c>, <c>policy</c>) — whether the office issued
/// it directly or its coordination of a sharing application called this process. Sets the top tier's assignment
/// (<c>topTier</c>, <c>topTierDepartment</c>, <c>topTierRole</c>, <c>topTierAssignee</c>) and tells the department.
/// </summary>
public sealed class RegisterRectificationOrderActivity : IActivity
{
    public string Name => "rectification.register";

    public string Description => "限期整改: issues the order to correct from the start variables (subjectCaseId, subjectNumber, department, reasons, issuedBy, officeDepartment, policy), sets the top tier's assignment and tells the department.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var departmentCode = variables.OptionalText("department");
        var department = departmentCode is null ? null : await context.Database.Departments.FindAsync([departmentCode], cancellationToken).ConfigureAwait(false);
        if (departmentCode is not null && department is null)
        {
            throw new DomainException($"There is no department {departmentCode}.");
        }

        var now = context.Clock.GetUtcNow();
        var article = variables.Article("rectification");
        var number = await CaseNumbers.NextAsync(context, "ZG", cancellationToken).ConfigureAwait(false);
        var order = RectificationOrder.Issue(
            context.InstanceId, number,
            variables.Id("subjectCaseId"), variables.OptionalText("subjectNumber"), departmentCode, variables.OptionalText("officeDepartment"),
            variables.OptionalText("reasons"), article, variables.OptionalText("issuedBy") ?? "unknown", now);
        order.ProcessInstanceId = context.InstanceId;
        context.Database.RectificationOrders.Add(order);
        if (variables.OptionalText("officeDepartment") is { } issuingOffice)
        {
            await DocumentNumbers.IssueAsync(context, DocumentKind.RectificationOrder, issuingOffice, RectificationOrders.ProcessKey, article, order.IssuedBy, cancellationToken).ConfigureAwait(false);
        }


        var top = await Rectification.TopTierAsync(context, cancellationToken).ConfigureAwait(false);
        variables["orderId"] = order.Id.ToString();
        variables["orderNumber"] = order.Number;
        variables["departmentName"] = department!.Name;
        variables["topTier"] = top.Name;
        variables["topTierDepartment"] = top.Department;
        variables["topTierRole"] = top.Role;
        variables["topTierAssignee"] = top.Assignee;

        var days = variables.Days("rectification.days") ?? 0;
        await CaseNotices.TellWithPrincipalAsync(context, "rectification", order.Department, Roles.Supervisor,
            $"责令限期整改通知 {order.Number}",
            $"{department.Name}：{order.Reasons}" + (order.SubjectNumber is null ? string.Empty : $"（{order.SubjectNumber}）")
            + $"。依据{article}，请于 {days} 个工作日内整改并报告整改情况；逾期不改正的，将予以通报批评并报{top.Name}处理。",
            cancellationToken).ConfigureAwait(false);
    }
}

/// <summary><c>rectification.report</c>: the department's principal reports the correction (<c>correction</c>, <c>reportedBy</c>, <c>actorDepartment</c>).</summary>
public sealed class ReportRectificationActivity : IActivity
{
    public string Name => "rectification.report";

    public string Description => "The department's principal reports the correction (variables correction, reportedBy, actorDepartment).";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var order = await Rectification.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        order.ReportCorrection(context.Variables.Text("actorDepartment"), context.Variables.OptionalText("reportedBy") ?? "unknown",
            context.Variables.OptionalText("correction"), context.Clock.GetUtcNow());
        CaseNotices.TellOffice(context, "review", $"整改情况待核查 {order.Number}",
            $"{context.Variables.OptionalText("departmentName") ?? order.Department}报告整改情况：{order.Correction}");
    }
}

/// <summary>
/// <c>rectification.verify</c>: the office accepts or rejects the correction (<c>verification</c> accept | reject,
/// <c>verificationOpinion</c>, <c>verifiedBy</c>, <c>actorDepartment</c>); a rejection sends the department back to
/// correct, with a fresh period.
/// </summary>
public sealed class VerifyRectificationActivity : IActivity
{
    public string Name => "rectification.verify";

    public string Description => "The office accepts or rejects the correction (verification accept | reject, verificationOpinion, verifiedBy, actorDepartment); a rejection sends the department back to correct, with a fresh period.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        CatalogChangeCase.RequireOffice(context, "actorDepartment", "verify a correction");
        var order = await Rectification.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var officer = variables.OptionalText("verifiedBy") ?? "unknown";
        var now = context.Clock.GetUtcNow();
        switch (variables.OptionalText("verification"))
        {
            case "accept":
                order.Accept(officer, variables.OptionalText("verificationOpinion"), now);
                await CaseNotices.TellWithPrincipalAsync(context, "decision", order.Department, Roles.Supervisor,
                    $"整改已通过核查 {order.Number}", $"共享主管部门确认已整改到位。{order.VerificationOpinion}", cancellationToken).ConfigureAwait(false);
                break;
            case "reject":
                order.Reject(officer, variables.OptionalText("verificationOpinion"), now);
                await CaseNotices.TellWithPrincipalAsync(context, "decision", order.Department, Roles.Supervisor,
                    $"整改未通过核查 {order.Number}",
                    $"理由：{order.VerificationOpinion}。请于 {(variables.Days("rectification.days") ?? 0)} 个工作日内重新整改并报告。", cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new DomainException("verification", "Choose accept or reject.");
        }
    }
}

/// <summary>
/// <c>rectification.escalate</c>: the deadline passed uncorrected (逾期不改正). A notice of criticism (通报批评) goes to the
/// department, its principal, the office and the top tier, who gets the matter to decide.
/// </summary>
public sealed class EscalateRectificationActivity : IActivity
{
    public string Name => "rectification.escalate";

    public string Description => "The deadline passed uncorrected: a notice of criticism goes to the department, its principal, the office and the top tier, who gets the matter to decide.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var order = await Rectification.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var topTier = variables.OptionalText("topTier") ?? "上级机关";
        order.Escalate(topTier, context.Clock.GetUtcNow());
        var subject = $"通报批评：{variables.OptionalText("departmentName") ?? order.Department}逾期未整改";
        var body = $"{variables.OptionalText("departmentName") ?? order.Department}未在期限内完成整改（{order.Number}：{order.Reasons}），"
            + $"依据{order.Article}予以通报批评，并报{topTier}处理。";
        await CaseNotices.TellWithPrincipalAsync(context, "criticism", order.Department, Roles.Supervisor, subject, body, cancellationToken).ConfigureAwait(false);
        CaseNotices.TellOffice(context, "criticism", subject, body);
        var topSubject = $"逾期未整改，请{topTier}处理 {order.Number}";
        var topDepartment = variables.OptionalText("topTierDepartment");
        if (variables.OptionalText("topTierAssignee") is { } principal)
        {
            NoticeWriter.Write(context, "escalation", topDepartment ?? order.Department, null, principal, topSubject, body);
        }
        else if (topDepartment is not null && variables.OptionalText("topTierRole") is { } role && role != Roles.CoordinatingOffice)
        {
            NoticeWriter.Write(context, "escalation", topDepartment, role, null, topSubject, body);
        }
    }
}

/// <summary>
/// <c>rectification.conclude</c>: the top tier records its decision (<c>measures</c>, <c>concludedBy</c>,
/// <c>actorDepartment</c>); only someone the top-tier task is for may do so.
/// </summary>
public sealed class ConcludeRectificationActivity : IActivity
{
    public string Name => "rectification.conclude";

    public string Description => "The top tier records its decision (measures, concludedBy, actorDepartment).";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var user = variables.OptionalText("concludedBy") ?? "unknown";
        if (variables.OptionalText("topTierAssignee") is { } assignee ? assignee != user
            : variables.OptionalText("topTierDepartment") is { } department && department != variables.OptionalText("actorDepartment"))
        {
            throw new DomainException($"The matter is for {variables.OptionalText("topTier")} to decide.");
        }

        var order = await Rectification.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        order.Conclude(user, variables.OptionalText("measures"), context.Clock.GetUtcNow());
        var subject = $"{order.TopTier}处理决定 {order.Number}";
        await CaseNotices.TellWithPrincipalAsync(context, "decision", order.Department, Roles.Supervisor, subject, order.Measures!, cancellationToken).ConfigureAwait(false);
        CaseNotices.TellOffice(context, "decision", subject, order.Measures!);
    }
}
