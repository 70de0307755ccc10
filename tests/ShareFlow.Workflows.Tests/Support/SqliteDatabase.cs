using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Tests.Support;

/// <summary>A real SQLite database file in a temporary folder, migrated to the newest schema (unless asked not to); deleted on dispose.</summary>
public sealed class SqliteDatabase : ITestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "shareflow-tests", Guid.NewGuid().ToString("N"));

    private SqliteDatabase()
    {
        Options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_directory, "shareflow.db")};Pooling=False" };
        var builder = new DbContextOptionsBuilder<ShareFlowDbContext>();
        PersistenceServiceCollectionExtensions.CreateConfigurer(Options)(builder);
        Factory = new TestDatabase.DbContextFactory(builder.Options);
    }

    public DatabaseOptions Options { get; }

    public IDbContextFactory<ShareFlowDbContext> Factory { get; }

    public static async Task<SqliteDatabase> CreateAsync(bool migrate = true)
    {
        var database = new SqliteDatabase();
        if (migrate)
        {
            await DatabaseMigrator.MigrateAsync(database.Factory, CancellationToken.None);
        }

        return database;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere is left for the OS to clean from the temp folder.
        }

        return ValueTask.CompletedTask;
    }
}
