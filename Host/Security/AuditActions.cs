using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Security;

/// <summary>
/// What an audit entry's action means to its reader. The trail stores the action as it happened, the method and the
/// route (<c>POST /api/tasks/{id:guid}/complete</c>, with <c>acting for &lt;user&gt; (as deputy)</c> when someone acted
/// on another's behalf), and those words are hashed into the chain, so they never change. Reading them, the auditor
/// gets the endpoint's summary (<c>Complete a task</c>, 办理任务) with who was acted for.
/// </summary>
internal sealed partial class AuditActions(EndpointDataSource endpoints)
{
    private FrozenDictionary<string, string>? _summaries;

    /// <summary>The action described in English, or null for a route that no endpoint of this version has.</summary>
    public string? Describe(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var match = StoredAction().Match(action);
        if (!match.Success || !Summaries.TryGetValue(match.Groups["endpoint"].Value, out var summary))
        {
            return null;
        }

        return match.Groups["for"].Success
            ? match.Groups["as"].Value == ActingFor.Delegate ? $"{summary}, as delegate of {match.Groups["for"].Value}" : $"{summary}, as deputy for {match.Groups["for"].Value}"
            : summary;
    }

    /// <summary>Each state-changing endpoint's summary, by its method and route as the trail writes them.</summary>
    private FrozenDictionary<string, string> Summaries => _summaries ??= endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<IEndpointSummaryMetadata>() is not null && e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
        .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => (Key: $"{method} {e.RoutePattern.RawText}", e.Metadata.GetMetadata<IEndpointSummaryMetadata>()!.Summary)))
        .DistinctBy(e => e.Key)
        .ToFrozenDictionary(e => e.Key, e => e.Summary, StringComparer.Ordinal);

    [GeneratedRegex(@"^(?<endpoint>[A-Z]+ \S+)(?: acting for (?<for>\S+) \(as (?<as>[a-z]+)\))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex StoredAction();
}
