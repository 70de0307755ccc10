using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>Sharing disputes (争议协调) and data objections (数据异议).</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000007_Disputes")]
public sealed class DisputeTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var instant = ColumnTypes.Instant(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "disputes",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 64, nullable: false),
                sharing_application_id = table.Column<Guid>(nullable: true),
                resource_id = table.Column<Guid>(nullable: false),
                resource_name = table.Column<string>(maxLength: 255, nullable: false),
                share_type = table.Column<string>(maxLength: 16, nullable: false),
                requester_department = table.Column<string>(maxLength: 64, nullable: false),
                provider_department = table.Column<string>(maxLength: 64, nullable: false),
                duty = table.Column<string>(maxLength: 4000, nullable: false),
                reasons = table.Column<string>(maxLength: 4000, nullable: false),
                applicant = table.Column<string>(maxLength: 128, nullable: false),
                filed_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                status = table.Column<string>(maxLength: 32, nullable: false),
                tier_index = table.Column<int>(nullable: false),
                tier_count = table.Column<int>(nullable: false),
                negotiation_reply = table.Column<string>(maxLength: 4000, nullable: true),
                negotiation_lapsed = table.Column<bool>(nullable: false),
                overdue_tiers = table.Column<int>(nullable: false),
                outcome = table.Column<string>(maxLength: 32, nullable: true),
                settled_at_tier = table.Column<int>(nullable: true),
                settled_by = table.Column<string>(maxLength: 255, nullable: true),
                conditions = table.Column<string>(maxLength: 4000, nullable: true),
                decision_reasons = table.Column<string>(maxLength: 4000, nullable: true),
                decided_by = table.Column<string>(maxLength: 128, nullable: true),
                decided_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                requested_items = table.Column<string>(nullable: false),
                tier_departments = table.Column<string>(nullable: false),
                joint_departments = table.Column<string>(nullable: false),
                pass_on_reasons = table.Column<string>(nullable: false),
                granted_items = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_disputes", x => x.id));
        migrationBuilder.CreateIndex("ix_disputes_number", "disputes", "number", unique: true);
        migrationBuilder.CreateIndex("ix_disputes_sharing_application_id", "disputes", "sharing_application_id");
        migrationBuilder.CreateIndex("ix_disputes_requester_status", "disputes", ["requester_department", "status"]);
        migrationBuilder.CreateIndex("ix_disputes_provider_status", "disputes", ["provider_department", "status"]);

        migrationBuilder.CreateTable(
            name: "data_objections",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 64, nullable: false),
                resource_id = table.Column<Guid>(nullable: false),
                resource_name = table.Column<string>(maxLength: 255, nullable: false),
                requester_department = table.Column<string>(maxLength: 64, nullable: false),
                provider_department = table.Column<string>(maxLength: 64, nullable: false),
                description = table.Column<string>(maxLength: 4000, nullable: false),
                record_reference = table.Column<string>(maxLength: 1000, nullable: true),
                proposed_correction = table.Column<string>(maxLength: 4000, nullable: true),
                reporter = table.Column<string>(maxLength: 128, nullable: false),
                reported_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                copied_to_office = table.Column<bool>(nullable: false),
                status = table.Column<string>(maxLength: 32, nullable: false),
                finding = table.Column<string>(maxLength: 32, nullable: true),
                verification_result = table.Column<string>(maxLength: 4000, nullable: true),
                verified_by = table.Column<string>(maxLength: 128, nullable: true),
                verified_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                plan_basis = table.Column<string>(maxLength: 4000, nullable: true),
                plan_steps = table.Column<string>(maxLength: 4000, nullable: true),
                committed_date = table.Column<DateOnly>(nullable: true),
                plan_approved = table.Column<bool>(nullable: true),
                plan_review_opinion = table.Column<string>(maxLength: 4000, nullable: true),
                plan_reviewed_by = table.Column<string>(maxLength: 128, nullable: true),
                plans_rejected = table.Column<int>(nullable: false),
                verification_overdue = table.Column<bool>(nullable: false),
                report = table.Column<string>(maxLength: 4000, nullable: true),
                resolution = table.Column<string>(maxLength: 32, nullable: true),
                office_result = table.Column<string>(maxLength: 4000, nullable: true),
                handled_by = table.Column<string>(maxLength: 128, nullable: true),
                closed_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                items = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_data_objections", x => x.id));
        migrationBuilder.CreateIndex("ix_data_objections_number", "data_objections", "number", unique: true);
        migrationBuilder.CreateIndex("ix_data_objections_provider_status", "data_objections", ["provider_department", "status"]);
        migrationBuilder.CreateIndex("ix_data_objections_requester_status", "data_objections", ["requester_department", "status"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("data_objections");
        migrationBuilder.DropTable("disputes");
    }
}
