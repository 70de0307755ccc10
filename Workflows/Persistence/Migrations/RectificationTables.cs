using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>限期整改: orders to correct within a deadline, and what became of them.</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000009_Rectification")]
public sealed class RectificationTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var instant = ColumnTypes.Instant(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "rectification_orders",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 64, nullable: false),
                subject_case_id = table.Column<Guid>(nullable: false),
                subject_number = table.Column<string>(maxLength: 64, nullable: true),
                department = table.Column<string>(maxLength: 64, nullable: false),
                reasons = table.Column<string>(maxLength: 4000, nullable: false),
                article = table.Column<string>(maxLength: 255, nullable: false),
                issued_by = table.Column<string>(maxLength: 128, nullable: false),
                issued_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                status = table.Column<string>(maxLength: 32, nullable: false),
                process_instance_id = table.Column<Guid>(nullable: true),
                correction = table.Column<string>(maxLength: 4000, nullable: true),
                reported_by = table.Column<string>(maxLength: 128, nullable: true),
                reported_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                report_count = table.Column<int>(nullable: false),
                verified_by = table.Column<string>(maxLength: 128, nullable: true),
                verified_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                verification_opinion = table.Column<string>(maxLength: 4000, nullable: true),
                rejection_count = table.Column<int>(nullable: false),
                escalated_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                top_tier = table.Column<string>(maxLength: 255, nullable: true),
                measures = table.Column<string>(maxLength: 4000, nullable: true),
                concluded_by = table.Column<string>(maxLength: 128, nullable: true),
                concluded_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_rectification_orders", x => x.id));
        migrationBuilder.CreateIndex("ix_rectification_orders_number", "rectification_orders", "number", unique: true);
        migrationBuilder.CreateIndex("ix_rectification_orders_subject_case_id", "rectification_orders", "subject_case_id");
        migrationBuilder.CreateIndex("ix_rectification_orders_department_status", "rectification_orders", ["department", "status"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("rectification_orders");
    }
}
