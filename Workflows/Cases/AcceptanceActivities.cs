using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Projects;
using ShareFlow.Workflows.Activities;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// The activities of the project-acceptance data process (项目验收数据汇交). The submission's id is its process instance's
/// id; the project is found from the submission.
/// </summary>
internal static class Acceptance
{
    public static async Task<AcceptanceSubmission> LoadAsync(ActivityContext context, CancellationToken cancellationToken) =>
        await context.Database.AcceptanceSubmissions.FindAsync([context.InstanceId], cancellationToken).ConfigureAwait(false)
        ?? throw new DomainException($"The process {context.InstanceId} has no acceptance-data submission.");

    public static async Task<Project> ProjectOfAsync(ActivityContext context, AcceptanceSubmission submission, CancellationToken cancellationToken) =>
        await context.Database.Projects.FindAsync([submission.ProjectId], cancellationToken).ConfigureAwait(false)
        ?? throw new DomainException($"There is no project {submission.ProjectId}.");
}

/// <summary>
/// <c>acceptance.register</c>: the project is declared completed on <c>completionDate</c> (by <c>declaredBy</c> of
/// <c>declaredByDepartment</c>) and its acceptance-data case opens. A completion date in the future, a project already
/// declared, or a department that is neither the building department nor the coordinating office rejects the start.
/// </summary>
public sealed class RegisterAcceptanceSubmissionActivity : IActivity
{
    public string Name => "acceptance.register";

    public string Description => "项目验收数据汇交: the project is declared completed on completionDate (declaredBy, declaredByDepartment) and its acceptance-data case opens.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var projectId = variables.Id("projectId");
        var project = await context.Database.Projects.FindAsync([projectId], cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException($"There is no project {projectId}.");
        var completionDate = variables.Date("completionDate") ?? throw new DomainException("completionDate", "Give the completion date (竣工日期), yyyy-MM-dd.");
        var department = variables.Text("declaredByDepartment");
        var isOffice = await context.Database.Departments.AnyAsync(d => d.Code == department && d.Kind == DepartmentKind.CoordinatingOffice, cancellationToken).ConfigureAwait(false);
        var now = context.Clock.GetUtcNow();
        project.DeclareCompletion(completionDate, department, isOffice, context.InstanceId, now);
        var number = await CaseNumbers.NextAsync(context, "YS", cancellationToken).ConfigureAwait(false);
        var submission = AcceptanceSubmission.Open(context.InstanceId, number, project, now);
        context.Database.AcceptanceSubmissions.Add(submission);
        variables["submissionNumber"] = submission.Number;
        variables["projectCode"] = project.Code;
        variables["projectName"] = project.Name;
        variables["buildingDepartment"] = project.BuildingDepartment;
    }
}

/// <summary>
/// <c>acceptance.submit</c>: records the data the building department submitted — variables <c>submittedEntries</c>
/// (catalog entries), <c>dataDescription</c>, <c>submittedBy</c>, <c>submittingDepartment</c>. Another department, or no
/// entry, rejects the completion: the task stays open and nothing changes.
/// </summary>
public sealed class SubmitAcceptanceDataActivity : IActivity
{
    public string Name => "acceptance.submit";

    public string Description => "Records the data the building department submitted (submittedEntries, dataDescription, submittedBy, submittingDepartment).";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var submission = await Acceptance.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        submission.Submit(
            variables.Text("submittingDepartment"), variables.TextList("submittedEntries"), variables.OptionalText("dataDescription"),
            variables.OptionalText("submittedBy") ?? "unknown", context.Clock.GetUtcNow());
        variables["round"] = submission.Round;
        var missing = submission.MissingEntries;
        CaseNotices.TellOffice(context, "submission",
            $"项目 {submission.ProjectName} 已提交验收数据（第 {submission.Round} 次）",
            $"{submission.ProjectName}（{submission.ProjectCode}）提交了 {string.Join("、", submission.SubmittedEntries)} 的数据，请在规定期限内审查并出具审查意见。"
            + (missing.Count == 0 ? string.Empty : $" 共享目录中尚未提交：{string.Join("、", missing)}。"));
    }
}

/// <summary>
/// <c>acceptance.review</c>: records the office's opinion — variables <c>opinion</c> (passed | failed), <c>reasons</c>,
/// <c>reviewedBy</c> — as the submission's latest opinion and as a record of its own. A failed opinion without reasons
/// rejects the completion. The building department is told; after a failure it has <c>rectification.days</c> working
/// days to correct and resubmit.
/// </summary>
public sealed class ReviewAcceptanceDataActivity : IActivity
{
    public string Name => "acceptance.review";

    public string Description => "Records the office's opinion (opinion passed | failed, reasons, reviewedBy) and tells the building department; a failure gives it rectification.days to correct.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var submission = await Acceptance.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var opinion = variables.OptionalText("opinion") switch
        {
            "passed" => AcceptanceOpinion.Passed,
            "failed" => AcceptanceOpinion.Failed,
            _ => throw new DomainException("opinion", "Choose passed or failed."),
        };
        var now = context.Clock.GetUtcNow();
        var review = submission.RecordOpinion(Guid.CreateVersion7(now), opinion, variables.OptionalText("reasons"), variables.OptionalText("reviewedBy") ?? "unknown", now);
        context.Database.AcceptanceReviews.Add(review);

