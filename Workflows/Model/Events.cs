namespace ShareFlow.Workflows.Model;

/// <summary><c>startEvent</c>: a none start event, or a message start event when <see cref="Message"/> is set.</summary>
public sealed record StartEvent : FlowElement
{
    public MessageEventDefinition? Message { get; init; }

    public override string Kind => "startEvent";
}

/// <summary><c>endEvent</c>: a none end event, or a terminate end event (ends the whole scope) when <see cref="IsTerminate"/>.</summary>
public sealed record EndEvent : FlowElement
{
    public bool IsTerminate { get; init; }

    public override string Kind => "endEvent";
}

/// <summary><c>intermediateCatchEvent</c> waiting for a timer or a message.</summary>
public sealed record IntermediateCatchEvent : FlowElement
{
    public required EventDefinition Trigger { get; init; }

    public override string Kind => "intermediateCatchEvent";
}

/// <summary><c>intermediateThrowEvent</c> without a definition: a pass-through milestone.</summary>
public sealed record IntermediateThrowEvent : FlowElement
{
    public override string Kind => "intermediateThrowEvent";
}

/// <summary><c>boundaryEvent</c> on a task, sub-process or call activity.</summary>
public sealed record BoundaryEvent : FlowElement
{
    /// <summary>The id of the host activity.</summary>
    public required string AttachedToRef { get; init; }

    /// <summary>Whether firing cancels the host (interrupting; the BPMN default).</summary>
    public bool CancelActivity { get; init; } = true;

    public required EventDefinition Trigger { get; init; }

    public override string Kind => "boundaryEvent";
}
