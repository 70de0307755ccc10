using ShareFlow.Domain;
using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Runtime;

/// <summary>A definition, instance, task or wait named by the caller does not exist (or is not visible).</summary>
public sealed class EngineNotFoundException(string what, string id) : DomainException($"{what} '{id}' was not found.")
{
    public string What { get; } = what;

    public string Id { get; } = id;
}

/// <summary>
/// Someone else changed the same instance or task first (a concurrent completion, a timer that fired meanwhile).
/// Nothing of this attempt was written; reload and decide again.
/// </summary>
public sealed class ConcurrencyConflictException(string message, Exception? innerException = null) : DomainException(message, innerException ?? new InvalidOperationException(message));

/// <summary>The operation is not allowed in the current state (a completed task completed again, a cancelled instance...).</summary>
public sealed class IllegalStateException(string message) : DomainException(message);

/// <summary>A definition failed validation; nothing was published.</summary>
public sealed class DefinitionInvalidException(IReadOnlyList<ValidationError> errors)
    : DomainException("The process definition is invalid: " + string.Join("; ", errors.Where(e => e.Severity == ValidationSeverity.Error).Select(e => $"{e.ElementId}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>
/// The process cannot go on from an element with the data it has (a condition that cannot be evaluated, an exclusive
/// gateway with no true condition and no default). The whole operation is rolled back; nothing is half-written.
/// </summary>
public sealed class ProcessExecutionException(string elementId, string message, Exception? innerException = null)
    : DomainException($"{elementId}: {message}", innerException ?? new InvalidOperationException(message))
{
    public string ElementId { get; } = elementId;
}

/// <summary>No waiting instance and no message start event takes the message.</summary>
public sealed class MessageNotCorrelatedException(string messageName, string? businessKey)
    : DomainException($"No process is waiting for message '{messageName}'" + (businessKey is null ? "." : $" with business key '{businessKey}'."));

/// <summary>A registered activity failed; the engine retries it with backoff, then raises an incident.</summary>
public sealed class ActivityFailedException(Guid instanceId, string elementId, Guid tokenId, Exception innerException)
    : Exception($"The activity of {elementId} failed: {innerException?.Message}", innerException)
{
    public Guid InstanceId { get; } = instanceId;

    public string ElementId { get; } = elementId;

    public Guid TokenId { get; } = tokenId;
}

/// <summary>
/// A state change took a cached latest version of a definition that is no longer the latest (a newer one was published
/// meanwhile, perhaps by another host). Nothing was written; the engine runs the state change again with the newer version.
/// </summary>
internal sealed class StaleDefinitionException(string key, int version)
    : InvalidOperationException($"Version {version} of process definition '{key}' is no longer the latest.");
