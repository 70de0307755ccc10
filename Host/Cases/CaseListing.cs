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
/// <param name="Text">Words the case number or the title contains.</param>
internal sealed record CaseFilter(
    IReadOnlyList<string> Processes, IReadOnlySet<string>? Statuses, string? Department, bool? Overdue, DateOnly? SubmittedFrom, DateOnly? SubmittedTo,
    string? Text = null)
{
    public DateTimeOffset? SubmittedFromInstant => SubmittedFrom is { } from ? ChinaTime.StartOfDay(from) : null;

    public DateTimeOffset? SubmittedBeforeInstant => SubmittedTo is { } to ? ChinaTime.EndOfDay(to) : null;
}

/// <summary>
/// One case in a list, the same shape for every process. The sharing-specific members (resource, items, decision) are
/// empty for the other processes.
/// </summary>
internal sealed record CaseRow
{
    /// <summary>The process key, e.g. <c>sharingApplication</c>.</summary>
    public required string Process { get; init; }

    public required string ProcessName { get; init; }

    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required string Status { get; init; }

    /// <summary>The decision's document number (文号), once decided.</summary>
    public string? DocumentNumber { get; init; }

    public Guid? ResourceId { get; init; }

    public string? ResourceName { get; init; }

    public string? ShareType { get; init; }

    public string? RequesterDepartment { get; init; }

    public string? ProviderDepartment { get; init; }

    public IReadOnlyList<string> Items { get; init; } = [];

    public IReadOnlyList<string> ApprovedItems { get; init; } = [];

    public string? Applicant { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public string? Decision { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public bool SystemDecision { get; init; }

    /// <summary>The current step's last day; <see cref="Overdue"/> when it has passed.</summary>
    public DateOnly? Deadline { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public bool Provisional { get; init; }

    public bool Overdue { get; init; }

    /// <summary>The kind of case as clients name it, e.g. <c>sharing-application</c>, <c>data-objection</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>A short summary for people: the resource applied for, the project, the change...</summary>
    public required string Title { get; init; }

    /// <summary>The kind's own read endpoint for the case, e.g. <c>/api/disputes/{id}</c>.</summary>
    public required string DetailUrl { get; init; }
}

/// <summary>
/// The cases of one process as list rows. Every process ShareFlow ships has one (see <see cref="CaseSources"/>); another
/// process joins the lists, the CSV export and the <c>process</c> filter by registering a source of its own.
/// </summary>
internal interface ICaseSource
{
    /// <summary>The process key the <c>process</c> filter names.</summary>
    string ProcessKey { get; }

    /// <summary>The process's Chinese name, e.g. 共享申请.</summary>
    string ProcessName { get; }

    /// <summary>The kind of case as clients name it, e.g. <c>sharing-application</c>.</summary>
    string Kind { get; }

    /// <summary>The wire status names the source knows, with their Chinese labels (for the CSV).</summary>
    IReadOnlyDictionary<string, string> Statuses { get; }

    /// <summary>
    /// The number of the caller's cases that pass the filter, and the first <paramref name="take"/> of them, newest
    /// submission first.
    /// </summary>
    Task<(int Total, IReadOnlyList<CaseRow> Rows)> ListAsync(ShareFlowDbContext db, Caller caller, CaseFilter filter, int take, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The rows of the given cases of this process, whoever may see them: the caller checks that first.</summary>
    Task<IReadOnlyList<CaseRow>> FindAsync(ShareFlowDbContext db, IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Lists the caller's cases across the registered processes, filtered and paged.</summary>
internal sealed class CaseListing(IEnumerable<ICaseSource> sources, IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The longest text search accepted (<c>q</c>).</summary>
    public const int MaxTextLength = 100;

    private readonly IReadOnlyList<ICaseSource> _sources = [.. sources];

    public IReadOnlyList<ICaseSource> Sources => _sources;

    /// <summary>The same listing restricted to one process, e.g. the sharing applications' own list.</summary>
    public CaseListing Of(string processKey) => new(_sources.Where(s => s.ProcessKey == processKey), dbFactory, clock);

    /// <summary>The source of a process key, or null when no source lists that process.</summary>
    public ICaseSource? SourceOf(string processKey) => _sources.FirstOrDefault(s => s.ProcessKey == processKey);

    /// <summary>
    /// Reads the filter's query parameters: <c>process</c> and <c>status</c> (each one or more, comma-separated),
    /// <c>department</c>, <c>overdue</c> (true/false), the first and last day of submission (yyyy-MM-dd) under the names
    /// the endpoint gives them, and the text <c>q</c>. Each wrong one is added to <paramref name="errors"/> under its name.
    /// </summary>
    public async Task<CaseFilter> ParseAsync(
        QueryErrors errors, string? process, string? status, string? department, string? overdue, (string Name, string? Value) submittedFrom,
        (string Name, string? Value) submittedTo, string? text, CancellationToken cancellationToken)
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

        DateOnly? from = string.IsNullOrEmpty(submittedFrom.Value) ? null : errors.Date(submittedFrom.Name, submittedFrom.Value);
        DateOnly? to = string.IsNullOrEmpty(submittedTo.Value) ? null : errors.Date(submittedTo.Name, submittedTo.Value);
        errors.NotBefore(submittedFrom.Name, from ?? default, submittedTo.Name, to ?? default);

        department = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
        if (department is not null)
        {
            await errors.DepartmentAsync(dbFactory, "department", department, cancellationToken);
        }

        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (text is { Length: > MaxTextLength })
        {
            errors.Add("q", $"Search for at most {MaxTextLength} characters.");
        }

        return new CaseFilter(
            [.. chosen.Select(s => s.ProcessKey)], statuses.Count == 0 ? null : statuses.ToHashSet(StringComparer.Ordinal), department, overdueFlag, from, to, text);
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

    /// <summary>
    /// The rows of the given cases (process instances) of any process, by id, whoever may see them: for lists whose
    /// entries the caller may already see (their tasks, the cases copied to them). Ids of no listed process are left out.
    /// </summary>
    public async Task<Dictionary<Guid, CaseRow>> FindAsync(ShareFlowDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = ids.Distinct().ToList();
        var rows = new Dictionary<Guid, CaseRow>();
        if (wanted.Count == 0)
        {
            return rows;
        }

        var keys = await db.ProcessInstances.AsNoTracking().Where(i => wanted.Contains(i.Id)).Select(i => new { i.Id, i.DefinitionKey }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var group in keys.GroupBy(k => k.DefinitionKey, StringComparer.Ordinal))
        {
            if (SourceOf(group.Key) is { } source)
            {
                foreach (var row in await source.FindAsync(db, [.. group.Select(k => k.Id)], now, cancellationToken))
                {
                    rows[row.Id] = row;
                }
            }
        }

        return rows;
    }

    /// <summary>The Chinese label of a row's status, for people reading the CSV.</summary>
    public string StatusLabel(CaseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return SourceOf(row.Process)?.Statuses.GetValueOrDefault(row.Status) ?? row.Status;
    }

    private static List<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}

/// <summary>Builds row predicates from parts, for filters composed at run time.</summary>
internal static class Predicates
{
    /// <summary>The predicates combined with OR; none at all is false.</summary>
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

    /// <summary><paramref name="test"/> applied to the member <paramref name="selector"/> picks, e.g. a case's submission instant.</summary>
    public static Expression<Func<T, bool>> On<T, TValue>(Expression<Func<T, TValue>> selector, Expression<Func<TValue, bool>> test)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(test);
        return Expression.Lambda<Func<T, bool>>(new Rebind(test.Parameters[0], selector.Body).Visit(test.Body), selector.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
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
