namespace ShareFlow.Workflows.Model;

/// <summary>What an event waits for: a <see cref="TimerEventDefinition"/> or a <see cref="MessageEventDefinition"/>.</summary>
public abstract record EventDefinition
{
    private protected EventDefinition()
    {
    }

    /// <summary>The definition element's own id, when it has one.</summary>
    public string? Id { get; init; }
}

/// <summary><c>timerEventDefinition</c>.</summary>
public sealed record TimerEventDefinition : EventDefinition
{
    public required TimerSpec Timer { get; init; }
}

/// <summary><c>messageEventDefinition</c>; <see cref="MessageName"/> is the referenced <c>message</c>'s name, the correlation key's subject.</summary>
public sealed record MessageEventDefinition : EventDefinition
{
    /// <summary>The <c>messageRef</c> attribute (a message id), null when absent.</summary>
    public string? MessageRef { get; init; }

    /// <summary>The name of the referenced message; null when the reference is missing or unknown.</summary>
    public string? MessageName { get; init; }
}
