using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Host.Cases;
using ShareFlow.Host.Documents;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Apis;

/// <summary>
/// The case lists (办件列表) and their CSV export, with the same filters: <c>process</c>, <c>status</c>, <c>department</c>,
/// <c>overdue</c>, <c>submittedFrom</c>/<c>submittedTo</c>. A clerk or reviewer sees their own department's cases; the
/// coordinating office and auditors see all.
/// </summary>
internal static class CaseListApi
{
    /// <summary>More rows than this in one export is a sign the period is wrong: the caller is asked to narrow it.</summary>
    public const int MaxExportRows = 100_000;

    public static void MapCaseListApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sharing-applications").WithTags("Sharing applications").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapGet("/export.csv", ExportAsync).Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    private static async Task<Results<Ok<SharingApi.Paged<CaseRow>>, ValidationProblem>> ListAsync(
        HttpContext context, CaseListing listing, string? process, string? status, string? department, string? overdue, string? submittedFrom,
        string? submittedTo, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var errors = new QueryErrors();
        var (pageNumber, size) = errors.Paging(page, pageSize);
        var filter = await listing.ParseAsync(errors, process, status, department, overdue, submittedFrom, submittedTo, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (total, rows) = await listing.ListAsync(caller, filter, (pageNumber - 1) * size, size, cancellationToken);
        return TypedResults.Ok(new SharingApi.Paged<CaseRow>(rows, total, pageNumber, size));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        HttpContext context, CaseListing listing, IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock, string? process, string? status,
        string? department, string? overdue, string? submittedFrom, string? submittedTo, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var errors = new QueryErrors();
        var filter = await listing.ParseAsync(errors, process, status, department, overdue, submittedFrom, submittedTo, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (total, rows) = await listing.ListAsync(caller, filter, 0, MaxExportRows, cancellationToken);
        if (total > MaxExportRows)
        {
            errors.Add("submittedFrom", $"{total} cases match; an export holds at most {MaxExportRows}. Choose a shorter period.");
            return errors.ToProblem();
        }

        Dictionary<string, string> names;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        }

        string Name(string? code) => code is null ? string.Empty : names.GetValueOrDefault(code, code);
        var csv = new Csv().Row(
            "流程", "申请编号", "文号", "状态", "资源名称", "申请部门", "提供部门", "申请人", "申请数据项", "同意共享数据项",
            "提交时间", "答复期限", "是否逾期", "答复结果", "答复时间", "系统决定");
        foreach (var row in rows)
        {
            csv.Row(
                row.ProcessName, row.Number, row.DocumentNumber, listing.StatusLabel(row), row.ResourceName, Name(row.RequesterDepartment), Name(row.ProviderDepartment),
                row.Applicant, string.Join("、", row.Items), string.Join("、", row.ApprovedItems), ChinaFormat.DateTime(row.SubmittedAt), ChinaFormat.Date(row.Deadline),
                row.Overdue ? "是" : "否", DecisionLabel(row.Decision), ChinaFormat.DateTime(row.DecidedAt), row.SystemDecision ? "是" : "否");
        }

        return csv.ToResult($"sharing-applications-{ChinaTime.DateOf(clock.GetUtcNow()):yyyyMMdd}.csv");
    }

    private static string DecisionLabel(string? decision) => decision switch
    {
        null => string.Empty,
        "Approved" => "同意",
        "PartiallyApproved" => "部分同意",
        "Refused" => "不同意",
        "DeemedConsent" => "逾期视为同意",
        "AutomaticGrant" => "无条件共享",
        _ => decision,
    };
}
