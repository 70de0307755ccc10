using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>
/// Three engine indexes leave out the rows that no query looks up through them: waits without a message (timers and
/// jobs), instances without a parent, and tasks that nobody holds. Most rows are of that kind, so starting and completing
/// an instance writes fewer index pages, and the indexes are smaller.
/// </summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000015_PartialEngineIndexes")]
public sealed class PartialEngineIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        Recreate(migrationBuilder, "ix_waits_message", "waits", ["message_name", "correlation_key"], "message_name IS NOT NULL");
        Recreate(migrationBuilder, "ix_process_instances_parent_instance_id", "process_instances", ["parent_instance_id"], "parent_instance_id IS NOT NULL");
        Recreate(migrationBuilder, "ix_user_tasks_status_assignee", "user_tasks", ["status", "assignee"], "assignee IS NOT NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        Recreate(migrationBuilder, "ix_waits_message", "waits", ["message_name", "correlation_key"], filter: null);
        Recreate(migrationBuilder, "ix_process_instances_parent_instance_id", "process_instances", ["parent_instance_id"], filter: null);
        Recreate(migrationBuilder, "ix_user_tasks_status_assignee", "user_tasks", ["status", "assignee"], filter: null);
    }

    private static void Recreate(MigrationBuilder migrationBuilder, string name, string table, string[] columns, string? filter)
    {
        migrationBuilder.DropIndex(name, table);
        migrationBuilder.CreateIndex(name, table, columns, filter: filter);
    }
}
