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
