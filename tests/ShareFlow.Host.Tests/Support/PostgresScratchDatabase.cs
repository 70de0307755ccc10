using Npgsql;

namespace ShareFlow.Host.Tests.Support;

/// <summary>A fresh database on the PostgreSQL server the test script started, dropped (with its connections) on dispose.</summary>
public sealed class PostgresScratchDatabase : IDisposable
{
    private readonly string _server = Environment.GetEnvironmentVariable("SHAREFLOW_TEST_POSTGRES")
        ?? throw new InvalidOperationException("SHAREFLOW_TEST_POSTGRES is not set: run ./test.sh, which starts a PostgreSQL server.");

    private readonly string _name;

    /// <param name="prefix">The start of the database's name; a fresh GUID completes it.</param>
    public PostgresScratchDatabase(string prefix)
    {
        _name = $"{prefix}_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{_name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        // An autovacuum worker that happens to be in the scratch database is the server's own and cannot be ended by the
        // test role; it is gone a moment later.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                Thread.Sleep(100);
            }
        }
    }

    private void Execute(string sql)
    {
        using var admin = new NpgsqlConnection(_server);
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }
}
