using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>What an urge did: the working day it counts for, when the case may be urged again, and which tasks' holders were told.</summary>
public sealed record UrgeResult(DateOnly WorkingDay, DateOnly NextAllowed, IReadOnlyList<Guid> Tasks);

/// <summary>
/// The clerk's everyday operations on tasks and cases (what users of Chinese approval systems expect): 转办 transfer,
/// 委派 delegate / resolve / take back, 加签 co-signing, 抄送 copies, 催办 urging. Each checks who may do it, validates
/// the input (a <see cref="DomainException"/> naming the field; nothing stored), then runs one engine operation whose
/// transaction also writes the notices.
/// </summary>
public sealed class ClerkOperations(WorkflowEngine engine, IDbContextFactory<ShareFlowDbContext> dbFactory, ICalendarSource calendars, TimeProvider clock)
{
    /// <summary>转办: hands the task to a colleague of its department who holds its role; they become its assignee and are told.</summary>
    /// <exception cref="EngineNotFoundException">Not an open task the user may act on.</exception>
    public async Task<ActingFor?> TransferAsync(Guid taskId, string? to, string? reason, User actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (task, _) = await ActionableAsync(taskId, actor, cancellationToken).ConfigureAwait(false);
        var colleague = await ColleagueAsync(task, to, actor, "to", cancellationToken).ConfigureAwait(false);
        var why = Required(reason, "reason", "State why the task is transferred (转办理由).");
        return await engine.TransferTaskAsync(taskId, new TaskHandover(actor.UserName, colleague.UserName, why), cancellationToken, async (db, changed) =>
        {
            var number = await NumberAsync(db, changed.InstanceId, cancellationToken).ConfigureAwait(false);
            await ClerkNotices.ToUserAsync(db, changed.InstanceId, "transfer", colleague.UserName, $"转办：{changed.Name}{number}",
                $"{actor.DisplayName}（{actor.UserName}）将任务“{changed.Name}”{number}转办给您，请及时办理。转办理由：{why}", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>委派: lends the task to a colleague who may act on it; the holder stays its owner and cannot complete it meanwhile.</summary>
    public async Task<ActingFor?> DelegateAsync(Guid taskId, string? to, string? reason, User actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (task, _) = await ActionableAsync(taskId, actor, cancellationToken).ConfigureAwait(false);
        var colleague = await ColleagueAsync(task, to, actor, "to", cancellationToken).ConfigureAwait(false);
        var why = Required(reason, "reason", "Say what the colleague is to do (委派说明).");
        return await engine.DelegateTaskAsync(taskId, new TaskHandover(actor.UserName, colleague.UserName, why), cancellationToken, async (db, changed) =>
        {
            var number = await NumberAsync(db, changed.InstanceId, cancellationToken).ConfigureAwait(false);
            await ClerkNotices.ToUserAsync(db, changed.InstanceId, "delegation", colleague.UserName, $"委派：{changed.Name}{number}",
                $"{actor.DisplayName}（{actor.UserName}）将任务“{changed.Name}”{number}委派给您办理；办毕可直接办结或退回委派人。说明：{why}", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>The delegate returns the task to its owner, with what they found.</summary>
    public async Task<ActingFor?> ResolveAsync(Guid taskId, string? comment, User actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await ActionableAsync(taskId, actor, cancellationToken).ConfigureAwait(false);
        return await engine.ResolveTaskAsync(taskId, actor.UserName, Optional(comment), cancellationToken, async (db, delegation) =>
        {
            var number = await NumberAsync(db, delegation.InstanceId, cancellationToken).ConfigureAwait(false);
            await ClerkNotices.ToUserAsync(db, delegation.InstanceId, "delegation", delegation.Owner, $"委派任务已退回{number}",
                $"{actor.DisplayName}（{actor.UserName}）已办毕您委派的任务{number}并退回给您。" + (Optional(comment) is { } said ? $"意见：{said}" : string.Empty), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>The owner takes a delegated task back.</summary>
    /// <exception cref="EngineNotFoundException">No pending delegation of this task that the user owns.</exception>
    public async Task<ActingFor?> TakeBackAsync(Guid taskId, string? reason, User actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            _ = await TaskAccess.OwnedDelegationAsync(db, taskId, actor.UserName, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false)
                ?? throw new EngineNotFoundException("Delegated task", taskId.ToString());
        }

        return await engine.TakeBackTaskAsync(taskId, actor.UserName, Optional(reason, "reason"), cancellationToken, async (db, delegation) =>
        {
            var number = await NumberAsync(db, delegation.InstanceId, cancellationToken).ConfigureAwait(false);
            await ClerkNotices.ToUserAsync(db, delegation.InstanceId, "delegation", delegation.Delegate, $"委派已收回{number}",
                $"{actor.DisplayName}（{actor.UserName}）已收回委派给您的任务{number}，您无需再办理。", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>加签: asks another signer (any department's role holder, e.g. a legal reviewer) to sign before the task can be completed.</summary>
    /// <returns>The co-sign request's id, and on whose behalf when the actor is a deputy.</returns>
    public async Task<(Guid Id, ActingFor? ActingFor)> AddCosignerAsync(Guid taskId, string? signer, string? reason, User actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (_, acting) = await ActionableAsync(taskId, actor, cancellationToken).ConfigureAwait(false);
        var name = Required(signer, "signer", "Name the co-signer (user name).");
        User cosigner;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            cosigner = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, cancellationToken).ConfigureAwait(false)
                ?? throw new DomainException("signer", $"There is no user '{name}'.");
        }

        var id = await engine.AddCosignerAsync(taskId, actor.UserName, cosigner.UserName, cosigner.DepartmentCode, Optional(reason, "reason"), cancellationToken, async (db, task) =>
        {
            var number = await NumberAsync(db, task.InstanceId, cancellationToken).ConfigureAwait(false);
            await ClerkNotices.ToUserAsync(db, task.InstanceId, "cosign", cosigner.UserName, $"请会签：{task.Name}{number}",
                $"{actor.DisplayName}（{actor.UserName}）请您对任务“{task.Name}”{number}会签：同意或提出异议，并签署意见。" + (Optional(reason, "reason") is { } why ? $"说明：{why}" : string.Empty),
                clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return (id, acting);
    }

    /// <summary>The co-signer signs: <c>approve</c> or <c>object</c>, with an opinion. The task's holder is told.</summary>
    /// <exception cref="EngineNotFoundException">No co-signature of this task is pending for the user (or the user they deputise for).</exception>
    public async Task<ActingFor?> CosignAsync(Guid taskId, string? outcome, string? opinion, User actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var signers = await TaskAccess.PrincipalsAsync(db, actor.UserName, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            signers.Add(actor.UserName);
            var pending = await db.TaskCosigns.AsNoTracking()
                .Where(c => c.TaskId == taskId && c.Status == CosignOutcome.Pending && signers.Contains(c.Signer))
                .Join(db.UserTasks.Where(t => t.Status == UserTaskStatus.Open), c => c.TaskId, t => t.Id, (c, _) => c)
                .AnyAsync(cancellationToken).ConfigureAwait(false);
            if (!pending)
            {
                throw new EngineNotFoundException("Co-sign request", taskId.ToString());
            }
        }

        if (outcome is not (CosignOutcome.Approve or CosignOutcome.Objection))
        {
            throw new DomainException("outcome", "Sign with approve (同意) or object (异议).");
        }

        var said = Required(opinion, "opinion", "Write the co-signing opinion (会签意见).");
        return await engine.CosignTaskAsync(taskId, new TaskCosignature(actor.UserName, outcome, said), cancellationToken, async (db, request) =>
        {
            var number = await NumberAsync(db, request.InstanceId, cancellationToken).ConfigureAwait(false);
            await ClerkNotices.ToUserAsync(db, request.InstanceId, "cosign", request.RequestedBy, $"会签{(outcome == CosignOutcome.Approve ? "同意" : "异议")}{number}",
                $"{actor.DisplayName}（{actor.UserName}）已会签{number}：{(outcome == CosignOutcome.Approve ? "同意" : "异议")}。意见：{said}", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>抄送: copies the task's case to colleagues and departments for their information (read-only); each is told.</summary>
    /// <returns>The task's case, how many copies were made, and on whose behalf when the actor is a deputy.</returns>
    public async Task<(Guid CaseId, int Copies, ActingFor? ActingFor)> CopyAsync(Guid taskId, IReadOnlyList<string>? users, IReadOnlyList<string>? departments, string? note, User actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (task, acting) = await ActionableAsync(taskId, actor, cancellationToken).ConfigureAwait(false);
        var userNames = (users ?? []).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var departmentCodes = (departments ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (userNames.Count == 0 && departmentCodes.Count == 0)
        {
            throw new DomainException("users", "Name the colleagues (users) or departments to copy the case to.");
        }

        if (userNames.Count + departmentCodes.Count > 50)
        {
            throw new DomainException("users", "Copy to at most 50 users and departments at once.");
        }

        if (userNames.Contains(actor.UserName, StringComparer.Ordinal))
        {
            throw new DomainException("users", "The case is already yours; copy it to others.");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var knownUsers = await db.Users.AsNoTracking().Where(u => userNames.Contains(u.UserName)).Select(u => u.UserName).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (userNames.Except(knownUsers, StringComparer.Ordinal).FirstOrDefault() is { } unknownUser)
            {
                throw new DomainException("users", $"There is no user '{unknownUser}'.");
            }

            var knownDepartments = await db.Departments.AsNoTracking().Where(d => departmentCodes.Contains(d.Code)).Select(d => d.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (departmentCodes.Except(knownDepartments, StringComparer.Ordinal).FirstOrDefault() is { } unknownDepartment)
            {
                throw new DomainException("departments", $"There is no department '{unknownDepartment}'.");
            }
        }

        var text = Optional(note, "note");
        var recipients = string.Join("、", userNames.Concat(departmentCodes));
        await engine.RecordCaseEventAsync(task.InstanceId, new CaseEvent("case-copied", actor.UserName, $"抄送 {recipients}" + (acting is null ? string.Empty : acting.As == ActingFor.Deputy ? $"（代理 {acting.OnBehalfOf}）" : $"（受 {acting.OnBehalfOf} 委派）") + (text is null ? string.Empty : $"：{text}"), TaskId: task.Id), cancellationToken, async db =>
        {
            var now = clock.GetUtcNow();
            var number = await NumberAsync(db, task.InstanceId, cancellationToken).ConfigureAwait(false);
            var subject = $"抄送：{task.Name}{number}";
            var body = $"{actor.DisplayName}（{actor.UserName}）将案件{number}抄送给您知悉（只读）。" + (text is null ? string.Empty : $"附言：{text}");
            foreach (var user in userNames)
            {
                db.CaseCopies.Add(NewCopy(task, actor, now, text, user, null));
                await ClerkNotices.ToUserAsync(db, task.InstanceId, "copy", user, subject, body, now, cancellationToken).ConfigureAwait(false);
            }

            foreach (var department in departmentCodes)
            {
                db.CaseCopies.Add(NewCopy(task, actor, now, text, null, department));
                var members = await db.Users.AsNoTracking().Where(u => u.DepartmentCode == department && u.UserName != actor.UserName).Select(u => u.UserName).ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var member in members.Except(userNames, StringComparer.Ordinal))
                {
                    await ClerkNotices.ToUserAsync(db, task.InstanceId, "copy", member, subject, body, now, cancellationToken).ConfigureAwait(false);
                }
            }
        }).ConfigureAwait(false);
        return (task.InstanceId, userNames.Count + departmentCodes.Count, acting);
    }

    /// <summary>Whether the user may urge the case: the coordinating office, or the requesting department's clerks and principal.</summary>
    public static bool MayUrge(CaseInfo @case, User user)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(user);
        return user.HasRole(Roles.CoordinatingOffice)
            || (@case.RequesterDepartment == user.DepartmentCode && (user.HasRole(Roles.RequestingClerk) || user.HasRole(Roles.Supervisor)));
    }

    /// <summary>
    /// 催办: tells the holders of the case's open task (its assignee, or its candidates) to get on with it. At most once
    /// per case and working day of the official calendar (Asia/Shanghai): an urge on a rest day counts for the next
    /// working day.
    /// </summary>
    /// <param name="taskId">The task to urge; when absent, every open task waiting for another department.</param>
    /// <exception cref="IllegalStateException">Already urged for this working day, or nothing to urge.</exception>
    public async Task<UrgeResult> UrgeAsync(Guid caseId, Guid? taskId, string? note, User actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CaseInfo @case;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            @case = await CaseDirectory.FindAsync(db, caseId, cancellationToken).ConfigureAwait(false) is { } found && await CaseAccess.CanSeeAsync(db, found, actor, cancellationToken).ConfigureAwait(false)
                ? found
                : throw new EngineNotFoundException("Case", caseId.ToString());
        }

        if (!MayUrge(@case, actor))
        {
            throw new DomainException("caseId", "Only the requesting department or the coordinating office can urge a case.");
        }

        var open = (await engine.GetOpenTasksAsync(caseId, cancellationToken).ConfigureAwait(false))
            .Where(t => t.CandidateDepartment != actor.DepartmentCode)
            .ToList();
        if (taskId is { } wanted)
        {
            open = open.Where(t => t.Id == wanted).ToList();
            if (open.Count == 0)
            {
                throw new DomainException("taskId", "That is not an open task of this case waiting for another department.");
            }
        }

        if (open.Count == 0)
        {
            throw new IllegalStateException("The case has no open task waiting for another department: there is nobody to urge.");
        }

        var now = clock.GetUtcNow();
        var calendar = calendars.Current.For(@case.Jurisdiction);
        var workingDay = calendar.NextWorkdayOnOrAfter(ChinaTime.DateOf(now));
        var next = calendar.AddWorkingDays(workingDay, 1).Date;
        var text = Optional(note, "note");
        IllegalStateException AlreadyUrged() => new($"The case was already urged for the working day {workingDay:yyyy-MM-dd} (催办每个工作日限一次); it can be urged again from {next:yyyy-MM-dd}.");
        try
        {
            await engine.RecordCaseEventAsync(caseId, new CaseEvent("case-urged", actor.UserName, "催办" + (text is null ? string.Empty : $"：{text}"), TaskId: open[0].Id), cancellationToken, async db =>
            {
                if (await db.CaseUrges.AnyAsync(u => u.CaseId == caseId && u.WorkingDay == workingDay, cancellationToken).ConfigureAwait(false))
                {
                    throw AlreadyUrged();
                }

                db.CaseUrges.Add(new CaseUrgeRecord
                {
                    Id = Guid.CreateVersion7(now),
                    CaseId = caseId,
                    TaskId = open[0].Id,
                    WorkingDay = workingDay,
                    UrgedBy = actor.UserName,
                    UrgedByDepartment = actor.DepartmentCode,
                    Note = text,
                    CreatedAt = now,
                });
                var number = @case.Number is null ? string.Empty : $"（{@case.Number}）";
                foreach (var task in open)
                {
                    var subject = $"催办：{task.Name}{number}";
                    var body = $"{actor.DisplayName}（{actor.UserName}）催办任务“{task.Name}”{number}，请尽快办理"
                        + (task.DueDate is { } due ? $"，办理期限 {due:yyyy-MM-dd}。" : "。") + (text is null ? string.Empty : $"留言：{text}");
                    if (task.Assignee is { } assignee)
                    {
                        await ClerkNotices.ToUserAsync(db, caseId, "urge", assignee, subject, body, now, cancellationToken).ConfigureAwait(false);
                    }
                    else if (task.CandidateDepartment is { } department && task.CandidateRole is { } role)
                    {
                        ClerkNotices.ToCandidates(db, caseId, "urge", department, role, subject, body, now);
                    }
                }
            }).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Two urges raced for the same working day: the unique index let one through.
            throw AlreadyUrged();
        }

        return new UrgeResult(workingDay, next, [.. open.Select(t => t.Id)]);
    }

    private static CaseCopyRecord NewCopy(UserTaskRecord task, User actor, DateTimeOffset now, string? note, string? user, string? department) => new()
    {
        Id = Guid.CreateVersion7(now),
        CaseId = task.InstanceId,
        TaskId = task.Id,
        CopiedBy = actor.UserName,
        CopiedByDepartment = actor.DepartmentCode,
        RecipientUser = user,
        RecipientDepartment = department,
        Note = note,
        CreatedAt = now,
    };

    private async Task<ActionableTask> ActionableAsync(Guid taskId, User actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await TaskAccess.ActionableAsync(db, taskId, actor.UserName, actor.DepartmentCode, actor.Roles, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Task", taskId.ToString());
    }

    /// <summary>A colleague the task may go to: a user of the task's department (the holder's when it names none) holding the task's role.</summary>
    private async Task<User> ColleagueAsync(UserTaskRecord task, string? userName, User actor, string field, CancellationToken cancellationToken)
    {
        var name = Required(userName, field, "Name the colleague (user name).");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var colleague = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(field, $"There is no user '{name}'.");
        var department = task.CandidateDepartment ?? actor.DepartmentCode;
        if (colleague.DepartmentCode != department)
        {
            throw new DomainException(field, $"{name} is not in {department}: a task goes only to a colleague of its own department.");
        }

        if (task.CandidateRole is { } role && !colleague.HasRole(role))
        {
            throw new DomainException(field, $"{name} does not hold the role {role} that “{task.Name}” needs.");
        }

        return colleague;
    }

    private static async Task<string> NumberAsync(ShareFlowDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        (await CaseDirectory.NumbersAsync(db, [caseId], cancellationToken).ConfigureAwait(false)).TryGetValue(caseId, out var number) ? $"（{number}）" : string.Empty;

    private static string Required(string? value, string field, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException(field, message)
        : value.Trim().Length > 1000 ? throw new DomainException(field, "At most 1000 characters.")
        : value.Trim();

    private static string? Optional(string? value, string field = "comment") =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Trim().Length > 1000 ? throw new DomainException(field, "At most 1000 characters.")
        : value.Trim();
}
