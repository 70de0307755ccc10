using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Persistence;

/// <summary>The definition drafts migration on each real database: the table, a draft read back as written, a way down and up again.</summary>
public abstract class DefinitionDraftTablesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset SavedAt = new(2026, 9, 23, 9, 30, 0, TimeSpan.FromHours(8));

    private ITestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Draft_IsStoredAndReadBackAsWritten()
    {
        var xml = "<bpmn:definitions>" + new string('x', 100_000) + "共享</bpmn:definitions>";
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            db.DefinitionDrafts.Add(new DefinitionDraftRecord { Key = "sharingApplication", Xml = xml, SavedAt = SavedAt, SavedBy = "admin" });
            await db.SaveChangesAsync();
        }

        await using var read = await _database.Factory.CreateDbContextAsync();
        var draft = await read.DefinitionDrafts.AsNoTracking().SingleAsync();
        Assert.Equal(("sharingApplication", xml, SavedAt, "admin"), (draft.Key, draft.Xml, draft.SavedAt, draft.SavedBy));
    }

    [Fact]
    public async Task Down_DropsTheDraftsAndKeepsTheDefinitions_AndUpAgain()
    {
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000013_Documents");
        }

        var tables = (await _database.TableNamesAsync()).Select(t => t.ToLowerInvariant()).ToHashSet();
        Assert.DoesNotContain("definition_drafts", tables);
        Assert.Contains("process_definitions", tables);

        await DatabaseMigrator.MigrateAsync(_database.Factory, CancellationToken.None);
        Assert.Contains("definition_drafts", (await _database.TableNamesAsync()).Select(t => t.ToLowerInvariant()));
    }
}

public sealed class DefinitionDraftTablesTestsOnSqlite() : DefinitionDraftTablesTests(DatabaseProvider.Sqlite);

public sealed class DefinitionDraftTablesTestsOnPostgres() : DefinitionDraftTablesTests(DatabaseProvider.Postgres);
