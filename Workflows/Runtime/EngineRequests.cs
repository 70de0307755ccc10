using System.Text.Json.Nodes;

namespace ShareFlow.Workflows.Runtime;

/// <summary>
/// Starts the latest version of a definition. Variable values may be JSON elements or nodes, strings, numbers,
/// booleans, dates or lists; <c>Jurisdiction</c> names whose calendar counts the deadlines (null: national).
/// </summary>
public sealed record StartInstance(
    string DefinitionKey,
    string? BusinessKey = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    string? Actor = null,
    string? Jurisdiction = null);

/// <summary>
/// Completes a task: <c>Outcome</c> is the decision (e.g. <c>approve</c>), kept in the task and the history;
/// <c>Variables</c> are set on the instance before the process moves on.
/// </summary>
public sealed record CompleteTask(
    string? Actor = null,
    string? Outcome = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    string? Comment = null);

/// <summary>An instance as it stands, with its open tasks (oldest first).</summary>
public sealed record InstanceView(
    Guid Id,
    string DefinitionKey,
    int DefinitionVersion,
    string? BusinessKey,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? EndReason,
    int OpenIncidents,
    JsonObject Variables,
    IReadOnlyList<string> ActiveElements,
    Guid? ParentInstanceId,
    IReadOnlyList<TaskView> OpenTasks);

public sealed record HistoryEntry(
    long Id,
    DateTimeOffset At,
    string Kind,
    string? ElementId,
    string? ElementName,
    Guid? TaskId,
    string? Actor,
    string? Outcome,
    string? Comment,
    string? Data);

/// <summary>A user task as its candidates and assignee see it.</summary>
public sealed record TaskView(
    Guid Id,
    Guid InstanceId,
    string ElementId,
    string? Name,
    string Status,
    string? CandidateDepartment,
    string? CandidateRole,
    string? Assignee,
    DateTimeOffset CreatedAt,
    DateOnly? DueDate,
    DateTimeOffset? DueAt,
    bool DueProvisional,
    string? Outcome,
    string? CompletedBy);
