using Microsoft.Extensions.Logging;
using Quartz;

namespace ShareFlow.Workflows.Scheduling;

/// <summary>The Quartz job of one wait: reads the wait's id from the job data and hands it to <see cref="IWaitFiring"/>.</summary>
/// <remarks>
/// A failure of <see cref="IWaitFiring.FireAsync"/> is rethrown as a <see cref="JobExecutionException"/>; the trigger's retry
/// policy (see <see cref="QuartzWaitScheduler"/>) then fires it again later, persisted in the job store, so a failed firing
/// survives a restart and is never dropped.
/// </remarks>
internal sealed partial class FireWaitJob(IWaitFiring firing, ILogger<FireWaitJob> logger) : IJob
{
    /// <summary>The job type's persisted name (Quartz's <c>job_class_name</c>): ours and stable, not a CLR type name.</summary>
    public const string TypeName = "shareflow.fire-wait";

    /// <summary>The one job data entry: the wait's id, as a string.</summary>
    public const string WaitIdKey = "waitId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.MergedJobDataMap.TryGetValue(WaitIdKey, out var value) || !Guid.TryParse(value as string, out var waitId))
        {
            // Nothing a retry could mend: say so loudly and let the trigger complete.
            LogNoWaitId(logger, context.JobDetail.Key.ToString());
            return;
        }

        try
        {
            await firing.FireAsync(waitId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the store hands the firing back for recovery (RecoverFiringsCancelledByShutdown).
            throw;
        }
        catch (Exception ex) when (ex is not JobExecutionException)
        {
            LogFiringFailed(logger, ex, waitId, context.RetryAttempt);
            throw new JobExecutionException($"Firing wait {waitId} failed; it is retried later.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The timer job {JobKey} carries no wait id; it cannot fire anything")]
    private static partial void LogNoWaitId(ILogger logger, string jobKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Firing wait {WaitId} failed (retry {Attempt}); it is retried later")]
    private static partial void LogFiringFailed(ILogger logger, Exception exception, Guid waitId, int attempt);
}
