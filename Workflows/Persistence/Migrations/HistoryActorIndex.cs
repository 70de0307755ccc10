using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>
/// A clerk's own steps on tasks in the history, by actor and kind: the clerk's "done" list (已办) and the steps taken on
/// someone's behalf read them without scanning the whole history, which grows by some ten rows a case for as long as the
/// deployment runs. Only rows that name both an actor and a task are in the index, so most of the engine's history rows
/// (elements entered and left, tasks created) write no page of it.
/// </summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261122000020_HistoryActorIndex")]
public sealed class HistoryActorIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex("ix_history_actor_kind", "history", ["actor", "kind"], filter: HistoryRecordConfiguration.ActorIndexFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("ix_history_actor_kind", "history");
    }
}
