using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Extensibility;

namespace ShareFlow.Workflows.Scheduling;

/// <summary>
/// The scheduler's sweep: every <see cref="WaitSchedulerOptions.SweepInterval"/> it asks the engine for the waits due within
/// <see cref="WaitSchedulerOptions.Horizon"/> and gives a trigger to each that has none yet. One durable job with one
/// repeating trigger in the store; in a cluster one node runs each sweep.
/// </summary>
/// <remarks>
/// <see cref="NearWaitsSweepRegistration"/> stores the job and its trigger whenever a scheduler starts.
/// Overdue waits are among those returned, so after downtime the first sweep (the trigger fires at once when found
/// overdue) hands them over, and they fire once. A wait that fires or goes while a sweep runs may get a trigger after it
/// is gone; that trigger finds nothing and does nothing (<see cref="IWaitFiring.FireAsync"/>).
/// </remarks>
[DisallowConcurrentExecution]
internal sealed partial class ScheduleNearWaitsJob(IWaitFiring firing, QuartzWaitScheduler waits, WaitSchedulerOptions options, TimeProvider time, ILogger<ScheduleNearWaitsJob> logger) : IJob
{
    /// <summary>The job type's persisted name (Quartz's <c>job_class_name</c>): ours and stable, not a CLR type name.</summary>
    public const string TypeName = "shareflow.schedule-near-waits";

    /// <summary>The most waits one sweep looks at; the earliest come first, and the next sweep takes the rest.</summary>
    public const int WaitsPerSweep = 5000;

    public static readonly JobKey Key = new("schedule-near-waits", "shareflow");

    public static readonly TriggerKey TriggerKey = new("schedule-near-waits", "shareflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var due = await firing.DueByAsync(time.GetUtcNow() + options.Horizon, WaitsPerSweep, cancellationToken).ConfigureAwait(false);
        var added = await waits.ScheduleMissingAsync(context.Scheduler, due, cancellationToken).ConfigureAwait(false);
        if (added > 0)
        {
            LogScheduled(logger, added, options.Horizon);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gave {Count} waits due within {Horizon} their triggers")]
    private static partial void LogScheduled(ILogger logger, int count, TimeSpan horizon);
}

/// <summary>
/// Stores the sweep's job and trigger, replacing what is there, whenever a scheduler starts: the trigger then fires at once
/// (a node that was down hands over what came near meanwhile), and a changed interval takes effect.
/// </summary>
/// <remarks>A plugin rather than Quartz's job configuration so that the job is stored under its stable type name.</remarks>
internal sealed class NearWaitsSweepRegistration(WaitSchedulerOptions options, TimeProvider time) : ISchedulerPlugin
{
    private IScheduler? _scheduler;

    public ValueTask Initialize(string pluginName, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        _scheduler = scheduler;
        return ValueTask.CompletedTask;
    }

    public async ValueTask Start(CancellationToken cancellationToken = default)
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("The sweep's registration was started before it was initialized.");
        var job = JobBuilder.Create()
            .OfType((JobType)ScheduleNearWaitsJob.TypeName)
            .WithIdentity(ScheduleNearWaitsJob.Key)
            .StoreDurably()
            .DisallowConcurrentExecution()
            .Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(ScheduleNearWaitsJob.TriggerKey)
            .ForJob(ScheduleNearWaitsJob.Key)
            .StartAt(time.GetUtcNow())
            .WithSimpleSchedule(s => s.WithInterval(options.SweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
        try
        {
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another node of the cluster stored it at the same moment; one sweep is all a cluster needs.
        }
    }

    public ValueTask Shutdown(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
