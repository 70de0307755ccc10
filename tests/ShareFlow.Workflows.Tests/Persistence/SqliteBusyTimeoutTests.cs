using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Tests.Persistence;

/// <summary>
/// Every connection to the SQLite file waits for a busy database inside SQLite, the engine's (through EF Core) and the
/// scheduler job store's (its own connections): none falls back to Microsoft.Data.Sqlite's 150 ms sleeps.
/// </summary>
public sealed class SqliteBusyTimeoutTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shareflow-busy-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "busy.db")}";

    [Fact]
    public async Task EngineConnections_WaitForTheLockInsideSqlite()
    {
        var options = new DbContextOptionsBuilder<ShareFlowDbContext>();
        PersistenceServiceCollectionExtensions.CreateConfigurer(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = ConnectionString })(options);
        await using var db = new ShareFlowDbContext(options.Options);
        await db.Database.OpenConnectionAsync();

        Assert.Equal(SqliteBusyTimeoutInterceptor.BusyTimeoutMilliseconds, await BusyTimeoutAsync(db.Database.GetDbConnection()));
    }

    [Fact]
    public async Task SchedulerConnections_WaitForTheLockInsideSqlite_EachTimeTheyAreOpened()
    {
        for (var open = 0; open < 2; open++)
        {
            await using var connection = SqliteBusyTimeoutFactory.Instance.CreateConnection();
            connection.ConnectionString = ConnectionString;
            await connection.OpenAsync();

            Assert.Equal(SqliteBusyTimeoutInterceptor.BusyTimeoutMilliseconds, await BusyTimeoutAsync(connection));
        }
    }

    private static async Task<long> BusyTimeoutAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
