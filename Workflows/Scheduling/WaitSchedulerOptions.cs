namespace ShareFlow.Workflows.Scheduling;

/// <summary>How the Quartz scheduler behind <see cref="IWaitScheduler"/> runs; the defaults suit the host.</summary>
public sealed class WaitSchedulerOptions
{
    /// <summary>Quartz's scheduler name: every node of a cluster uses the same one, in the same database.</summary>
    public string SchedulerName { get; set; } = "ShareFlow";

    /// <summary>This node's id within a PostgreSQL cluster; unique per process unless set. Not used on SQLite, which is not clustered.</summary>
    public string? InstanceId { get; set; }

    /// <summary>How many waits may fire at once on this node.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>The wait before the first retry of a firing that failed; each further retry waits twice as long, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two retries; retries go on at this pace until the firing succeeds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How far ahead the scheduler holds a trigger per wait. A wait due later has none until the sweep finds it within the
    /// horizon, so the many state changes whose deadlines are days away never touch the scheduler's tables. At least twice
    /// <see cref="SweepInterval"/>, so that every wait has its trigger well before it is due.
    /// </summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the sweep hands the waits that came within <see cref="Horizon"/> to the scheduler (once per cluster).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a clustered node records that it is alive; a node silent for much longer is taken as dead and its firings recovered.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);
}
