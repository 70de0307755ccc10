using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Runtime;

/// <summary>A saved draft of a definition, as the designer reloads it.</summary>
public sealed record DefinitionDraft(string Key, string Xml, DateTimeOffset SavedAt, string SavedBy);

/// <summary>A saved draft as the list of definitions shows it: its key, its process's name (null: none given), who saved it last and when.</summary>
public sealed record DefinitionDraftSummary(string Key, string? Name, DateTimeOffset SavedAt, string SavedBy);

/// <summary>
/// Drafts: the designer's work in progress, one per key. A draft is kept as written — it may be an unfinished process
/// that would not pass validation — but it must be safe, well-formed BPMN 2.0 XML within the size limit whose process id
/// is its key. Publishing a version of the key deletes its draft in the same transaction.
/// </summary>
public sealed partial class DefinitionRepository
{
    /// <summary>The longest definition key the database keeps.</summary>
    public const int MaxKeyLength = 255;

    /// <returns>Null when the key has no draft.</returns>
    public async Task<DefinitionDraft?> GetDraftAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = await db.DefinitionDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Key == key, cancellationToken).ConfigureAwait(false);
        return record is null ? null : ToDraft(record);
    }

    /// <summary>
    /// Every saved draft, by key: of published definitions and of processes never yet published, which the list of
    /// definitions shows only through this.
    /// </summary>
    public async Task<IReadOnlyList<DefinitionDraftSummary>> ListDraftsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var records = await db.DefinitionDrafts.AsNoTracking().OrderBy(d => d.Key).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. records.Select(r => new DefinitionDraftSummary(r.Key, NameOf(r.Xml), r.SavedAt, r.SavedBy))];
    }

    /// <summary>The draft's process name; null when it has none (a draft was checked when saved, so it reads).</summary>
    private string? NameOf(string xml)
    {
        try
        {
            return Parser.ReadProcessHeader(xml).Name;
        }
        catch (BpmnParseException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="xml"/> as the draft of <paramref name="key"/>, replacing the one before.</summary>
    /// <exception cref="DomainException">
    /// Field <c>xml</c>: the XML is malformed, unsafe, too large, not BPMN, or holds a process whose id is not <paramref name="key"/>.
    /// </exception>
    public async Task<DefinitionDraft> SaveDraftAsync(string key, string xml, string savedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(savedBy);
        if (string.IsNullOrWhiteSpace(xml))
        {
            throw new DomainException("xml", "Send the draft's BPMN 2.0 XML.");
        }

        string processId;
        try
        {
            processId = Parser.ReadProcessId(xml);
        }
        catch (BpmnParseException ex)
        {
            throw new DomainException("xml", ex.Message);
        }

        if (processId.Length > MaxKeyLength)
        {
            throw new DomainException("xml", $"The process id has {processId.Length} characters; a definition key has at most {MaxKeyLength}.");
        }

        if (!string.Equals(processId, key, StringComparison.Ordinal))
        {
            throw new DomainException("xml", $"The draft's process id is '{processId}', not '{key}': a draft is saved under its own process id.");
        }

        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var record = await db.DefinitionDrafts.SingleOrDefaultAsync(d => d.Key == key, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                record = new DefinitionDraftRecord { Key = key, Xml = xml, SavedBy = savedBy };
                db.DefinitionDrafts.Add(record);
            }

            record.Xml = xml;
            record.SavedAt = clock.GetUtcNow();
            record.SavedBy = savedBy;
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return ToDraft(record);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two first saves of one key raced (primary key) or a publication deleted the row meanwhile; save again.
            }
        }
    }

    /// <summary>Deletes the draft of <paramref name="key"/>; nothing happens when there is none.</summary>
    public async Task DeleteDraftAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.DefinitionDrafts.Where(d => d.Key == key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DefinitionDraft ToDraft(DefinitionDraftRecord record) => new(record.Key, record.Xml, record.SavedAt, record.SavedBy);
}
