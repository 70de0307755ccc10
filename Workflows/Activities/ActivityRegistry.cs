using System.Collections.Frozen;

namespace ShareFlow.Workflows.Activities;

/// <summary>The activities service and send tasks may name: one explicit list, no scanning.</summary>
public sealed class ActivityRegistry
{
    private readonly FrozenDictionary<string, IActivity> _byName;

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var byName = new Dictionary<string, IActivity>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (!byName.TryAdd(activity.Name, activity))
            {
                throw new ArgumentException($"Two activities are registered as '{activity.Name}'.", nameof(activities));
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>Every registered activity, by name.</summary>
    public IEnumerable<IActivity> All => _byName.Values.OrderBy(a => a.Name, StringComparer.Ordinal);

    public bool Contains(string name) => _byName.ContainsKey(name);

    public IActivity Get(string name) =>
        _byName.TryGetValue(name, out var activity) ? activity : throw new KeyNotFoundException($"No activity is registered as '{name}'.");
}

/// <summary><c>noop</c>: does nothing. The default for plain BPMN service and send tasks when the caller chooses it.</summary>
public sealed class NoOpActivity : IActivity
{
    public string Name => "noop";

    public string Description => "Does nothing: a placeholder for a service or send task that has no work yet.";

    public ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>
/// <c>notify</c>: writes a notice to the outbox for delivery (in-app, e-mail, webhook). Inputs: <c>to</c>, <c>subject</c>,
/// <c>text</c>, <c>channel</c>, and any other: each becomes a field of the message as it is, and none is required.
/// </summary>
public sealed class NotifyActivity : IActivity
{
    public string Name => "notify";

    public string Description => "Writes a message to the outbox for delivery (in-app, e-mail, webhook): every input becomes a field of the message.";

    public IReadOnlyList<ActivityInputSpec> Inputs { get; } =
    [
        new("to", false, "Who the message is for."),
        new("subject", false, "The subject line."),
        new("text", false, "The text."),
        new("channel", false, "The delivery channel, when not the default."),
    ];

    public ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var payload = new System.Text.Json.Nodes.JsonObject
        {
            ["instanceId"] = context.InstanceId,
            ["businessKey"] = context.BusinessKey,
            ["element"] = context.ElementId,
        };
        foreach (var (name, value) in context.Inputs)
        {
            payload[name] = Runtime.ProcessVariables.ToNode(value);
        }

        context.Emit("notice", payload);
        return ValueTask.CompletedTask;
    }
}
