using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Activities;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// What the activities of the catalog-change process (目录变更) share. The change's id is its process instance's id, so
/// the case and its process are created in one transaction and found from each other.
/// </summary>
internal static class CatalogChangeCase
{
    public static async Task<CatalogChange> LoadAsync(ActivityContext context, CancellationToken cancellationToken) =>
        await context.Database.CatalogChanges.FindAsync([context.InstanceId], cancellationToken).ConfigureAwait(false)
        ?? throw new DomainException($"The process {context.InstanceId} has no catalog change.");

    /// <summary>The article of <paramref name="rule"/>, or of <paramref name="fallback"/> when the profile names none for it.</summary>
    public static string ArticleOr(this JsonObject variables, string rule, string fallback) =>
        variables["policy"]?["articles"]?[rule] is not null ? variables.Article(rule) : variables.Article(fallback);

    public static string Today(ActivityContext context) =>
        ChinaTime.DateOf(context.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The decision was taken by someone of the coordinating office (variable <paramref name="departmentVariable"/>).</summary>
    public static void RequireOffice(ActivityContext context, string departmentVariable, string what)
    {
        var office = context.Variables.OptionalText("officeDepartment");
        var actor = context.Variables.OptionalText(departmentVariable);
        if (office is null || actor != office)
        {
            throw new DomainException($"Only the coordinating office ({office ?? "none configured"}) can {what}.");
        }
    }

    /// <summary>The catalog entry a proposal names, tracked (it may be superseded); null when none is named.</summary>
    public static async Task<CatalogResource?> ResourceAsync(ActivityContext context, Guid? resourceId, CancellationToken cancellationToken) =>
        resourceId is { } id
            ? await context.Database.CatalogResources.FindAsync([id], cancellationToken).ConfigureAwait(false)
                ?? throw new DomainException("resourceId", $"There is no catalog entry {id}.")
            : null;

    public static async Task RequireFreeCodeAsync(ActivityContext context, string? code, CancellationToken cancellationToken)
    {
        if (code is not null && await context.Database.CatalogResources.AnyAsync(r => r.Code == code, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainException("code", $"The catalog already has an entry {code}; choose another code, or change that entry instead.");
        }
    }
}

/// <summary>
/// <c>catalog.register</c>: opens the change from the start variables (<c>changeNumber</c> = the business key,
/// <c>department</c>, <c>trigger</c>, <c>eventDate</c>, <c>eventDescription</c>, <c>openedBy</c>) and sets
/// <c>submissionBasisDate</c>, the day the submission period counts from: the event's date.
/// </summary>
public sealed class RegisterCatalogChangeActivity : IActivity
{
    public string Name => "catalog.register";

    public string Description => "目录变更: opens the catalog change from the start variables (changeNumber, department, trigger, eventDate, eventDescription, openedBy) and sets submissionBasisDate, the event's date the submission period counts from.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var departmentCode = variables.OptionalText("department") ?? throw new DomainException("department", "Name the department whose catalog changes.");
        var department = await context.Database.Departments.FindAsync([departmentCode], cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException("department", $"There is no department {departmentCode}.");
        if (department.Kind != DepartmentKind.Ordinary)
        {
            throw new DomainException("department", $"{department.Name} keeps no data catalog of its own to change.");
        }

        var eventDate = variables.Date("eventDate") ?? throw new DomainException("eventDate", "Give the date of the event (yyyy-MM-dd): the period counts from it.");
        var trigger = CatalogChangeNames.ParseTrigger(variables.OptionalText("trigger"));
        var change = CatalogChange.Open(
            context.InstanceId, context.BusinessKey ?? variables.Text("changeNumber"), departmentCode, trigger, eventDate, variables.OptionalText("eventDescription"),
            variables.Text("openedBy"), context.Clock.GetUtcNow());
        change.ProcessInstanceId = context.InstanceId;
        context.Database.CatalogChanges.Add(change);
        variables["changeId"] = change.Id.ToString();
        variables["changeNumber"] = change.Number;
        variables["departmentName"] = department.Name;
        variables["submissionBasisDate"] = eventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var days = variables.Days("catalog.changeDays") ?? 0;
        NoticeWriter.Write(context, "assignment", departmentCode, Roles.ProviderReviewer, null,
            $"目录变更 {change.Number}：请于 {days} 个工作日内提交变更申请",
            $"因{trigger.ToChineseName()}（{change.EventDescription}，{eventDate:yyyy-MM-dd}），{department.Name}的政务数据资源目录需要调整。"
            + $"依据{variables.Article("catalog.change")}，应自变化之日起 {days} 个工作日内提交目录变更申请。");
    }
}

/// <summary>
/// <c>catalog.submit</c>: the department's proposal — variables <c>changeKind</c> (add | modify | stop), <c>resourceId</c>,
/// <c>resourceCode</c>, <c>resourceName</c>, <c>shareType</c>, <c>dataItems</c>, <c>legalBasis</c>, <c>reasons</c>,
/// <c>submittedBy</c>, <c>submitterDepartment</c>. A proposal the rules refuse (another department, a conditional entry
/// without legal basis, a stop without reasons...) rejects the completion. Where the profile requires it
/// (<c>policy.rules.catalogChangeNeedsPriorFiling</c>: Shenyang arts. 23, 27; Hebei) the change is filed with the office
/// now, before the office decides and before anything takes effect.
/// </summary>
public sealed class SubmitCatalogChangeActivity : IActivity
{
    public string Name => "catalog.submit";

    public string Description => "The department's proposal (changeKind add | modify | stop, resource fields, dataItems, legalBasis, reasons, submittedBy, submitterDepartment); files it with the office first where the profile requires it.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var change = await CatalogChangeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var kind = CatalogChangeNames.ParseKind(variables.OptionalText("changeKind"));
        Guid? resourceId = variables.OptionalText("resourceId") is { } text
            ? Guid.TryParse(text, out var id) ? id : throw new DomainException("resourceId", $"'{text}' is not an id.")
            : null;
        var current = await CatalogChangeCase.ResourceAsync(context, resourceId, cancellationToken).ConfigureAwait(false);
        var proposal = new CatalogChangeProposal(
            kind, resourceId, variables.OptionalText("resourceCode"), variables.OptionalText("resourceName"),
            variables.OptionalText("shareType") is { } type ? CatalogChangeNames.ParseShareType(type) : null,
            variables.TextList("dataItems"), variables.OptionalText("legalBasis"), variables.OptionalText("reasons"));
        var now = context.Clock.GetUtcNow();
        change.Submit(proposal, current, variables.Text("submitterDepartment"), variables.Text("submittedBy"), now);
        if (kind == CatalogChangeKind.Add)
        {
            await CatalogChangeCase.RequireFreeCodeAsync(context, change.ResourceCode, cancellationToken).ConfigureAwait(false);
        }

        var filed = false;
        if (variables.Rule("catalogChangeNeedsPriorFiling"))
        {
            var article = kind == CatalogChangeKind.Stop ? variables.ArticleOr("catalog.stop", "catalog.change") : variables.Article("catalog.change");
            context.Database.Filings.Add(new Filing(
                Guid.CreateVersion7(now), kind == CatalogChangeKind.Stop ? "catalog-stop" : "catalog-change", change.Id, change.Department,
                $"{change.Number} {change.Describe()}" + (change.ProposedLegalBasis is null ? string.Empty : $"；依据：{change.ProposedLegalBasis}"), article, now));
            filed = true;
        }

        variables["changeKind"] = kind.ToWireName();
        variables["resourceName"] = change.ProposedName;
        var late = change.OverdueSince is null ? string.Empty : "（逾期提交）";
        CaseNotices.TellOffice(context, "review", $"目录变更 {change.Number} 待审核{late}",
            $"{variables.OptionalText("departmentName") ?? change.Department}提交：{change.Describe()}。" + (filed ? "已备案。" : string.Empty)
            + $"请于 {(variables.Days("catalog.reviewDays") ?? 0)} 个工作日内审核（{variables.ArticleOr("catalog.review", "catalog.change")}）。");
    }
}

/// <summary><c>catalog.withdraw</c>: the department finds no change is needed (variables <c>reasons</c>, <c>submitterDepartment</c>).</summary>
public sealed class WithdrawCatalogChangeActivity : IActivity
{
    public string Name => "catalog.withdraw";

