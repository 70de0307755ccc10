using Microsoft.EntityFrameworkCore;
using ShareFlow.Host.Demo;
using ShareFlow.Workflows.Calendar;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Infrastructure;

/// <summary>
/// Runs before the server accepts requests: brings the schema up to date, loads the calendar in force, publishes the shipped processes that have no version yet, seeds the demo city on first start, and makes sure
/// every pending timer has its trigger in the scheduler (overdue ones fire once the scheduler starts).
/// </summary>
internal sealed class StartupTasks(IDbContextFactory<ShareFlowDbContext> dbFactory, CalendarService calendar, WorkflowEngine engine, DemoOptions demo, DemoSeeder seeder) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DatabaseMigrator.MigrateAsync(dbFactory, cancellationToken);
        await calendar.LoadAsync(cancellationToken);
        await ShippedProcesses.PublishMissingAsync(engine.Definitions, cancellationToken);
        if (demo.Seed == true)
        {
            await seeder.SeedAsync(cancellationToken);
        }

        await engine.ReconcileScheduleAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
