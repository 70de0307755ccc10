using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Persistence;

/// <summary>
/// The writer of a state change's rows stores what <c>SaveChanges</c> would: new rows, the changed columns of changed
/// rows, removed rows gone; and like <c>SaveChanges</c> it refuses to overwrite or remove a row someone else changed or
/// removed since it was read.
/// </summary>
public sealed class RowWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory(DisplayName = "New, changed and removed rows are written in one go as SaveChanges would write them")]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task NewChangedAndRemovedRows_AreWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (instanceId, kept, removed) = await SeedAsync(database);
        var added = new WaitRecord { Id = Guid.CreateVersion7(At), InstanceId = instanceId, TokenId = Guid.NewGuid(), ElementId = "reminder", Kind = "timer", DueAt = At.AddDays(3), CreatedAt = At };

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var instance = await db.ProcessInstances.SingleAsync(i => i.Id == instanceId);
            instance.Status = "completed";
            instance.EndedAt = At.AddHours(1);
            instance.Revision++;
            db.Waits.Remove(await db.Waits.SingleAsync(w => w.Id == removed));
            var changes = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Modified or EntityState.Deleted).ToList();

            await RowWriter.WriteAsync(db, [[], [added]], changes, [], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var check = await database.Factory.CreateDbContextAsync();
        var stored = await check.ProcessInstances.SingleAsync(i => i.Id == instanceId);
        Assert.Equal(("completed", 2, At.AddHours(1)), (stored.Status, stored.Revision, stored.EndedAt));
        Assert.Equal(("case-1", "{\"decision\":\"approve\"}", "clerk"), (stored.BusinessKey, stored.Variables, stored.StartedBy));
        var waits = await check.Waits.Where(w => w.InstanceId == instanceId).OrderBy(w => w.ElementId).Select(w => new { w.Id, w.DueAt }).ToListAsync();
        Assert.Equal([new { Id = kept, DueAt = (DateTimeOffset?)At.AddDays(1) }, new { added.Id, added.DueAt }], waits);
        Assert.DoesNotContain(waits, w => w.Id == removed);
    }

    [Theory(DisplayName = "A row changed by someone else since it was read is not overwritten")]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ARowChangedSinceItWasRead_IsAConflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (instanceId, _, _) = await SeedAsync(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var instance = await db.ProcessInstances.SingleAsync(i => i.Id == instanceId);
        await MeanwhileAsync(database, async other =>
        {
            var first = await other.ProcessInstances.SingleAsync(i => i.Id == instanceId);
            first.Status = "cancelled";
            first.Revision++;
            await other.SaveChangesAsync();
        });

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            instance.Status = "completed";
            instance.Revision++;
            var error = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
                RowWriter.WriteAsync(db, [], [.. db.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified)], [], CancellationToken.None));
            Assert.Contains(instanceId.ToString(), error.Message, StringComparison.OrdinalIgnoreCase);
        }

        await using var check = await database.Factory.CreateDbContextAsync();
        var stored = await check.ProcessInstances.SingleAsync(i => i.Id == instanceId);
        Assert.Equal(("cancelled", 2), (stored.Status, stored.Revision));
    }

    [Theory(DisplayName = "Removing a row someone else removed first is a conflict, and the rest of the write is not kept")]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RemovingARowAlreadyRemoved_IsAConflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (instanceId, kept, removed) = await SeedAsync(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var waits = await db.Waits.Where(w => w.InstanceId == instanceId).ToListAsync();
        await MeanwhileAsync(database, other => other.Waits.Where(w => w.Id == removed).ExecuteDeleteAsync());

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Waits.RemoveRange(waits.OrderBy(w => w.Id == removed ? 1 : 0));
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
                RowWriter.WriteAsync(db, [], [.. db.ChangeTracker.Entries().Where(e => e.State == EntityState.Deleted).OrderBy(e => ((WaitRecord)e.Entity).Id == removed ? 1 : 0)], [], CancellationToken.None));
        }

        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal([kept], await check.Waits.Where(w => w.InstanceId == instanceId).Select(w => w.Id).ToListAsync());
    }

    [Theory(DisplayName = "A write that took something for granted is refused when the database no longer bears it out")]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AnUnmetExpectation_RefusesTheWrite(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (instanceId, _, _) = await SeedAsync(database);
        var noVersionAfter = (int version) => new RowWriter.Expectation(
            "NOT EXISTS (SELECT 1 FROM process_definitions WHERE \"key\" = {0} AND \"version\" > {1})", ["approval", version], () => new TimeoutException($"not v{version}"));
        WaitRecord Reminder(string element) => new() { Id = Guid.CreateVersion7(At), InstanceId = instanceId, TokenId = Guid.NewGuid(), ElementId = element, Kind = "timer", DueAt = At.AddDays(3), CreatedAt = At };

        await using var db = await database.Factory.CreateDbContextAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await RowWriter.WriteAsync(db, [[Reminder("kept")]], [], [noVersionAfter(1)], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await MeanwhileAsync(database, other =>
        {
            other.ProcessDefinitions.Add(new ProcessDefinitionRecord { Key = "approval", Version = 2, Xml = "<definitions/>", ContentHash = "hash2", PublishedAt = At });
            return other.SaveChangesAsync();
        });
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var unmet = await Assert.ThrowsAsync<TimeoutException>(() => RowWriter.WriteAsync(db, [[Reminder("refused")]], [], [noVersionAfter(2), noVersionAfter(1)], CancellationToken.None));
            Assert.Equal("not v1", unmet.Message);
        }

        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal(["deadline", "escalation", "kept"], (await check.Waits.Where(w => w.InstanceId == instanceId).Select(w => w.ElementId).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact(DisplayName = "On PostgreSQL a write sent without a transaction is one: a conflict in its last statement keeps none of its rows")]
    public async Task OnPostgres_AWriteWithoutATransaction_IsAllOrNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (instanceId, kept, removed) = await SeedAsync(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var instance = await db.ProcessInstances.SingleAsync(i => i.Id == instanceId);
        var wait = await db.Waits.SingleAsync(w => w.Id == removed);
        await MeanwhileAsync(database, other => other.Waits.Where(w => w.Id == removed).ExecuteDeleteAsync());
        var added = new WaitRecord { Id = Guid.CreateVersion7(At), InstanceId = instanceId, TokenId = Guid.NewGuid(), ElementId = "reminder", Kind = "timer", DueAt = At.AddDays(3), CreatedAt = At };
        instance.Status = "completed";
        instance.Revision++;
        db.Waits.Remove(wait);

        var error = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => RowWriter.WriteAsync(
            db, [[], [added]], [db.Entry(instance), db.Entry(wait)], [], CancellationToken.None));

        Assert.Null(db.Database.CurrentTransaction);
        Assert.Contains(removed.ToString(), error.Message, StringComparison.OrdinalIgnoreCase);
        await using var check = await database.Factory.CreateDbContextAsync();
        var stored = await check.ProcessInstances.SingleAsync(i => i.Id == instanceId);
        Assert.Equal(("active", 1), (stored.Status, stored.Revision));
        Assert.Equal([kept], await check.Waits.Where(w => w.InstanceId == instanceId).Select(w => w.Id).ToListAsync());
    }

    /// <summary>Someone else's change, on a connection of its own, committed at once.</summary>
    private static async Task MeanwhileAsync(ITestDatabase database, Func<ShareFlowDbContext, Task> change)
    {
        await using var other = await database.Factory.CreateDbContextAsync();
        await change(other);
    }

    /// <summary>A definition, an active instance at revision 1, and two timer waits on it.</summary>
    private static async Task<(Guid InstanceId, Guid KeptWait, Guid RemovedWait)> SeedAsync(ITestDatabase database)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var definition = new ProcessDefinitionRecord { Key = "approval", Version = 1, Xml = "<definitions/>", ContentHash = "hash", PublishedAt = At };
        db.ProcessDefinitions.Add(definition);
        await db.SaveChangesAsync();
        var instance = new ProcessInstanceRecord
        {
            Id = Guid.CreateVersion7(At),
            DefinitionId = definition.Id,
            DefinitionKey = "approval",
            DefinitionVersion = 1,
            BusinessKey = "case-1",
            Status = "active",
            Variables = "{\"decision\":\"approve\"}",
            State = "{\"tokens\":[],\"scopes\":[]}",
            StartedAt = At,
            StartedBy = "clerk",
            Revision = 1,
        };
        var kept = new WaitRecord { Id = Guid.CreateVersion7(At), InstanceId = instance.Id, TokenId = Guid.NewGuid(), ElementId = "deadline", Kind = "timer", DueAt = At.AddDays(1), CreatedAt = At };
        var removed = new WaitRecord { Id = Guid.CreateVersion7(At), InstanceId = instance.Id, TokenId = Guid.NewGuid(), ElementId = "escalation", Kind = "timer", DueAt = At.AddDays(2), CreatedAt = At };
        db.AddRange(instance, kept, removed);
        await db.SaveChangesAsync();
        return (instance.Id, kept.Id, removed.Id);
    }
}
