using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ShareFlow.Workflows.Scheduling;

/// <summary>
/// <see cref="IWaitScheduler"/> on Quartz.NET's persistent job store. Each wait due within the <see cref="Horizon"/> is one
/// non-durable job with one one-shot trigger, both keyed by the wait's id in the group <c>waits</c>; the job data holds the
/// id only. Waits due later get theirs from the sweep (<see cref="ScheduleNearWaitsJob"/>) as they come near.
/// </summary>
/// <remarks>
/// <para>Deadlines are mostly days away, so most state changes hand the scheduler nothing: its store holds the near
/// future only, and the engine's own table of waits is the record of everything pending.</para>
/// <para>One job per wait rather than one durable job shared by every trigger: scheduling stores job and trigger in one
/// store operation with replace, so a reschedule is a single atomic upsert, nothing has to exist beforehand (no durable job to
/// register at start-up, after migrations), a job that has fired is deleted with its trigger, and unscheduling is one delete.
/// The price is one more row per pending wait.</para>
/// <para>A trigger whose instant passed while no scheduler ran (downtime) fires once, at once, when one starts
/// (misfire instruction "fire now"). A firing that fails is retried under the trigger's own retry policy: exponential
/// backoff with jitter, persisted in the store, and effectively unbounded in count, so a wait is never dropped. Quartz's
/// other option, <c>JobExecutionException.RefireImmediately</c>, re-runs at once on the same thread with no delay and
/// nothing persisted, which would hammer a failing engine and lose the retry on a restart.</para>
/// </remarks>
internal sealed partial class QuartzWaitScheduler(
    ISchedulerFactory schedulerFactory,
    WaitSchedulerOptions options,
    TimeProvider time,
    ILogger<QuartzWaitScheduler> logger) : IWaitScheduler
{
    public const string Group = "waits";

    /// <summary>The persisted job type of every wait (see <see cref="FireWaitJob.TypeName"/>).</summary>
    private static readonly JobType FireWaitJobType = (JobType)FireWaitJob.TypeName;

    public static TriggerKey TriggerKeyFor(Guid waitId) => new(Name(waitId), Group);

    public static JobKey JobKeyFor(Guid waitId) => new(Name(waitId), Group);

    public TimeSpan? Horizon => options.Horizon;

    public async Task ScheduleAsync(Guid waitId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobFor(waitId);
        var trigger = TriggerFor(waitId, dueAt);
        try
        {
            await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectAlreadyExistsException ex)
        {
            // Replacing is one operation under the store's lock, so this is the remaining clustered race: another node
            // stored the same wait at the same moment. The wait has its timer; nothing more to do.
            LogAlreadyScheduled(logger, ex, waitId);
        }
    }

    public async Task UnscheduleAsync(Guid waitId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(JobKeyFor(waitId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One store transaction for the removals and one for the additions of a state change.</summary>
    public async Task ApplyAsync(IReadOnlyCollection<(Guid WaitId, DateTimeOffset DueAt)> schedule, IReadOnlyCollection<Guid> unschedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(unschedule);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (unschedule.Count > 0)
        {
            await scheduler.DeleteJobs([.. unschedule.Select(JobKeyFor)], cancellationToken).ConfigureAwait(false);
        }

        if (schedule.Count == 1)
        {
            var (waitId, dueAt) = schedule.First();
            await ScheduleAsync(waitId, dueAt, cancellationToken).ConfigureAwait(false);
        }
        else if (schedule.Count > 1)
        {
            var jobs = schedule.ToDictionary(s => JobFor(s.WaitId), s => (IReadOnlyCollection<ITrigger>)[TriggerFor(s.WaitId, s.DueAt)]);
            try
            {
                await scheduler.ScheduleJobs(jobs, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectAlreadyExistsException ex)
            {
                // As for a single wait: another node stored the same waits at the same moment.
                LogBatchAlreadyScheduled(logger, ex, schedule.Count);
            }
        }
    }

    /// <summary>Gives a trigger to each of <paramref name="due"/> that has none in the store; returns how many it gave.</summary>
    public async Task<int> ScheduleMissingAsync(IScheduler scheduler, IReadOnlyList<(Guid WaitId, DateTimeOffset DueAt)> due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(due);
        if (due.Count == 0)
        {
            return 0;
        }

        var held = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken).ConfigureAwait(false);
        var missing = due.Where(w => !held.Contains(TriggerKeyFor(w.WaitId))).ToList();
        await ApplyAsync(missing, [], cancellationToken).ConfigureAwait(false);
        return missing.Count;
    }

    /// <summary>The job of one wait: non-durable (deleted once its trigger is done), recovered if a node dies while firing it.</summary>
    internal static IJobDetail JobFor(Guid waitId) => JobBuilder.Create()
        .OfType(FireWaitJobType)
        .WithIdentity(JobKeyFor(waitId))
        .UsingJobData(FireWaitJob.WaitIdKey, Name(waitId))
        .RequestRecovery()
        .Build();

    /// <summary>
    /// The one-shot trigger of one wait: due at <paramref name="dueAt"/>, or now if that has passed (a running scheduler leaves
    /// a trigger stored further in the past than its misfire threshold to its misfire scan, which may come a minute later),
    /// fired at once when found overdue, retried on failure.
    /// </summary>
    internal ITrigger TriggerFor(Guid waitId, DateTimeOffset dueAt) => TriggerBuilder.Create(time)
        .WithIdentity(TriggerKeyFor(waitId))
        .ForJob(JobKeyFor(waitId))
        .StartAt(time.GetUtcNow() is var now && dueAt > now ? dueAt : now)
        .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .WithRetryPolicy(RetryPolicy.Exponential(int.MaxValue, options.RetryInitialDelay, 2, options.RetryMaxDelay, 0.2))
        .Build();

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} waits were scheduled concurrently by another node; keeping those timers")]
    private static partial void LogBatchAlreadyScheduled(ILogger logger, Exception exception, int count);

    private static string Name(Guid waitId) => waitId.ToString("D", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wait {WaitId} was scheduled concurrently by another node; keeping that timer")]
    private static partial void LogAlreadyScheduled(ILogger logger, Exception exception, Guid waitId);
}
