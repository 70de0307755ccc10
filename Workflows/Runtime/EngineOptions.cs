namespace ShareFlow.Workflows.Runtime;

/// <summary>How the engine runs definitions and retries activities.</summary>
public sealed class EngineOptions
{
    /// <summary>
    /// The activity a service or send task without <c>sf:activity</c> runs. Null (the default) makes such a task a
    /// validation error; plain BPMN from other tools runs when the caller supplies one (e.g. <c>noop</c>).
    /// </summary>
    public string? DefaultActivity { get; set; }

    /// <summary>
    /// The candidates of a user task without assignment; null (the default) makes such a task a validation error.
    /// </summary>
    public DefaultAssignment? DefaultAssignment { get; set; }

    /// <summary>Waits between the attempts of a failing activity; after the last one the failure becomes an incident.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    /// <summary>The largest BPMN document accepted.</summary>
    public long MaxDefinitionCharacters { get; set; } = 2 * 1024 * 1024;
}

/// <summary>Candidates given to user tasks whose definition names none.</summary>
public sealed record DefaultAssignment(string? CandidateDepartment, string? CandidateRole);
