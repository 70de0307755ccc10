using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShareFlow.Workflows.Runtime;

/// <summary>
/// Where an instance's tokens are: the engine's private document, stored as JSON in the instance row and
/// changed only inside a state-changing transaction.
/// </summary>
internal sealed class InstanceState
{
    public List<Token> Tokens { get; set; } = [];

    /// <summary>Running embedded sub-processes (the root scope is the instance itself and is not listed).</summary>
    public List<ScopeInstance> Scopes { get; set; } = [];

    public static InstanceState Parse(string json) =>
        JsonSerializer.Deserialize(json, InstanceStateJson.Default.InstanceState) ?? new InstanceState();

    public string Serialize() => JsonSerializer.Serialize(this, InstanceStateJson.Default.InstanceState);
}

/// <summary>A token: a position in the process.</summary>
internal sealed class Token
{
    public Guid Id { get; set; }

    public required string ElementId { get; set; }

    /// <summary>The scope instance the token runs in: the instance id for the process level, else a <see cref="ScopeInstance"/>.</summary>
    public Guid ScopeInstanceId { get; set; }

    public TokenStatus Status { get; set; }

    /// <summary>At a joining parallel gateway: the sequence flow the token came by.</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>A multi-instance task's counters.</summary>
    public MultiInstanceState? MultiInstance { get; set; }

    /// <summary>At a call activity: the child instance.</summary>
    public Guid? ChildInstanceId { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<TokenStatus>))]
internal enum TokenStatus
{
    /// <summary>Waiting at a task, catch event, event-based gateway, sub-process or call activity.</summary>
    Waiting,

    /// <summary>Parked at a parallel gateway until every incoming flow has a token.</summary>
    Joining,
}

internal sealed class MultiInstanceState
{
    public int Total { get; set; }

    public int Completed { get; set; }

    public int Active { get; set; }

    /// <summary>Sequential: the index of the next element to start.</summary>
    public int NextIndex { get; set; }

    /// <summary>The collection the instances iterate over, as JSON (null with a plain cardinality).</summary>
    public string? Items { get; set; }
}

internal sealed class ScopeInstance
{
    public Guid Id { get; set; }

    /// <summary>The sub-process element.</summary>
    public required string ElementId { get; set; }

    public Guid ParentScopeInstanceId { get; set; }

    /// <summary>The token waiting at the sub-process element in the parent scope.</summary>
    public Guid ParentTokenId { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InstanceState))]
internal sealed partial class InstanceStateJson : JsonSerializerContext;
