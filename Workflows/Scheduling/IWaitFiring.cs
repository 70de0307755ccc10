namespace ShareFlow.Workflows.Scheduling;

/// <summary>What a due timer calls: implemented by the engine, which resumes the waiting token.</summary>
/// <remarks>
/// Called at least once per due wait, and more than once after a failure or a crash, so it must be safe to call for a wait
/// that has already fired or was cancelled: that call does nothing. An exception means "try again later": the scheduler
/// retries with a growing delay until a call returns.
/// </remarks>
public interface IWaitFiring
{
    Task FireAsync(Guid waitId, CancellationToken cancellationToken);
}
