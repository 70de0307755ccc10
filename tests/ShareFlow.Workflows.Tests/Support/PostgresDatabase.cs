using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Tests.Support;

/// <summary>
/// A fresh, uniquely named database on the PostgreSQL server that <c>SHAREFLOW_TEST_POSTGRES</c> names (./test.sh starts
/// one), migrated to the newest schema (unless asked not to); dropped on dispose. Without the variable the test fails: it never passes silently.
/// </summary>
public sealed class PostgresDatabase : ITestDatabase
{
    public const string EnvironmentVariable = "SHAREFLOW_TEST_POSTGRES";

    private readonly string _serverConnectionString;
    private readonly string _name;

    private PostgresDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        _name = name;
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        Options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString };
        var builder = new DbContextOptionsBuilder<ShareFlowDbContext>();
        PersistenceServiceCollectionExtensions.CreateConfigurer(Options)(builder);
        Factory = new TestDatabase.DbContextFactory(builder.Options);
    }

    public DatabaseOptions Options { get; }

    public IDbContextFactory<ShareFlowDbContext> Factory { get; }

    /// <summary>The server's connection string, or an exception saying that the variable is not set.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: the PostgreSQL tests need a server. Run ./test.sh, which starts one, or set "
                + $"{EnvironmentVariable}=\"Host=...;Port=...;Username=...;Password=...;Database=...\" (a role that may create databases).");

    public static async Task<PostgresDatabase> CreateAsync(bool migrate = true)
    {
        var server = ServerConnectionString;
        var database = new PostgresDatabase(server, "shareflow_test_" + Guid.NewGuid().ToString("N"));
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database._name}\"");
        try
        {
            if (migrate)
            {
                await DatabaseMigrator.MigrateAsync(database.Factory, CancellationToken.None);
            }
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(Options.PostgresConnectionString()))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // FORCE ends the sessions a scheduler or a pool may still hold. An autovacuum worker that happens to be in the
        // scratch database is the server's own and cannot be ended by the test role; it is gone a moment later.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
