namespace ShareFlow.Workflows.Model;

/// <summary>A node of a process graph (events, activities, gateways). Sequence flows are <see cref="SequenceFlow"/>.</summary>
public abstract record FlowElement
{
    private protected FlowElement()
    {
    }

    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The id of the scope that contains the element: the process id, or the id of its embedded sub-process.</summary>
    public required string ScopeId { get; init; }

    /// <summary>The BPMN element name, e.g. <c>userTask</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary>A connection between two flow elements of the same scope.</summary>
public sealed record SequenceFlow
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The scope that declares the flow.</summary>
    public required string ScopeId { get; init; }

    public required string SourceRef { get; init; }

    public required string TargetRef { get; init; }

    /// <summary>The <c>conditionExpression</c>, when present.</summary>
    public ExpressionText? Condition { get; init; }
}
