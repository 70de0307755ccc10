using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>Sign-in lockout after repeated failures.</summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000010_AccountLockout")]
public sealed class AccountLockout : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<int>("access_failed_count", "users", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTimeOffset>("lockout_end", "users", type: ColumnTypes.Instant(migrationBuilder), nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE users DROP COLUMN lockout_end;");
        migrationBuilder.Sql("ALTER TABLE users DROP COLUMN access_failed_count;");
    }
}
