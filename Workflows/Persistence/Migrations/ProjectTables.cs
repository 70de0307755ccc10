using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>Projects with their payment gate, their acceptance-data cases and review opinions; open-data requests.</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000008_Projects")]
public sealed class ProjectTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var instant = ColumnTypes.Instant(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "projects",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 64, nullable: false),
                name = table.Column<string>(maxLength: 255, nullable: false),
                building_department = table.Column<string>(maxLength: 64, nullable: false),
                funding = table.Column<string>(maxLength: 16, nullable: false),
                construction = table.Column<string>(maxLength: 16, nullable: false),
                data_catalog = table.Column<string>(nullable: false),
                registered_by = table.Column<string>(maxLength: 128, nullable: false),
                registered_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                status = table.Column<string>(maxLength: 32, nullable: false),
                completion_date = table.Column<DateOnly>(nullable: true),
                acceptance_submission_id = table.Column<Guid>(nullable: true),
                payment_gate_open = table.Column<bool>(nullable: false),
                payment_gate_opened_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                payment_gate_article = table.Column<string>(maxLength: 255, nullable: true),
                live_since = table.Column<DateOnly>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_projects", x => x.id));
        migrationBuilder.CreateIndex("ix_projects_code", "projects", "code", unique: true);
        migrationBuilder.CreateIndex("ix_projects_building_department_status", "projects", ["building_department", "status"]);

        migrationBuilder.CreateTable(
            name: "acceptance_submissions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 64, nullable: false),
                project_id = table.Column<Guid>(nullable: false),
                project_code = table.Column<string>(maxLength: 64, nullable: false),
                project_name = table.Column<string>(maxLength: 255, nullable: false),
                building_department = table.Column<string>(maxLength: 64, nullable: false),
                completion_date = table.Column<DateOnly>(nullable: false),
                required_entries = table.Column<string>(nullable: false),
                opened_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                status = table.Column<string>(maxLength: 32, nullable: false),
                round = table.Column<int>(nullable: false),
                submitted_entries = table.Column<string>(nullable: false),
                data_description = table.Column<string>(maxLength: 4000, nullable: true),
                submitted_by = table.Column<string>(maxLength: 128, nullable: true),
                submitted_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                opinion = table.Column<string>(maxLength: 16, nullable: true),
                opinion_reasons = table.Column<string>(maxLength: 4000, nullable: true),
                reviewed_by = table.Column<string>(maxLength: 128, nullable: true),
                reviewed_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                late_submissions = table.Column<int>(nullable: false),
                late_reviews = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_acceptance_submissions", x => x.id));
        migrationBuilder.CreateIndex("ix_acceptance_submissions_number", "acceptance_submissions", "number", unique: true);
        migrationBuilder.CreateIndex("ix_acceptance_submissions_project_id", "acceptance_submissions", "project_id");

        migrationBuilder.CreateTable(
            name: "acceptance_reviews",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                submission_id = table.Column<Guid>(nullable: false),
                project_id = table.Column<Guid>(nullable: false),
                round = table.Column<int>(nullable: false),
                opinion = table.Column<string>(maxLength: 16, nullable: false),
                reasons = table.Column<string>(maxLength: 4000, nullable: true),
                submitted_entries = table.Column<string>(nullable: false),
                reviewed_by = table.Column<string>(maxLength: 128, nullable: false),
                reviewed_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_acceptance_reviews", x => x.id));
        migrationBuilder.CreateIndex("ix_acceptance_reviews_submission_round", "acceptance_reviews", ["submission_id", "round"], unique: true);

        migrationBuilder.CreateTable(
            name: "open_data_requests",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 64, nullable: false),
                applicant_name = table.Column<string>(maxLength: 255, nullable: false),
                applicant_kind = table.Column<string>(maxLength: 32, nullable: false),
                applicant_contact = table.Column<string>(maxLength: 255, nullable: false),
                applicant_identifier = table.Column<string>(maxLength: 64, nullable: true),
                provider_department = table.Column<string>(maxLength: 64, nullable: false),
                resource_id = table.Column<Guid>(nullable: true),
                resource_name = table.Column<string>(maxLength: 255, nullable: true),
                requested_data = table.Column<string>(maxLength: 4000, nullable: false),
                purpose = table.Column<string>(maxLength: 4000, nullable: false),
                scenario = table.Column<string>(maxLength: 4000, nullable: true),
                safeguards = table.Column<string>(maxLength: 4000, nullable: true),
                received_via = table.Column<string>(maxLength: 128, nullable: false),
                received_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                status = table.Column<string>(maxLength: 32, nullable: false),
                decision = table.Column<string>(maxLength: 32, nullable: true),
                opened_scope = table.Column<string>(maxLength: 4000, nullable: true),
                conditions = table.Column<string>(maxLength: 4000, nullable: true),
                reasons = table.Column<string>(maxLength: 4000, nullable: true),
                legal_basis = table.Column<string>(maxLength: 1000, nullable: true),
                answered_by = table.Column<string>(maxLength: 128, nullable: true),
                answered_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                overdue = table.Column<bool>(nullable: false),
                applicant_notice_subject = table.Column<string>(maxLength: 255, nullable: true),
                applicant_notice_body = table.Column<string>(maxLength: 4000, nullable: true),
                applicant_notified_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_open_data_requests", x => x.id));
        migrationBuilder.CreateIndex("ix_open_data_requests_number", "open_data_requests", "number", unique: true);
        migrationBuilder.CreateIndex("ix_open_data_requests_provider_status", "open_data_requests", ["provider_department", "status"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "open_data_requests", "acceptance_reviews", "acceptance_submissions", "projects" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
