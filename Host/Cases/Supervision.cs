using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Cases;

/// <summary>A missed deadline the process acted on (督办): the office took over, or the principals and the office were told.</summary>
/// <param name="Department">The department that missed the deadline (the late step's candidate department).</param>
/// <param name="TaskId">The late step.</param>
/// <param name="DueDate">The late step's last day.</param>
/// <param name="EscalatedAt">When the deadline timer fired.</param>
/// <param name="OfficeTaskId">The step the escalation opened (the office's coordination, follow-up or handling; a top tier's decision), if any.</param>
/// <param name="Open">Still to be dealt with: the step it opened is open, or, where it opened none, the late step itself still is.</param>
/// <param name="DecidedBySystem">
/// The rules decided in the late department's place when the deadline passed, and no one was asked to act (Shenyang
/// art. 25: 逾期未答复的，视为同意).
/// </param>
internal sealed record EscalationItem(
    Guid CaseId, string? CaseNumber, string Process, string? Kind, string? Title, string? Department, Guid TaskId, string TaskName, DateOnly? DueDate,
    DateTimeOffset EscalatedAt, Guid? OfficeTaskId, bool Open, bool DecidedBySystem);

/// <summary>An open step past its deadline.</summary>
/// <param name="Department">The department the step is with (its candidate department).</param>
/// <param name="WorkingDaysOverdue">Working days on the official calendar after the last day up to today.</param>
internal sealed record OverdueItem(
    Guid TaskId, Guid CaseId, string? CaseNumber, string Process, string? Kind, string? Title, string TaskName, string? Department, string? Assignee,
    DateOnly? DueDate, DateTimeOffset? DueAt, int WorkingDaysOverdue);

/// <param name="Since">The first day whose escalations are listed once dealt with; every escalation still open is listed, however old.</param>
internal sealed record SupervisionResponse(DateOnly Since, IReadOnlyList<EscalationItem> Escalations, IReadOnlyList<OverdueItem> Overdue);

/// <summary>
/// 督办: the escalations and the overdue steps a department's principal or the coordinating office watches. Every shipped
/// process puts a deadline timer on its timed steps (a boundary timer <c>sf:anchor="taskDue"</c> without offset or
/// fraction); when it fires, the process escalates — the office takes over (共享申请, 数据异议), gets a follow-up step
/// (目录变更), the principals and the office are told (验收汇交, 开放申请, 争议协调), or the top tier decides (限期整改).
/// An escalation is such a firing, read from the history with the definition version the case runs. Every escalation
/// still open is listed; one dealt with only when it fired on or after the day asked for (by default
/// <see cref="DefaultDays"/> days back), so that the page reads the firings of running cases and of that period rather
/// than the whole history of the city.
/// </summary>
internal sealed class Supervision(IDbContextFactory<ShareFlowDbContext> dbFactory, TaskCases taskCases, TimeProvider clock)
{
    /// <summary>How many days back escalations already dealt with are listed unless another first day is asked for.</summary>
    public const int DefaultDays = 90;

    private readonly ConcurrentDictionary<long, ProcessModel?> _models = new();

    /// <param name="department">The principal's department: only its cases (as requester or provider) and the steps it is late with; null for all.</param>
    /// <param name="since">The first day (Asia/Shanghai) whose escalations are listed once dealt with; null: <see cref="DefaultDays"/> days before today.</param>
    public async Task<SupervisionResponse> BuildAsync(string? department, DateOnly? since, CancellationToken cancellationToken)
    {
        var from = since ?? ChinaTime.Today(clock).AddDays(-DefaultDays);
        var fromInstant = ChinaTime.StartOfDay(from);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The firings of the period (through ix_history_timer_fired_at), and earlier ones only of cases still running: a
        // finished case has nothing left open.
        var firings = db.History.AsNoTracking().Where(h => h.Kind == "timer-fired" && h.ElementId != null);
        var fired = await firings.Where(h => h.At >= fromInstant)
            .Concat(firings.Where(h => h.At < fromInstant)
                .Join(db.ProcessInstances.Where(i => i.Status == InstanceStatus.Active), h => h.InstanceId, i => i.Id, (h, _) => h))
            .OrderBy(h => h.Id).Select(h => new { h.InstanceId, h.At, ElementId = h.ElementId! }).ToListAsync(cancellationToken);
        var firedIn = fired.Select(f => f.InstanceId).Distinct().ToList();
        var definitions = await db.ProcessInstances.AsNoTracking().Where(i => firedIn.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => new { i.DefinitionId, i.DefinitionKey }, cancellationToken);
        var deadlines = new List<(Guid CaseId, string Process, DateTimeOffset At, BoundaryEvent Timer, IReadOnlySet<string> FollowUps)>();
        foreach (var entry in fired)
        {
            if (definitions.GetValueOrDefault(entry.InstanceId) is { } definition
                && await ModelAsync(db, definition.DefinitionId, cancellationToken) is { } model
                && model.Elements.GetValueOrDefault(entry.ElementId) is BoundaryEvent boundary
                && IsDeadline(boundary))
            {
                deadlines.Add((entry.InstanceId, definition.DefinitionKey, entry.At, boundary, FollowUps(model, boundary)));
            }
        }

        var escalatedIn = deadlines.Select(d => d.CaseId).Distinct().ToList();
        var tasks = (await db.UserTasks.AsNoTracking().Where(t => escalatedIn.Contains(t.InstanceId)).ToListAsync(cancellationToken)).ToLookup(t => t.InstanceId);
        var overdueTasks = await db.UserTasks.AsNoTracking()
            .Where(t => t.Status == UserTaskStatus.Open && t.DueAt != null)
            .Join(db.ProcessInstances.AsNoTracking(), t => t.InstanceId, i => i.Id, (t, i) => new { Task = t, i.DefinitionKey })
            .ToListAsync(cancellationToken);
        var cases = await taskCases.LoadAsync(db, [.. escalatedIn, .. overdueTasks.Select(t => t.Task.InstanceId)], cancellationToken);
        overdueTasks = [.. overdueTasks.Where(t => t.Task.DueAt <= cases.Now)];

        bool Concerns(Guid caseId, string? late) =>
            department is null || late == department || cases.Case(caseId) is { } row && (row.RequesterDepartment == department || row.ProviderDepartment == department);

        var escalations = new List<EscalationItem>();
        var opened = new HashSet<Guid>();
        foreach (var (caseId, process, at, timer, followUps) in deadlines)
        {
            var lateTask = tasks[caseId].Where(t => t.ElementId == timer.AttachedToRef && t.CreatedAt <= at).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).FirstOrDefault();
            if (lateTask is null)
            {
                continue;
            }

            // The first step the escalation's path opened at or after the firing, not claimed by an earlier escalation of the case.
            var officeTask = tasks[caseId].Where(t => followUps.Contains(t.ElementId) && t.CreatedAt >= at && !opened.Contains(t.Id)).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).FirstOrDefault();
            if (officeTask is not null)
            {
                opened.Add(officeTask.Id);
            }

