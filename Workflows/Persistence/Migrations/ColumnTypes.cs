using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>Store types (and SQL) that differ by provider, for the hand-written migrations.</summary>
internal static class ColumnTypes
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// An instant: <c>timestamptz</c> on PostgreSQL; on SQLite an INTEGER holding its UTC ticks
    /// (see <see cref="ShareFlowDbContext"/>), because SQLite cannot compare or order instants stored as text.
    /// </summary>
    public static string? Instant(MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == SqliteProvider ? "INTEGER" : null;

    /// <summary>Whether the migration runs on PostgreSQL (rather than SQLite).</summary>
    public static bool IsPostgres(MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == SchedulerTables.PostgresProvider;
}
