using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Persistence;

/// <summary>The hand-written migrations on each real database: the tables they promise, and a way back down.</summary>
public abstract class DatabaseMigratorTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string[] CalendarTables = ["calendar_years", "calendar_year_history", "regional_calendars"];

    private static readonly string[] EngineTables = ["process_definitions", "process_instances", "user_tasks", "waits", "history", "outbox"];

    /// <summary>Quartz.NET 4.7.3's job store, prefix <c>qrtz_</c>: what its schema check at scheduler start-up looks for.</summary>
    private static readonly string[] SchedulerTables =
    [
        "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers",
        "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps", "qrtz_paused_job_grps", "qrtz_fired_triggers",
        "qrtz_scheduler_state", "qrtz_locks", "qrtz_execution_history", "qrtz_misfire_history", "qrtz_job_status",
    ];

    private ITestDatabase _database = null!;

    protected ITestDatabase Database => _database;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateAsync_AppliesEveryMigrationInOrder()
    {
        await using var db = await _database.Factory.CreateDbContextAsync();

        Assert.Equal(["20261121000001_Calendar", "20261121000002_Scheduler", "20261121000003_Engine", "20261121000004_TaskSuspension", "20261121000005_Cases", "20261121000006_CatalogChange", "20261121000007_Disputes", "20261121000008_Projects", "20261121000009_Rectification", "20261121000010_AccountLockout", "20261121000011_AuditTrail", "20261121000012_ClerkOperations", "20261121000013_Documents", "20261121000014_DefinitionDrafts", "20261121000015_PartialEngineIndexes", "20261121000016_SupervisionIndex", "20261122000017_ExpectedRowFunction", "20261122000018_NoticeReads", "20261122000019_CaseNumberSequences", "20261122000020_HistoryActorIndex"], await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task MigrateAsync_CreatesTheCalendarAndSchedulerTables()
    {
        var tables = (await _database.TableNamesAsync()).Select(t => t.ToLowerInvariant()).ToHashSet();

        Assert.All(CalendarTables, table => Assert.Contains(table, tables));
        Assert.All(EngineTables, table => Assert.Contains(table, tables));
        Assert.All(SchedulerTables, table => Assert.Contains(table, tables));
        Assert.Equal(SchedulerTables.Order(), tables.Where(t => t.StartsWith("qrtz_", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task MigrateAsync_Again_ChangesNothing()
    {
        var before = await _database.TableNamesAsync();

        await DatabaseMigrator.MigrateAsync(_database.Factory, CancellationToken.None);

        Assert.Equal(before.Order(), (await _database.TableNamesAsync()).Order());
    }

    [Fact]
    public async Task SchedulerMigration_Down_DropsEveryQuartzTableAndKeepsTheCalendar()
    {
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000001_Calendar");
        }

        var tables = (await _database.TableNamesAsync()).Select(t => t.ToLowerInvariant()).ToList();
        Assert.DoesNotContain(tables, t => t.StartsWith("qrtz_", StringComparison.Ordinal));
        Assert.All(CalendarTables, table => Assert.Contains(table, tables));

        // And up again: the migration is repeatable.
        await DatabaseMigrator.MigrateAsync(_database.Factory, CancellationToken.None);
        Assert.Equal(SchedulerTables.Length, (await _database.TableNamesAsync()).Count(t => t.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact(DisplayName = "The message, parent and assignee indexes leave out rows without the key, and are whole again one version down")]
    public async Task PartialEngineIndexes_FilterTheirRows_AndGoBackDown()
    {
        string[] partial = ["ix_waits_message", "ix_process_instances_parent_instance_id", "ix_user_tasks_status_assignee"];
        var upgraded = await IndexDefinitionsAsync();
        Assert.All(partial, name => Assert.Contains("IS NOT NULL", upgraded[name], StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("WHERE", upgraded["ix_waits_kind_due_at"], StringComparison.OrdinalIgnoreCase);

        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000014_DefinitionDrafts");
        }

        var down = await IndexDefinitionsAsync();
        Assert.All(partial, name => Assert.DoesNotContain("WHERE", down[name], StringComparison.OrdinalIgnoreCase));
    }

    [Fact(DisplayName = "The history's deadline firings are indexed by instant, and no other history row is; the index is gone one version down")]
    public async Task SupervisionIndex_HoldsTheFiringsOnly_AndGoesBackDown()
    {
        var upgraded = await IndexDefinitionsAsync();
        Assert.Contains("timer-fired", upgraded["ix_history_timer_fired_at"], StringComparison.Ordinal);
        Assert.Contains("WHERE", upgraded["ix_history_timer_fired_at"], StringComparison.OrdinalIgnoreCase);

        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000015_PartialEngineIndexes");
        }

        Assert.DoesNotContain("ix_history_timer_fired_at", (await IndexDefinitionsAsync()).Keys);
    }

    [Fact(DisplayName = "A clerk's steps on tasks are indexed by actor and kind, and the engine's other history rows are not; the index is gone one version down")]
    public async Task HistoryActorIndex_HoldsStepsOnTasksOnly_AndGoesBackDown()
    {
        var upgraded = await IndexDefinitionsAsync();
        Assert.Contains("actor", upgraded["ix_history_actor_kind"], StringComparison.Ordinal);
        Assert.Contains("WHERE", upgraded["ix_history_actor_kind"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("task_id IS NOT NULL", upgraded["ix_history_actor_kind"], StringComparison.OrdinalIgnoreCase);

        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261122000019_CaseNumberSequences");
        }

        var down = await IndexDefinitionsAsync();
        Assert.DoesNotContain("ix_history_actor_kind", down.Keys);
        Assert.Contains("ix_history_timer_fired_at", down.Keys);
    }

    /// <summary>Each index's definition as the database reports it (SQLite's CREATE statement, PostgreSQL's indexdef).</summary>
    private async Task<Dictionary<string, string>> IndexDefinitionsAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync();
        var sql = provider == DatabaseProvider.Sqlite
            ? "SELECT name AS \"Name\", sql AS \"Definition\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            : "SELECT indexname AS \"Name\", indexdef AS \"Definition\" FROM pg_indexes WHERE schemaname = current_schema()";
        var rows = await db.Database.SqlQueryRaw<IndexDefinition>(sql).ToListAsync();
        return rows.ToDictionary(r => r.Name, r => r.Definition);
    }

    private sealed record IndexDefinition(string Name, string Definition);

    [Fact]
    public async Task Upgrade_FromThePreviousSchemaVersion_KeepsTheData()
    {
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000002_Scheduler");
            db.CalendarYears.Add(new CalendarYearRecord { Year = 2027, Document = "{\"year\":2027,\"days\":[]}", Revision = 1, ImportedAt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8)), ImportedBy = "policy-admin" });
            await db.SaveChangesAsync();
        }

        await DatabaseMigrator.MigrateAsync(_database.Factory, CancellationToken.None);

        await using var upgraded = await _database.Factory.CreateDbContextAsync();
        var year = await upgraded.CalendarYears.SingleAsync();
        Assert.Equal(("policy-admin", 1), (year.ImportedBy, year.Revision));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero), year.ImportedAt);
        Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await upgraded.ProcessInstances.CountAsync());
    }
}

