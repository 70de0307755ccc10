using Npgsql;

namespace ShareFlow.Workflows.Persistence;

public enum DatabaseProvider
{
    /// <summary>Embedded SQLite, a file under <c>data/</c>: the default.</summary>
    Sqlite,

    /// <summary>PostgreSQL server; the choice for a clustered deployment.</summary>
    Postgres,

    /// <summary>Accepted as a setting so that it fails with a clear message: its client library cannot be restored in this build.</summary>
    SqlServer,
}

/// <summary>Configuration section <c>Database</c>; the connection string is <c>ConnectionStrings:ShareFlow</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string DefaultSqliteConnectionString = "Data Source=data/shareflow.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }

    /// <summary>Statements prepared on the server per physical connection, unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>How often a statement runs on a connection before it is prepared there, unless the connection string says otherwise.</summary>
    public const int DefaultAutoPrepareMinUsages = 2;

    /// <summary>
    /// The PostgreSQL connection string as the engine and the scheduler open it: Npgsql's automatic preparation is on,
    /// and either of its two settings that the connection string gives is kept. The engine runs the same few statements
    /// over and over; unprepared, PostgreSQL parses and plans each of them on every execution. Pooled connections are
    /// not reset when given back (<c>No Reset On Close</c>), unless the connection string says otherwise.
    /// </summary>
    /// <exception cref="UnsupportedDatabaseException">The connection string is empty.</exception>
    public string PostgresConnectionString()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new UnsupportedDatabaseException("Database:Provider is Postgres but ConnectionStrings:ShareFlow is empty.");
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var given = ConnectionString.Replace(" ", "", StringComparison.Ordinal);
        if (!given.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!given.Contains("AutoPrepareMinUsages", StringComparison.OrdinalIgnoreCase))
        {
            builder.AutoPrepareMinUsages = DefaultAutoPrepareMinUsages;
        }

        // Nothing here changes a session's settings, so a connection given back to the pool needs no reset of them (a
        // transaction left open is still rolled back); the reset would otherwise run ahead of every operation's first statement.
        if (!given.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}

/// <summary>The configured database cannot be used by this build.</summary>
public sealed class UnsupportedDatabaseException(string message) : Exception(message);
