namespace ShareFlow.Workflows.Scheduling;

/// <summary>Implemented by the engine; the scheduler's job calls it when a wait is due.</summary>
public interface IWaitFiring
{
    /// <summary>Safe for a wait that already fired or was cancelled: it does nothing then.</summary>
    Task FireAsync(Guid waitId, CancellationToken cancellationToken);
}
