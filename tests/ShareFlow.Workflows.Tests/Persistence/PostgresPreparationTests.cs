using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Persistence;

/// <summary>
/// On PostgreSQL the statements the engine repeats are prepared on the server once per connection instead of being
/// parsed and planned on every execution, unless the operator's connection string decides otherwise.
/// </summary>
public sealed class PostgresPreparationTests
{
    [Fact]
    public async Task RepeatedStatements_ArePreparedOnTheServer()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        var prepared = await PreparedAfterRepeatingAsync(database.Options);

        Assert.Contains(prepared, statement => statement.Contains("process_definitions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnExplicitSettingInTheConnectionString_IsKept()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = database.Options.ConnectionString + ";Max Auto Prepare=0" };

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(options.PostgresConnectionString()).MaxAutoPrepare);
        Assert.Empty(await PreparedAfterRepeatingAsync(options));
    }

    [Fact]
    public void AGivenMinimumOfUsages_IsKept_AndPreparationStillSwitchedOn()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db.example;Database=shareflow;Auto Prepare Min Usages=7" };

        var effective = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString());

        Assert.Equal(7, effective.AutoPrepareMinUsages);
        Assert.Equal(DatabaseOptions.DefaultMaxAutoPrepare, effective.MaxAutoPrepare);
    }

    [Fact(DisplayName = "A pooled connection is not reset when given back, yet a transaction left open on it is rolled back")]
    public async Task APooledConnection_KeepsNoTransactionLeftOpen()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        Assert.True(new NpgsqlConnectionStringBuilder(database.Options.PostgresConnectionString()).NoResetOnClose);
        var builder = new DbContextOptionsBuilder<ShareFlowDbContext>();
        PersistenceServiceCollectionExtensions.CreateConfigurer(database.Options)(builder);
        int backend;
        await using (var abandoned = new ShareFlowDbContext(builder.Options))
        {
            await abandoned.Database.BeginTransactionAsync();
            abandoned.ProcessDefinitions.Add(new ProcessDefinitionRecord { Key = "abandoned", Version = 1, Xml = "<definitions/>", ContentHash = "hash", PublishedAt = DateTimeOffset.UnixEpoch });
            await abandoned.SaveChangesAsync();
            backend = await abandoned.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
        }

        await using var next = new ShareFlowDbContext(builder.Options);
        await next.Database.OpenConnectionAsync();
        Assert.Equal(backend, await next.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync());
        // The same session: had the transaction stayed open, its row would be visible here.
        Assert.False(await next.ProcessDefinitions.AnyAsync(d => d.Key == "abandoned"));
        Assert.False(new NpgsqlConnectionStringBuilder(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db.example;No Reset On Close=false" }.PostgresConnectionString()).NoResetOnClose);
    }

    [Fact]
    public void AnEmptyConnectionString_IsRefusedWithTheSettingItNeeds()
    {
        var error = Assert.Throws<UnsupportedDatabaseException>(() => new DatabaseOptions { Provider = DatabaseProvider.Postgres }.PostgresConnectionString());

        Assert.Contains("ConnectionStrings:ShareFlow", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs one query five times on one connection and lists what the server then holds prepared for it.</summary>
    private static async Task<List<string>> PreparedAfterRepeatingAsync(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<ShareFlowDbContext>();
        PersistenceServiceCollectionExtensions.CreateConfigurer(options)(builder);
        await using var db = new ShareFlowDbContext(builder.Options);
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 5; i++)
        {
            await db.ProcessDefinitions.Where(d => d.Key == "absent").CountAsync();
        }

        return await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
    }
}
