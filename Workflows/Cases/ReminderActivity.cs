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
/// </summary>
public sealed class ReminderActivity : IActivity
{
    private readonly NoticeActivity _notice = new();

    public string Name => "reminder";

    public string Description => "A notice about the deadline of the open task named by the input 'task', sent only while that deadline is still ahead; a reminder for a task no longer open, or already overdue, says nothing.";

    public IReadOnlyList<ActivityInputSpec> Inputs { get; } =
        [new("task", true, "The element id of the user task whose deadline the reminder is about."), .. NoticeActivity.NoticeInputs];

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var task = context.Inputs.TryGetValue("task", out var value) ? value?.ToString() : null;
        if (string.IsNullOrWhiteSpace(task))
        {
            throw new ShareFlow.Domain.DomainException($"{context.ElementId}: a reminder names the task it reminds about (input 'task').");
        }

        var dueAt = await context.Database.UserTasks
            .Where(t => t.InstanceId == context.InstanceId && t.ElementId == task && t.Status == UserTaskStatus.Open)
            .Select(t => t.DueAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (dueAt is { } due && due > context.Clock.GetUtcNow())
        {
            await _notice.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }
}
