using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>The clerk's operations: 委派 delegations, 加签 co-signs, 抄送 copies, 催办 urges, 代理 deputies and case attachments.</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000012_ClerkOperations")]
public sealed class ClerkOperationTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var instant = ColumnTypes.Instant(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "task_delegations",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                task_id = table.Column<Guid>(nullable: false),
                instance_id = table.Column<Guid>(nullable: false),
                owner = table.Column<string>(maxLength: 128, nullable: false),
                @delegate = table.Column<string>(name: "delegate", maxLength: 128, nullable: false),
                reason = table.Column<string>(maxLength: 1000, nullable: true),
                status = table.Column<string>(maxLength: 16, nullable: false),
                delegated_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                delegated_by = table.Column<string>(maxLength: 128, nullable: true),
                ended_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                ended_by = table.Column<string>(maxLength: 128, nullable: true),
                comment = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_task_delegations", x => x.id));
        migrationBuilder.CreateIndex("ix_task_delegations_task_id_status", "task_delegations", ["task_id", "status"]);
        migrationBuilder.CreateIndex("ix_task_delegations_owner_status", "task_delegations", ["owner", "status"]);

        migrationBuilder.CreateTable(
            name: "task_cosigns",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                task_id = table.Column<Guid>(nullable: false),
                instance_id = table.Column<Guid>(nullable: false),
                requested_by = table.Column<string>(maxLength: 128, nullable: false),
                signer = table.Column<string>(maxLength: 128, nullable: false),
                signer_department = table.Column<string>(maxLength: 64, nullable: false),
                reason = table.Column<string>(maxLength: 1000, nullable: true),
                requested_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                signed_by = table.Column<string>(maxLength: 128, nullable: true),
                signed_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                opinion = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_task_cosigns", x => x.id));
        migrationBuilder.CreateIndex("ix_task_cosigns_task_id_status", "task_cosigns", ["task_id", "status"]);
        migrationBuilder.CreateIndex("ix_task_cosigns_signer_status", "task_cosigns", ["signer", "status"]);

        migrationBuilder.CreateTable(
            name: "case_copies",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                case_id = table.Column<Guid>(nullable: false),
                task_id = table.Column<Guid>(nullable: true),
                copied_by = table.Column<string>(maxLength: 128, nullable: false),
                copied_by_department = table.Column<string>(maxLength: 64, nullable: false),
                recipient_user = table.Column<string>(maxLength: 128, nullable: true),
                recipient_department = table.Column<string>(maxLength: 64, nullable: true),
                note = table.Column<string>(maxLength: 1000, nullable: true),
                created_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_case_copies", x => x.id));
        migrationBuilder.CreateIndex("ix_case_copies_case_id", "case_copies", "case_id");
        migrationBuilder.CreateIndex("ix_case_copies_recipient_user", "case_copies", "recipient_user");
        migrationBuilder.CreateIndex("ix_case_copies_recipient_department", "case_copies", "recipient_department");

        migrationBuilder.CreateTable(
            name: "case_urges",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                case_id = table.Column<Guid>(nullable: false),
                task_id = table.Column<Guid>(nullable: false),
                working_day = table.Column<DateOnly>(nullable: false),
                urged_by = table.Column<string>(maxLength: 128, nullable: false),
                urged_by_department = table.Column<string>(maxLength: 64, nullable: false),
                note = table.Column<string>(maxLength: 1000, nullable: true),
                created_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_case_urges", x => x.id));
        migrationBuilder.CreateIndex("ix_case_urges_case_id_working_day", "case_urges", ["case_id", "working_day"], unique: true);

        migrationBuilder.CreateTable(
            name: "deputies",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                principal = table.Column<string>(maxLength: 128, nullable: false),
                deputy = table.Column<string>(maxLength: 128, nullable: false),
                department = table.Column<string>(maxLength: 64, nullable: false),
                starts_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                ends_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                reason = table.Column<string>(maxLength: 1000, nullable: true),
                created_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                ended_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_deputies", x => x.id));
        migrationBuilder.CreateIndex("ix_deputies_principal", "deputies", "principal");
        migrationBuilder.CreateIndex("ix_deputies_deputy", "deputies", "deputy");

        migrationBuilder.CreateTable(
            name: "attachments",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                case_id = table.Column<Guid>(nullable: false),
                file_name = table.Column<string>(maxLength: 255, nullable: false),
                file_type = table.Column<string>(maxLength: 16, nullable: false),
                content_type = table.Column<string>(maxLength: 128, nullable: false),
                size = table.Column<long>(nullable: false),
                sha256 = table.Column<string>(maxLength: 64, nullable: false),
                uploaded_by = table.Column<string>(maxLength: 128, nullable: false),
                uploaded_by_department = table.Column<string>(maxLength: 64, nullable: false),
                uploaded_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                description = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_attachments", x => x.id));
        migrationBuilder.CreateIndex("ix_attachments_case_id", "attachments", "case_id");

        migrationBuilder.CreateTable(
            name: "attachment_contents",
            columns: table => new
            {
                attachment_id = table.Column<Guid>(nullable: false),
                content = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_attachment_contents", x => x.attachment_id);
                table.ForeignKey("fk_attachment_contents_attachments", x => x.attachment_id, "attachments", "id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("attachment_contents");
        migrationBuilder.DropTable("attachments");
        migrationBuilder.DropTable("deputies");
        migrationBuilder.DropTable("case_urges");
        migrationBuilder.DropTable("case_copies");
        migrationBuilder.DropTable("task_cosigns");
        migrationBuilder.DropTable("task_delegations");
    }
}
