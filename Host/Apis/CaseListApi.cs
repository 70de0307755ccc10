using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Host.Cases;
using ShareFlow.Host.Documents;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Apis;

/// <summary>
/// The case lists (办件列表) and their CSV exports, with the same filters: <c>process</c>, <c>status</c>, <c>department</c>,
/// <c>overdue</c>, the period of submission, and (on the list of every process) a text <c>q</c>. A clerk or reviewer sees
/// their own department's cases; the coordinating office and auditors see all. <c>/api/cases</c> lists every process,
/// <c>/api/sharing-applications</c> the sharing applications with their own columns; <c>/api/cases/{id}</c> summarises one
/// case of any kind.
/// </summary>
internal static class CaseListApi
{
    /// <summary>More rows than this in one export is a sign the period is wrong: the caller is asked to narrow it.</summary>
    public const int MaxExportRows = 100_000;

    public static void MapCaseListApi(this IEndpointRouteBuilder app)
    {
        var sharing = app.MapGroup("/api/sharing-applications").WithTags("Sharing applications").RequireAuthorization();
        sharing.MapGet("/", ListSharingAsync);
        sharing.MapGet("/export.csv", ExportSharingAsync).Produces(StatusCodes.Status200OK, contentType: "text/csv");

        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();
        cases.MapGet("/", ListAsync);
        cases.MapGet("/export.csv", ExportAsync).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        cases.MapGet("/{id:guid}", GetAsync);
    }

    /// <summary>One case of any process in the list of every process.</summary>
    /// <param name="Process">The process definition's key, e.g. <c>sharingApplication</c>.</param>
    /// <param name="Kind">The kind of case, e.g. <c>sharing-application</c>, <c>data-objection</c>.</param>
    /// <param name="Status">The kind's wire status; <paramref name="StatusLabel"/> is its Chinese label.</param>
    /// <param name="DueDate">The current step's last day (Asia/Shanghai); <paramref name="DueAt"/> is 24:00 of it.</param>
    public sealed record CaseSummary(
        Guid Id, string Process, string Kind, string ProcessName, string CaseNumber, string Title, string Status, string StatusLabel, string? RequesterDepartment,
        string? ProviderDepartment, DateTimeOffset SubmittedAt, DateOnly? DueDate, DateTimeOffset? DueAt, bool Provisional, bool Overdue);

    /// <param name="Actor">The user name of who acted (none for the system's steps).</param>
    /// <param name="ActorName">Their name as colleagues know it (姓名), when the actor is a user of the system.</param>
    public sealed record CaseHistoryEntry(DateTimeOffset At, string Kind, string? ElementId, string? ElementName, string? Actor, string? ActorName, string? Outcome, string? Comment);

    public sealed record OpenTask(
        Guid Id, string Name, string ElementId, string? CandidateDepartment, string? CandidateRole, string? Assignee, DateOnly? DueDate, DateTimeOffset? DueAt,
        bool Overdue, bool DueSoon);

    /// <summary>A case of any kind: the list's summary, where the kind's own details are read, what happened and who holds it now.</summary>
    public sealed record CaseDetail(
        Guid Id, string Process, string Kind, string ProcessName, string CaseNumber, string Title, string Status, string StatusLabel, string? RequesterDepartment,
        string? ProviderDepartment, DateTimeOffset SubmittedAt, DateOnly? DueDate, DateTimeOffset? DueAt, bool Provisional, bool Overdue, string DetailUrl,
        IReadOnlyList<CaseHistoryEntry> History, IReadOnlyList<OpenTask> OpenTasks);

