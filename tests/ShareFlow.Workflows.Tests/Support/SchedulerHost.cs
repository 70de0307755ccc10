using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using ShareFlow.Workflows.Scheduling;

namespace ShareFlow.Workflows.Tests.Support;

/// <summary>
/// One node: the scheduler exactly as <see cref="SchedulingServiceCollectionExtensions.AddShareFlowScheduler"/> registers it,
/// on a test database, in a container of its own and without a host, so a test decides when it starts. Shut down on dispose.
/// </summary>
public sealed class SchedulerHost : IAsyncDisposable
{
    /// <summary>How long a test waits for a firing before it fails; firings normally take well under a second.</summary>
    public static readonly TimeSpan FiringTimeout = TimeSpan.FromSeconds(15);

    private readonly ServiceProvider _services;

    private SchedulerHost(ServiceProvider services, IScheduler scheduler)
    {
        _services = services;
        Scheduler = scheduler;
        Waits = services.GetRequiredService<IWaitScheduler>();
    }

    public IScheduler Scheduler { get; }

    public IWaitScheduler Waits { get; }

    public static async Task<SchedulerHost> CreateAsync(ITestDatabase database, IWaitFiring firing, Action<WaitSchedulerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostApplicationLifetime, NoHost>();
        services.AddSingleton(firing);
        services.AddShareFlowScheduler(database.Options, options =>
        {
            // A small pool, and retries quick enough for a test to watch.
            options.MaxConcurrency = 2;
            options.RetryInitialDelay = TimeSpan.FromMilliseconds(200);
            options.RetryMaxDelay = TimeSpan.FromSeconds(1);
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return new SchedulerHost(provider, scheduler);
    }

    /// <summary>Polls until the wait's job is gone from the store: its firing is complete and no node can fire it again.</summary>
    public async Task WaitUntilDoneAsync(Guid waitId)
    {
        using var deadline = new CancellationTokenSource(FiringTimeout);
        while (await Scheduler.Exists(QuartzWaitScheduler.JobKeyFor(waitId), deadline.Token))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (await Scheduler.GetStatus() != SchedulerStatus.Shutdown)
        {
            await Scheduler.Shutdown(waitForJobsToComplete: true);
        }

        await _services.DisposeAsync();
    }

    /// <summary>Only so that the container validates: no host runs here, and the hosted service is never started.</summary>
    private sealed class NoHost : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
