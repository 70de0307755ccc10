using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace ShareFlow.Host.Tests.Support;

/// <summary>The training-mode host on a fresh PostgreSQL database of the server the test script started (dropped afterwards).</summary>
public sealed class PostgresSimulatedHostFactory : SimulatedHostFactory
{
    private readonly string _server = Environment.GetEnvironmentVariable("SHAREFLOW_TEST_POSTGRES")
        ?? throw new InvalidOperationException("SHAREFLOW_TEST_POSTGRES is not set: run ./test.sh, which starts a PostgreSQL server.");

    private readonly string _database = $"shareflow_host_{Guid.NewGuid():N}";

    public PostgresSimulatedHostFactory()
    {
        using var admin = new NpgsqlConnection(_server);
        admin.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
        create.ExecuteNonQuery();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:ShareFlow", new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(_server);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
    }
}
