using System.Text.Json.Nodes;
using ShareFlow.Domain.Policy;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// The engine's default parameters: every profile parameter name is known (so definitions naming them validate), with the
/// configured profile's shipped values. Running instances use their own profile snapshot first.
/// </summary>
public sealed class ProfileParameters(PolicyProfile profile) : IPolicyParameters
{
    public IReadOnlyCollection<string> Names => PolicyProfile.Parameters.All;

    public bool TryGetDays(string parameter, out int days) => profile.Days.TryGetValue(parameter, out days);

    /// <summary>
    /// The variables an instance started under <paramref name="profile"/> carries from its start (the snapshot <c>policy</c>):
    /// what expressions such as <c>sf:dueDayKind="${policy.rules.openDataInCalendarDays ? 'calendar' : 'working'}"</c>
    /// can read before any case exists.
    /// </summary>
    public static JsonObject StartVariables(PolicyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new JsonObject { [InstancePolicyParameters.Variable] = profile.ToSnapshot() };
    }
}
