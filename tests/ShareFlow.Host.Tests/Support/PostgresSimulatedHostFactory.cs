using Microsoft.AspNetCore.Hosting;

namespace ShareFlow.Host.Tests.Support;

/// <summary>The training-mode host on a fresh PostgreSQL database of the server the test script started (dropped afterwards).</summary>
public sealed class PostgresSimulatedHostFactory : SimulatedHostFactory
{
    private readonly PostgresScratchDatabase _database = new("shareflow_host");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:ShareFlow", _database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
