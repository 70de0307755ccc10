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
}

/// <summary>The configured database cannot be used by this build.</summary>
public sealed class UnsupportedDatabaseException(string message) : Exception(message);