            var open = officeTask is not null ? officeTask.Status == UserTaskStatus.Open : lateTask.Status == UserTaskStatus.Open;
            if (!Concerns(caseId, lateTask.CandidateDepartment) || (!open && at < fromInstant))
            {
                continue;
            }

            var row = cases.Case(caseId);
            escalations.Add(new EscalationItem(
                caseId, row?.Number, process, row?.Kind, row?.Title, lateTask.CandidateDepartment, lateTask.Id, lateTask.Name ?? lateTask.ElementId, lateTask.DueDate, at,
                officeTask?.Id, open, officeTask is null && row?.SystemDecision == true));
        }

        var overdue = overdueTasks
            .Where(t => Concerns(t.Task.InstanceId, t.Task.CandidateDepartment))
            .OrderBy(t => t.Task.DueAt)
            .Select(t =>
            {
                var row = cases.Case(t.Task.InstanceId);
                var deadline = cases.Deadline(t.Task.InstanceId, t.Task.DueDate, t.Task.DueAt, open: true);
                return new OverdueItem(
                    t.Task.Id, t.Task.InstanceId, row?.Number, t.DefinitionKey, row?.Kind, row?.Title, t.Task.Name ?? t.Task.ElementId, t.Task.CandidateDepartment,
                    t.Task.Assignee, t.Task.DueDate, t.Task.DueAt, deadline.WorkingDaysOverdue);
            })
            .ToList();
        return new SupervisionResponse(from, [.. escalations.OrderByDescending(e => e.EscalatedAt)], overdue);
    }

    /// <summary>A step's deadline timer: fires at the host step's due instant (<c>sf:anchor="taskDue"</c>, no offset, no fraction).</summary>
    private static bool IsDeadline(BoundaryEvent boundary) =>
        boundary.Trigger is TimerEventDefinition { Timer: WorkingDayPeriod { Anchor: TimerAnchor.TaskDue, Fraction: null, OffsetDays: 0 } period }
        && (period.Days is null || period.Days.Value == 0);

    /// <summary>The user tasks the boundary event's path reaches through gateways and automatic steps, before any wait.</summary>
    private static HashSet<string> FollowUps(ProcessModel model, BoundaryEvent boundary)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { boundary.Id };
        var next = new Queue<string>([boundary.Id]);
        while (next.TryDequeue(out var id))
        {
            foreach (var flow in model.Outgoing(id))
            {
                if (!seen.Add(flow.TargetRef) || !model.Elements.TryGetValue(flow.TargetRef, out var target))
                {
                    continue;
                }

                switch (target)
                {
                    case UserTask:
                        found.Add(target.Id);
                        break;
                    case Gateway or BoundTask or PassThroughTask or IntermediateThrowEvent:
                        next.Enqueue(target.Id);
                        break;
                }
            }
        }

        return found;
    }

    private async Task<ProcessModel?> ModelAsync(ShareFlowDbContext db, long definitionId, CancellationToken cancellationToken)
    {
        if (_models.TryGetValue(definitionId, out var cached))
        {
            return cached;
        }

        var xml = await db.ProcessDefinitions.AsNoTracking().Where(d => d.Id == definitionId).Select(d => d.Xml).SingleOrDefaultAsync(cancellationToken);
        ProcessModel? model = null;
        if (xml is not null)
        {
            try
            {
                model = new BpmnParser().Parse(xml).ExecutableProcess;
            }
            catch (BpmnParseException)
            {
                // A published definition always parses; should one not, its cases simply show no escalations.
            }
        }

        return _models.GetOrAdd(definitionId, model);
    }
}
