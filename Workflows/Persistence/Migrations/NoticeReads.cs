using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>
/// Who has read which notice: a notice to a department or to a role is read by each member on their own. A notice read
/// before this version keeps its <c>read_at</c> and stays read.
/// </summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261122000018_NoticeReads")]
public sealed class NoticeReads : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "notice_reads",
            columns: table => new
            {
                notice_id = table.Column<Guid>(nullable: false),
                user_name = table.Column<string>(maxLength: 128, nullable: false),
                read_at = table.Column<DateTimeOffset>(type: ColumnTypes.Instant(migrationBuilder), nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_notice_reads", x => new { x.notice_id, x.user_name });
                table.ForeignKey("fk_notice_reads_notice", x => x.notice_id, "notices", "id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("notice_reads");
    }
}
