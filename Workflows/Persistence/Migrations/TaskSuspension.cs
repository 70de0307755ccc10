using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>补正: a user task can be suspended with its deadline clock stopped.</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000004_TaskSuspension")]
public sealed class TaskSuspension : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<DateTimeOffset>("suspended_at", "user_tasks", type: ColumnTypes.Instant(migrationBuilder), nullable: true);
        migrationBuilder.AddColumn<int>("remaining_days", "user_tasks", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        // EF Core cannot drop a SQLite column without a model snapshot; SQLite (3.35+) and PostgreSQL both accept the plain statement.
        migrationBuilder.Sql("ALTER TABLE user_tasks DROP COLUMN remaining_days;");
        migrationBuilder.Sql("ALTER TABLE user_tasks DROP COLUMN suspended_at;");
    }
}
