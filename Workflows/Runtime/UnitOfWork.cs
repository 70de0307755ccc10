using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Runtime;

/// <summary>
/// One state change: one transaction, the instances it touches, and the scheduler work to do once it commits.
/// Nothing here is visible to anyone else until the transaction commits.
/// </summary>
internal sealed class UnitOfWork(ShareFlowDbContext db, DateTimeOffset now, Guid idSeed, IReadOnlyDictionary<(Guid InstanceId, string ElementId), string> deferred)
{
    private readonly Dictionary<Guid, InstanceContext> _instances = [];
    private readonly List<object> _history = [];
    private readonly byte[] _idSeed = idSeed.ToByteArray(bigEndian: true);
    private uint _idCounter;

    /// <summary>
    /// A new id for a record of this operation. Ids follow from the operation's seed, so a re-run of the same operation
    /// (after a failed activity is turned into a job) creates the same instances, tokens and tasks; they keep the
    /// seed's version 7 timestamp and so sort by creation.
    /// </summary>
    public Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _idSeed.CopyTo(bytes);
        var counter = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]) + ++_idCounter;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes[12..], counter);
        return new Guid(bytes, bigEndian: true);
    }

    public ShareFlowDbContext Db { get; } = db;

    /// <summary>The operation's instant: every record it writes carries it.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>Service tasks that failed in an earlier attempt of this operation, with the error: they become jobs instead of running inline.</summary>
    public IReadOnlyDictionary<(Guid InstanceId, string ElementId), string> Deferred { get; } = deferred;

    /// <summary>How this state change moves the waits' due instants, in order; told to the scheduler once it commits.</summary>
    public List<TimerChange> TimerChanges { get; } = [];

    /// <summary>Records that <paramref name="wait"/> is now due at its <see cref="WaitRecord.DueAt"/> (none: it no longer fires), where it was due at <paramref name="before"/>.</summary>
    public void TimerMoved(WaitRecord wait, DateTimeOffset? before) => TimerChanges.Add(new TimerChange(wait.Id, before, wait.IsIncident ? null : wait.DueAt));

    /// <summary>Steps taken in this operation; a loop that never waits is stopped rather than run forever.</summary>
    public int Steps { get; set; }

    public IEnumerable<InstanceContext> Instances => _instances.Values;

    /// <summary>What this state change took for granted without reading it (e.g. a cached latest definition), checked as it is written.</summary>
    public List<RowWriter.Expectation> Expectations { get; } = [];

    public bool TryGetLoaded(Guid instanceId, out InstanceContext context) => _instances.TryGetValue(instanceId, out context!);

    /// <param name="variables">The variables of a new instance, taken over as they are; null to read the record's.</param>
    public InstanceContext Attach(ProcessInstanceRecord record, PublishedDefinition definition, OfficialCalendar calendar, JsonObject? variables = null)
    {
        var context = new InstanceContext(record, definition, InstanceState.Parse(record.State), variables ?? ProcessVariables.Parse(record.Variables), calendar);
        _instances[record.Id] = context;
        return context;
    }

    /// <summary>Records a step in the instance's history; the rows are written together by <see cref="WriteAsync"/>.</summary>
    public void History(Guid instanceId, string kind, string? elementId = null, string? elementName = null, string? actor = null, string? outcome = null, string? comment = null, Guid? taskId = null, JsonObject? data = null) =>
        _history.Add(new HistoryRecord
        {
            InstanceId = instanceId,
            At = Now,
            Kind = kind,
            ElementId = elementId,
            ElementName = elementName,
            Actor = actor,
            Outcome = outcome,
            Comment = comment,
            TaskId = taskId,
            Data = data?.ToJsonString(),
        });

    // The rows this state change creates. They are not tracked by the context: they are written as they are at the end
    // (WriteAsync), and tracking them would cost a snapshot and an identity entry each, and a scan for changes.
    private readonly List<ProcessInstanceRecord> _newInstances = [];
    private readonly List<UserTaskRecord> _newTasks = [];
    private readonly List<WaitRecord> _newWaits = [];

    /// <summary>A new instance of this state change, written with the others by <see cref="WriteAsync"/>.</summary>
    public void Add(ProcessInstanceRecord record) => _newInstances.Add(record);

    /// <summary>A new task of this state change, written with the others by <see cref="WriteAsync"/>.</summary>
    public void Add(UserTaskRecord record) => _newTasks.Add(record);

    /// <summary>The waits of <paramref name="instanceId"/> this state change created (and has not removed).</summary>
    public IEnumerable<WaitRecord> NewWaitsOf(Guid instanceId) => _newWaits.Where(w => w.InstanceId == instanceId);

    /// <summary>The tasks of <paramref name="instanceId"/> this state change created.</summary>
    public IEnumerable<UserTaskRecord> NewTasksOf(Guid instanceId) => _newTasks.Where(t => t.InstanceId == instanceId);

    public void AddWait(InstanceContext instance, WaitRecord wait)
    {
        _newWaits.Add(wait);
        instance.Waits?.Add(wait);
        if (wait.DueAt is not null && !wait.IsIncident)
        {
            TimerMoved(wait, before: null);
        }
    }

    public void RemoveWait(InstanceContext instance, WaitRecord wait)
    {
        // A wait created in this state change is simply not written.
        if (!_newWaits.Remove(wait))
        {
            Db.Waits.Remove(wait);
        }

        instance.Waits?.Remove(wait);
        if (wait.DueAt is { } due)
        {
            TimerChanges.Add(new TimerChange(wait.Id, due, null));
        }
    }

    /// <summary>
    /// Writes what this state change did to instances, tasks and waits, and its history, in one round trip
    /// (<see cref="RowWriter"/>): the rows it created, a statement per table, parents first; then the rows it changed or
    /// removed. Ordering and batching a command per row costs EF Core more than writing the rows. When other records
    /// follow through <c>SaveChanges</c>, the rows changed or removed are first marked as stored, as <c>SaveChanges</c>
    /// would leave them, so that it writes only the others; otherwise the context ends with the state change and is left
    /// as it is. New rows and history are not tracked at all (history is append-only: its ids ascend in the order the
    /// steps were recorded).
    /// </summary>
    /// <returns>
    /// Whether other records changed too, which are left to <c>SaveChanges</c>; a transaction is then open (begun here
    /// when none was), so that the write and <c>SaveChanges</c> commit together.
    /// </returns>
    public async Task<bool> WriteAsync(CancellationToken cancellationToken)
    {
        List<EntityEntry> changed = [];
        var others = false;
        // Enumerating entries first scans the rows read for changes.
        foreach (var entry in Db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Unchanged)
            {
                continue;
            }

            if (entry.Entity is not (ProcessInstanceRecord or UserTaskRecord or WaitRecord))
            {
                others = true;
                continue;
            }

            changed.Add(entry);
        }

        if (others && Db.Database.CurrentTransaction is null)
        {
            await Db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        await RowWriter.WriteAsync(Db, [_newInstances, _newTasks, _newWaits, _history], changed, Expectations, cancellationToken).ConfigureAwait(false);
        if (!others)
        {
            return false;
        }

        foreach (var entry in changed)
        {
            if (entry.State == EntityState.Deleted)
            {
                entry.State = EntityState.Detached;
            }
            else
            {
                entry.OriginalValues.SetValues(entry.CurrentValues);
                entry.State = EntityState.Unchanged;
            }
        }

        return true;
    }

    /// <summary>Writes the instances' state back to their rows; each row's revision moves on (optimistic concurrency).</summary>
    public void Flush()
    {
        foreach (var instance in _instances.Values)
        {
            instance.Record.State = instance.State.Serialize();
            instance.Record.Variables = ProcessVariables.Serialize(instance.Variables);
            instance.Record.Revision++;
        }
    }
}

