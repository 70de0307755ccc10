using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Runtime;

/// <summary>
/// What a holder does with a task besides completing it: 转办 transfer, 委派 delegate / resolve / take back, 加签 add a
/// co-signer and sign; and case events outside the process (抄送, 催办, attachments). Each is one transaction with its
/// history entries. A deputy (代理) acting for a task's assignee, and a delegate acting for a task's owner, are
/// recorded as acting on that user's behalf.
/// </summary>
public sealed partial class WorkflowEngine
{
    /// <summary>转办: the task's assignee becomes <see cref="TaskHandover.To"/>; the history says from whom to whom and why.</summary>
    /// <param name="alongside">Case changes in the same transaction (the notice to the new holder), given the task as changed.</param>
    /// <returns>On whose behalf the actor acted, when not their own.</returns>
    public Task<ActingFor?> TransferTaskAsync(Guid taskId, TaskHandover request, CancellationToken cancellationToken, Func<ShareFlowDbContext, UserTaskRecord, Task>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteAsync(async (work, _) =>
        {
            var task = await OpenTaskAsync(work, taskId, cancellationToken).ConfigureAwait(false);
            var acting = await CheckTaskActionAsync(work, task, request.Actor, TaskAction.Transfer, cancellationToken).ConfigureAwait(false);
            var from = task.Assignee ?? request.Actor;
            if (request.To == from || request.To == request.Actor)
            {
                throw new DomainException("to", $"The task is already {request.To}'s; transfer it to a colleague.");
            }

            task.Assignee = request.To;
            task.Revision++;
            work.History(task.InstanceId, "task-transferred", task.ElementId, task.Name, request.Actor,
                comment: $"由 {from} 转办给 {request.To}{ActingText(acting)}：{request.Reason}", taskId: task.Id,
                data: new JsonObject { ["from"] = from, ["to"] = request.To, ["reason"] = request.Reason, ["actingFor"] = acting?.OnBehalfOf });
            if (alongside is not null)
            {
                await alongside(work.Db, task).ConfigureAwait(false);
            }

            return acting;
        }, deferActivityFailures: false, cancellationToken);
    }

    /// <summary>
    /// 委派: the delegate becomes the task's assignee and may act on it; the holder stays its owner, cannot complete it
    /// meanwhile, and gets it back when the delegate resolves it or the owner takes it back.
    /// </summary>
    public Task<ActingFor?> DelegateTaskAsync(Guid taskId, TaskHandover request, CancellationToken cancellationToken, Func<ShareFlowDbContext, UserTaskRecord, Task>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteAsync(async (work, _) =>
        {
            var task = await OpenTaskAsync(work, taskId, cancellationToken).ConfigureAwait(false);
            var acting = await CheckTaskActionAsync(work, task, request.Actor, TaskAction.Delegate, cancellationToken).ConfigureAwait(false);
            var owner = task.Assignee ?? request.Actor;
            if (request.To == owner || request.To == request.Actor)
            {
                throw new DomainException("to", $"{request.To} already holds the task; delegate it to a colleague.");
            }

            work.Db.TaskDelegations.Add(new TaskDelegationRecord
            {
                Id = work.NewId(),
                TaskId = task.Id,
                InstanceId = task.InstanceId,
                Owner = owner,
                Delegate = request.To,
                Reason = request.Reason,
                Status = DelegationStatus.Pending,
                DelegatedAt = work.Now,
                DelegatedBy = request.Actor,
            });
            task.Assignee = request.To;
            task.Revision++;
            work.History(task.InstanceId, "task-delegated", task.ElementId, task.Name, request.Actor,
                comment: $"{owner} 委派 {request.To} 办理{ActingText(acting)}：{request.Reason}", taskId: task.Id,
                data: new JsonObject { ["owner"] = owner, ["delegate"] = request.To, ["reason"] = request.Reason, ["actingFor"] = acting?.OnBehalfOf });
            if (alongside is not null)
            {
                await alongside(work.Db, task).ConfigureAwait(false);
            }

            return acting;
        }, deferActivityFailures: false, cancellationToken);
    }

    /// <summary>The delegate returns a delegated task to its owner (resolve), with what they found.</summary>
    public Task<ActingFor?> ResolveTaskAsync(Guid taskId, string actor, string? comment, CancellationToken cancellationToken, Func<ShareFlowDbContext, TaskDelegationRecord, Task>? alongside = null) =>
        EndDelegationAsync(taskId, actor, comment, TaskAction.Resolve, alongside, cancellationToken);

