using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>An open task a user may act on, and on whose behalf when it is not their own.</summary>
public sealed record ActionableTask(UserTaskRecord Task, ActingFor? ActingFor);

/// <summary>
/// Who may act on a task: its assignee; while unclaimed, its candidates (its department's holders of its role); and while
/// a 代理 period runs, the assignee's deputy. Everyone else is told it does not exist.
/// </summary>
public static class TaskAccess
{
    /// <summary>The deputy periods running at <paramref name="now"/> (started, not over, not ended early).</summary>
    public static IQueryable<DeputyRecord> Running(this IQueryable<DeputyRecord> deputies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deputies);
        return deputies.Where(d => d.StartsAt <= now && d.EndsAt > now && (d.EndedAt == null || d.EndedAt > now));
    }

    /// <summary>The users <paramref name="userName"/> acts for right now as their deputy.</summary>
    public static Task<List<string>> PrincipalsAsync(ShareFlowDbContext db, string userName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Deputies.AsNoTracking().Running(now).Where(d => d.Deputy == userName).Select(d => d.Principal).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>The user's deputy right now, if they have named one for a period that is running.</summary>
    public static Task<string?> DeputyOfAsync(ShareFlowDbContext db, string userName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Deputies.AsNoTracking().Running(now).Where(d => d.Principal == userName).OrderBy(d => d.StartsAt).Select(d => d.Deputy).FirstOrDefaultAsync(cancellationToken);
    }

    /// <returns>The open task with how the user acts on it, or null when they may not act on it (or it is not open).</returns>
    public static async Task<ActionableTask?> ActionableAsync(
        ShareFlowDbContext db, Guid taskId, string userName, string department, IEnumerable<string> roles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var task = await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId && t.Status == UserTaskStatus.Open, cancellationToken).ConfigureAwait(false);
        if (task is null)
        {
            return null;
        }

        if (task.Assignee == userName)
        {
            // 委派: a delegate acts on the owner's behalf.
            var owner = await db.TaskDelegations.AsNoTracking().Where(d => d.TaskId == taskId && d.Status == DelegationStatus.Pending && d.Delegate == userName)
                .Select(d => d.Owner).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return new ActionableTask(task, owner is null ? null : new ActingFor(owner, ActingFor.Delegate));
        }

        if (task.Assignee is null)
        {
            return task.CandidateDepartment == department && task.CandidateRole is { } role && roles.Contains(role, StringComparer.Ordinal)
                ? new ActionableTask(task, null)
                : null;
        }

        var principals = await PrincipalsAsync(db, userName, now, cancellationToken).ConfigureAwait(false);
        return principals.Contains(task.Assignee, StringComparer.Ordinal) ? new ActionableTask(task, new ActingFor(task.Assignee, ActingFor.Deputy)) : null;
    }

    /// <summary>The pending delegation of an open task that <paramref name="userName"/> (or the principal they deputise for) owns.</summary>
    public static async Task<TaskDelegationRecord?> OwnedDelegationAsync(ShareFlowDbContext db, Guid taskId, string userName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var principals = await PrincipalsAsync(db, userName, now, cancellationToken).ConfigureAwait(false);
        principals.Add(userName);
        return await db.TaskDelegations.AsNoTracking()
            .Where(d => d.TaskId == taskId && d.Status == DelegationStatus.Pending && principals.Contains(d.Owner))
            .Join(db.UserTasks.Where(t => t.Status == UserTaskStatus.Open), d => d.TaskId, t => t.Id, (d, _) => d)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Notices of the clerk's operations, written into the operation's transaction with their outbox message (e-mail,
/// webhooks). A notice for a user whose 代理 period runs goes to their deputy, saying for whom.
/// </summary>
public static class ClerkNotices
{
    public static async Task ToUserAsync(ShareFlowDbContext db, Guid caseId, string kind, string userName, string subject, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var recipient = userName;
        if (await TaskAccess.DeputyOfAsync(db, userName, now, cancellationToken).ConfigureAwait(false) is { } deputy)
        {
            recipient = deputy;
            subject = $"【代理 {userName}】{subject}";
        }

        var department = await db.Users.AsNoTracking().Where(u => u.UserName == recipient).Select(u => u.DepartmentCode).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        Write(db, caseId, kind, department, null, recipient, subject, body, now);
    }

    /// <summary>A notice for exactly this user, never routed to a deputy (the notices about deputy periods themselves).</summary>
    public static void ToUserDirectly(ShareFlowDbContext db, Guid? caseId, string kind, string department, string userName, string subject, string body, DateTimeOffset now) =>
        Write(db, caseId, kind, department, null, userName, subject, body, now);

    public static void ToCandidates(ShareFlowDbContext db, Guid caseId, string kind, string department, string role, string subject, string body, DateTimeOffset now) =>
        Write(db, caseId, kind, department, role, null, subject, body, now);

    private static void Write(ShareFlowDbContext db, Guid? caseId, string kind, string department, string? role, string? user, string subject, string body, DateTimeOffset now)
    {
        var notice = new Notice(Guid.CreateVersion7(now), caseId, kind, department, role, user, Truncate(subject, 255), Truncate(body, 4000), now);
        db.Notices.Add(notice);
        db.Outbox.Add(new OutboxRecord
        {
            InstanceId = caseId,
            Kind = "notice",
            CreatedAt = now,
            Payload = new JsonObject
            {
                ["noticeId"] = notice.Id,
                ["caseId"] = caseId,
                ["kind"] = kind,
                ["department"] = department,
                ["role"] = role,
                ["user"] = user,
                ["subject"] = notice.Subject,
                ["body"] = notice.Body,
            }.ToJsonString(),
        });
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
