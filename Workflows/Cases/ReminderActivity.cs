using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// <c>reminder</c>: a <c>notice</c> (same inputs) about the deadline of the open task named by the input <c>task</c> (its
/// element id), sent only while that deadline is still ahead. A period that was already over when its task was created
/// (data due ten working days after a completion declared late, <c>sf:dueFrom</c>) makes every timer of the ladder fire at
/// once; the reminders then say nothing and the overdue notice speaks alone. A reminder for a task no longer open is
/// dropped as well.
/// <para>
/// Without a <c>department</c> input, each open task of that element is reminded to whoever holds it: its assignee once
/// claimed, otherwise its candidate department and role. A multi-instance step, such as the joint opinions (会同意见: one
/// task per joint department), so reminds only the departments that have not yet answered, each about its own task.
/// </para>
/// </summary>
public sealed class ReminderActivity : IActivity
{
    public string Name => "reminder";

    public string Description => "A notice about the deadline of the open task named by the input 'task', sent only while that deadline is still ahead; a reminder for a task no longer open, or already overdue, says nothing. Without a department, each open task of that step is reminded to whoever holds it.";

    public IReadOnlyList<ActivityInputSpec> Inputs { get; } =
    [
        new("task", true, "The element id of the user task whose deadline the reminder is about.", ActivityInputKind.UserTaskId),
        new("department", false, "The department told; when absent, each open task of the step is reminded to its assignee, or to its candidate department and role."),
        .. NoticeActivity.NoticeInputs.Where(i => i.Name != "department"),
    ];

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var task = NoticeActivity.Input(context, "task");
        if (string.IsNullOrWhiteSpace(task))
        {
            throw new ShareFlow.Domain.DomainException($"{context.ElementId}: a reminder names the task it reminds about (input 'task').");
        }

        var now = context.Clock.GetUtcNow();
        var open = await OpenTasksOf(context, task)
            .Select(t => new { t.DueAt, t.CandidateDepartment, t.CandidateRole, t.Assignee })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var pending = open.Where(t => t.DueAt > now).ToList();
        if (NoticeActivity.Input(context, "department") is { } department)
        {
            if (pending.Count > 0)
            {
                await NoticeActivity.TellAsync(context, department, NoticeActivity.Input(context, "role"), user: null, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        foreach (var held in pending)
        {
            var holder = held.CandidateDepartment
                ?? throw new ShareFlow.Domain.DomainException($"{context.ElementId}: task '{task}' has no candidate department to remind; give the reminder a department.");
            await NoticeActivity.TellAsync(context, holder, held.CandidateRole, held.Assignee, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The instance's open tasks of the step <paramref name="elementId"/>, a multi-instance step's in the order of its items.</summary>
    internal static IQueryable<Persistence.UserTaskRecord> OpenTasksOf(ActivityContext context, string elementId) =>
        context.Database.UserTasks
            .Where(t => t.InstanceId == context.InstanceId && t.ElementId == elementId && t.Status == UserTaskStatus.Open)
            .OrderBy(t => t.LoopIndex);
}
