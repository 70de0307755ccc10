using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Tests.Support;

/// <summary>A real database, migrated to the newest schema, that belongs to one test and is removed on dispose.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    DatabaseOptions Options { get; }

    IDbContextFactory<ShareFlowDbContext> Factory { get; }
}

public static class TestDatabase
{
    /// <summary>
    /// A fresh database of <paramref name="provider"/>: a SQLite file, or a new database on the test PostgreSQL server;
    /// migrated to the newest schema unless <paramref name="migrate"/> is false.
    /// </summary>
    public static async Task<ITestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true) => provider switch
    {
        DatabaseProvider.Sqlite => await SqliteDatabase.CreateAsync(migrate),
        DatabaseProvider.Postgres => await PostgresDatabase.CreateAsync(migrate),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Tests run on Sqlite and Postgres only."),
    };

    /// <summary>The names of the tables in the database's default schema, as the database spells them.</summary>
    public static async Task<IReadOnlyList<string>> TableNamesAsync(this ITestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var sql = database.Options.Provider switch
        {
            DatabaseProvider.Sqlite => "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'",
            DatabaseProvider.Postgres => "SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
            _ => throw new NotSupportedException(database.Options.Provider.ToString()),
        };
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }

    internal sealed class DbContextFactory(DbContextOptions<ShareFlowDbContext> options) : IDbContextFactory<ShareFlowDbContext>
    {
        public ShareFlowDbContext CreateDbContext() => new(options);
    }
}
