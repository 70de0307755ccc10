namespace ShareFlow.Workflows.Runtime;

/// <summary>
/// The numbers a policy profile gives to named parameters (<c>sharing.answerDays</c> = 15 in Fuzhou, 5 in Shenyang),
/// which timers and due dates may name instead of a fixed number of days.
/// </summary>
public interface IPolicyParameters
{
    IReadOnlyCollection<string> Names { get; }

    bool TryGetDays(string parameter, out int days);
}

/// <summary>Parameters from a fixed table.</summary>
public sealed class FixedPolicyParameters(IReadOnlyDictionary<string, int> values) : IPolicyParameters
{
    public static FixedPolicyParameters Empty { get; } = new(new Dictionary<string, int>());

    public IReadOnlyCollection<string> Names => [.. values.Keys];

    public bool TryGetDays(string parameter, out int days) => values.TryGetValue(parameter, out days);
}

/// <summary>
/// The parameters an instance runs with: the policy-profile version it was started under (process variable
/// <c>policy</c>, <c>{"code","version","parameters":{"sharing.answerDays":15,...}}</c>), then the engine's defaults.
/// A profile changed later does not move the deadlines of instances already running.
/// </summary>
internal sealed class InstancePolicyParameters(System.Text.Json.Nodes.JsonObject variables, IPolicyParameters defaults) : IPolicyParameters
{
    public const string Variable = "policy";

    public IReadOnlyCollection<string> Names =>
        [.. defaults.Names.Union(Snapshot?.Select(p => p.Key) ?? [], StringComparer.Ordinal)];

    private System.Text.Json.Nodes.JsonObject? Snapshot =>
        variables.TryGetPropertyValue(Variable, out var policy) && policy is System.Text.Json.Nodes.JsonObject o
        && o.TryGetPropertyValue("parameters", out var parameters) ? parameters as System.Text.Json.Nodes.JsonObject : null;

    public bool TryGetDays(string parameter, out int days)
    {
        if (Snapshot is { } snapshot && snapshot.TryGetPropertyValue(parameter, out var value) && value is System.Text.Json.Nodes.JsonValue number && number.TryGetValue(out int fromSnapshot))
        {
            days = fromSnapshot;
            return true;
        }

        return defaults.TryGetDays(parameter, out days);
    }
}