    public string Description => "The department finds no change is needed (reasons, submitterDepartment).";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var change = await CatalogChangeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        change.Withdraw(context.Variables.Text("submitterDepartment"), context.Variables.OptionalText("reasons"), context.Clock.GetUtcNow());
        CaseNotices.TellOffice(context, "decision", $"目录变更 {change.Number} 已撤回",
            $"{context.Variables.OptionalText("departmentName") ?? change.Department}认为目录无需调整：{change.WithdrawalReasons}");
    }
}

/// <summary>
/// <c>catalog.overdue</c>: the submission period ran out. The department's principal and the office are told; the
/// department keeps its task (the change is still owed) and the office gets a follow-up task.
/// </summary>
public sealed class CatalogChangeOverdueActivity : IActivity
{
    public string Name => "catalog.overdue";

    public string Description => "The submission period ran out: the department's principal and the office are told; the department keeps its task and the office gets a follow-up.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var change = await CatalogChangeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        change.MarkOverdue(context.Clock.GetUtcNow());
        var subject = $"目录变更 {change.Number} 逾期未提交";
        var body = $"{context.Variables.OptionalText("departmentName") ?? change.Department}未在期限内提交目录变更申请（{context.Variables.Article("catalog.change")}；"
            + $"事由：{change.EventDescription}，{change.EventDate:yyyy-MM-dd}），已提请共享主管部门督办。";
        await CaseNotices.ToSupervisorAsync(context, "escalation", change.Department, Roles.Supervisor, subject, body, cancellationToken).ConfigureAwait(false);
        CaseNotices.TellOffice(context, "escalation", subject, body);
    }
}

