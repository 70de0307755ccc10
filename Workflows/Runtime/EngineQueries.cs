using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Runtime;

/// <summary>
/// The queries every state change runs, compiled once per model (a compiled query is bound to the model it was first
/// run with, and SQLite and PostgreSQL have a model each). A LINQ query is otherwise taken apart on each execution to
/// find its parameters and its cached plan, which costs about a third of a short query's time.
/// </summary>
internal static class EngineQueries
{
    private static readonly ConcurrentDictionary<IModel, Compiled> ByModel = new();

    private static Compiled For(ShareFlowDbContext db) => ByModel.GetOrAdd(db.Model, static _ => new Compiled());

    /// <summary>The task, tracked; null when there is none.</summary>
    public static Task<UserTaskRecord?> TaskAsync(ShareFlowDbContext db, Guid id, CancellationToken cancellationToken) => For(db).TaskByIdQuery(db, id, cancellationToken);

    /// <summary>
    /// The task, its instance and the instance's stored waits, all tracked, with how many of the task's co-signatures are
    /// still awaited, in one query: a completion needs them all, and a round trip to a server for each would be three more
    /// per completion. Null when there is no such task.
    /// </summary>
    public static Task<TaskToComplete?> TaskToCompleteAsync(ShareFlowDbContext db, Guid id, CancellationToken cancellationToken) =>
        For(db).TaskToCompleteQuery(db, id, cancellationToken);

    /// <summary>The instance row, tracked; null when there is none.</summary>
    public static Task<ProcessInstanceRecord?> InstanceAsync(ShareFlowDbContext db, Guid id, CancellationToken cancellationToken) => For(db).InstanceByIdQuery(db, id, cancellationToken);

    /// <summary>The id of the newest published version of <paramref name="key"/>.</summary>
    public static Task<long?> LatestDefinitionIdAsync(ShareFlowDbContext db, string key, CancellationToken cancellationToken) => For(db).LatestDefinitionIdQuery(db, key, cancellationToken);

    /// <summary>The instance's stored waits, tracked.</summary>
    public static Task<List<WaitRecord>> WaitsAsync(ShareFlowDbContext db, Guid instanceId, CancellationToken cancellationToken) =>
        ToListAsync(For(db).WaitsOfQuery(db, instanceId), cancellationToken);

    /// <summary>The instance's stored open tasks, tracked.</summary>
    public static Task<List<UserTaskRecord>> OpenTasksAsync(ShareFlowDbContext db, Guid instanceId, CancellationToken cancellationToken) =>
        ToListAsync(For(db).OpenTasksOfQuery(db, instanceId), cancellationToken);

    /// <summary>The task's pending delegation, tracked. At most one is pending at a time.</summary>
    public static Task<TaskDelegationRecord?> PendingDelegationAsync(ShareFlowDbContext db, Guid taskId, CancellationToken cancellationToken) =>
        For(db).PendingDelegationQuery(db, taskId, cancellationToken);

    /// <summary>Who has been asked to co-sign the task and has not yet signed.</summary>
    public static Task<List<string>> PendingCosignersAsync(ShareFlowDbContext db, Guid taskId, CancellationToken cancellationToken) =>
        ToListAsync(For(db).PendingCosignersQuery(db, taskId), cancellationToken);

    /// <summary>The instance's tasks in <paramref name="status"/>, oldest first.</summary>
    public static Task<List<TaskView>> TaskViewsAsync(ShareFlowDbContext db, Guid instanceId, string status, CancellationToken cancellationToken) =>
        ToListAsync(For(db).TaskViewsQuery(db, instanceId, status), cancellationToken);

    /// <summary>A task as <see cref="TaskView"/> shows it: in a query, and compiled for rows already in memory.</summary>
    public static readonly Expression<Func<UserTaskRecord, TaskView>> TaskViewOf = t => new TaskView(
        t.Id, t.InstanceId, t.ElementId, t.Name, t.Status, t.CandidateDepartment, t.CandidateRole, t.Assignee, t.CreatedAt, t.DueDate, t.DueAt, t.DueProvisional, t.Outcome, t.CompletedBy);

