namespace ShareFlow.Workflows.Persistence;

/// <summary>A published version of a process definition. Publishing makes version n+1; versions are never changed.</summary>
public sealed class ProcessDefinitionRecord
{
    public long Id { get; set; }

    /// <summary>The BPMN process id: the definition key that instances and call activities name.</summary>
    public required string Key { get; set; }

    public int Version { get; set; }

    public string? Name { get; set; }

    /// <summary>The BPMN XML exactly as published (diagram interchange included).</summary>
    public required string Xml { get; set; }

    /// <summary>SHA-256 of the XML, hex.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public string? PublishedBy { get; set; }
}

/// <summary>A running or ended process instance. Its token state is one JSON document, guarded by <see cref="Revision"/>.</summary>
public sealed class ProcessInstanceRecord
{
    public Guid Id { get; set; }

    public long DefinitionId { get; set; }

    public required string DefinitionKey { get; set; }

    public int DefinitionVersion { get; set; }

    public string? BusinessKey { get; set; }

    /// <summary><c>active</c>, <c>completed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; set; }

    /// <summary>The process variables, a JSON object.</summary>
    public required string Variables { get; set; }

    /// <summary>Tokens and scopes, a JSON document only the engine reads.</summary>
    public required string State { get; set; }

    /// <summary>The jurisdiction whose calendar counts the instance's deadlines; null for the national calendar.</summary>
    public string? Jurisdiction { get; set; }

    public Guid? ParentInstanceId { get; set; }

    public Guid? ParentTokenId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public string? StartedBy { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? EndReason { get; set; }

    /// <summary>Open incidents (failed activities waiting for an operator).</summary>
    public int OpenIncidents { get; set; }

    /// <summary>Optimistic concurrency: every state change increments it.</summary>
    public int Revision { get; set; }
}

/// <summary>A user task: who may take it, who has it, when it is due, and how it ended.</summary>
public sealed class UserTaskRecord
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public Guid TokenId { get; set; }

    public required string ElementId { get; set; }

    public string? Name { get; set; }

    /// <summary><c>open</c>, <c>completed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; set; }

    public string? CandidateDepartment { get; set; }

    public string? CandidateRole { get; set; }

    public string? Assignee { get; set; }

    public string? FormKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The Asia/Shanghai date the task's period counts from (the day of receipt, not counted itself).</summary>
    public DateOnly? DueBasisDate { get; set; }

    public int? DueDays { get; set; }

    /// <summary><c>working</c> or <c>calendar</c>.</summary>
    public string? DueDayKind { get; set; }

    public DateOnly? DueDate { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public bool DueProvisional { get; set; }

    /// <summary>Multi-instance: the element's index in the collection, and the task-local variables (JSON object).</summary>
    public int? LoopIndex { get; set; }

    public string? LocalVariables { get; set; }

    /// <summary>
    /// 补正: while the case is back with the requester for more material the task is suspended and its deadline clock
    /// stops; <see cref="RemainingDays"/> are the days that were left, counted again from the resubmission.
    /// </summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    public int? RemainingDays { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? CompletedBy { get; set; }

    public string? Outcome { get; set; }

    public string? Comment { get; set; }

    public int Revision { get; set; }
}

/// <summary>
/// Something a token waits for outside the engine: a timer, a message, or a retry of a failed activity.
/// A wait is deleted when it fires or is cancelled, so a stale scheduler trigger finds nothing and does nothing.
/// </summary>
public sealed class WaitRecord
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public Guid TokenId { get; set; }

    /// <summary>The catch event, boundary event or activity the wait belongs to.</summary>
    public required string ElementId { get; set; }

    /// <summary><c>timer</c>, <c>message</c> or <c>job</c> (an activity to run or retry).</summary>
    public required string Kind { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public bool Provisional { get; set; }

    /// <summary>Day-counting timers: the date counted from and the number of days and their kind, to recompute on a calendar change.</summary>
    public DateOnly? BasisDate { get; set; }

    public int? BasisDays { get; set; }

    public string? BasisDayKind { get; set; }

    /// <summary>Cycle timers: repetitions left (-1 = unbounded) and the ISO 8601 period between them.</summary>
    public int? RepeatsLeft { get; set; }

    public string? RepeatPeriod { get; set; }

    public string? MessageName { get; set; }

    public string? CorrelationKey { get; set; }

    /// <summary>Jobs: attempts made so far and the last error.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>A job that used up its retries waits for an operator; it is not scheduled.</summary>
    public bool IsIncident { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One step of an instance's history: who did what, where, when.</summary>
public sealed class HistoryRecord
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>A stable name, e.g. <c>instance-started</c>, <c>element-completed</c>, <c>task-completed</c>.</summary>
    public required string Kind { get; set; }

    public string? ElementId { get; set; }

    public string? ElementName { get; set; }

    public Guid? TaskId { get; set; }

    public string? Actor { get; set; }

    public string? Outcome { get; set; }

    public string? Comment { get; set; }

    /// <summary>Details as a JSON object, when any.</summary>
    public string? Data { get; set; }
}

/// <summary>An effect outside the database (e-mail, webhook, notice), written in the same transaction as the state change.</summary>
public sealed class OutboxRecord
{
    public long Id { get; set; }

    public Guid? InstanceId { get; set; }

    /// <summary>A stable name chosen by the writer, e.g. <c>notice</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>A JSON object.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}
