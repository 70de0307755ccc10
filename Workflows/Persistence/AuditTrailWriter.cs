using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ShareFlow.Workflows.Persistence;

/// <summary>Appends to the hash-chained audit trail and verifies it.</summary>
public sealed class AuditTrailWriter(IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock)
{
    public sealed record Entry(string Actor, string? Department, string Action, string? Subject, string? RemoteAddress, int Result);

    public sealed record Verification(bool Valid, int Entries, long? FirstBrokenId, string? Problem);

    /// <summary>Appends after the current last entry; two writers racing for the same place: one retries after the other.</summary>
    public async Task AppendAsync(Entry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var record = new AuditEntry
            {
                Id = (last?.Id ?? 0) + 1,
                PreviousId = last?.Id ?? 0,
                // Microseconds: what PostgreSQL keeps, so the hash verifies on every database.
                At = new DateTimeOffset(clock.GetUtcNow().UtcTicks / 10 * 10, TimeSpan.Zero),
                Actor = entry.Actor,
                Department = entry.Department,
                Action = entry.Action,
                Subject = entry.Subject,
                RemoteAddress = entry.RemoteAddress,
                Result = entry.Result,
                Hash = string.Empty,
            };
            record.Hash = HashOf(last?.Hash ?? string.Empty, record);
            db.AuditEntries.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException) when (attempt < 20)
            {
                // Another writer appended first; chain after its entry.
            }
        }
    }

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
