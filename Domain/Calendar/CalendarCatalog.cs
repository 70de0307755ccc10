using System.Collections.Frozen;

namespace ShareFlow.Domain.Calendar;

/// <summary>
/// The calendars in force: the national one built from the shipped notices overridden by imported years, and one per
/// jurisdiction with local days off. Immutable: an import builds a new catalog and swaps it in.
/// </summary>
public sealed class CalendarCatalog
{
    private readonly FrozenDictionary<string, Lazy<OfficialCalendar>> _regional;

    private CalendarCatalog(IReadOnlyCollection<YearArrangement> arrangements, IReadOnlyCollection<RegionalOverlay> overlays)
    {
        Arrangements = arrangements;
        National = new OfficialCalendar(arrangements, overlay: null);
        Overlays = overlays;
        _regional = overlays.ToFrozenDictionary(
            o => o.Jurisdiction,
            o => new Lazy<OfficialCalendar>(() => new OfficialCalendar(arrangements, o)),
            StringComparer.Ordinal);
    }

    /// <summary>The shipped notices only, with no imports or overlays.</summary>
    public static CalendarCatalog Embedded { get; } = Create([], []);

    public OfficialCalendar National { get; }

    /// <summary>Every year's arrangement in force, in year order.</summary>
    public IReadOnlyCollection<YearArrangement> Arrangements { get; }

    public IReadOnlyCollection<RegionalOverlay> Overlays { get; }

    /// <summary>
    /// Builds the catalog: the shipped notices, then each imported year, which replaces every shipped fact of that
    /// year (an imported arrangement lists all of its year's special days), then the regional overlays.
    /// </summary>
    public static CalendarCatalog Create(IEnumerable<YearArrangement> imported, IEnumerable<RegionalOverlay> overlays)
    {
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(overlays);
        var byYear = EmbeddedCalendarData.Arrangements.ToDictionary(a => a.Year);
        foreach (var arrangement in imported)
        {
            byYear[arrangement.Year] = arrangement;
        }

        return new CalendarCatalog([.. byYear.Values.OrderBy(a => a.Year)], [.. overlays]);
    }

    /// <summary>The calendar of <paramref name="jurisdiction"/>; the national one when it is null or empty.</summary>
    /// <exception cref="UnknownJurisdictionException">No overlay exists for that jurisdiction.</exception>
    public OfficialCalendar For(string? jurisdiction)
    {
        if (string.IsNullOrEmpty(jurisdiction))
        {
            return National;
        }

        return _regional.TryGetValue(jurisdiction, out var calendar)
            ? calendar.Value
            : throw new UnknownJurisdictionException(jurisdiction);
    }

    /// <summary>A copy of this catalog with one year replaced.</summary>
    public CalendarCatalog WithYear(YearArrangement arrangement)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        var byYear = Arrangements.ToDictionary(a => a.Year);
        byYear[arrangement.Year] = arrangement;
        return new CalendarCatalog([.. byYear.Values.OrderBy(a => a.Year)], Overlays);
    }

    /// <summary>A copy of this catalog with one jurisdiction's overlay added or replaced.</summary>
    public CalendarCatalog WithOverlay(RegionalOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        return new CalendarCatalog(Arrangements, [.. Overlays.Where(o => o.Jurisdiction != overlay.Jurisdiction), overlay]);
    }
}

/// <summary>A query named a jurisdiction that has no regional calendar.</summary>
public sealed class UnknownJurisdictionException(string jurisdiction)
    : DomainException($"No regional calendar exists for the jurisdiction '{jurisdiction}'.")
{
    public string Jurisdiction { get; } = jurisdiction;
}