    public static readonly Func<UserTaskRecord, TaskView> ToTaskView = TaskViewOf.Compile();

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            result.Add(item);
        }

        return result;
    }

    private sealed class Compiled
    {
        public readonly Func<ShareFlowDbContext, Guid, CancellationToken, Task<UserTaskRecord?>> TaskByIdQuery =
            EF.CompileAsyncQuery((ShareFlowDbContext db, Guid id, CancellationToken _) => db.UserTasks.FirstOrDefault(t => t.Id == id));

        public readonly Func<ShareFlowDbContext, Guid, CancellationToken, Task<TaskToComplete?>> TaskToCompleteQuery =
            EF.CompileAsyncQuery((ShareFlowDbContext db, Guid id, CancellationToken _) => db.UserTasks.Where(t => t.Id == id)
                .Join(db.ProcessInstances, t => t.InstanceId, i => i.Id, (t, i) => new TaskToComplete(
                    t,
                    db.TaskCosigns.Count(c => c.TaskId == t.Id && c.Status == CosignOutcome.Pending),
                    i,
                    db.Waits.Where(w => w.InstanceId == i.Id).ToList()))
                .FirstOrDefault());

        public readonly Func<ShareFlowDbContext, Guid, CancellationToken, Task<ProcessInstanceRecord?>> InstanceByIdQuery =
            EF.CompileAsyncQuery((ShareFlowDbContext db, Guid id, CancellationToken _) => db.ProcessInstances.FirstOrDefault(i => i.Id == id));

        public readonly Func<ShareFlowDbContext, string, CancellationToken, Task<long?>> LatestDefinitionIdQuery =
            EF.CompileAsyncQuery((ShareFlowDbContext db, string key, CancellationToken _) =>
                db.ProcessDefinitions.Where(d => d.Key == key).OrderByDescending(d => d.Version).Select(d => (long?)d.Id).FirstOrDefault());

        public readonly Func<ShareFlowDbContext, Guid, IAsyncEnumerable<WaitRecord>> WaitsOfQuery =
            EF.CompileAsyncQuery((ShareFlowDbContext db, Guid instanceId) => db.Waits.Where(w => w.InstanceId == instanceId));

        public readonly Func<ShareFlowDbContext, Guid, IAsyncEnumerable<UserTaskRecord>> OpenTasksOfQuery =
            EF.CompileAsyncQuery((ShareFlowDbContext db, Guid instanceId) => db.UserTasks.Where(t => t.InstanceId == instanceId && t.Status == UserTaskStatus.Open));

        public readonly Func<ShareFlowDbContext, Guid, CancellationToken, Task<TaskDelegationRecord?>> PendingDelegationQuery =
            EF.CompileAsyncQuery((ShareFlowDbContext db, Guid taskId, CancellationToken _) =>
                db.TaskDelegations.Where(d => d.TaskId == taskId && d.Status == DelegationStatus.Pending).OrderBy(d => d.DelegatedAt).FirstOrDefault());

        public readonly Func<ShareFlowDbContext, Guid, IAsyncEnumerable<string>> PendingCosignersQuery =
            EF.CompileAsyncQuery((ShareFlowDbContext db, Guid taskId) => db.TaskCosigns.Where(c => c.TaskId == taskId && c.Status == CosignOutcome.Pending).Select(c => c.Signer));

        public readonly Func<ShareFlowDbContext, Guid, string, IAsyncEnumerable<TaskView>> TaskViewsQuery =
            EF.CompileAsyncQuery((ShareFlowDbContext db, Guid instanceId, string status) =>
                db.UserTasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == status).OrderBy(t => t.Id)
                    .Select(TaskViewOf));
    }
}

/// <summary>A task with the number of co-signatures it still waits for, its instance and the instance's stored waits.</summary>
internal sealed record TaskToComplete(UserTaskRecord Task, int PendingCosigns, ProcessInstanceRecord Instance, List<WaitRecord> Waits);
