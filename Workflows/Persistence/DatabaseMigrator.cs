using Microsoft.EntityFrameworkCore;

namespace ShareFlow.Workflows.Persistence;

/// <summary>Brings a database to the newest schema version by applying the pending migrations in order.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(IDbContextFactory<ShareFlowDbContext> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