        var article = variables.Article("acceptance");
        var (subject, body) = opinion == AcceptanceOpinion.Passed
            ? ($"项目 {submission.ProjectName} 验收数据审查通过",
               $"{submission.ProjectName}（{submission.ProjectCode}）第 {submission.Round} 次提交的数据符合要求，审查通过，财政资金准予拨付（{article}）。")
            : ($"项目 {submission.ProjectName} 验收数据审查不合格，请限期整改",
               $"{submission.ProjectName}（{submission.ProjectCode}）第 {submission.Round} 次提交的数据不符合要求：{submission.OpinionReasons}。"
               + $"请在 {context.Variables.Days("rectification.days")?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "规定"} 个工作日内整改后重新提交；审查通过前财政资金不予拨付，项目不得投入使用（{article}）。");
        NoticeWriter.Write(context, "decision", submission.BuildingDepartment, Roles.RequestingClerk, submission.SubmittedBy, subject, body);
    }
}

/// <summary>
/// <c>acceptance.openPaymentGate</c>: the review passed, so the project's payment gate opens; the finance bureau (财政局)
/// and the building department are told.
/// </summary>
public sealed class OpenPaymentGateActivity : IActivity
{
    public string Name => "acceptance.openPaymentGate";

    public string Description => "The review passed: the project's payment gate opens and the finance bureau and the building department are told.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var submission = await Acceptance.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var project = await Acceptance.ProjectOfAsync(context, submission, cancellationToken).ConfigureAwait(false);
        var article = context.Variables.Article("acceptance");
        project.OpenPaymentGate(submission, article, context.Clock.GetUtcNow());
        var subject = $"项目 {project.Name} 验收数据审查通过，准予拨付";
        var body = $"{project.Name}（{project.Code}，建设单位 {project.BuildingDepartment}）的验收数据已经共享主管部门审查通过，依据{article}可以拨付财政资金，项目可以投入使用。";
        var finance = await context.Database.Departments.Where(d => d.Kind == DepartmentKind.Finance).OrderBy(d => d.Code).Select(d => d.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var department in finance)
        {
            NoticeWriter.Write(context, "payment-gate", department, Roles.Finance, null, subject, body);
        }
    }
}

/// <summary>
/// <c>acceptance.submissionOverdue</c>: a submission period (the first, or the correction after a failed review) passed
/// without data. The building department's principal and the coordinating office are told; the payment gate stays
/// closed and the task stays with the department.
/// </summary>
public sealed class AcceptanceSubmissionOverdueActivity : IActivity
{
    public string Name => "acceptance.submissionOverdue";

    public string Description => "A submission period passed without data: the building department's principal and the office are told; the payment gate stays closed.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var submission = await Acceptance.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        submission.MarkSubmissionOverdue();
        var article = context.Variables.Article("acceptance");
        var what = submission.Status == AcceptanceStatus.Failed ? "整改后重新提交" : "提交验收数据";
        var subject = $"项目 {submission.ProjectName} 逾期未{what}";
        var body = $"{submission.ProjectName}（{submission.ProjectCode}）于 {submission.CompletionDate:yyyy-MM-dd} 竣工，建设单位未在期限内{what}（{article}）；审查通过前财政资金不予拨付，项目不得投入使用。";
        await CaseNotices.ToSupervisorAsync(context, "escalation", submission.BuildingDepartment, Roles.Supervisor, subject, body, cancellationToken).ConfigureAwait(false);
        CaseNotices.TellOffice(context, "escalation", subject, body);
    }
}

/// <summary>
/// <c>acceptance.reviewOverdue</c>: the office did not review within its period. Its principal is told, and the
/// building department learns that the delay is not its own; the payment gate stays closed until an opinion passes.
/// </summary>
public sealed class AcceptanceReviewOverdueActivity : IActivity
{
    public string Name => "acceptance.reviewOverdue";

    public string Description => "The office did not review within its period: its principal is told and the building department learns the delay is not its own.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var submission = await Acceptance.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        submission.MarkReviewOverdue();
        var article = context.Variables.Article("acceptance");
        var subject = $"项目 {submission.ProjectName} 验收数据逾期未审查";
        var body = $"{submission.ProjectName}（{submission.ProjectCode}）第 {submission.Round} 次提交的数据未在期限内审查并出具审查意见（{article}）；审查意见出具前财政资金不予拨付。";
        if (context.Variables.OptionalText("officeDepartment") is { } office)
        {
            await CaseNotices.ToSupervisorAsync(context, "escalation", office, Roles.Supervisor, subject, body, cancellationToken).ConfigureAwait(false);
        }

        NoticeWriter.Write(context, "escalation", submission.BuildingDepartment, Roles.RequestingClerk, null, subject, body);
    }
}
