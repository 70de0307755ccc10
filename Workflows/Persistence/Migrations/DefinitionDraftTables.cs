using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>The designer's drafts of process definitions: one per key, until that key is published.</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000014_DefinitionDrafts")]
public sealed class DefinitionDraftTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var instant = ColumnTypes.Instant(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "definition_drafts",
            columns: table => new
            {
                key = table.Column<string>(maxLength: 255, nullable: false),
                xml = table.Column<string>(nullable: false),
                saved_at = table.Column<DateTimeOffset>(type: instant, nullable: false),
                saved_by = table.Column<string>(maxLength: 128, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_definition_drafts", x => x.key));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("definition_drafts");
    }
}