    /// <summary>The owner takes a delegated task back before the delegate has finished.</summary>
    public Task<ActingFor?> TakeBackTaskAsync(Guid taskId, string actor, string? reason, CancellationToken cancellationToken, Func<ShareFlowDbContext, TaskDelegationRecord, Task>? alongside = null) =>
        EndDelegationAsync(taskId, actor, reason, TaskAction.TakeBack, alongside, cancellationToken);

    /// <summary>
    /// 加签: asks <paramref name="signer"/> to sign the task too. The task cannot be completed until every co-signer has
    /// approved or objected.
    /// </summary>
    /// <returns>The co-sign request's id.</returns>
    public Task<Guid> AddCosignerAsync(Guid taskId, string actor, string signer, string signerDepartment, string? reason, CancellationToken cancellationToken, Func<ShareFlowDbContext, UserTaskRecord, Task>? alongside = null) =>
        ExecuteAsync(async (work, _) =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(actor);
            ArgumentException.ThrowIfNullOrWhiteSpace(signer);
            var task = await OpenTaskAsync(work, taskId, cancellationToken).ConfigureAwait(false);
            var acting = await CheckTaskActionAsync(work, task, actor, TaskAction.AddCosigner, cancellationToken).ConfigureAwait(false);
            if (signer == actor || signer == task.Assignee || signer == acting?.OnBehalfOf)
            {
                throw new DomainException("signer", "A co-signer is someone other than the task's holder.");
            }

            if (await work.Db.TaskCosigns.AnyAsync(c => c.TaskId == taskId && c.Signer == signer && c.Status == CosignOutcome.Pending, cancellationToken).ConfigureAwait(false))
            {
                throw new DomainException("signer", $"{signer} has already been asked to sign this task.");
            }

            var id = work.NewId();
            work.Db.TaskCosigns.Add(new TaskCosignRecord
            {
                Id = id,
                TaskId = task.Id,
                InstanceId = task.InstanceId,
                RequestedBy = actor,
                Signer = signer,
                SignerDepartment = signerDepartment,
                Reason = reason,
                RequestedAt = work.Now,
                Status = CosignOutcome.Pending,
            });
            // A completion racing with this request conflicts on the task's revision instead of slipping past it.
            task.Revision++;
            work.History(task.InstanceId, "cosigner-added", task.ElementId, task.Name, actor,
                comment: $"加签：请 {signer} 会签{ActingText(acting)}" + (string.IsNullOrWhiteSpace(reason) ? string.Empty : $"：{reason}"), taskId: task.Id,
                data: new JsonObject { ["signer"] = signer, ["signerDepartment"] = signerDepartment, ["cosignId"] = id, ["actingFor"] = acting?.OnBehalfOf });
            if (alongside is not null)
            {
                await alongside(work.Db, task).ConfigureAwait(false);
            }

            return id;
        }, deferActivityFailures: false, cancellationToken);

    /// <summary>The co-signer (or their deputy) signs: approves or objects, with an opinion kept in the history.</summary>
    public Task<ActingFor?> CosignTaskAsync(Guid taskId, TaskCosignature signature, CancellationToken cancellationToken, Func<ShareFlowDbContext, TaskCosignRecord, Task>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return ExecuteAsync(async (work, _) =>
        {
            if (signature.Outcome is not (CosignOutcome.Approve or CosignOutcome.Objection))
            {
                throw new DomainException("outcome", "Sign with approve or object.");
            }

            var task = await OpenTaskAsync(work, taskId, cancellationToken).ConfigureAwait(false);
            var pending = await work.Db.TaskCosigns.Where(c => c.TaskId == taskId && c.Status == CosignOutcome.Pending).OrderBy(c => c.RequestedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
            var request = pending.FirstOrDefault(c => c.Signer == signature.Actor);
            ActingFor? acting = null;
            if (request is null)
            {
                foreach (var candidate in pending)
                {
                    if (await IsDeputyAsync(work, candidate.Signer, signature.Actor, cancellationToken).ConfigureAwait(false))
                    {
                        request = candidate;
                        acting = new ActingFor(candidate.Signer, ActingFor.Deputy);
                        break;
                    }
                }
            }

            if (request is null)
            {
                throw new IllegalStateException($"{signature.Actor} has no co-signature pending on this task.");
            }

            request.Status = CosignOutcome.StatusOf(signature.Outcome);
            request.SignedBy = signature.Actor;
            request.SignedAt = work.Now;
            request.Opinion = signature.Opinion;
            task.Revision++;
            work.History(task.InstanceId, "task-cosigned", task.ElementId, task.Name, signature.Actor, signature.Outcome,
                (signature.Outcome == CosignOutcome.Approve ? "会签同意" : "会签异议") + ActingText(acting) + "：" + signature.Opinion, task.Id,
                new JsonObject { ["requestedBy"] = request.RequestedBy, ["signer"] = request.Signer, ["actingFor"] = acting?.OnBehalfOf });
            if (alongside is not null)
            {
                await alongside(work.Db, request).ConfigureAwait(false);
            }

            return acting;
        }, deferActivityFailures: false, cancellationToken);
    }

    /// <summary>Records something done to a case outside its process (抄送, 催办, an attachment) with its rows, in one transaction.</summary>
    /// <exception cref="EngineNotFoundException">No such process instance.</exception>
    public Task RecordCaseEventAsync(Guid instanceId, CaseEvent caseEvent, CancellationToken cancellationToken, Func<ShareFlowDbContext, Task>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        return ExecuteAsync(async (work, _) =>
        {
            if (!await work.Db.ProcessInstances.AnyAsync(i => i.Id == instanceId, cancellationToken).ConfigureAwait(false))
            {
                throw new EngineNotFoundException("Process instance", instanceId.ToString());
            }

            if (alongside is not null)
            {
                await alongside(work.Db).ConfigureAwait(false);
            }

            work.History(instanceId, caseEvent.Kind, actor: caseEvent.Actor, outcome: caseEvent.Outcome, comment: caseEvent.Comment, taskId: caseEvent.TaskId);
            return true;
        }, deferActivityFailures: false, cancellationToken);
    }

    /// <summary>
    /// Called by every task action of the engine inside its transaction: refuses what a delegation or a pending
    /// co-signature forbids, and records when the actor acts on someone else's behalf (a deputy for the assignee, a
    /// delegate for the owner).
    /// </summary>
    /// <param name="pendingCosigns">How many co-signatures the task still waits for, when already read with it; null: read them here.</param>
    private static async Task BeforeTaskActionAsync(UnitOfWork work, UserTaskRecord task, string? actor, TaskAction action, CancellationToken cancellationToken, int? pendingCosigns = null)
    {
        var (acting, delegation) = await CheckAsync(work, task, actor, action, cancellationToken, pendingCosigns).ConfigureAwait(false);
        if (delegation is not null && action == TaskAction.Complete)
        {
            delegation.Status = DelegationStatus.Completed;
            delegation.EndedAt = work.Now;
            delegation.EndedBy = actor;
        }

        if (delegation is not null && acting is null)
        {
            acting = new ActingFor(delegation.Owner, ActingFor.Delegate);
        }

        if (acting is not null)
        {
            work.History(task.InstanceId, "acting-for", task.ElementId, task.Name, actor,
                comment: acting.As == ActingFor.Deputy ? $"代理 {acting.OnBehalfOf} 办理" : $"受 {acting.OnBehalfOf} 委派办理", taskId: task.Id,
                data: new JsonObject { ["onBehalfOf"] = acting.OnBehalfOf, ["as"] = acting.As, ["action"] = action.ToString().ToLowerInvariant() });
        }
    }

    private static async Task<ActingFor?> CheckTaskActionAsync(UnitOfWork work, UserTaskRecord task, string? actor, TaskAction action, CancellationToken cancellationToken) =>
        (await CheckAsync(work, task, actor, action, cancellationToken).ConfigureAwait(false)).Acting;

    /// <returns>On whose behalf the actor acts (a deputy's principal, the owner when a delegate acts), and the task's pending delegation.</returns>
    private static async Task<(ActingFor? Acting, TaskDelegationRecord? Delegation)> CheckAsync(
        UnitOfWork work, UserTaskRecord task, string? actor, TaskAction action, CancellationToken cancellationToken, int? pendingCosigns = null)
    {
        ActingFor? acting = null;
        if (actor is not null && task.Assignee is { } assignee && assignee != actor && await IsDeputyAsync(work, assignee, actor, cancellationToken).ConfigureAwait(false))
        {
            acting = new ActingFor(assignee, ActingFor.Deputy);
        }

        // A delegated task is assigned to its delegate until the delegation ends, so an unassigned task has none.
        var delegation = task.Assignee is null ? null : await PendingDelegationAsync(work, task.Id, cancellationToken).ConfigureAwait(false);
        if (delegation is null)
        {
            if (action is TaskAction.Resolve or TaskAction.TakeBack)
            {
                throw new IllegalStateException($"Task “{task.Name}” is not delegated.");
            }
        }
        else
        {
            // Whose hands the actor works with: their own, or their principal's.
            var holder = acting?.OnBehalfOf ?? actor;
            var byOwner = holder == delegation.Owner
                || (actor is not null && await IsDeputyAsync(work, delegation.Owner, actor, cancellationToken).ConfigureAwait(false));
            switch (action)
            {
                case TaskAction.TakeBack when !byOwner:
                    throw new IllegalStateException($"Only {delegation.Owner}, who delegated the task, can take it back.");
                case TaskAction.TakeBack:
                    acting ??= holder == delegation.Owner ? null : new ActingFor(delegation.Owner, ActingFor.Deputy);
                    break;
                case TaskAction.Complete or TaskAction.Suspend or TaskAction.Resolve or TaskAction.AddCosigner when holder != delegation.Delegate:
                    throw new IllegalStateException(byOwner
                        ? $"The task is delegated to {delegation.Delegate}: while it is, {delegation.Owner} cannot act on it. Take it back first."
                        : $"The task is delegated to {delegation.Delegate}; only they can act on it now.");
                case TaskAction.Transfer or TaskAction.Delegate or TaskAction.Release:
                    throw new IllegalStateException($"The task is delegated to {delegation.Delegate}: it must be returned or taken back first.");
                default:
                    break;
            }
        }

        // Who is awaited is read only when someone is (or when the count was not read with the task).
        if (action == TaskAction.Complete && pendingCosigns is not 0)
        {
            var waiting = await EngineQueries.PendingCosignersAsync(work.Db, task.Id, cancellationToken).ConfigureAwait(false);
            if (waiting.Count > 0)
            {
                throw new IllegalStateException($"The task waits for the co-signature of {string.Join(", ", waiting)}; it can be completed once they have signed.");
            }
        }

        return (acting, delegation);
    }

    private Task<ActingFor?> EndDelegationAsync(Guid taskId, string actor, string? comment, TaskAction action, Func<ShareFlowDbContext, TaskDelegationRecord, Task>? alongside, CancellationToken cancellationToken) =>
        ExecuteAsync(async (work, _) =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(actor);
            var task = await OpenTaskAsync(work, taskId, cancellationToken).ConfigureAwait(false);
            var (acting, pending) = await CheckAsync(work, task, actor, action, cancellationToken).ConfigureAwait(false);
            var delegation = pending!; // CheckAsync refuses to resolve or take back a task that is not delegated.
            delegation.Status = action == TaskAction.Resolve ? DelegationStatus.Resolved : DelegationStatus.TakenBack;
            delegation.EndedAt = work.Now;
            delegation.EndedBy = actor;
            delegation.Comment = comment;
            task.Assignee = delegation.Owner;
            task.Revision++;
            var text = action == TaskAction.Resolve ? $"{delegation.Delegate} 办毕退回 {delegation.Owner}" : $"{delegation.Owner} 收回委派给 {delegation.Delegate} 的任务";
            work.History(task.InstanceId, action == TaskAction.Resolve ? "task-resolved" : "task-taken-back", task.ElementId, task.Name, actor,
                comment: text + ActingText(acting) + (string.IsNullOrWhiteSpace(comment) ? string.Empty : $"：{comment}"), taskId: task.Id,
                data: new JsonObject { ["owner"] = delegation.Owner, ["delegate"] = delegation.Delegate, ["actingFor"] = acting?.OnBehalfOf });
            if (alongside is not null)
            {
                await alongside(work.Db, delegation).ConfigureAwait(false);
            }

            return acting;
        }, deferActivityFailures: false, cancellationToken);

    /// <summary>The task's pending delegation (tracked: an operation may end it). At most one is pending at a time.</summary>
    private static Task<TaskDelegationRecord?> PendingDelegationAsync(UnitOfWork work, Guid taskId, CancellationToken cancellationToken) =>
        EngineQueries.PendingDelegationAsync(work.Db, taskId, cancellationToken);

    /// <summary>Whether <paramref name="actor"/> is <paramref name="principal"/>'s deputy right now (代理 period running, not ended early).</summary>
    private static Task<bool> IsDeputyAsync(UnitOfWork work, string principal, string actor, CancellationToken cancellationToken) =>
        work.Db.Deputies.Running(work.Now).AnyAsync(d => d.Principal == principal && d.Deputy == actor, cancellationToken);

    private static string ActingText(ActingFor? acting) => acting is null
        ? string.Empty
        : acting.As == ActingFor.Deputy ? $"（代理 {acting.OnBehalfOf}）" : $"（受 {acting.OnBehalfOf} 委派）";

    private enum TaskAction
    {
        Complete,
        Suspend,
        Release,
        Transfer,
        Delegate,
        Resolve,
        TakeBack,
        AddCosigner,
    }
}
