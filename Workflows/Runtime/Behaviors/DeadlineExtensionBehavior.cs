using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Runtime.Behaviors;

/// <summary>
/// <c>sf:extendDeadlineOf</c> (延期): the target user task's period grows by the resolved number of days, counted in its
/// own day kind from the same basis, so its due date moves later. Its boundary timers anchored on the task's due date
/// (<c>sf:anchor="taskDue"</c>) follow: pending ones are moved, and one that already fired is armed again only when its
/// new moment is still ahead (a reminder already given is not repeated at once). A suspended task (补正) keeps its
/// clock stopped and gets the days added to what it has left. With no such task open the step changes nothing.
/// </summary>
internal sealed class DeadlineExtensionBehavior : IElementBehavior
{
    public async Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken)
    {
        var extension = (DeadlineExtensionTask)element;
        var work = execution.Work;
        work.History(instance.Id, "element-entered", element.Id, element.Name);
        var days = TimerCalculator.Resolve(extension.Days, execution.ParametersOf(instance), extension.Id);
        var target = instance.Process.Elements.GetValueOrDefault(extension.TargetTaskId) as UserTask
            ?? throw new ProcessExecutionException(extension.Id, $"'{extension.TargetTaskId}' is not a user task.");

        var open = (await instance.LoadOpenTasksAsync(work, cancellationToken).ConfigureAwait(false)).Where(t => t.ElementId == target.Id && t.DueDays is not null).ToList();
        var suspended = await work.Db.UserTasks
            .Where(t => t.InstanceId == instance.Id && t.ElementId == target.Id && t.Status == UserTaskStatus.Suspended && t.RemainingDays != null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (days > 0)
        {
            foreach (var task in open)
            {
                Extend(execution, instance, task, days);
            }

            foreach (var group in open.GroupBy(t => t.TokenId))
            {
                await RearmAsync(execution, instance, target, group.First(), cancellationToken).ConfigureAwait(false);
            }

            foreach (var task in suspended)
            {
                task.RemainingDays += days;
                task.DueDays += days;
                task.Revision++;
                work.History(instance.Id, "deadline-extended", target.Id, target.Name, taskId: task.Id, data: new JsonObject { ["days"] = days, ["remainingDays"] = task.RemainingDays });
            }
        }

        if (open.Count + suspended.Count == 0 || days == 0)
        {
            work.History(instance.Id, "deadline-not-extended", extension.Id, extension.Name,
                comment: days == 0 ? "the extension is 0 days" : $"'{target.Id}' has no open task");
        }

        await execution.LeaveAsync(instance, token, cancellationToken).ConfigureAwait(false);
    }

    private static void Extend(Execution execution, InstanceContext instance, UserTaskRecord task, int days)
    {
        task.DueDays += days;
        var due = TimerCalculator.Count(task.DueBasisDate!.Value, task.DueDays!.Value, TimerCalculator.ParseDayKind(task.DueDayKind), instance.Calendar);
        due.ApplyTo(task);
        task.Revision++;
        execution.Work.History(instance.Id, "deadline-extended", task.ElementId, task.Name, taskId: task.Id, data: new JsonObject
        {
            ["days"] = days,
            ["dueDate"] = task.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }

    private static async Task RearmAsync(Execution execution, InstanceContext instance, UserTask target, UserTaskRecord task, CancellationToken cancellationToken)
    {
        var token = instance.State.Tokens.SingleOrDefault(t => t.Id == task.TokenId);
        if (token is null)
        {
            return;
        }

        var period = new TaskPeriod(task.DueBasisDate!.Value, task.DueDays!.Value, TimerCalculator.ParseDayKind(task.DueDayKind));
        var waits = await instance.LoadWaitsAsync(execution.Work, cancellationToken).ConfigureAwait(false);
        foreach (var boundary in instance.Process.BoundaryEventsOf(target.Id).Where(b => b.Trigger is TimerEventDefinition { Timer: WorkingDayPeriod { Anchor: TimerAnchor.TaskDue } }))
        {
            var pending = waits.Where(w => w.TokenId == token.Id && w.ElementId == boundary.Id && w.Kind == WaitKind.Timer).ToList();
            foreach (var wait in pending)
            {
                execution.Work.RemoveWait(instance, wait);
            }

            var timer = ((TimerEventDefinition)boundary.Trigger).Timer;
            var next = TimerCalculator.Compute(timer, execution.Now, instance.Calendar, execution.ParametersOf(instance), period, boundary.Id);
            if (pending.Count > 0 || next.DueAt > execution.Now)
            {
                execution.AddTimerWait(instance, token, boundary.Id, next);
            }
        }
    }
}