/// <summary>
/// <c>catalog.followUp</c>: the office's follow-up of an overdue submission — <c>officeAction</c> <c>urge</c> (催办: the
/// department and its principal are told, with <c>followUpNote</c>) or <c>rectify</c> (an order to correct,
/// <c>rectificationOrderId</c>, was issued; its own process tells the department).
/// </summary>
public sealed class FollowUpCatalogChangeActivity : IActivity
{
    public string Name => "catalog.followUp";

    public string Description => "The office's follow-up of an overdue submission (officeAction urge | rectify, followUpNote, rectificationOrderId).";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        CatalogChangeCase.RequireOffice(context, "actorDepartment", "follow up an overdue catalog change");
        var change = await CatalogChangeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        switch (context.Variables.OptionalText("officeAction"))
        {
            case "urge":
                await CaseNotices.TellWithPrincipalAsync(context, "urge", change.Department, Roles.ProviderReviewer,
                    $"催办：目录变更 {change.Number} 已逾期",
                    $"请尽快提交目录变更申请（事由：{change.EventDescription}）。" + (context.Variables.OptionalText("followUpNote") is { } note ? $" 共享主管部门意见：{note}" : string.Empty),
                    cancellationToken).ConfigureAwait(false);
                break;
            case "rectify":
                _ = context.Variables.Id("rectificationOrderId");
                break;
            default:
                throw new DomainException("officeAction", "Choose urge or rectify.");
        }
    }
}

/// <summary>
/// <c>catalog.requestExtension</c>: the department asks for more time (message <c>catalogExtensionRequested</c>, variables
/// <c>extensionReasons</c>, <c>extensionRequestedBy</c>, <c>extensionRequesterDepartment</c>, <c>submissionDueDate</c>).
/// Refused as bad input when the profile has no extension (catalog.extensionDays = 0), after the deadline, twice, or from
/// another department. The office is asked to consent.
/// </summary>
public sealed class RequestCatalogExtensionActivity : IActivity
{
    public string Name => "catalog.requestExtension";

    public string Description => "The department asks for more time (extensionReasons, extensionRequestedBy, extensionRequesterDepartment); refused when the profile has no extension, after the deadline or twice. The office is asked to consent.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var change = await CatalogChangeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var due = variables.Date("submissionDueDate") ?? throw new DomainException("The submission deadline is not known.");
        var days = variables.Days("catalog.extensionDays") ?? 0;
        change.RequestExtension(variables.Text("extensionRequesterDepartment"), variables.Text("extensionRequestedBy"), variables.OptionalText("extensionReasons"), days, due, context.Clock.GetUtcNow());
        CaseNotices.TellOffice(context, "extension", $"目录变更 {change.Number} 申请延期",
            $"{variables.OptionalText("departmentName") ?? change.Department}申请将提交期限（{due:yyyy-MM-dd}）延长 {days} 个工作日，理由：{change.ExtensionReasons}。"
            + $"请在期限届满前决定是否同意（{variables.ArticleOr("catalog.extension", "catalog.change")}）。");
    }
}

/// <summary>
/// <c>catalog.decideExtension</c>: the office consents or not (<c>extensionDecision</c> approve | refuse,
/// <c>extensionOpinion</c>, <c>extensionDecidedBy</c>, <c>actorDepartment</c>); sets <c>extensionGranted</c>. The
/// deadline itself is moved by the process's <c>sf:extendDeadlineOf</c> step.
/// </summary>
public sealed class DecideCatalogExtensionActivity : IActivity
{
    public string Name => "catalog.decideExtension";

    public string Description => "The office consents to the extension or not (extensionDecision approve | refuse, extensionOpinion, extensionDecidedBy); sets extensionGranted. The deadline itself moves in an sf:extendDeadlineOf step.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        CatalogChangeCase.RequireOffice(context, "actorDepartment", "decide on an extension");
        var change = await CatalogChangeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var officer = variables.OptionalText("extensionDecidedBy") ?? "unknown";
        var days = variables.Days("catalog.extensionDays") ?? 0;
        switch (variables.OptionalText("extensionDecision"))
        {
            case "approve":
                change.GrantExtension(officer, variables.OptionalText("extensionOpinion"), days);
                variables["extensionGranted"] = true;
                NoticeWriter.Write(context, "decision", change.Department, Roles.ProviderReviewer, change.ExtensionRequestedBy,
                    $"目录变更 {change.Number} 延期申请已同意", $"共享主管部门同意将提交期限延长 {days} 个工作日（{variables.ArticleOr("catalog.extension", "catalog.change")}）。");
                break;
            case "refuse":
                change.RefuseExtension(officer, variables.OptionalText("extensionOpinion"));
                variables["extensionGranted"] = false;
                NoticeWriter.Write(context, "decision", change.Department, Roles.ProviderReviewer, change.ExtensionRequestedBy,
                    $"目录变更 {change.Number} 延期申请未获同意", $"提交期限不变。理由：{change.ExtensionOpinion}");
                break;
            default:
                throw new DomainException("extensionDecision", "Choose approve or refuse.");
        }
    }
}

