using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>The tamper-evident audit trail.</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000011_AuditTrail")]
public sealed class AuditTrail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                id = table.Column<long>(nullable: false),
                previous_id = table.Column<long>(nullable: false),
                at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: false),
                actor = table.Column<string>(maxLength: 128, nullable: false),
                department = table.Column<string>(maxLength: 64, nullable: true),
                action = table.Column<string>(maxLength: 255, nullable: false),
                subject = table.Column<string>(maxLength: 255, nullable: true),
                remote_address = table.Column<string>(maxLength: 64, nullable: true),
                result = table.Column<int>(nullable: false),
                hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_audit_entries", x => x.id));
        migrationBuilder.CreateIndex("ix_audit_entries_previous_id", "audit_entries", "previous_id", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("audit_entries");
    }
}
