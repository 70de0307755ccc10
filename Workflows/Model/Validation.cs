namespace ShareFlow.Workflows.Model;

/// <summary>What the validator needs to know about the rest of the system; every member is supplied by the caller.</summary>
/// <param name="CheckExpressionSyntax">
/// Checks an expression's syntax; returns an error message, or null when it parses. It receives the expression body
/// (without a <c>${ }</c> wrapper).
/// </param>
/// <param name="IsKnownActivity">Whether a registered activity has that name (<c>sf:activity</c>).</param>
/// <param name="IsKnownDefinitionKey">Whether a published definition has that key (<c>calledElement</c>).</param>
/// <param name="IsKnownProfileParameter">Whether the policy profile defines that parameter (<c>sf:dueDays</c>, <c>sf:days</c>).</param>
public sealed record ValidationContext(
    Func<string, string?> CheckExpressionSyntax,
    Func<string, bool> IsKnownActivity,
    Func<string, bool> IsKnownDefinitionKey,
    Func<string, bool> IsKnownProfileParameter)
{
    /// <summary>When set, a service or send task without <c>sf:activity</c> is valid and runs this activity.</summary>
    public string? DefaultActivity { get; init; }

    /// <summary>When true, a user task without any assignment is valid (the caller supplies a default assignment).</summary>
    public bool AllowUnassignedUserTasks { get; init; }

    /// <summary>
    /// The inputs a registered activity reads (<see cref="Activities.IActivity.Inputs"/>), so that a task missing a required
    /// one, or naming a user task the process does not have, is found before publishing; null when they are not checked.
    /// </summary>
    public Func<string, IReadOnlyList<Activities.ActivityInputSpec>>? InputsOf { get; init; }
}

public enum ValidationSeverity
{
    /// <summary>Publication is refused.</summary>
    Error,

    /// <summary>Publication is allowed; the modeller should look at it.</summary>
    Warning,
}

/// <summary>One finding of <see cref="DefinitionValidator"/>: the element at fault, a stable code and a message.</summary>
public sealed record ValidationError(string ElementId, string Code, string Message, ValidationSeverity Severity = ValidationSeverity.Error);

/// <summary>The stable codes of <see cref="ValidationError"/>.</summary>
public static class ValidationCodes
{
    /// <summary>A scope (the process or a sub-process) has no start event.</summary>
    public const string NoStartEvent = "no-start-event";

    /// <summary>A process has more than one none start event, or a sub-process's start event is not a single none start event.</summary>
    public const string BadStartEvent = "bad-start-event";

    /// <summary>An element cannot be reached from a start event.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>A non-end element has no outgoing sequence flow.</summary>
    public const string DeadEnd = "dead-end";

    /// <summary>No end event can be reached from an element (e.g. a loop without exit).</summary>
    public const string NoPathToEnd = "no-path-to-end";

    /// <summary>A start or boundary event has an incoming flow, or an end event has an outgoing one.</summary>
    public const string BadEventFlow = "bad-event-flow";

    /// <summary>A splitting exclusive gateway has an outgoing flow that is neither conditional nor the default.</summary>
    public const string GatewayWithoutCondition = "gateway-without-condition";

    /// <summary>(Warning) Every outgoing flow of an exclusive gateway is conditional and there is no default.</summary>
    public const string GatewayWithoutDefault = "gateway-without-default";

    /// <summary>The default flow is not an outgoing flow of its gateway, or carries a condition.</summary>
    public const string BadDefaultFlow = "bad-default-flow";

    /// <summary>A flow out of a parallel gateway has a condition.</summary>
    public const string ConditionOnParallelFlow = "condition-on-parallel-flow";

    /// <summary>A flow that is not out of an exclusive gateway has a condition.</summary>
    public const string UnexpectedCondition = "unexpected-condition";

    /// <summary>An event-based gateway has fewer than two flows or one not leading to a timer/message catch event.</summary>
    public const string BadEventGateway = "bad-event-gateway";

    /// <summary><c>sf:activity</c> names no registered activity.</summary>
    public const string UnknownActivity = "unknown-activity";

    /// <summary>A service or send task has no <c>sf:activity</c> and there is no default activity.</summary>
    public const string UnboundActivity = "unbound-activity";

    /// <summary>An expression does not parse.</summary>
    public const string BadExpression = "bad-expression";

    /// <summary>A period is out of range (zero cycle, more than 3650 days, negative total…).</summary>
    public const string BadDuration = "bad-duration";

    /// <summary>A profile parameter name is not defined.</summary>
    public const string UnknownProfileParameter = "unknown-profile-parameter";

    /// <summary>A user task has neither candidates nor an assignee.</summary>
    public const string UnassignedUserTask = "unassigned-user-task";

    /// <summary>Multi-instance characteristics are incomplete or contradictory.</summary>
    public const string BadMultiInstance = "bad-multi-instance";

    /// <summary>A call activity names no known definition key.</summary>
    public const string UnknownCalledElement = "unknown-called-element";

    /// <summary>A message event references no defined message.</summary>
    public const string UnknownMessage = "unknown-message";

    /// <summary>A boundary event is attached to nothing, to a non-activity, or across scopes.</summary>
    public const string BadAttachment = "bad-attachment";

    /// <summary>A timer anchored on <c>taskDue</c> is attached to something without <c>sf:dueDays</c>.</summary>
    public const string AnchorWithoutDueDays = "anchor-without-due-days";

    /// <summary><c>sf:dueFrom</c> without <c>sf:dueDays</c>, or a literal that is not a <c>yyyy-MM-dd</c> date.</summary>
    public const string BadDueFrom = "bad-due-from";

    /// <summary><c>sf:extendDeadlineOf</c> names something that is not a user task with <c>sf:dueDays</c>.</summary>
    public const string BadDeadlineExtension = "bad-deadline-extension";

    /// <summary>A sequence flow's source does not exist.</summary>
    public const string UnknownFlowSource = "unknown-flow-source";

    /// <summary>A sequence flow's target does not exist.</summary>
    public const string UnknownFlowTarget = "unknown-flow-target";

    /// <summary>A sequence flow connects elements of different scopes.</summary>
    public const string FlowCrossesScope = "flow-crosses-scope";

    /// <summary>A service or send task does not give an input its activity requires.</summary>
    public const string MissingInput = "missing-input";

    /// <summary>An input that names a user task (a reminder's <c>task</c>) names none of the process's user tasks.</summary>
    public const string UnknownTaskReference = "unknown-task-reference";
}
