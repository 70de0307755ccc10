using System.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>Quartz.NET's job store (table prefix <c>qrtz_</c>): the persisted timers of waits, in ShareFlow's own database.</summary>
/// <remarks>
/// Quartz does not create its tables; its official DDL is specific to each database, so unlike the other migrations this one
/// chooses a script by <see cref="MigrationBuilder.ActiveProvider"/>. The scripts are embedded resources under
/// <c>Migrations/Sql</c>, frozen at Quartz 4.7.3; a Quartz upgrade that changes the schema is a new migration.
/// </remarks>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000002_Scheduler")]
public sealed class SchedulerTables : Migration
{
    internal const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    internal const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Every table the scripts create, children before parents (the order <see cref="Down"/> drops them in).</summary>
    internal static readonly IReadOnlyList<string> Tables =
    [
        "qrtz_simple_triggers",
        "qrtz_cron_triggers",
        "qrtz_simprop_triggers",
        "qrtz_blob_triggers",
        "qrtz_triggers",
        "qrtz_job_details",
        "qrtz_calendars",
        "qrtz_paused_trigger_grps",
        "qrtz_paused_job_grps",
        "qrtz_fired_triggers",
        "qrtz_scheduler_state",
        "qrtz_locks",
        "qrtz_execution_history",
        "qrtz_misfire_history",
        "qrtz_job_status",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var statement in Statements(ScriptFor(migrationBuilder.ActiveProvider)))
        {
            migrationBuilder.Sql(statement);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in Tables)
        {
            // Indexes and SQLite's delete triggers go with their tables.
            migrationBuilder.DropTable(name: table);
        }
    }

    private static string ScriptFor(string? provider) => provider switch
    {
        SqliteProvider => "quartz_sqlite.sql",
        PostgresProvider => "quartz_postgres.sql",
        _ => throw new UnsupportedDatabaseException($"The scheduler's tables have no script for the EF Core provider '{provider}'."),
    };

    /// <summary>The script's statements: the pieces between lines reading exactly <c>--;;</c>, less those that are only comments.</summary>
    internal static IEnumerable<string> Statements(string script)
    {
        using var stream = typeof(SchedulerTables).Assembly.GetManifestResourceStream("ShareFlow.Migrations." + script)
            ?? throw new InvalidOperationException($"The embedded script '{script}' is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statement = new StringBuilder();
        var hasCode = false;
        while (reader.ReadLine() is { } line)
        {
            if (line == "--;;")
            {
                if (hasCode)
                {
                    yield return statement.ToString();
                }

                statement.Clear();
                hasCode = false;
                continue;
            }

            statement.AppendLine(line);
            hasCode |= line.Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal);
        }

        if (hasCode)
        {
            yield return statement.ToString();
        }
    }
}
