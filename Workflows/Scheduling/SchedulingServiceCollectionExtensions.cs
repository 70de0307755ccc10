using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Quartz;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IWaitScheduler"/> on Quartz.NET with its persistent job store in ShareFlow's own database (the
    /// <c>qrtz_</c> tables of migration <c>20261121000002_Scheduler</c>), and a hosted service that runs the scheduler.
    /// </summary>
    /// <remarks>
    /// The caller registers an <see cref="IWaitFiring"/> (the engine). Call this after the hosted service that applies the
    /// migrations: hosted services start in registration order, and Quartz's also waits for the application to have started,
    /// so the scheduler checks its tables (it refuses to start on a missing one) only once they exist. The scheduler's clock is
    /// the container's <see cref="TimeProvider"/>. On PostgreSQL the node joins a cluster: every node with the same database and
    /// <see cref="WaitSchedulerOptions.SchedulerName"/> shares the timers, and each fires once.
    /// </remarks>
    public static IServiceCollection AddShareFlowScheduler(this IServiceCollection services, DatabaseOptions database, Action<WaitSchedulerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var options = new WaitSchedulerOptions();
        configure?.Invoke(options);
        if (options.SweepInterval <= TimeSpan.Zero || options.Horizon < options.SweepInterval * 2)
        {
            throw new ArgumentException(
                $"The scheduler's horizon ({options.Horizon}) must be at least twice its sweep interval ({options.SweepInterval}), which must be positive.", nameof(configure));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<QuartzWaitScheduler>();
        services.AddSingleton<IWaitScheduler>(sp => sp.GetRequiredService<QuartzWaitScheduler>());
        services.AddQuartz(quartz => ConfigureQuartz(quartz, database, options));
        services.AddQuartzHostedService(hosted =>
        {
            hosted.AwaitApplicationStarted = true;
            hosted.WaitForJobsToComplete = true;
        });
        return services;
    }

    private static void ConfigureQuartz(IQuartzBuilder quartz, DatabaseOptions database, WaitSchedulerOptions options)
    {
        // A cluster tells its nodes apart by instance id: one per process (per container), fixed here once.
        var instanceId = database.Provider == DatabaseProvider.Postgres
            ? options.InstanceId ?? $"{Environment.MachineName}-{Guid.NewGuid():N}"
            : null;
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = options.SchedulerName;
            if (instanceId is not null)
            {
                scheduler.InstanceId = instanceId;
            }
        });
        quartz.UseDefaultThreadPool(options.MaxConcurrency);
        quartz.AddJobType<FireWaitJob>();
        quartz.AddJobType<ScheduleNearWaitsJob>();
        quartz.AddPlugin(services => new NearWaitsSweepRegistration(options, services.GetRequiredService<TimeProvider>()), "shareflow-near-waits-sweep");
        quartz.UseTypeLoader(types =>
        {
            types.Map(FireWaitJob.TypeName, typeof(FireWaitJob));
            types.Map(ScheduleNearWaitsJob.TypeName, typeof(ScheduleNearWaitsJob));
        });
        quartz.UsePersistentStore(store =>
        {
            store.ConfigureStore(jobStore =>
            {
                jobStore.TablePrefix = "qrtz_";
                // Job data is the wait id, a string: stored as name/value strings, readable and version tolerant ("useProperties").
                jobStore.StoreJobDataAsStrings = true;
                // A firing that a shutdown interrupts is fired again (here or on another node) rather than dropped.
                jobStore.RecoverFiringsCancelledByShutdown = true;
            });
            store.UseSystemTextJsonSerializer();
            switch (database.Provider)
            {
                case DatabaseProvider.Sqlite:
                    store.UseSqlite(SqliteBusyTimeoutFactory.Instance, database.ConnectionString ?? DatabaseOptions.DefaultSqliteConnectionString);
                    break;
                case DatabaseProvider.Postgres:
                    store.UsePostgres(NpgsqlFactory.Instance, database.PostgresConnectionString());
                    store.UseClustering(cluster => cluster.CheckinInterval = options.ClusterCheckinInterval);
                    break;
                default:
                    throw new UnsupportedDatabaseException($"The scheduler cannot use the database provider '{database.Provider}'.");
            }
        });
    }
}
