using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>
/// Case numbers from a counter per kind and day (SQ-20261123-0001) instead of the id's last six hex digits, which two
/// cases opened the same day could share. Numbers given before this version stay as they are.
/// </summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261122000019_CaseNumberSequences")]
public sealed class CaseNumberSequences : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "case_number_sequences",
            columns: table => new
            {
                prefix = table.Column<string>(maxLength: 8, nullable: false),
                day = table.Column<int>(nullable: false),
                last_sequence = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_case_number_sequences", x => new { x.prefix, x.day }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("case_number_sequences");
    }
}
