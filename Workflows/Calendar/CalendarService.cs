using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Calendar;

/// <summary>
/// Keeps the calendar catalog in force: the shipped notices, overridden by the years imported into the database,
/// plus the regional overlays. Imports are validated before anything is written, stored in one transaction, and only
/// then swapped in and announced to the <see cref="ICalendarChangeHandler"/>s.
/// </summary>
public sealed partial class CalendarService(
    IDbContextFactory<ShareFlowDbContext> dbFactory,
    TimeProvider clock,
    IEnumerable<ICalendarChangeHandler> handlers,
    ILogger<CalendarService> logger) : ICalendarSource, IDisposable
{
    private static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private CalendarCatalog _current = CalendarCatalog.Embedded;

    public CalendarCatalog Current => Volatile.Read(ref _current);

    public void Dispose() => _writeLock.Dispose();

    /// <summary>Reads the imported years and overlays from the database and builds the catalog from them.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var years = await db.CalendarYears.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var overlays = await db.RegionalCalendars.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var catalog = CalendarCatalog.Create(
            years.Select(r => YearArrangement.FromDocument(Deserialize<YearArrangementDocument>(r.Document), r.Year)),
            overlays.Select(r => RegionalOverlay.FromDocument(r.Jurisdiction, Deserialize<RegionalOverlayDocument>(r.Document))));
        Volatile.Write(ref _current, catalog);
        LogLoaded(logger, years.Count, overlays.Count);
    }

    /// <summary>
    /// Imports <paramref name="year"/>'s arrangement. It replaces every shipped or earlier imported fact of that year.
    /// </summary>
    /// <exception cref="CalendarImportException">The document breaks a rule; nothing was stored and the calendar is unchanged.</exception>
    public async Task<YearArrangement> ImportYearAsync(int year, YearArrangementDocument document, string? importedBy, CancellationToken cancellationToken)
    {
        var arrangement = YearArrangement.FromDocument(document, year);
        var json = JsonSerializer.Serialize(arrangement.ToDocument(), DocumentJson);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var record = await db.CalendarYears.SingleOrDefaultAsync(r => r.Year == year, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    record = new CalendarYearRecord { Year = year, Document = json };
                    db.CalendarYears.Add(record);
                }

                record.Document = json;
                record.Revision++;
                record.ImportedAt = now;
                record.ImportedBy = importedBy;
                db.CalendarYearHistory.Add(new CalendarYearHistoryRecord
                {
                    Year = year,
                    Revision = record.Revision,
                    Document = json,
                    ImportedAt = now,
                    ImportedBy = importedBy,
                });
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            var catalog = Current.WithYear(arrangement);
            Volatile.Write(ref _current, catalog);
            LogImported(logger, year, arrangement.Days.Count, importedBy);
            await AnnounceAsync(new CalendarChange(ChangedYears(year), null, catalog), cancellationToken).ConfigureAwait(false);
            return arrangement;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sets (adds or replaces) a jurisdiction's local days off.</summary>
    /// <exception cref="CalendarImportException">The document breaks a rule; nothing was stored.</exception>
    public async Task<RegionalOverlay> SetOverlayAsync(string jurisdiction, RegionalOverlayDocument document, string? updatedBy, CancellationToken cancellationToken)
    {
        var overlay = RegionalOverlay.FromDocument(jurisdiction, document);
        var json = JsonSerializer.Serialize(document, DocumentJson);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var previous = Current.Overlays.FirstOrDefault(o => o.Jurisdiction == jurisdiction);
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            {
                var record = await db.RegionalCalendars.SingleOrDefaultAsync(r => r.Jurisdiction == jurisdiction, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    record = new RegionalCalendarRecord { Jurisdiction = jurisdiction, Name = overlay.Name, Document = json };
                    db.RegionalCalendars.Add(record);
                }

                record.Name = overlay.Name;
                record.Document = json;
                record.Revision++;
                record.UpdatedAt = clock.GetUtcNow();
                record.UpdatedBy = updatedBy;
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            var catalog = Current.WithOverlay(overlay);
            Volatile.Write(ref _current, catalog);
            var years = overlay.Days.Concat(previous?.Days ?? []).Select(d => d.Date.Year).Distinct().Order().ToArray();
            await AnnounceAsync(new CalendarChange(years, jurisdiction, catalog), cancellationToken).ConfigureAwait(false);
            return overlay;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // A notice for year Y also decides whether late December of Y-1 is still provisional.
    private static int[] ChangedYears(int year) => year > OfficialCalendar.FirstYear ? [year - 1, year] : [year];

    private async Task AnnounceAsync(CalendarChange change, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.OnCalendarChangedAsync(change, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The change is stored and in force; a handler that failed is reported, and recovers from the stored state.
                LogHandlerFailed(logger, ex, handler.GetType().Name, string.Join(",", change.Years));
            }
        }
    }

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, DocumentJson) ?? throw new InvalidDataException("A stored calendar document is empty.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar loaded: {Years} imported year(s), {Overlays} regional overlay(s)")]
    private static partial void LogLoaded(ILogger logger, int years, int overlays);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar year {Year} imported with {Days} listed day(s) by {User}")]
    private static partial void LogImported(ILogger logger, int year, int days, string? user);

    [LoggerMessage(Level = LogLevel.Error, Message = "Calendar change handler {Handler} failed for year(s) {Years}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string years);
}
