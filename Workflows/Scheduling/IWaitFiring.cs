namespace ShareFlow.Workflows.Scheduling;

/// <summary>What a due timer calls: implemented by the engine, which resumes the waiting token.</summary>
/// <remarks>
/// <see cref="FireAsync"/> is called at least once per due wait, and more than once after a failure or a crash, so it must
/// be safe to call for a wait that has already fired or was cancelled: that call does nothing. An exception means "try
/// again later": the scheduler retries with a growing delay until a call returns.
/// </remarks>
public interface IWaitFiring
{
    Task FireAsync(Guid waitId, CancellationToken cancellationToken);

    /// <summary>
    /// The waits that will fire (timers and jobs, not incidents) due by <paramref name="until"/>, overdue ones included,
    /// earliest first and at most <paramref name="limit"/>: a scheduler that holds triggers only for the near future asks
    /// for these as they come near (see <see cref="IWaitScheduler.Horizon"/>).
    /// </summary>
    Task<IReadOnlyList<(Guid WaitId, DateTimeOffset DueAt)>> DueByAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken);
}
