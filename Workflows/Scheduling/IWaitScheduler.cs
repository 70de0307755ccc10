namespace ShareFlow.Workflows.Scheduling;

/// <summary>The engine's only view of the scheduler: fire a wait at an instant, or not at all.</summary>
public interface IWaitScheduler
{
    /// <summary>Idempotent: scheduling the same wait again moves it to the new instant.</summary>
    Task ScheduleAsync(Guid waitId, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>A wait that is not scheduled is fine.</summary>
    Task UnscheduleAsync(Guid waitId, CancellationToken cancellationToken);
}
