namespace ShareFlow.Workflows.Scheduling;

/// <summary>
/// The engine's only view of the scheduler: a persisted timer per wait, keyed by the wait's id. The due instant is
/// computed by the engine (working days on the official calendar); the scheduler only fires at it.
/// </summary>
public interface IWaitScheduler
{
    /// <summary>
    /// How far ahead the scheduler holds timers; null: without limit. With a horizon the engine hands over only waits due
    /// within it, and the scheduler sweeps for the later ones as they come near (<see cref="IWaitFiring.DueByAsync"/>), so a
    /// state change whose timers are days away, as deadlines in working days are, costs the scheduler nothing.
    /// </summary>
    TimeSpan? Horizon => null;

    /// <summary>
    /// Makes <paramref name="waitId"/> fire at <paramref name="dueAt"/>. Idempotent: the same id again moves the timer to the
    /// new instant. An instant already past fires as soon as a scheduler runs.
    /// </summary>
    Task ScheduleAsync(Guid waitId, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>Removes the timer of <paramref name="waitId"/>; a wait that has none (never scheduled, fired, removed) is fine.</summary>
    Task UnscheduleAsync(Guid waitId, CancellationToken cancellationToken);

    /// <summary>
    /// Everything one committed state change asks of the scheduler, at once: a scheduler that can store it in one
    /// transaction should. The default applies each change on its own.
    /// </summary>
    async Task ApplyAsync(IReadOnlyCollection<(Guid WaitId, DateTimeOffset DueAt)> schedule, IReadOnlyCollection<Guid> unschedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(unschedule);
        foreach (var waitId in unschedule)
        {
            await UnscheduleAsync(waitId, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (waitId, dueAt) in schedule)
        {
            await ScheduleAsync(waitId, dueAt, cancellationToken).ConfigureAwait(false);
        }
    }
}
