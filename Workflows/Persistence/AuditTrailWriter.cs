using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ShareFlow.Workflows.Persistence;

/// <summary>Appends to the hash-chained audit trail and verifies it.</summary>
/// <remarks>
/// Every entry is chained after the one before it, so appends cannot overlap. Entries appended at the same time in this
/// process wait in a queue, and whichever caller holds the pen writes all of them — up to <see cref="MaxBatch"/> — one
/// after the other in a single transaction; the others find theirs written. Only another process (a second host on the
/// same database) can take the place an entry was chained to; the batch is then chained again after that process's
/// entries.
/// </remarks>
public sealed class AuditTrailWriter(IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock) : IDisposable
{
    /// <summary>The most entries written in one transaction.</summary>
    public const int MaxBatch = 100;

    /// <summary>How often a batch is chained again after another process's entries before the append gives up.</summary>
    private const int MaxAttempts = 20;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _pen = new(1, 1);

    public sealed record Entry(string Actor, string? Department, string Action, string? Subject, string? RemoteAddress, int Result);

    public sealed record Verification(bool Valid, int Entries, long? FirstBrokenId, string? Problem);

    /// <summary>An entry waiting to be written, with the instant it was appended (microseconds: what PostgreSQL keeps, so the hash verifies on every database).</summary>
    private sealed class Pending(Entry entry, DateTimeOffset at)
    {
        public Entry Entry { get; } = entry;

        public DateTimeOffset At { get; } = at;

        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Appends after the current last entry, and returns once the entry is stored.</summary>
    /// <remarks>
    /// An entry whose caller gives up waiting (<paramref name="cancellationToken"/>) stays queued and is written with the
    /// next append: what was done is recorded all the same.
    /// </remarks>
    public Task AppendAsync(Entry entry, CancellationToken cancellationToken) => AppendAsync(entry, clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Appends an entry for an action done at <paramref name="at"/>: an entry stored late keeps the instant of its action,
    /// while its place in the chain is where it is stored.
    /// </summary>
    /// <inheritdoc cref="AppendAsync(Entry, CancellationToken)" path="/remarks"/>
    public async Task AppendAsync(Entry entry, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new Pending(entry, new DateTimeOffset(at.UtcTicks / 10 * 10, TimeSpan.Zero));
        _queue.Enqueue(pending);
        await _pen.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The queue is first in, first out: the batches written here reach this entry, unless a caller before took it.
            while (!pending.Written.Task.IsCompleted && _queue.TryPeek(out _))
            {
                List<Pending> batch = [];
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                await WriteAsync(batch).ConfigureAwait(false);
            }
        }
        finally
        {
            _pen.Release();
        }

        await pending.Written.Task.ConfigureAwait(false);
    }

    public void Dispose() => _pen.Dispose();

    /// <summary>Stores the batch; each waiting caller learns the outcome of its own entry.</summary>
    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await StoreAsync(batch).ConfigureAwait(false);
        }
        catch (Exception) when (batch.Count > 1)
        {
            // An entry the database refuses must not cost the others theirs: each is stored on its own.
            foreach (var pending in batch)
            {
                await WriteAsync([pending]).ConfigureAwait(false);
            }

            return;
        }
        catch (Exception e)
        {
            batch[0].Written.TrySetException(e);
            return;
        }

        foreach (var pending in batch)
        {
            pending.Written.TrySetResult();
        }
    }

    /// <summary>Chains the batch after the last entry and stores it in one transaction, again after another process's entries if one appended first.</summary>
    private async Task StoreAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Stored whatever happens to the callers: their actions have happened.
            long chainedTo;
            DbUpdateException refused;
            await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false))
            {
                var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash })
                    .FirstOrDefaultAsync(CancellationToken.None).ConfigureAwait(false);
                chainedTo = last?.Id ?? 0;
                var (previousId, previousHash) = (chainedTo, last?.Hash ?? string.Empty);
                foreach (var pending in batch)
                {
                    var record = Record(pending, previousId);
                    record.Hash = HashOf(previousHash, record);
                    db.AuditEntries.Add(record);
                    (previousId, previousHash) = (record.Id, record.Hash);
                }

                try
                {
                    await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                    return;
                }
                catch (DbUpdateException e) when (attempt < MaxAttempts)
                {
                    // Retried below only when another process appended first.
                    refused = e;
                }
            }

            await using var check = await dbFactory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
            if (await check.AuditEntries.MaxAsync(e => (long?)e.Id, CancellationToken.None).ConfigureAwait(false) == (chainedTo == 0 ? null : chainedTo))
            {
                throw new InvalidOperationException("The audit trail refused the entries, and no other writer had appended: they cannot be stored as they are.", refused);
            }
        }
    }

    private static AuditEntry Record(Pending pending, long previousId) => new()
    {
        Id = previousId + 1,
        PreviousId = previousId,
        At = pending.At,
        Actor = pending.Entry.Actor,
        Department = pending.Entry.Department,
        Action = pending.Entry.Action,
        Subject = pending.Entry.Subject,
        RemoteAddress = pending.Entry.RemoteAddress,
        Result = pending.Entry.Result,
        Hash = string.Empty,
    };

    /// <summary>Recomputes every hash from the first entry; the first entry that does not match (or a gap) is reported.</summary>
    public async Task<Verification> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var previousHash = string.Empty;
        long previousId = 0;
        var count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            count++;
            if (entry.PreviousId != previousId || entry.Id != previousId + 1)
            {
                return new Verification(false, count, entry.Id, $"Entry {entry.Id} does not follow entry {previousId}: an entry is missing.");
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(previousHash, entry)), Encoding.ASCII.GetBytes(entry.Hash)))
            {
                return new Verification(false, count, entry.Id, $"Entry {entry.Id} was changed after it was written.");
            }

            previousHash = entry.Hash;
            previousId = entry.Id;
        }

        return new Verification(true, count, null, null);
    }

    private static string HashOf(string previousHash, AuditEntry entry)
    {
        var text = string.Join('\u001f',
            previousHash,
            entry.Id.ToString(CultureInfo.InvariantCulture),
            entry.PreviousId.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Department ?? string.Empty,
            entry.Action,
            entry.Subject ?? string.Empty,
            entry.RemoteAddress ?? string.Empty,
            entry.Result.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
