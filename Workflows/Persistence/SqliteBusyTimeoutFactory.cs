using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ShareFlow.Workflows.Persistence;

/// <summary>
/// Microsoft.Data.Sqlite's factory, with the connections it creates waiting for a busy database as the engine's do
/// (<see cref="SqliteBusyTimeoutInterceptor"/>). For components that open their own connections to the same file: the
/// scheduler's job store, whose transactions otherwise meet an engine transaction by sleeping 150 ms.
/// </summary>
internal sealed class SqliteBusyTimeoutFactory : DbProviderFactory
{
    public static readonly SqliteBusyTimeoutFactory Instance = new();

    private SqliteBusyTimeoutFactory()
    {
    }

    public override DbConnection CreateConnection()
    {
        var connection = SqliteFactory.Instance.CreateConnection();
        connection.StateChange += (sender, change) =>
        {
            if (change.CurrentState == ConnectionState.Open && sender is DbConnection opened)
            {
                SqliteBusyTimeoutInterceptor.Apply(opened);
            }
        };
        return connection;
    }

    public override DbCommand CreateCommand() => SqliteFactory.Instance.CreateCommand();

    public override DbParameter CreateParameter() => SqliteFactory.Instance.CreateParameter();

    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => SqliteFactory.Instance.CreateConnectionStringBuilder();
}
