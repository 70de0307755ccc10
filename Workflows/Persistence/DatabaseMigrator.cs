using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence;

/// <summary>Brings a database to the newest schema version by applying the pending migrations in order.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(IDbContextFactory<ShareFlowDbContext> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers (task lists) do not block the writer, and a commit appends instead of
            // rewriting pages. The mode is kept in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        // The history table is created first, so that migrating a new database does not read it before it exists: EF
        // Core logs that failed read as an error, which on a first start looks like a fault to the operator.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
