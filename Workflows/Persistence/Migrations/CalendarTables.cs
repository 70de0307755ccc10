using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>Imported calendar years (with their history) and regional overlays.</summary>
/// <remarks>
/// Migrations are written by hand (EF Core's design-time tools are not available here) and are provider-neutral:
/// column types follow from the CLR types through the active provider, so one migration serves SQLite and PostgreSQL.
/// </remarks>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000001_Calendar")]
public sealed class CalendarTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "calendar_years",
            columns: table => new
            {
                year = table.Column<int>(nullable: false),
                document = table.Column<string>(nullable: false),
                revision = table.Column<int>(nullable: false),
                imported_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: false),
                imported_by = table.Column<string>(maxLength: 128, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_calendar_years", x => x.year));

        migrationBuilder.CreateTable(
            name: "calendar_year_history",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                year = table.Column<int>(nullable: false),
                revision = table.Column<int>(nullable: false),
                document = table.Column<string>(nullable: false),
                imported_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: false),
                imported_by = table.Column<string>(maxLength: 128, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_calendar_year_history", x => x.id));

        migrationBuilder.CreateIndex(
            name: "ix_calendar_year_history_year_revision",
            table: "calendar_year_history",
            columns: ["year", "revision"],
            unique: true);

        migrationBuilder.CreateTable(
            name: "regional_calendars",
            columns: table => new
            {
                jurisdiction = table.Column<string>(maxLength: 32, nullable: false),
                name = table.Column<string>(maxLength: 128, nullable: false),
                document = table.Column<string>(nullable: false),
                revision = table.Column<int>(nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: false),
                updated_by = table.Column<string>(maxLength: 128, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_regional_calendars", x => x.jurisdiction));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable(name: "regional_calendars");
        migrationBuilder.DropTable(name: "calendar_year_history");
        migrationBuilder.DropTable(name: "calendar_years");
    }
}
