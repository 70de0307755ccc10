using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>The engine: definitions, instances, user tasks, waits, history and the outbox.</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000003_Engine")]
public sealed class EngineTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "process_definitions",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                key = table.Column<string>(maxLength: 255, nullable: false),
                version = table.Column<int>(nullable: false),
                name = table.Column<string>(maxLength: 255, nullable: true),
                xml = table.Column<string>(nullable: false),
                content_hash = table.Column<string>(maxLength: 64, nullable: false),
                published_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: false),
                published_by = table.Column<string>(maxLength: 128, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_process_definitions", x => x.id));
        migrationBuilder.CreateIndex("ix_process_definitions_key_version", "process_definitions", ["key", "version"], unique: true);

        migrationBuilder.CreateTable(
            name: "process_instances",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                definition_id = table.Column<long>(nullable: false),
                definition_key = table.Column<string>(maxLength: 255, nullable: false),
                definition_version = table.Column<int>(nullable: false),
                business_key = table.Column<string>(maxLength: 255, nullable: true),
                status = table.Column<string>(maxLength: 16, nullable: false),
                variables = table.Column<string>(nullable: false),
                state = table.Column<string>(nullable: false),
                jurisdiction = table.Column<string>(maxLength: 32, nullable: true),
                parent_instance_id = table.Column<Guid>(nullable: true),
                parent_token_id = table.Column<Guid>(nullable: true),
                started_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: false),
                started_by = table.Column<string>(maxLength: 128, nullable: true),
                ended_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: true),
                end_reason = table.Column<string>(maxLength: 1000, nullable: true),
                open_incidents = table.Column<int>(nullable: false),
                revision = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_process_instances", x => x.id);
                table.ForeignKey("fk_process_instances_definition", x => x.definition_id, "process_definitions", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_process_instances_business_key", "process_instances", "business_key");
        migrationBuilder.CreateIndex("ix_process_instances_definition_key_status", "process_instances", ["definition_key", "status"]);
        migrationBuilder.CreateIndex("ix_process_instances_parent_instance_id", "process_instances", "parent_instance_id");

        migrationBuilder.CreateTable(
            name: "user_tasks",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                instance_id = table.Column<Guid>(nullable: false),
                token_id = table.Column<Guid>(nullable: false),
                element_id = table.Column<string>(maxLength: 255, nullable: false),
                name = table.Column<string>(maxLength: 255, nullable: true),
                status = table.Column<string>(maxLength: 16, nullable: false),
                candidate_department = table.Column<string>(maxLength: 128, nullable: true),
                candidate_role = table.Column<string>(maxLength: 64, nullable: true),
                assignee = table.Column<string>(maxLength: 128, nullable: true),
                form_key = table.Column<string>(maxLength: 255, nullable: true),
                created_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: false),
                due_basis_date = table.Column<DateOnly>(nullable: true),
                due_days = table.Column<int>(nullable: true),
                due_day_kind = table.Column<string>(maxLength: 16, nullable: true),
                due_date = table.Column<DateOnly>(nullable: true),
                due_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: true),
                due_provisional = table.Column<bool>(nullable: false),
                loop_index = table.Column<int>(nullable: true),
                local_variables = table.Column<string>(nullable: true),
                ended_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: true),
                completed_by = table.Column<string>(maxLength: 128, nullable: true),
                outcome = table.Column<string>(maxLength: 64, nullable: true),
                comment = table.Column<string>(maxLength: 4000, nullable: true),
                revision = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_tasks", x => x.id);
                table.ForeignKey("fk_user_tasks_instance", x => x.instance_id, "process_instances", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_user_tasks_instance_id", "user_tasks", "instance_id");
        migrationBuilder.CreateIndex("ix_user_tasks_status_candidates", "user_tasks", ["status", "candidate_department", "candidate_role"]);
        migrationBuilder.CreateIndex("ix_user_tasks_status_assignee", "user_tasks", ["status", "assignee"]);

        migrationBuilder.CreateTable(
            name: "waits",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                instance_id = table.Column<Guid>(nullable: false),
                token_id = table.Column<Guid>(nullable: false),
                element_id = table.Column<string>(maxLength: 255, nullable: false),
                kind = table.Column<string>(maxLength: 16, nullable: false),
                due_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: true),
                provisional = table.Column<bool>(nullable: false),
                basis_date = table.Column<DateOnly>(nullable: true),
                basis_days = table.Column<int>(nullable: true),
                basis_day_kind = table.Column<string>(maxLength: 16, nullable: true),
                repeats_left = table.Column<int>(nullable: true),
                repeat_period = table.Column<string>(maxLength: 64, nullable: true),
                message_name = table.Column<string>(maxLength: 255, nullable: true),
                correlation_key = table.Column<string>(maxLength: 255, nullable: true),
                attempts = table.Column<int>(nullable: false),
                last_error = table.Column<string>(maxLength: 4000, nullable: true),
                is_incident = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_waits", x => x.id);
                table.ForeignKey("fk_waits_instance", x => x.instance_id, "process_instances", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_waits_instance_id", "waits", "instance_id");
        migrationBuilder.CreateIndex("ix_waits_kind_due_at", "waits", ["kind", "due_at"]);
        migrationBuilder.CreateIndex("ix_waits_message", "waits", ["message_name", "correlation_key"]);

        migrationBuilder.CreateTable(
            name: "history",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                instance_id = table.Column<Guid>(nullable: false),
                at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: false),
                kind = table.Column<string>(maxLength: 32, nullable: false),
                element_id = table.Column<string>(maxLength: 255, nullable: true),
                element_name = table.Column<string>(maxLength: 255, nullable: true),
                task_id = table.Column<Guid>(nullable: true),
                actor = table.Column<string>(maxLength: 128, nullable: true),
                outcome = table.Column<string>(maxLength: 64, nullable: true),
                comment = table.Column<string>(maxLength: 4000, nullable: true),
                data = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_history", x => x.id));
        migrationBuilder.CreateIndex("ix_history_instance_id", "history", "instance_id");

        migrationBuilder.CreateTable(
            name: "outbox",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                instance_id = table.Column<Guid>(nullable: true),
                kind = table.Column<string>(maxLength: 64, nullable: false),
                payload = table.Column<string>(nullable: false),
                created_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: false),
                processed_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: true),
                attempts = table.Column<int>(nullable: false),
                next_attempt_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: true),
                last_error = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_outbox", x => x.id));
        migrationBuilder.CreateIndex("ix_outbox_processed_at", "outbox", "processed_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "outbox", "history", "waits", "user_tasks", "process_instances", "process_definitions" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