/// <summary>
/// <c>catalog.decide</c>: the office's review (<c>reviewDecision</c> approve | return, <c>reviewOpinion</c>,
/// <c>reviewedBy</c>, <c>actorDepartment</c>). Approval writes the new catalog version and keeps the old one as
/// superseded; departments holding grants on a changed or stopped entry are told. A return needs reasons and restarts
/// the department's submission period from today.
/// </summary>
public sealed class DecideCatalogChangeActivity : IActivity
{
    public string Name => "catalog.decide";

    public string Description => "The office's review (reviewDecision approve | return, reviewOpinion, reviewedBy): approval writes the new catalog version and tells the grant holders; a return restarts the submission period.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        CatalogChangeCase.RequireOffice(context, "actorDepartment", "review a catalog change");
        var change = await CatalogChangeCase.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var reviewer = variables.OptionalText("reviewedBy") ?? "unknown";
        var now = context.Clock.GetUtcNow();
        switch (variables.OptionalText("reviewDecision"))
        {
            case "approve":
                var current = await CatalogChangeCase.ResourceAsync(context, change.ResourceId, cancellationToken).ConfigureAwait(false);
                if (change.Kind == CatalogChangeKind.Add)
                {
                    await CatalogChangeCase.RequireFreeCodeAsync(context, change.ResourceCode, cancellationToken).ConfigureAwait(false);
                }

                var next = change.Approve(current, Guid.CreateVersion7(now), reviewer, variables.OptionalText("reviewOpinion"), now);
                context.Database.CatalogResources.Add(next);
                variables["newResourceId"] = next.Id.ToString();
                NoticeWriter.Write(context, "decision", change.Department, Roles.ProviderReviewer, change.SubmittedBy,
                    $"目录变更 {change.Number} 已审核通过", $"{change.Describe()}，目录已更新为第 {next.Version} 版。");
                if (current is not null)
                {
                    await TellGranteesAsync(context, change, current, next, cancellationToken).ConfigureAwait(false);
                }

                break;
            case "return":
                change.Return(reviewer, variables.OptionalText("reviewOpinion"), now);
                variables["submissionBasisDate"] = CatalogChangeCase.Today(context);
                NoticeWriter.Write(context, "decision", change.Department, Roles.ProviderReviewer, change.SubmittedBy,
                    $"目录变更 {change.Number} 已退回修改",
                    $"共享主管部门退回理由：{change.ReviewOpinion}。请修改后于 {(variables.Days("catalog.changeDays") ?? 0)} 个工作日内重新提交。");
                break;
            default:
                throw new DomainException("reviewDecision", "Choose approve or return.");
        }
    }

    /// <summary>Departments using the entry learn that it changed or is no longer provided.</summary>
    private static async Task TellGranteesAsync(ActivityContext context, CatalogChange change, CatalogResource previous, CatalogResource next, CancellationToken cancellationToken)
    {
        var removed = previous.DataItems.Except(next.DataItems, StringComparer.Ordinal).ToList();
        var stopped = next.Status == CatalogStatus.Stopped;
        if (!stopped && removed.Count == 0 && previous.ShareType == next.ShareType)
        {
            return;
        }

        var grantees = await context.Database.Grants.Where(g => g.ResourceId == previous.Id).Select(g => g.GranteeDepartment).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        var subject = stopped ? $"目录资源“{previous.Name}”停止提供" : $"目录资源“{previous.Name}”已变更";
        var body = stopped
            ? $"{change.Department}停止提供“{previous.Name}”（{previous.Code}），理由：{change.Reasons}。"
            : $"“{previous.Name}”（{previous.Code}）已更新为第 {next.Version} 版：共享类型 {next.ShareType.ToChineseName()}"
                + (removed.Count > 0 ? $"，不再提供 {string.Join("、", removed)}" : string.Empty) + "。";
        foreach (var grantee in grantees.Order(StringComparer.Ordinal))
        {
            NoticeWriter.Write(context, "catalog-update", grantee, Roles.RequestingClerk, null, subject, body);
        }
    }
}
