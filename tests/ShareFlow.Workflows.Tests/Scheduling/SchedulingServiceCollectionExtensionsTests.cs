using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Scheduling;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Scheduling;

/// <summary>
/// The registration in a real generic host, wired as the ShareFlow host wires its start-up: a hosted service that migrates,
/// then <see cref="SchedulingServiceCollectionExtensions.AddShareFlowScheduler"/>, on a database that has no table yet.
/// </summary>
public abstract class SchedulingServiceCollectionExtensionsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ITestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, migrate: false);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task AddShareFlowScheduler_AfterTheMigratingService_StartsOnAnEmptyDatabaseAndFires()
    {
        var firing = new RecordingWaitFiring();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddShareFlowDatabase(_database.Options);
        builder.Services.AddHostedService<Migrate>();
        builder.Services.AddSingleton<IWaitFiring>(firing);
        builder.Services.AddShareFlowScheduler(_database.Options, options => options.MaxConcurrency = 2);
        using var host = builder.Build();

        await host.StartAsync();
        var waitId = Guid.NewGuid();
        await host.Services.GetRequiredService<IWaitScheduler>().ScheduleAsync(waitId, TimeProvider.System.GetUtcNow(), CancellationToken.None);

        await firing.FiredAsync(waitId, SchedulerHost.FiringTimeout);
        await host.StopAsync();
        Assert.Equal(1, firing.CallsFor(waitId));
    }

    /// <summary>What the host's start-up task does first.</summary>
    private sealed class Migrate(IDbContextFactory<ShareFlowDbContext> factory) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => DatabaseMigrator.MigrateAsync(factory, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed class SchedulingServiceCollectionExtensionsTestsOnSqlite() : SchedulingServiceCollectionExtensionsTests(DatabaseProvider.Sqlite);

public sealed class SchedulingServiceCollectionExtensionsTestsOnPostgres() : SchedulingServiceCollectionExtensionsTests(DatabaseProvider.Postgres);
