using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>Document numbers (文号): the register of issued documents, the gap-free sequences, the departments' short names.</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000013_Documents")]
public sealed class DocumentTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var instant = ColumnTypes.Instant(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "document_sequences",
            columns: table => new
            {
                department_code = table.Column<string>(maxLength: 64, nullable: false),
                year = table.Column<int>(nullable: false),
                kind = table.Column<string>(maxLength: 32, nullable: false),
                last_sequence = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_document_sequences", x => new { x.department_code, x.year, x.kind }));

        migrationBuilder.CreateTable(
            name: "issued_documents",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 255, nullable: false),
                kind = table.Column<string>(maxLength: 32, nullable: false),
                department_code = table.Column<string>(maxLength: 64, nullable: false),
                issuer_name = table.Column<string>(maxLength: 128, nullable: false),
                year = table.Column<int>(nullable: false),
                sequence = table.Column<int>(nullable: false),
                subject_id = table.Column<Guid>(nullable: false),
                process = table.Column<string>(maxLength: 128, nullable: false),
                article = table.Column<string>(maxLength: 255, nullable: true),
                issued_by = table.Column<string>(maxLength: 128, nullable: true),
                issued_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_issued_documents", x => x.id));
        // A second row with the same department, year, kind and sequence can never be stored: a repeated number fails the decision.
        migrationBuilder.CreateIndex("ix_issued_documents_sequence", "issued_documents", ["department_code", "year", "kind", "sequence"], unique: true);
        migrationBuilder.CreateIndex("ix_issued_documents_subject_id", "issued_documents", "subject_id");

        migrationBuilder.CreateTable(
            name: "department_short_names",
            columns: table => new
            {
                department_code = table.Column<string>(maxLength: 64, nullable: false),
                short_name = table.Column<string>(maxLength: 32, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_department_short_names", x => x.department_code));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("department_short_names");
        migrationBuilder.DropTable("issued_documents");
        migrationBuilder.DropTable("document_sequences");
    }
}
