using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Calendar;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Infrastructure;

/// <summary>Runs before the server accepts requests: brings the schema up to date, then loads the calendar in force.</summary>
internal sealed class StartupTasks(IDbContextFactory<ShareFlowDbContext> dbFactory, CalendarService calendar) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DatabaseMigrator.MigrateAsync(dbFactory, cancellationToken);
        await calendar.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
