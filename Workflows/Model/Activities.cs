namespace ShareFlow.Workflows.Model;

/// <summary>A BPMN activity: a task, an embedded sub-process or a call activity. Boundary events attach to these.</summary>
public abstract record BpmnActivity : FlowElement
{
    private protected BpmnActivity()
    {
    }
}

/// <summary><c>userTask</c>: work item for people of a department and/or role, or for one assignee.</summary>
public sealed record UserTask : BpmnActivity
{
    /// <summary><c>sf:candidateDepartment</c>.</summary>
    public LiteralOrExpression? CandidateDepartment { get; init; }

    /// <summary><c>sf:candidateRole</c>.</summary>
    public LiteralOrExpression? CandidateRole { get; init; }

    /// <summary><c>sf:assignee</c>.</summary>
    public LiteralOrExpression? Assignee { get; init; }

    /// <summary><c>sf:dueDays</c>: the time allowed, from the day the task is created (not counted) or from <see cref="DueFrom"/>.</summary>
    public DayAmount? DueDays { get; init; }

    /// <summary>
    /// <c>sf:dueFrom</c>: a date (literal <c>yyyy-MM-dd</c> or an expression yielding one) that <see cref="DueDays"/> counts
    /// from instead of the day the task is created — a statutory period that runs from an earlier event, such as the day a
    /// law changed (Lanzhou art. 17: 自变化之日起10个工作日内). The day itself is not counted.
    /// </summary>
    public LiteralOrExpression? DueFrom { get; init; }

    /// <summary><c>sf:dueDayKind</c>, when written as a literal.</summary>
    public DayCountKind DueDayKind { get; init; } = DayCountKind.Working;

    /// <summary>
    /// <c>sf:dueDayKind="${…}"</c>: an expression giving <c>working</c> or <c>calendar</c> when the task is created (e.g. from
    /// a policy-profile rule); it takes the place of <see cref="DueDayKind"/>.
    /// </summary>
    public ExpressionText? DueDayKindExpression { get; init; }

    /// <summary><c>sf:formKey</c>.</summary>
    public string? FormKey { get; init; }

    /// <summary><c>multiInstanceLoopCharacteristics</c>, when the task runs once per item or a number of times.</summary>
    public MultiInstanceLoop? MultiInstance { get; init; }

    public bool HasAssignment => CandidateDepartment is not null || CandidateRole is not null || Assignee is not null;

    public override string Kind => "userTask";
}

/// <summary><c>multiInstanceLoopCharacteristics</c> of a user task.</summary>
public sealed record MultiInstanceLoop
{
    public bool IsSequential { get; init; }

    /// <summary><c>loopCardinality</c>: a whole number or an expression.</summary>
    public ExpressionText? LoopCardinality { get; init; }

    /// <summary><c>completionCondition</c>, evaluated after each instance completes.</summary>
    public ExpressionText? CompletionCondition { get; init; }

    /// <summary><c>sf:collection</c>: an expression yielding the list to iterate.</summary>
    public ExpressionText? Collection { get; init; }

    /// <summary><c>sf:elementVariable</c>: the local variable holding the current item.</summary>
    public string? ElementVariable { get; init; }
}

/// <summary>A service or send task: runs the registered activity <see cref="ActivityName"/> with <see cref="Inputs"/>.</summary>
public abstract record BoundTask : BpmnActivity
{
    private protected BoundTask()
    {
    }

    /// <summary><c>sf:activity</c>; null when the caller's default activity applies.</summary>
    public string? ActivityName { get; init; }

    /// <summary>The <c>sf:input</c> elements, in document order.</summary>
    public IReadOnlyList<ActivityInput> Inputs { get; init; } = [];
}

/// <summary><c>serviceTask</c>.</summary>
public sealed record ServiceTask : BoundTask
{
    public override string Kind => "serviceTask";
}

/// <summary><c>sendTask</c>.</summary>
public sealed record SendTask : BoundTask
{
    public override string Kind => "sendTask";
}

/// <summary>One <c>&lt;sf:input name="…" value="…"/&gt;</c> of a service or send task.</summary>
public sealed record ActivityInput(string Name, LiteralOrExpression Value);

/// <summary><c>manualTask</c> or plain <c>task</c>: nothing to do, the token passes through.</summary>
public sealed record PassThroughTask : BpmnActivity
{
    /// <summary>The element as written: <c>manualTask</c> or <c>task</c>.</summary>
    public string ElementKind { get; init; } = "task";

    public override string Kind => ElementKind;
}

/// <summary>
/// A <c>task</c> (or <c>manualTask</c>) with <c>sf:extendDeadlineOf</c>: moves the deadline of the open user task
/// <see cref="TargetTaskId"/> of the same instance later by <see cref="Days"/> days of that task's own day kind, as when an
/// office grants an extension (延期, Lanzhou art. 17); its deadline-anchored timers move with it.
/// </summary>
public sealed record DeadlineExtensionTask : BpmnActivity
{
    /// <summary><c>sf:extendDeadlineOf</c>: the id of a user task with <c>sf:dueDays</c>.</summary>
    public required string TargetTaskId { get; init; }

    /// <summary><c>sf:extendDays</c>: a whole number or a policy-profile parameter name.</summary>
    public required DayAmount Days { get; init; }

    /// <summary>The element as written: <c>task</c> or <c>manualTask</c>.</summary>
    public string ElementKind { get; init; } = "task";

    public override string Kind => ElementKind;
}

/// <summary><c>subProcess</c> (embedded): a scope of its own whose id is the element's id.</summary>
public sealed record SubProcess : BpmnActivity
{
    public override string Kind => "subProcess";
}

/// <summary><c>callActivity</c>: starts the published definition <see cref="CalledElement"/> and waits for it.</summary>
public sealed record CallActivity : BpmnActivity
{
    /// <summary><c>calledElement</c>: the called definition key.</summary>
    public string? CalledElement { get; init; }

    /// <summary><c>sf:in</c> mappings (caller variable → called process variable).</summary>
    public IReadOnlyList<VariableMapping> Inputs { get; init; } = [];

    /// <summary><c>sf:out</c> mappings (called process variable → caller variable).</summary>
    public IReadOnlyList<VariableMapping> Outputs { get; init; } = [];

    /// <summary><c>&lt;sf:in variables="all"/&gt;</c>: every caller variable is copied in.</summary>
    public bool CopyAllIn { get; init; }

    /// <summary><c>&lt;sf:out variables="all"/&gt;</c>: every called-process variable is copied out.</summary>
    public bool CopyAllOut { get; init; }

    public override string Kind => "callActivity";
}

/// <summary>One <c>sf:in</c> / <c>sf:out</c> mapping: <see cref="Source"/> is copied into <see cref="Target"/>.</summary>
public sealed record VariableMapping(string Source, string Target);