    private static async Task<Results<Ok<SharingApi.Paged<CaseSummary>>, ValidationProblem>> ListAsync(
        HttpContext context, CaseListing listing, string? process, string? status, string? department, string? overdue, string? from, string? to, string? q,
        string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var errors = new QueryErrors();
        var (pageNumber, size) = errors.Paging(page, pageSize);
        var filter = await listing.ParseAsync(errors, process, status, department, overdue, ("from", from), ("to", to), q, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (total, rows) = await listing.ListAsync(caller, filter, (pageNumber - 1) * size, size, cancellationToken);
        return TypedResults.Ok(new SharingApi.Paged<CaseSummary>([.. rows.Select(r => Summary(listing, r))], total, pageNumber, size));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        HttpContext context, CaseListing listing, IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock, string? process, string? status,
        string? department, string? overdue, string? from, string? to, string? q, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var errors = new QueryErrors();
        var filter = await listing.ParseAsync(errors, process, status, department, overdue, ("from", from), ("to", to), q, cancellationToken);
        IReadOnlyList<CaseRow> rows = errors.Any ? [] : await ExportRowsAsync(listing, caller, filter, errors, "from", cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var name = await DepartmentNamesAsync(dbFactory, cancellationToken);
        var csv = new Csv().Row("流程", "案件编号", "标题", "状态", "申请部门", "提供部门", "提交时间", "办理期限", "是否逾期");
        foreach (var row in rows)
        {
            csv.Row(
                row.ProcessName, row.Number, row.Title, listing.StatusLabel(row), name(row.RequesterDepartment), name(row.ProviderDepartment),
                ChinaFormat.DateTime(row.SubmittedAt), ChinaFormat.Date(row.Deadline), row.Overdue ? "是" : "否");
        }

        return csv.ToResult($"cases-{ChinaTime.DateOf(clock.GetUtcNow()):yyyyMMdd}.csv");
    }

    /// <summary>A case of any kind the caller may see (a party, the office, or someone it was copied to or a co-signer); else 404.</summary>
    private static async Task<Results<Ok<CaseDetail>, NotFound>> GetAsync(
        Guid id, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, CaseListing listing, TaskCases taskCases, WorkflowEngine engine,
        CancellationToken cancellationToken)
    {
        var user = await SharingApi.UserAsync(dbFactory, CallerBinding.Require(context), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var info = await CaseDirectory.FindAsync(db, id, cancellationToken);
        if (info is null || !await CaseAccess.CanSeeAsync(db, info, user, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var cases = await taskCases.LoadAsync(db, [id], cancellationToken);
        if (cases.Case(id) is not { } row)
        {
            return TypedResults.NotFound();
        }

        var tasks = await db.UserTasks.AsNoTracking().Where(t => t.InstanceId == id && t.Status == UserTaskStatus.Open).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var history = await engine.GetHistoryAsync(id, cancellationToken);
        var names = await HistoryActors.NamesAsync(db, history, cancellationToken);
        var summary = Summary(listing, row);
        return TypedResults.Ok(new CaseDetail(
            summary.Id, summary.Process, summary.Kind, summary.ProcessName, summary.CaseNumber, summary.Title, summary.Status, summary.StatusLabel,
            summary.RequesterDepartment, summary.ProviderDepartment, summary.SubmittedAt, summary.DueDate, summary.DueAt, summary.Provisional, summary.Overdue,
            row.DetailUrl,
            [.. history.Select(h => new CaseHistoryEntry(h.At, h.Kind, h.ElementId, h.ElementName, h.Actor, names.NameOf(h.Actor), h.Outcome, h.Comment))],
            [.. tasks.Select(t =>
            {
                var deadline = cases.Deadline(id, t.DueDate, t.DueAt, open: true);
                return new OpenTask(t.Id, t.Name ?? t.ElementId, t.ElementId, t.CandidateDepartment, t.CandidateRole, t.Assignee, t.DueDate, t.DueAt, deadline.Overdue, deadline.DueSoon);
            })]));
    }

    private static CaseSummary Summary(CaseListing listing, CaseRow r) =>
        new(r.Id, r.Process, r.Kind, r.ProcessName, r.Number, r.Title, r.Status, listing.StatusLabel(r), r.RequesterDepartment, r.ProviderDepartment, r.SubmittedAt,
            r.Deadline, r.DueAt, r.Provisional, r.Overdue);

    private static async Task<Results<Ok<SharingApi.Paged<CaseRow>>, ValidationProblem>> ListSharingAsync(
        HttpContext context, CaseListing listing, string? process, string? status, string? department, string? overdue, string? submittedFrom,
        string? submittedTo, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var errors = new QueryErrors();
        var (pageNumber, size) = errors.Paging(page, pageSize);
        var sharing = listing.Of(SharingCases.ProcessKey);
        var filter = await sharing.ParseAsync(errors, process, status, department, overdue, ("submittedFrom", submittedFrom), ("submittedTo", submittedTo), null, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (total, rows) = await sharing.ListAsync(caller, filter, (pageNumber - 1) * size, size, cancellationToken);
        return TypedResults.Ok(new SharingApi.Paged<CaseRow>(rows, total, pageNumber, size));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportSharingAsync(
        HttpContext context, CaseListing listing, IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock, string? process, string? status,
        string? department, string? overdue, string? submittedFrom, string? submittedTo, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var errors = new QueryErrors();
        var sharing = listing.Of(SharingCases.ProcessKey);
        var filter = await sharing.ParseAsync(errors, process, status, department, overdue, ("submittedFrom", submittedFrom), ("submittedTo", submittedTo), null, cancellationToken);
        IReadOnlyList<CaseRow> rows = errors.Any ? [] : await ExportRowsAsync(sharing, caller, filter, errors, "submittedFrom", cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var name = await DepartmentNamesAsync(dbFactory, cancellationToken);
        var csv = new Csv().Row(
            "流程", "申请编号", "文号", "状态", "资源名称", "申请部门", "提供部门", "申请人", "申请数据项", "同意共享数据项",
            "提交时间", "答复期限", "是否逾期", "答复结果", "答复时间", "系统决定");
        foreach (var row in rows)
        {
            csv.Row(
                row.ProcessName, row.Number, row.DocumentNumber, sharing.StatusLabel(row), row.ResourceName, name(row.RequesterDepartment), name(row.ProviderDepartment),
                row.Applicant, string.Join("、", row.Items), string.Join("、", row.ApprovedItems), ChinaFormat.DateTime(row.SubmittedAt), ChinaFormat.Date(row.Deadline),
                row.Overdue ? "是" : "否", DecisionLabel(row.Decision), ChinaFormat.DateTime(row.DecidedAt), row.SystemDecision ? "是" : "否");
        }

        return csv.ToResult($"sharing-applications-{ChinaTime.DateOf(clock.GetUtcNow()):yyyyMMdd}.csv");
    }

    /// <summary>Every row of an export, or none and an error under <paramref name="periodParameter"/> when there are more than <see cref="MaxExportRows"/>.</summary>
    private static async Task<IReadOnlyList<CaseRow>> ExportRowsAsync(
        CaseListing listing, Caller caller, CaseFilter filter, QueryErrors errors, string periodParameter, CancellationToken cancellationToken)
    {
        var (total, rows) = await listing.ListAsync(caller, filter, 0, MaxExportRows, cancellationToken);
        if (total > MaxExportRows)
        {
            errors.Add(periodParameter, $"{total} cases match; an export holds at most {MaxExportRows}. Choose a shorter period.");
            return [];
        }

        return rows;
    }

    /// <summary>A department's name for people reading an export; the code itself when it is not registered, empty for none.</summary>
    private static async Task<Func<string?, string>> DepartmentNamesAsync(IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        return code => code is null ? string.Empty : names.GetValueOrDefault(code, code);
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