public sealed class DatabaseMigratorTestsOnSqlite() : DatabaseMigratorTests(DatabaseProvider.Sqlite);

public sealed class DatabaseMigratorTestsOnPostgres() : DatabaseMigratorTests(DatabaseProvider.Postgres)
{
    [Fact(DisplayName = "PostgreSQL gets the function that fails a write whose row was changed meanwhile; one version down it is gone")]
    public async Task ExpectedRowFunction_FailsAMissingRow_AndGoesBackDown()
    {
        await using (var db = await Database.Factory.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT shareflow_expect_row(1, 0) AS \"Value\"").SingleAsync());
            var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.SqlQueryRaw<int>("SELECT shareflow_expect_row(0, 3) AS \"Value\"").SingleAsync());
            Assert.Equal((RowWriter.ConflictSqlState, "3"), (error.SqlState, error.Hint));
            Assert.Contains("Checked statement 3 of the write found no row.", error.Message, StringComparison.Ordinal);
            await db.GetService<IMigrator>().MigrateAsync("20261121000016_SupervisionIndex");
        }

        await using var down = await Database.Factory.CreateDbContextAsync();
        Assert.Empty(await down.Database.SqlQueryRaw<string>("SELECT proname AS \"Value\" FROM pg_proc WHERE proname = 'shareflow_expect_row'").ToListAsync());
    }
}
