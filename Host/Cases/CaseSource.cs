using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Cases;

/// <summary>
/// The list rows of one process whose cases are the entities <typeparamref name="T"/> (the entity's id is its process
/// instance's id): filtering, scoping to the caller's department, ordering and the current deadline are the same for
/// every process; a process says how its entities read.
/// </summary>
internal abstract class CaseSource<T> : ICaseSource
    where T : class
{
    private readonly Func<ShareFlowDbContext, IQueryable<T>> _cases;
    private Func<T, Guid>? _idOf;
    private IReadOnlyDictionary<string, string>? _statuses;

    /// <param name="processKey">The process's key.</param>
    /// <param name="processName">The process's Chinese name.</param>
    /// <param name="kind">The row kind on the wire.</param>
    /// <param name="statuses">Each wire status with its Chinese label and the entities in it.</param>
    /// <param name="id">The entity's id, which is the case's (its process instance's) id.</param>
    /// <param name="submittedAt">When the case was brought: submitted, filed, reported, opened, received, issued.</param>
    /// <param name="cases">The process's entities.</param>
    protected CaseSource(
        string processKey,
        string processName,
        string kind,
        IReadOnlyDictionary<string, StatusDefinition> statuses,
        Expression<Func<T, Guid>> id,
        Expression<Func<T, DateTimeOffset>> submittedAt,
        Func<ShareFlowDbContext, IQueryable<T>> cases)
    {
        ProcessKey = processKey;
        ProcessName = processName;
        Kind = kind;
        StatusDefinitions = statuses;
        Id = id;
        SubmittedAt = submittedAt;
        _cases = cases;
    }

    public string ProcessKey { get; }

    public string ProcessName { get; }

    public string Kind { get; }

    public IReadOnlyDictionary<string, string> Statuses =>
        _statuses ??= StatusDefinitions.ToDictionary(s => s.Key, s => s.Value.Label, StringComparer.Ordinal);

    /// <summary>Each wire status with its Chinese label and the entities in it.</summary>
    protected IReadOnlyDictionary<string, StatusDefinition> StatusDefinitions { get; }

    /// <summary>The entity's id, which is the case's (its process instance's) id.</summary>
    protected Expression<Func<T, Guid>> Id { get; }

    /// <summary>When the case was brought: submitted, filed, reported, opened, received, issued.</summary>
    protected Expression<Func<T, DateTimeOffset>> SubmittedAt { get; }

    /// <summary>The <c>DocumentKind</c> code whose number is the row's document number (文号), when the process issues one.</summary>
    protected virtual string? DocumentKindCode => null;

    protected IQueryable<T> Cases(ShareFlowDbContext db) => _cases(db);

    /// <summary>The cases in which <paramref name="department"/> takes part as requester or provider.</summary>
    protected abstract Expression<Func<T, bool>> Involves(string department);

    /// <summary>The cases whose number or title contains <paramref name="text"/>.</summary>
    protected abstract Expression<Func<T, bool>> Mentions(string text);

    /// <summary>The row of an entity; the current deadline is filled in afterwards.</summary>
    protected abstract CaseRow Describe(T entity, string? documentNumber);

    /// <summary>A row with what every process has; the process adds the rest with <c>with</c>.</summary>
    protected CaseRow Row(Guid id, string number, string status, string title, DateTimeOffset submittedAt, string detailUrl) => new()
    {
        DetailUrl = detailUrl,
        Process = ProcessKey,
        ProcessName = ProcessName,
        Kind = Kind,
        Id = id,
        Number = number,
        Status = status,
        Title = title,
        SubmittedAt = submittedAt,
    };

    public async Task<(int Total, IReadOnlyList<CaseRow> Rows)> ListAsync(
        ShareFlowDbContext db, Caller caller, CaseFilter filter, int take, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        var query = Cases(db).AsNoTracking();
        if (!caller.SeesAllDepartments)
        {
            // A party to the case, or a department one of its steps was offered to (a dispute's tier, say).
            var department = caller.Department;
            query = query.Where(Predicates.Any([Involves(department), Predicates.On(Id, id => db.UserTasks.Any(t => t.InstanceId == id && t.CandidateDepartment == department))]));
        }

        if (filter.Department is { } involved)
        {
            query = query.Where(Involves(involved));
        }

        if (filter.Statuses is { } statuses)
        {
            query = query.Where(Predicates.Any([.. statuses.Where(StatusDefinitions.ContainsKey).Select(s => StatusDefinitions[s].Filter)]));
        }

        if (filter.SubmittedFromInstant is { } from)
        {
            query = query.Where(Predicates.On(SubmittedAt, at => at >= from));
        }

        if (filter.SubmittedBeforeInstant is { } before)
        {
            query = query.Where(Predicates.On(SubmittedAt, at => at < before));
        }

        if (filter.Text is { } text)
        {
            query = query.Where(Mentions(text));
        }

        if (filter.Overdue is { } overdue)
        {
            // Overdue as the list shows it: an open step of the case has a deadline that has passed.
            query = query.Where(Predicates.On(Id, id => db.UserTasks.Any(t => t.InstanceId == id && t.Status == UserTaskStatus.Open && t.DueAt != null && t.DueAt <= now) == overdue));
        }

        var total = await query.CountAsync(cancellationToken);
        var entities = await query.OrderByDescending(SubmittedAt).ThenByDescending(Id).Take(take).ToListAsync(cancellationToken);
        return (total, await RowsAsync(db, entities, now, cancellationToken));
    }

    public async Task<IReadOnlyList<CaseRow>> FindAsync(ShareFlowDbContext db, IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = ids.Distinct().ToList();
        var entities = await Cases(db).AsNoTracking().Where(Predicates.On(Id, id => wanted.Contains(id))).ToListAsync(cancellationToken);
        return await RowsAsync(db, entities, now, cancellationToken);
    }

    private async Task<IReadOnlyList<CaseRow>> RowsAsync(ShareFlowDbContext db, List<T> entities, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var idOf = _idOf ??= Id.Compile();
        var ids = entities.Select(idOf).ToList();
        var deadlines = (await db.UserTasks.AsNoTracking()
                .Where(t => ids.Contains(t.InstanceId) && t.Status == UserTaskStatus.Open && t.DueAt != null)
                .Select(t => new { t.InstanceId, t.DueDate, t.DueAt, t.DueProvisional })
                .ToListAsync(cancellationToken))
            .GroupBy(t => t.InstanceId)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.DueAt).First());
        var documents = new Dictionary<Guid, string>();
        if (DocumentKindCode is { } kind)
        {
            documents = await db.IssuedDocuments.AsNoTracking()
                .Where(d => ids.Contains(d.SubjectId) && d.Kind == kind)
                .Select(d => new { d.SubjectId, d.Number })
                .ToDictionaryAsync(d => d.SubjectId, d => d.Number, cancellationToken);
        }

        return [.. entities.Select(entity =>
        {
            var id = idOf(entity);
            var deadline = deadlines.GetValueOrDefault(id);
            return Describe(entity, documents.GetValueOrDefault(id)) with
            {
                Deadline = deadline?.DueDate,
                DueAt = deadline?.DueAt,
                Provisional = deadline?.DueProvisional ?? false,
                Overdue = deadline?.DueAt is { } due && due <= now,
            };
        })];
    }

    /// <summary>A wire status: its Chinese label and the entities in it.</summary>
    protected sealed record StatusDefinition(string Label, Expression<Func<T, bool>> Filter);

    /// <summary>
    /// The statuses of a process whose entities hold one enum status each: the wire name is the member's name in
    /// kebab case (<c>UnderReview</c> → <c>under-review</c>).
    /// </summary>
    protected static Dictionary<string, StatusDefinition> EnumStatuses<TStatus>(Expression<Func<T, TStatus>> status, IReadOnlyDictionary<TStatus, string> labels)
        where TStatus : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(labels);
        return Enum.GetValues<TStatus>().ToDictionary(
            WireName,
            value => new StatusDefinition(
                labels.GetValueOrDefault(value, value.ToString()),
                Expression.Lambda<Func<T, bool>>(Expression.Equal(status.Body, Expression.Constant(value, typeof(TStatus))), status.Parameters)),
            StringComparer.Ordinal);
    }

    /// <summary><c>UnderReview</c> → <c>under-review</c>.</summary>
    protected static string WireName<TStatus>(TStatus value)
        where TStatus : struct, Enum
    {
        var name = value.ToString();
        var wire = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                wire.Append('-');
            }

            wire.Append(char.ToLowerInvariant(name[i]));
        }

        return wire.ToString();
    }

    /// <summary>A short summary from a longer text: its first line, at most 40 characters.</summary>
    protected static string Shorten(string? text)
    {
        var line = (text ?? string.Empty).Split('\n', 2)[0].Trim();
        return line.Length <= 40 ? line : string.Concat(line.AsSpan(0, 39), "…");
    }
}
