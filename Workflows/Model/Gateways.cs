namespace ShareFlow.Workflows.Model;

/// <summary>A gateway: exclusive, parallel or event-based.</summary>
public abstract record Gateway : FlowElement
{
    private protected Gateway()
    {
    }
}

/// <summary><c>exclusiveGateway</c>: takes the first outgoing flow whose condition holds, else the default flow.</summary>
public sealed record ExclusiveGateway : Gateway
{
    /// <summary>The <c>default</c> attribute: the id of the flow taken when no condition holds.</summary>
    public string? DefaultFlowId { get; init; }

    public override string Kind => "exclusiveGateway";
}

/// <summary><c>parallelGateway</c>: forks to every outgoing flow; joins by waiting for every incoming flow.</summary>
public sealed record ParallelGateway : Gateway
{
    public override string Kind => "parallelGateway";
}

/// <summary><c>eventBasedGateway</c>: waits for the first of the catch events its flows lead to.</summary>
public sealed record EventBasedGateway : Gateway
{
    public override string Kind => "eventBasedGateway";
}
