using System.Collections.ObjectModel;

namespace ShareFlow.Workflows.Model;

/// <summary>A parsed BPMN 2.0 <c>definitions</c> document.</summary>
public sealed class BpmnDefinition
{
    /// <param name="id">The <c>definitions</c> id (may be empty when the document has none).</param>
    /// <param name="targetNamespace">The <c>targetNamespace</c> attribute.</param>
    /// <param name="processes">Every process, in document order.</param>
    /// <param name="messages">The <c>message</c> elements: id → name.</param>
    /// <param name="executableProcessId">The id of the process that runs.</param>
    public BpmnDefinition(
        string id,
        string? targetNamespace,
        IEnumerable<ProcessModel> processes,
        IReadOnlyDictionary<string, string> messages,
        string executableProcessId)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(messages);
        Id = id;
        TargetNamespace = targetNamespace;
        Processes = [.. processes];
        Messages = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(messages, StringComparer.Ordinal));
        ExecutableProcess = Processes.FirstOrDefault(p => p.Id == executableProcessId)
            ?? throw new ArgumentException($"No process has the id '{executableProcessId}'.", nameof(executableProcessId));
    }

    public string Id { get; }

    public string? TargetNamespace { get; }

    /// <summary>Every process, in document order.</summary>
    public IReadOnlyList<ProcessModel> Processes { get; }

    /// <summary>The <c>message</c> elements: id → name.</summary>
    public IReadOnlyDictionary<string, string> Messages { get; }

    /// <summary>The process that runs: the one with <c>isExecutable="true"</c>, or the only one.</summary>
    public ProcessModel ExecutableProcess { get; }
}
