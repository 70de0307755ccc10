using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// The regulated processes ShareFlow ships (embedded BPMN). On start each one that has no published version yet is
/// published as version 1; after that the policy admins own them (designer, new versions).
/// </summary>
public static class ShippedProcesses
{
    private const string ResourcePrefix = "ShareFlow.Processes.";

    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(ShippedProcesses).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(n => n[ResourcePrefix.Length..]).Order(StringComparer.Ordinal)];

    public static string Read(string name)
    {
        using var stream = typeof(ShippedProcesses).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new FileNotFoundException($"No shipped process named {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Publishes every shipped process whose key has no version yet. A process that calls another shipped process (a call
    /// activity) is published after it, since a definition may only call published keys.
    /// </summary>
    /// <returns>The keys published now.</returns>
    public static async Task<IReadOnlyList<string>> PublishMissingAsync(DefinitionRepository definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var existing = (await definitions.ListLatestAsync(cancellationToken).ConfigureAwait(false)).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var shipped = new List<(string Key, string Xml, HashSet<string> Calls)>();
        foreach (var name in Names)
        {
            var xml = Read(name);
            var (definition, _) = await definitions.ValidateAsync(xml, cancellationToken).ConfigureAwait(false);
            var process = definition.ExecutableProcess;
            shipped.Add((process.Id, xml, process.Elements.Values.OfType<Model.CallActivity>().Select(c => c.CalledElement).OfType<string>().Where(k => k != process.Id).ToHashSet(StringComparer.Ordinal)));
        }

        var published = new List<string>();
        var ready = new HashSet<string>(existing, StringComparer.Ordinal);
        while (shipped.Count > 0)
        {
            var shippedKeys = shipped.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            var next = shipped.FirstOrDefault(s => s.Calls.All(k => ready.Contains(k) || !shippedKeys.Contains(k)));
            next = next.Key is null ? shipped[0] : next; // a cycle: publishing reports the missing key
            shipped.Remove(next);
            if (!existing.Contains(next.Key))
            {
                await definitions.PublishAsync(next.Xml, "shareflow", cancellationToken).ConfigureAwait(false);
                published.Add(next.Key);
            }

            ready.Add(next.Key);
        }

        return published;
    }
}
