using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>
/// The deadline firings in the history, by instant: supervision (督办) reads the firings of a period without scanning the
/// whole history. Only firings are in the index, so the engine's other history rows write no page of it.
/// </summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261121000016_SupervisionIndex")]
public sealed class SupervisionIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex("ix_history_timer_fired_at", "history", ["at"], filter: "kind = 'timer-fired'");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("ix_history_timer_fired_at", "history");
    }
}