/// <summary>A wait's due instant before and after a state change; null: it had none, or has none any more.</summary>
internal readonly record struct TimerChange(Guid WaitId, DateTimeOffset? Before, DateTimeOffset? After);

/// <summary>An instance loaded into a unit of work.</summary>
internal sealed class InstanceContext(ProcessInstanceRecord record, PublishedDefinition definition, InstanceState state, JsonObject variables, OfficialCalendar calendar)
{
    public ProcessInstanceRecord Record { get; } = record;

    public PublishedDefinition Definition { get; } = definition;

    public Model.ProcessModel Process => Definition.Process;

    public InstanceState State { get; } = state;

    public JsonObject Variables { get; } = variables;

    public OfficialCalendar Calendar { get; } = calendar;

    public Guid Id => Record.Id;

    public bool IsActive => Record.Status == InstanceStatus.Active;

    /// <summary>The instance's waits and open tasks, loaded on first need (tracked).</summary>
    public List<WaitRecord>? Waits { get; set; }

    public List<UserTaskRecord>? OpenTasks { get; set; }

    public async Task<List<WaitRecord>> LoadWaitsAsync(UnitOfWork work, CancellationToken cancellationToken)
    {
        if (Waits is null)
        {
            var stored = await EngineQueries.WaitsAsync(work.Db, Id, cancellationToken).ConfigureAwait(false);
            Waits = [.. stored.Union(work.NewWaitsOf(Id))];
        }

        return Waits;
    }

    public async Task<List<UserTaskRecord>> LoadOpenTasksAsync(UnitOfWork work, CancellationToken cancellationToken)
    {
        if (OpenTasks is null)
        {
            var stored = await EngineQueries.OpenTasksAsync(work.Db, Id, cancellationToken).ConfigureAwait(false);
            OpenTasks = [.. stored.Union(work.NewTasksOf(Id)).Where(t => t.Status == UserTaskStatus.Open)];
        }

        return OpenTasks;
    }
}

/// <summary>Stable status names stored in the database.</summary>
public static class InstanceStatus
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}

public static class UserTaskStatus
{
    public const string Open = "open";

    /// <summary>补正: back with the requester; the deadline clock is stopped.</summary>
    public const string Suspended = "suspended";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}

public static class WaitKind
{
    public const string Timer = "timer";
    public const string Message = "message";

    /// <summary>An activity to run (or retry) in a transaction of its own.</summary>
    public const string Job = "job";
}
