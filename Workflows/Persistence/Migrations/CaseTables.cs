using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>Organisation, catalog, policy profiles, sharing applications and what their decisions produce.</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000005_Cases")]
public sealed class CaseTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var instant = ColumnTypes.Instant(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "departments",
            columns: table => new
            {
                code = table.Column<string>(maxLength: 64, nullable: false),
                name = table.Column<string>(maxLength: 128, nullable: false),
                kind = table.Column<string>(maxLength: 32, nullable: false),
                supervisor = table.Column<string>(maxLength: 128, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_departments", x => x.code));

        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                user_name = table.Column<string>(maxLength: 128, nullable: false),
                display_name = table.Column<string>(maxLength: 128, nullable: false),
                department_code = table.Column<string>(maxLength: 64, nullable: false),
                email = table.Column<string>(maxLength: 256, nullable: true),
                password_hash = table.Column<string>(maxLength: 512, nullable: true),
                roles = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_users", x => x.user_name));
        migrationBuilder.CreateIndex("ix_users_department_code", "users", "department_code");

        migrationBuilder.CreateTable(
            name: "catalog_resources",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 64, nullable: false),
                name = table.Column<string>(maxLength: 255, nullable: false),
                provider_department = table.Column<string>(maxLength: 64, nullable: false),
                share_type = table.Column<string>(maxLength: 16, nullable: false),
                legal_basis = table.Column<string>(maxLength: 1000, nullable: true),
                version = table.Column<int>(nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                data_items = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_catalog_resources", x => x.id));
        migrationBuilder.CreateIndex("ix_catalog_resources_code_version", "catalog_resources", ["code", "version"], unique: true);

        migrationBuilder.CreateTable(
            name: "sharing_applications",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 64, nullable: false),
                resource_id = table.Column<Guid>(nullable: false),
                resource_name = table.Column<string>(maxLength: 255, nullable: false),
                share_type = table.Column<string>(maxLength: 16, nullable: false),
                requester_department = table.Column<string>(maxLength: 64, nullable: false),
                provider_department = table.Column<string>(maxLength: 64, nullable: false),
                duty = table.Column<string>(maxLength: 4000, nullable: false),
                scenario = table.Column<string>(maxLength: 4000, nullable: false),
                use_from = table.Column<DateOnly>(nullable: true),
                use_until = table.Column<DateOnly>(nullable: true),
                applicant = table.Column<string>(maxLength: 128, nullable: false),
                submitted_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                status = table.Column<string>(maxLength: 32, nullable: false),
                process_instance_id = table.Column<Guid>(nullable: true),
                decision = table.Column<string>(maxLength: 32, nullable: true),
                conditions = table.Column<string>(maxLength: 4000, nullable: true),
                reasons = table.Column<string>(maxLength: 4000, nullable: true),
                legal_basis = table.Column<string>(maxLength: 1000, nullable: true),
                decided_by = table.Column<string>(maxLength: 128, nullable: true),
                decided_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
                is_system_decision = table.Column<bool>(nullable: false),
                article = table.Column<string>(maxLength: 255, nullable: true),
                supplement_request = table.Column<string>(maxLength: 4000, nullable: true),
                supplement_count = table.Column<int>(nullable: false),
                requested_items = table.Column<string>(nullable: false),
                approved_items = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_sharing_applications", x => x.id));
        migrationBuilder.CreateIndex("ix_sharing_applications_number", "sharing_applications", "number", unique: true);
        migrationBuilder.CreateIndex("ix_sharing_applications_requester_status", "sharing_applications", ["requester_department", "status"]);
        migrationBuilder.CreateIndex("ix_sharing_applications_provider_status", "sharing_applications", ["provider_department", "status"]);

        migrationBuilder.CreateTable(
            name: "grants",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                application_id = table.Column<Guid>(nullable: false),
                resource_id = table.Column<Guid>(nullable: false),
                grantee_department = table.Column<string>(maxLength: 64, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: false),
                valid_until = table.Column<DateOnly>(nullable: true),
                agreement_id = table.Column<Guid>(nullable: true),
                conditions = table.Column<string>(maxLength: 4000, nullable: true),
                is_system_decision = table.Column<bool>(nullable: false),
                granted_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                items = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_grants", x => x.id));
        migrationBuilder.CreateIndex("ix_grants_grantee_resource", "grants", ["grantee_department", "resource_id"]);

        migrationBuilder.CreateTable(
            name: "filings",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(maxLength: 64, nullable: false),
                subject_id = table.Column<Guid>(nullable: false),
                department = table.Column<string>(maxLength: 64, nullable: false),
                summary = table.Column<string>(maxLength: 4000, nullable: false),
                article = table.Column<string>(maxLength: 255, nullable: false),
                filed_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_filings", x => x.id));
        migrationBuilder.CreateIndex("ix_filings_subject_id", "filings", "subject_id");

        migrationBuilder.CreateTable(
            name: "security_agreements",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                application_id = table.Column<Guid>(nullable: false),
                requester_department = table.Column<string>(maxLength: 64, nullable: false),
                provider_department = table.Column<string>(maxLength: 64, nullable: false),
                resource_id = table.Column<Guid>(nullable: false),
                terms = table.Column<string>(maxLength: 4000, nullable: false),
                signed_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_security_agreements", x => x.id));

        migrationBuilder.CreateTable(
            name: "notices",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                case_id = table.Column<Guid>(nullable: true),
                kind = table.Column<string>(maxLength: 32, nullable: false),
                recipient_department = table.Column<string>(maxLength: 64, nullable: false),
                recipient_role = table.Column<string>(maxLength: 64, nullable: true),
                recipient_user = table.Column<string>(maxLength: 128, nullable: true),
                subject = table.Column<string>(maxLength: 255, nullable: false),
                body = table.Column<string>(maxLength: 4000, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                read_at = table.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_notices", x => x.id));
        migrationBuilder.CreateIndex("ix_notices_recipient", "notices", ["recipient_department", "recipient_role"]);
        migrationBuilder.CreateIndex("ix_notices_case_id", "notices", "case_id");

        migrationBuilder.CreateTable(
            name: "policy_profiles",
            columns: table => new
            {
                code = table.Column<string>(maxLength: 32, nullable: false),
                version = table.Column<int>(nullable: false),
                document = table.Column<string>(nullable: false),
                created_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                created_by = table.Column<string>(maxLength: 128, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_policy_profiles", x => new { x.code, x.version }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "policy_profiles", "notices", "security_agreements", "filings", "grants", "sharing_applications", "catalog_resources", "users", "departments" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
