using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Host.Apis;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Cases;

/// <summary>What a case list is filtered by; every part is optional.</summary>
/// <param name="Processes">The process keys to list; never empty (all known processes when the caller names none).</param>
/// <param name="Statuses">Wire status names, e.g. <c>submitted</c>, <c>escalated</c>.</param>
/// <param name="Department">Cases where this department is requester or provider.</param>
/// <param name="Overdue">True: cases whose current deadline has passed without the step being done; false: the others.</param>
/// <param name="SubmittedFrom">First day (Asia/Shanghai) of submission, inclusive.</param>
/// <param name="SubmittedTo">Last day (Asia/Shanghai) of submission, inclusive.</param>
internal sealed record CaseFilter(
    IReadOnlyList<string> Processes, IReadOnlySet<string>? Statuses, string? Department, bool? Overdue, DateOnly? SubmittedFrom, DateOnly? SubmittedTo)
{
    public DateTimeOffset? SubmittedFromInstant => SubmittedFrom is { } from ? ChinaTime.StartOfDay(from) : null;

    public DateTimeOffset? SubmittedBeforeInstant => SubmittedTo is { } to ? ChinaTime.EndOfDay(to) : null;
}

/// <summary>One case in a list, the same shape for every process.</summary>
/// <param name="Process">The process key, e.g. <c>sharingApplication</c>.</param>
/// <param name="DocumentNumber">The decision's document number (文号), once decided.</param>
/// <param name="Deadline">The current step's last day; <paramref name="Overdue"/> when it has passed.</param>
internal sealed record CaseRow(
    string Process, string ProcessName, Guid Id, string Number, string Status, string? DocumentNumber, Guid? ResourceId, string? ResourceName, string? ShareType,
    string? RequesterDepartment, string? ProviderDepartment, IReadOnlyList<string> Items, IReadOnlyList<string> ApprovedItems, string? Applicant,
    DateTimeOffset SubmittedAt, string? Decision, DateTimeOffset? DecidedAt, bool SystemDecision, DateOnly? Deadline, DateTimeOffset? DueAt, bool Provisional,
    bool Overdue);

/// <summary>
/// The cases of one process as list rows. Sharing applications are the first; another process joins the lists, the
/// CSV export and the <c>process</c> filter by registering a source of its own.
/// </summary>
internal interface ICaseSource
{
    /// <summary>The process key the <c>process</c> filter names.</summary>
    string ProcessKey { get; }

    /// <summary>The process's Chinese name, e.g. 共享申请.</summary>
    string ProcessName { get; }

    /// <summary>The wire status names the source knows, with their Chinese labels (for the CSV).</summary>
    IReadOnlyDictionary<string, string> Statuses { get; }

    /// <summary>
    /// The number of the caller's cases that pass the filter, and the first <paramref name="take"/> of them, newest
    /// submission first.
    /// </summary>
    Task<(int Total, IReadOnlyList<CaseRow> Rows)> ListAsync(ShareFlowDbContext db, Caller caller, CaseFilter filter, int take, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Lists the caller's cases across the registered processes, filtered and paged.</summary>
internal sealed class CaseListing(IEnumerable<ICaseSource> sources, IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock)
{
    private readonly IReadOnlyList<ICaseSource> _sources = [.. sources];

    public IReadOnlyList<ICaseSource> Sources => _sources;

    /// <summary>
    /// Reads the filter's query parameters: <c>process</c> and <c>status</c> (each one or more, comma-separated),
    /// <c>department</c>, <c>overdue</c> (true/false), <c>submittedFrom</c>, <c>submittedTo</c> (yyyy-MM-dd). Each
    /// wrong one is added to <paramref name="errors"/> under its name.
    /// </summary>
    public async Task<CaseFilter> ParseAsync(
        QueryErrors errors, string? process, string? status, string? department, string? overdue, string? submittedFrom, string? submittedTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var processes = Split(process);
        var unknownProcesses = processes.Where(p => _sources.All(s => s.ProcessKey != p)).ToList();
        if (unknownProcesses.Count > 0)
        {
            errors.Add("process", $"No process is listed as {string.Join(", ", unknownProcesses)}; choose from {string.Join(", ", _sources.Select(s => s.ProcessKey))}.");
        }

        var chosen = processes.Count == 0 ? _sources : [.. _sources.Where(s => processes.Contains(s.ProcessKey))];
        var statuses = Split(status);
        var unknownStatuses = statuses.Where(s => chosen.All(source => !source.Statuses.ContainsKey(s))).ToList();
        if (unknownStatuses.Count > 0)
        {
            errors.Add("status", $"'{string.Join(", ", unknownStatuses)}' is not a status; choose from {string.Join(", ", chosen.SelectMany(s => s.Statuses.Keys).Distinct(StringComparer.Ordinal))}.");
        }

        bool? overdueFlag = null;
        if (!string.IsNullOrEmpty(overdue))
        {
            if (bool.TryParse(overdue, out var flag))
            {
                overdueFlag = flag;
            }
            else
            {
                errors.Add("overdue", $"'{overdue}' is neither true nor false.");
            }
        }

        DateOnly? from = string.IsNullOrEmpty(submittedFrom) ? null : errors.Date("submittedFrom", submittedFrom);
        DateOnly? to = string.IsNullOrEmpty(submittedTo) ? null : errors.Date("submittedTo", submittedTo);
        errors.NotBefore("submittedFrom", from ?? default, "submittedTo", to ?? default);

        department = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
        if (department is not null)
        {
            await errors.DepartmentAsync(dbFactory, "department", department, cancellationToken);
        }

        return new CaseFilter([.. chosen.Select(s => s.ProcessKey)], statuses.Count == 0 ? null : statuses.ToHashSet(StringComparer.Ordinal), department, overdueFlag, from, to);
    }

    /// <summary>The caller's cases passing <paramref name="filter"/>, newest submission first, from row <paramref name="skip"/>.</summary>
    public async Task<(int Total, IReadOnlyList<CaseRow> Rows)> ListAsync(Caller caller, CaseFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var total = 0;
        var rows = new List<CaseRow>();
        foreach (var source in _sources.Where(s => filter.Processes.Contains(s.ProcessKey)))
        {
            // Each source gives its newest skip + take rows; the page is cut from their merge.
            var (count, first) = await source.ListAsync(db, caller, filter, skip + take, now, cancellationToken);
            total += count;
            rows.AddRange(first);
        }

        return (total, [.. rows.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Skip(skip).Take(take)]);
    }

    /// <summary>The Chinese label of a row's status, for people reading the CSV.</summary>
    public string StatusLabel(CaseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _sources.FirstOrDefault(s => s.ProcessKey == row.Process)?.Statuses.GetValueOrDefault(row.Status) ?? row.Status;
    }

    private static List<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}

/// <summary>Combines row predicates with OR, for filters that accept several values.</summary>
internal static class Predicates
{
    public static Expression<Func<T, bool>> Any<T>(IReadOnlyList<Expression<Func<T, bool>>> predicates)
    {
        ArgumentNullException.ThrowIfNull(predicates);
        var parameter = Expression.Parameter(typeof(T), "row");
        Expression body = Expression.Constant(false);
        foreach (var predicate in predicates)
        {
            body = Expression.OrElse(body, new Rebind(predicate.Parameters[0], parameter).Visit(predicate.Body));
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>How the lists, exports and printed documents write instants and dates: Asia/Shanghai.</summary>
internal static class ChinaFormat
{
    public static string DateTime(DateTimeOffset? instant) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A date as official documents write it (成文日期, GB/T 9704): 2026年10月9日.</summary>
    public static string ChineseDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
