using System.Text.Json.Nodes;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Activities;

/// <summary>
/// Work a service or send task does, registered under a stable name (<c>sf:activity</c>). It runs inside the state
/// change's transaction: database work goes through <see cref="ActivityContext.Database"/>, and anything that leaves
/// the database (e-mail, webhook, notice) is written to the outbox with <see cref="ActivityContext.Emit"/>.
/// Throwing makes the engine roll the state change back to before the task, retry later with backoff, and after the
/// last retry show an incident.
/// </summary>
public interface IActivity
{
    /// <summary>The stable name BPMN refers to.</summary>
    string Name { get; }

    /// <summary>What the activity does and which process variables it reads or sets, for the people who draw processes.</summary>
    string Description => string.Empty;

    /// <summary>The <c>sf:input</c> elements the activity reads; empty when it works on the process variables alone.</summary>
    IReadOnlyList<ActivityInputSpec> Inputs => [];

    ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);
}

/// <summary>
/// One <c>sf:input</c> an activity reads: its name, whether a task must give it, and what it means. An input whose
/// <paramref name="Kind"/> is <see cref="ActivityInputKind.UserTaskId"/> names a user task of the same process, and a
/// literal that names none is refused when the definition is validated.
/// </summary>
public sealed record ActivityInputSpec(string Name, bool Required, string Description, ActivityInputKind Kind = ActivityInputKind.Value);

/// <summary>What an <see cref="ActivityInputSpec"/> holds.</summary>
public enum ActivityInputKind
{
    /// <summary>A value: text, a number, or an expression over the process variables.</summary>
    Value,

    /// <summary>The id of a user task of the same process.</summary>
    UserTaskId,
}

/// <summary>What an activity sees of the process.</summary>
public sealed class ActivityContext
{
    private readonly Action<string, JsonObject> _emit;

    internal ActivityContext(
        Guid instanceId,
        string? businessKey,
        string elementId,
        JsonObject variables,
        IReadOnlyDictionary<string, object?> inputs,
        ShareFlowDbContext database,
        TimeProvider clock,
        Action<string, JsonObject> emit)
    {
        InstanceId = instanceId;
        BusinessKey = businessKey;
        ElementId = elementId;
        Variables = variables;
        Inputs = inputs;
        Database = database;
        Clock = clock;
        _emit = emit;
    }

    public Guid InstanceId { get; }

    public string? BusinessKey { get; }

    public string ElementId { get; }

    /// <summary>The process variables; changes are saved with the state change.</summary>
    public JsonObject Variables { get; }

    /// <summary>The task's <c>sf:input</c> values, evaluated.</summary>
    public IReadOnlyDictionary<string, object?> Inputs { get; }

    public ShareFlowDbContext Database { get; }

    public TimeProvider Clock { get; }

    /// <summary>Writes an effect to the outbox, in the same transaction as the state change.</summary>
    public void Emit(string kind, JsonObject payload) => _emit(kind, payload);
}
