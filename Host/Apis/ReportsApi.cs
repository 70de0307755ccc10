using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Organisation;
using ShareFlow.Host.Cases;
using ShareFlow.Host.Documents;
using ShareFlow.Host.Reports;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Apis;

/// <summary>
/// The periodic evaluation of each department's record (Fuzhou art. 33, Lanzhou art. 37, Beijing art. 29, Shenyang art.
/// 12). The coordinating office, auditors and the policy admin see every department; a department's principal
/// (supervisor) sees their own only; anyone else is refused (403).
/// </summary>
internal static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization();
        group.MapGet("/timeliness", TimelinessAsync);
        group.MapGet("/timeliness.csv", TimelinessCsvAsync).Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    private static async Task<Results<Ok<TimelinessResponse>, ValidationProblem, ForbidHttpResult>> TimelinessAsync(
        HttpContext context, TimelinessReport report, IDbContextFactory<ShareFlowDbContext> dbFactory, string? from, string? to, string? department,
        string? groupBy, string? process, CancellationToken cancellationToken)
    {
        var (request, failure) = await ReadAsync(context, dbFactory, from, to, department, groupBy, process, cancellationToken);
        return failure switch
        {
            ValidationProblem problem => problem,
            ForbidHttpResult forbid => forbid,
            _ => TypedResults.Ok(await report.BuildAsync(request.From, request.To, request.Department, request.Grouping, cancellationToken)),
        };
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult>> TimelinessCsvAsync(
        HttpContext context, TimelinessReport report, IDbContextFactory<ShareFlowDbContext> dbFactory, string? from, string? to, string? department,
        string? groupBy, string? process, CancellationToken cancellationToken)
    {
        var (request, failure) = await ReadAsync(context, dbFactory, from, to, department, groupBy, process, cancellationToken);
        if (failure is ValidationProblem problem)
        {
            return problem;
        }

        if (failure is ForbidHttpResult forbid)
        {
            return forbid;
        }

        var result = await report.BuildAsync(request.From, request.To, request.Department, request.Grouping, cancellationToken);
        var csv = new Csv().Row("提供部门", "部门代码", "统计起始日", "统计截止日", "收到申请", "已答复", "按时答复", "逾期答复", "逾期提请协调", "逾期视为同意", "平均答复用时（工作日）");
        foreach (var row in result.Rows)
        {
            csv.Row(row.DepartmentName, row.Department, ChinaFormat.Date(row.From), ChinaFormat.Date(row.To), Number(row.Received), Number(row.Answered),
                Number(row.AnsweredOnTime), Number(row.AnsweredLate), Number(row.Escalated), Number(row.DeemedConsent), Average(row.AverageWorkingDays));
        }

        var total = result.Total;
        csv.Row("合计", string.Empty, ChinaFormat.Date(result.From), ChinaFormat.Date(result.To), Number(total.Received), Number(total.Answered),
            Number(total.AnsweredOnTime), Number(total.AnsweredLate), Number(total.Escalated), Number(total.DeemedConsent), Average(total.AverageWorkingDays));
        return csv.ToResult($"timeliness-{result.From:yyyyMMdd}-{result.To:yyyyMMdd}.csv");
    }

    private sealed record ReportRequest(DateOnly From, DateOnly To, string? Department, ReportGrouping Grouping);

    /// <summary>Who may see what, then the parameters: <c>from</c> and <c>to</c> (yyyy-MM-dd, both days included), <c>department</c>, <c>groupBy</c> (period | month), <c>process</c>.</summary>
    private static async Task<(ReportRequest Request, IResult? Failure)> ReadAsync(
        HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, string? from, string? to, string? department, string? groupBy, string? process,
        CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var seesAll = caller.SeesAllDepartments || caller.HasRole(Roles.PolicyAdmin);
        department = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
        if (!seesAll)
        {
            if (!caller.HasRole(Roles.Supervisor) || (department is not null && department != caller.Department))
            {
                return (default!, TypedResults.Forbid());
            }

            department = caller.Department;
        }

        var errors = new QueryErrors();
        var first = errors.Date("from", from);
        var last = errors.Date("to", to);
        errors.NotBefore("from", first, "to", last);

        var grouping = ReportGrouping.Period;
        switch (groupBy)
        {
            case null or "" or "period":
                break;
            case "month":
                grouping = ReportGrouping.Month;
                break;
            default:
                errors.Add("groupBy", $"'{groupBy}' is neither period nor month.");
                break;
        }

        if (!string.IsNullOrEmpty(process) && process != SharingCases.ProcessKey)
        {
            errors.Add("process", $"Timeliness is reported for {SharingCases.ProcessKey} only.");
        }

        if (department is not null && seesAll)
        {
            await errors.DepartmentAsync(dbFactory, "department", department, cancellationToken);
        }

        return errors.Any ? (default!, errors.ToProblem()) : (new ReportRequest(first, last, department, grouping), null);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Average(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;
}
