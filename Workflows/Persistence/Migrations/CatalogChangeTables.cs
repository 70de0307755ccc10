using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>目录变更: catalog changes, from the triggering event to the new catalog version.</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000006_CatalogChange")]
public sealed class CatalogChangeTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var instant = ColumnTypes.Instant(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "catalog_changes",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 64, nullable: false),
                department = table.Column<string>(maxLength: 64, nullable: false),
                trigger = table.Column<string>(maxLength: 32, nullable: false),
                event_date = table.Column<DateOnly>(nullable: false),
                event_description = table.Column<string>(maxLength: 4000, nullable: false),
                opened_by = table.Column<string>(maxLength: 128, nullable: false),
                opened_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                status = table.Column<string>(maxLength: 32, nullable: false),
                process_instance_id = table.Column<Guid>(nullable: true),
                kind = table.Column<string>(maxLength: 16, nullable: true),
                resource_id = table.Column<Guid>(nullable: true),
                resource_code = table.Column<string>(maxLength: 64, nullable: true),
                proposed_name = table.Column<string>(maxLength: 255, nullable: true),
                proposed_share_type = table.Column<string>(maxLength: 16, nullable: true),
                proposed_legal_basis = table.Column<string>(maxLength: 1000, nullable: true),
                proposed_items = table.Column<string>(nullable: false),
                reasons = table.Column<string>(maxLength: 4000, nullable: true),
                submitted_by = table.Column<string>(maxLength: 128, nullable: true),
                submitted_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                submission_count = table.Column<int>(nullable: false),
                overdue_since = table.Column<DateTimeOffset>(type: instant, nullable: true),
                submitted_late = table.Column<bool>(nullable: false),
                extension = table.Column<string>(maxLength: 16, nullable: false),
                extension_reasons = table.Column<string>(maxLength: 4000, nullable: true),
                extension_requested_by = table.Column<string>(maxLength: 128, nullable: true),
                extension_requested_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                extension_days = table.Column<int>(nullable: false),
                extension_decided_by = table.Column<string>(maxLength: 128, nullable: true),
                extension_opinion = table.Column<string>(maxLength: 4000, nullable: true),
                reviewed_by = table.Column<string>(maxLength: 128, nullable: true),
                reviewed_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                review_opinion = table.Column<string>(maxLength: 4000, nullable: true),
                return_count = table.Column<int>(nullable: false),
                new_resource_id = table.Column<Guid>(nullable: true),
                withdrawal_reasons = table.Column<string>(maxLength: 4000, nullable: true),
                withdrawn_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_catalog_changes", x => x.id));
        migrationBuilder.CreateIndex("ix_catalog_changes_number", "catalog_changes", "number", unique: true);
        migrationBuilder.CreateIndex("ix_catalog_changes_department_status", "catalog_changes", ["department", "status"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("catalog_changes");
    }
}
