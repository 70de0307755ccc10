using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Persistence;

/// <summary>
/// The audit trail under load, on each real database: many requests finishing at once, and two hosts on one database,
/// each get their entry stored once, in one unbroken chain.
/// </summary>
public abstract class AuditTrailWriterTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ITestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private AuditTrailWriter Writer() => new(_database.Factory, TimeProvider.System);

    private static AuditTrailWriter.Entry Entry(string subject) => new("gongan-reviewer", "gongan", "POST /api/tasks/{id}/complete", subject, "127.0.0.1", 204);

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task TwoHundredAppendsAtOnce_AreEachStoredOnce_InOneUnbrokenChain()
    {
        using var writer = Writer();
        var subjects = Enumerable.Range(1, 200).Select(i => $"task-{i}").ToList();

        await Task.WhenAll(subjects.Select(s => Task.Run(() => writer.AppendAsync(Entry(s), CancellationToken.None))));

        var entries = await EntriesAsync();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), entries.Select(e => e.Id));
        Assert.Equal(subjects.Order(StringComparer.Ordinal), entries.Select(e => e.Subject!).Order(StringComparer.Ordinal));
        Assert.Equal(new AuditTrailWriter.Verification(true, 200, null, null), await writer.VerifyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TwoHostsAppendingAtOnce_ChainAfterEachOther_AndLoseNothing()
    {
        using var first = Writer();
        using var second = Writer();
        AuditTrailWriter[] hosts = [first, second];

        await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Task.Run(() => hosts[i % 2].AppendAsync(Entry($"task-{i}"), CancellationToken.None))));

        var entries = await EntriesAsync();
        Assert.Equal(120, entries.Select(e => e.Subject).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(new AuditTrailWriter.Verification(true, 120, null, null), await hosts[0].VerifyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnEntryTheDatabaseRefuses_FailsOnlyItsOwnCaller_AndTheChainGoesOnAfterTheLastStoredEntry()
    {
        using var writer = Writer();
        await writer.AppendAsync(Entry("task-1"), CancellationToken.None);

        // An entry without an actor breaks the column's NOT NULL on both databases; the entries appended with it are stored.
        var refused = Task.Run(() => writer.AppendAsync(Entry("refused") with { Actor = null! }, CancellationToken.None));
        var others = Enumerable.Range(2, 6).Select(i => Task.Run(() => writer.AppendAsync(Entry($"task-{i}"), CancellationToken.None))).ToList();
        await Assert.ThrowsAnyAsync<Exception>(() => refused);
        await Task.WhenAll(others);
        await writer.AppendAsync(Entry("task-8"), CancellationToken.None);

        var entries = await EntriesAsync();
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"task-{i}"), entries.Select(e => e.Subject!).Order(StringComparer.Ordinal));
        Assert.Equal(new AuditTrailWriter.Verification(true, 8, null, null), await writer.VerifyAsync(CancellationToken.None));
    }
}

public sealed class AuditTrailWriterTestsOnSqlite() : AuditTrailWriterTests(DatabaseProvider.Sqlite);

public sealed class AuditTrailWriterTestsOnPostgres() : AuditTrailWriterTests(DatabaseProvider.Postgres);
