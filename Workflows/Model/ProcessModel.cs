using System.Collections.ObjectModel;

namespace ShareFlow.Workflows.Model;

/// <summary>
/// One <c>process</c> of a definitions document. <see cref="Id"/> is the definition key. Elements and flows of every
/// scope are indexed by id; the scope tree is <see cref="RootScope"/> and <see cref="Scopes"/>.
/// </summary>
public sealed class ProcessModel
{
    private static readonly IReadOnlyList<SequenceFlow> NoFlows = [];
    private static readonly IReadOnlyList<BoundaryEvent> NoBoundaryEvents = [];

    private readonly Dictionary<string, List<SequenceFlow>> _outgoing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SequenceFlow>> _incoming = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BoundaryEvent>> _boundaryEvents = new(StringComparer.Ordinal);

    /// <param name="id">The process id (definition key).</param>
    /// <param name="name">The process name.</param>
    /// <param name="isExecutable">The <c>isExecutable</c> attribute.</param>
    /// <param name="scopes">Every scope, the root (whose id is <paramref name="id"/>) first, parents before children.</param>
    /// <exception cref="ArgumentException">Scopes are inconsistent or ids are duplicated.</exception>
    public ProcessModel(string id, string? name, bool isExecutable, IEnumerable<FlowScope> scopes)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(scopes);
        Id = id;
        Name = name;
        IsExecutable = isExecutable;

        var scopeIndex = new Dictionary<string, FlowScope>(StringComparer.Ordinal);
        var elements = new Dictionary<string, FlowElement>(StringComparer.Ordinal);
        var flows = new Dictionary<string, SequenceFlow>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            if (!scopeIndex.TryAdd(scope.Id, scope))
            {
                throw new ArgumentException($"Scope '{scope.Id}' is listed twice.", nameof(scopes));
            }

            if (scope.ParentId is { } parentId ? !scopeIndex.ContainsKey(parentId) : scope.Id != id)
            {
                throw new ArgumentException($"Scope '{scope.Id}' must follow its parent; the first scope must be the process.", nameof(scopes));
            }

            foreach (var element in scope.Elements)
            {
                if (element.ScopeId != scope.Id || !elements.TryAdd(element.Id, element) || flows.ContainsKey(element.Id))
                {
                    throw new ArgumentException($"Element '{element.Id}' is duplicated or does not belong to scope '{scope.Id}'.", nameof(scopes));
                }

                if (element is BoundaryEvent boundary)
                {
                    Add(_boundaryEvents, boundary.AttachedToRef, boundary);
                }
            }

            foreach (var flow in scope.SequenceFlows)
            {
                if (flow.ScopeId != scope.Id || !flows.TryAdd(flow.Id, flow) || elements.ContainsKey(flow.Id))
                {
                    throw new ArgumentException($"Sequence flow '{flow.Id}' is duplicated or does not belong to scope '{scope.Id}'.", nameof(scopes));
                }

                Add(_outgoing, flow.SourceRef, flow);
                Add(_incoming, flow.TargetRef, flow);
            }
        }

        if (scopeIndex.Count == 0)
        {
            throw new ArgumentException("A process has at least its root scope.", nameof(scopes));
        }

        foreach (var sub in elements.Values.OfType<SubProcess>())
        {
            if (!scopeIndex.ContainsKey(sub.Id))
            {
                throw new ArgumentException($"Sub-process '{sub.Id}' has no scope.", nameof(scopes));
            }
        }

        RootScope = scopeIndex[id];
        Scopes = new ReadOnlyDictionary<string, FlowScope>(scopeIndex);
        Elements = new ReadOnlyDictionary<string, FlowElement>(elements);
        SequenceFlows = new ReadOnlyDictionary<string, SequenceFlow>(flows);
    }

    /// <summary>The process id: the definition key.</summary>
    public string Id { get; }

    public string? Name { get; }

    public bool IsExecutable { get; }

    /// <summary>The process scope.</summary>
    public FlowScope RootScope { get; }

    /// <summary>Every scope by id (the process and each embedded sub-process), parents before children.</summary>
    public IReadOnlyDictionary<string, FlowScope> Scopes { get; }

    /// <summary>Every flow element of every scope by id.</summary>
    public IReadOnlyDictionary<string, FlowElement> Elements { get; }

    /// <summary>Every sequence flow of every scope by id.</summary>
    public IReadOnlyDictionary<string, SequenceFlow> SequenceFlows { get; }

    /// <summary>The flows whose <c>sourceRef</c> is <paramref name="elementId"/>, in document order.</summary>
    public IReadOnlyList<SequenceFlow> Outgoing(string elementId) => _outgoing.TryGetValue(elementId, out var list) ? list : NoFlows;

    /// <summary>The flows whose <c>targetRef</c> is <paramref name="elementId"/>, in document order.</summary>
    public IReadOnlyList<SequenceFlow> Incoming(string elementId) => _incoming.TryGetValue(elementId, out var list) ? list : NoFlows;

    /// <summary>The boundary events attached to <paramref name="activityId"/>, in document order.</summary>
    public IReadOnlyList<BoundaryEvent> BoundaryEventsOf(string activityId) =>
        _boundaryEvents.TryGetValue(activityId, out var list) ? list : NoBoundaryEvents;

    /// <summary>The element with <paramref name="id"/> when it exists and is a <typeparamref name="T"/>.</summary>
    public T? Find<T>(string id)
        where T : FlowElement =>
        Elements.TryGetValue(id, out var element) ? element as T : null;

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T item)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(item);
    }
}
