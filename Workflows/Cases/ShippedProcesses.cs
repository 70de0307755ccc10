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

    /// <summary>Publishes every shipped process whose key has no version yet.</summary>
    /// <returns>The keys published now.</returns>
    public static async Task<IReadOnlyList<string>> PublishMissingAsync(DefinitionRepository definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var existing = (await definitions.ListLatestAsync(cancellationToken).ConfigureAwait(false)).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var published = new List<string>();
        foreach (var name in Names)
        {
            var xml = Read(name);
            var (definition, _) = await definitions.ValidateAsync(xml, cancellationToken).ConfigureAwait(false);
            if (!existing.Contains(definition.ExecutableProcess.Id))
            {
                await definitions.PublishAsync(xml, "shareflow", cancellationToken).ConfigureAwait(false);
                published.Add(definition.ExecutableProcess.Id);
            }
        }

        return published;
    }
}
