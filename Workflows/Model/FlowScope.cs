namespace ShareFlow.Workflows.Model;

/// <summary>
/// A scope of a process: the process itself or one embedded sub-process. A scope has its own start events, its direct
/// child elements (nested sub-processes are elements here and scopes of their own) and the flows it declares.
/// </summary>
public sealed class FlowScope
{
    public FlowScope(string id, string? parentId, IEnumerable<FlowElement> elements, IEnumerable<SequenceFlow> sequenceFlows)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(sequenceFlows);
        Id = id;
        ParentId = parentId;
        Elements = [.. elements];
        SequenceFlows = [.. sequenceFlows];
        StartEvents = [.. Elements.OfType<StartEvent>()];
        SubProcesses = [.. Elements.OfType<SubProcess>()];
    }

    /// <summary>The process id for the root scope, else the sub-process id.</summary>
    public string Id { get; }

    /// <summary>The enclosing scope's id; null for the process.</summary>
    public string? ParentId { get; }

    public bool IsRoot => ParentId is null;

    /// <summary>The direct child elements, in document order.</summary>
    public IReadOnlyList<FlowElement> Elements { get; }

    /// <summary>The flows declared in this scope, in document order.</summary>
    public IReadOnlyList<SequenceFlow> SequenceFlows { get; }

    public IReadOnlyList<StartEvent> StartEvents { get; }

    /// <summary>The embedded sub-processes directly inside this scope (each is the scope with its id).</summary>
    public IReadOnlyList<SubProcess> SubProcesses { get; }
}
