using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Apis;

/// <summary>
/// The instance viewer's data: a case's process instance (or one it called) drawn on its own version's BPMN — where it is,
/// what it has done and which flows it took, its history, its pending deadlines and the instances it called. Whoever may
/// see the case may see this; anyone else gets 404, as for a missing case.
/// </summary>
internal static class InstanceViewerApi
{
    /// <summary>How many call activities deep the viewer follows a case's instances.</summary>
    private const int MaxCallDepth = 32;

    public static void MapInstanceViewerApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/cases/{caseId:guid}/instance", GetAsync).WithTags("Cases").RequireAuthorization();

    public sealed record InstanceResponse(
        Guid CaseId,
        Guid InstanceId,
        Guid? ParentInstanceId,
        string DefinitionKey,
        int Version,
        string Status,
        DateTimeOffset StartedAt,
        DateTimeOffset? EndedAt,
        string Xml,
        IReadOnlyList<string> ActiveElementIds,
        IReadOnlyList<string> CompletedElementIds,
        IReadOnlyList<string> TakenFlowIds,
        IReadOnlyList<InstanceHistoryResponse> History,
        IReadOnlyList<InstanceDeadlineResponse> Deadlines,
        IReadOnlyList<InstanceChildResponse> Children);

    public sealed record InstanceHistoryResponse(DateTimeOffset At, string Kind, string? ElementId, string? ElementName, string? Actor, string? Outcome, string? Comment);

    /// <param name="Kind"><c>task</c> (an open user task's deadline) or <c>timer</c> (a pending timer event).</param>
    public sealed record InstanceDeadlineResponse(string ElementId, string? ElementName, string Kind, DateOnly DueDate, DateTimeOffset DueAt, bool Provisional, bool Overdue);

    public sealed record InstanceChildResponse(Guid InstanceId, string DefinitionKey, int Version, string Status);

    /// <summary>
    /// The case's own instance, or with <paramref name="instanceId"/> an instance the case called (at any depth): an
    /// instance that is not the case's answers 404.
    /// </summary>
    private static async Task<Results<Ok<InstanceResponse>, NotFound, ValidationProblem>> GetAsync(
        Guid caseId, string? instanceId, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, WorkflowEngine engine, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var selected = caseId;
        if (instanceId is not null && !Guid.TryParse(instanceId, out selected))
        {
            var errors = new QueryErrors();
            errors.Add("instanceId", $"'{instanceId}' is not an instance id.");
            return errors.ToProblem();
        }

        var (_, @case) = await CasesApi.VisibleCaseAsync(context, dbFactory, caseId, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var instance = await db.ProcessInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == selected, cancellationToken);
        if (instance is null || !await BelongsToCaseAsync(db, instance, caseId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var xml = await engine.Definitions.GetXmlAsync(instance.DefinitionKey, instance.DefinitionVersion, cancellationToken);
        var process = new BpmnParser(new BpmnParserOptions { MaxCharactersInDocument = int.MaxValue }).Parse(xml).ExecutableProcess;
        var view = await engine.GetInstanceAsync(instance.Id, cancellationToken);
        var history = await engine.GetHistoryAsync(instance.Id, cancellationToken);
        var active = instance.Status == InstanceStatus.Active ? view.ActiveElements : [];
        var completed = history.Where(h => h.Kind == "element-completed" && h.ElementId is not null).Select(h => h.ElementId!).Distinct(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();

        var deadlines = new List<InstanceDeadlineResponse>();
        foreach (var task in await engine.GetOpenTasksAsync(instance.Id, cancellationToken))
        {
            if (task.DueDate is { } dueDate && task.DueAt is { } dueAt)
            {
                deadlines.Add(new InstanceDeadlineResponse(task.ElementId, task.Name, "task", dueDate, dueAt, task.DueProvisional, dueAt <= now));
            }
        }

        var timers = await db.Waits.AsNoTracking().Where(w => w.InstanceId == instance.Id && w.Kind == WaitKind.Timer && w.DueAt != null).ToListAsync(cancellationToken);
        foreach (var timer in timers.OrderBy(w => w.DueAt))
        {
            var dueAt = timer.DueAt!.Value;

            // A period counted in days ends at 24:00 of its last day, which is the first instant of the day after.
            var dueDate = timer.BasisDays is null ? ChinaTime.DateOf(dueAt) : ChinaTime.DateOf(dueAt).AddDays(-1);
            deadlines.Add(new InstanceDeadlineResponse(timer.ElementId, process.Elements.GetValueOrDefault(timer.ElementId)?.Name, "timer", dueDate, dueAt, timer.Provisional, dueAt <= now));
        }

        var children = await db.ProcessInstances.AsNoTracking().Where(i => i.ParentInstanceId == instance.Id).OrderBy(i => i.StartedAt)
            .Select(i => new InstanceChildResponse(i.Id, i.DefinitionKey, i.DefinitionVersion, i.Status)).ToListAsync(cancellationToken);

        return TypedResults.Ok(new InstanceResponse(
            caseId, instance.Id, instance.ParentInstanceId, instance.DefinitionKey, instance.DefinitionVersion, instance.Status, instance.StartedAt, instance.EndedAt, xml,
            active, completed, TakenFlows(process, history, completed, active),
            [.. history.Select(h => new InstanceHistoryResponse(h.At, h.Kind, h.ElementId, h.ElementName, h.Actor, h.Outcome, h.Comment))],
            deadlines, children));
    }

    /// <summary>Whether the instance is the case's or one it called, directly or through other called instances.</summary>
    private static async Task<bool> BelongsToCaseAsync(ShareFlowDbContext db, ProcessInstanceRecord instance, Guid caseId, CancellationToken cancellationToken)
    {
        var id = instance.Id;
        var parent = instance.ParentInstanceId;
        for (var depth = 0; id != caseId; depth++)
        {
            if (parent is not { } next || depth > MaxCallDepth)
            {
                return false;
            }

            id = next;
            parent = await db.ProcessInstances.AsNoTracking().Where(i => i.Id == id).Select(i => i.ParentInstanceId).SingleOrDefaultAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// The sequence flows the instance took, in the order first taken: as the engine recorded them with each completed
    /// step (<c>{"flows":[…]}</c>). A step recorded without them (history written before flows were kept) counts the flows
    /// from that element to an element the instance reached.
    /// </summary>
    private static List<string> TakenFlows(ProcessModel process, IReadOnlyList<HistoryEntry> history, IReadOnlyList<string> completed, IReadOnlyList<string> active)
    {
        var reached = completed.Concat(active).ToHashSet(StringComparer.Ordinal);
        var taken = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in history.Where(h => h.Kind == "element-completed" && h.ElementId is not null))
        {
            var flows = step.Data is null
                ? process.Outgoing(step.ElementId!).Where(f => reached.Contains(f.TargetRef)).Select(f => f.Id)
                : RecordedFlows(step.Data);
            taken.AddRange(flows.Where(seen.Add));
        }

        return taken;
    }

    private static IEnumerable<string> RecordedFlows(string data)
    {
        using var document = JsonDocument.Parse(data);
        return document.RootElement.TryGetProperty("flows", out var flows) && flows.ValueKind == JsonValueKind.Array
            ? [.. flows.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!)]
            : [];
    }
}
