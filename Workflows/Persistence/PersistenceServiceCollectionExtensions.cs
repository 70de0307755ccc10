using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ShareFlow.Workflows.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ShareFlowDbContext"/> (as a pooled factory: contexts are reset and reused) for the configured provider.</summary>
    /// <exception cref="UnsupportedDatabaseException">SQL Server was chosen; its client cannot be restored in this build.</exception>
    public static IServiceCollection AddShareFlowDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configure = CreateConfigurer(options);
        services.AddSingleton(options);
        services.AddPooledDbContextFactory<ShareFlowDbContext>(configure);
        return services;
    }

    /// <summary>The EF Core options for <paramref name="options"/>; also used by tools and tests that open the database directly.</summary>
    public static Action<DbContextOptionsBuilder> CreateConfigurer(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString ?? DatabaseOptions.DefaultSqliteConnectionString);
                if (sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory)
                {
                    Directory.CreateDirectory(directory);
                }

                var sqliteConnectionString = sqlite.ToString();
                return builder => Common(builder.UseSqlite(sqliteConnectionString).AddInterceptors(BusyTimeout));

            case DatabaseProvider.Postgres:
                var postgres = options.PostgresConnectionString();
                return builder => Common(builder.UseNpgsql(postgres));

            case DatabaseProvider.SqlServer:
                throw new UnsupportedDatabaseException(
                    "Database:Provider is SqlServer, but this build has no SQL Server client: Microsoft.Data.SqlClient cannot be restored from the package feed. "
                    + "Use Sqlite (embedded) or Postgres.");

            default:
                throw new UnsupportedDatabaseException($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres, SqlServer.");
        }
    }

    private static readonly SqliteBusyTimeoutInterceptor BusyTimeout = new();

    // The schema comes from hand-written migrations without a model snapshot, so EF's snapshot comparison has nothing to compare.
    private static void Common(DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
