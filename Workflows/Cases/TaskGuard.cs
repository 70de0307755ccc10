using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// Who may act on a case's task: the engine completes whatever it is asked to, so the case services check first that
/// the task is the expected step of their own kind of case and that the user belongs to its candidate department and
/// holds its candidate role. Someone outside gets a clear refusal and nothing changes.
/// </summary>
internal static class TaskGuard
{
    /// <exception cref="DomainException">Not an open task of that step, or the user is not among its candidates.</exception>
    public static async Task<UserTaskRecord> RequireHolderAsync(
        IDbContextFactory<ShareFlowDbContext> dbFactory, Guid taskId, User user, IReadOnlyCollection<string> elementIds,
        Func<ShareFlowDbContext, Guid, Task<bool>> isOwnCase, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var task = await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Task", taskId.ToString());
        if (!elementIds.Contains(task.ElementId) || !await isOwnCase(db, task.InstanceId).ConfigureAwait(false))
        {
            throw new DomainException($"Task {taskId} ({task.Name}) is not a step this action applies to.");
        }

        if (task.Status != UserTaskStatus.Open)
        {
            throw new ConcurrencyConflictException($"Task {taskId} is already {task.Status}" + (task.CompletedBy is null ? "." : $" by {task.CompletedBy}."));
        }

        if ((task.CandidateDepartment is { } department && department != user.DepartmentCode)
            || (task.CandidateRole is { } role && !user.HasRole(role)))
        {
            throw new DomainException($"{user.UserName} ({user.DepartmentCode}) cannot act on “{task.Name}”: it is for {task.CandidateDepartment ?? "any department"} / {task.CandidateRole ?? "any role"}.");
        }

        return task;
    }
}

/// <summary>Notices the case activities send beyond the generic <c>notice</c> activity.</summary>
internal static class CaseNotices
{
    /// <summary>A department's principal (主要负责人), or null when none is on record.</summary>
    public static async Task<string?> SupervisorOfAsync(ActivityContext context, string department, CancellationToken cancellationToken) =>
        await context.Database.Departments.Where(d => d.Code == department).Select(d => d.Supervisor).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Tells a department's principal (主要负责人), or its <paramref name="fallbackRole"/> holders when it has none on record.</summary>
    public static async Task ToSupervisorAsync(ActivityContext context, string kind, string department, string fallbackRole, string subject, string body, CancellationToken cancellationToken)
    {
        var supervisor = await SupervisorOfAsync(context, department, cancellationToken).ConfigureAwait(false);
        NoticeWriter.Write(context, kind, department, supervisor is null ? fallbackRole : null, supervisor, subject, body);
    }

    /// <summary>
    /// Tells a department's <paramref name="role"/> holders (or <paramref name="user"/> alone, when given) and, when it has
    /// one on record, its principal (主要负责人), unless the principal is the one told already.
    /// </summary>
    public static async Task TellWithPrincipalAsync(ActivityContext context, string kind, string department, string? role, string subject, string body, CancellationToken cancellationToken, string? user = null)
    {
        NoticeWriter.Write(context, kind, department, user is null ? role : null, user, subject, body);
        if (await SupervisorOfAsync(context, department, cancellationToken).ConfigureAwait(false) is { } supervisor && supervisor != user)
        {
            NoticeWriter.Write(context, kind, department, null, supervisor, subject, body);
        }
    }

    /// <summary>Tells the coordinating office (variable <c>officeDepartment</c>), when the case has one.</summary>
    public static void TellOffice(ActivityContext context, string kind, string subject, string body)
    {
        if (context.Variables.OptionalText("officeDepartment") is { } office)
        {
            NoticeWriter.Write(context, kind, office, Roles.CoordinatingOffice, null, subject, body);
        }
    }

    /// <summary>A department's name for notice texts (e.g. 市公安局), or its code when it is not registered.</summary>
    public static async Task<string> NameOfAsync(ActivityContext context, string department, CancellationToken cancellationToken) =>
        await context.Database.Departments.Where(d => d.Code == department).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? department;

    /// <summary>The article the instance's profile names for a rule, or the regulation itself when it names none.</summary>
    public static string ArticleOrRegulation(ActivityContext context, string rule) =>
        context.Variables["policy"]?["articles"]?[rule]?.GetValue<string>()
        ?? context.Variables["policy"]?["regulation"]?.GetValue<string>()
        ?? context.Variables.Article(rule);
}
