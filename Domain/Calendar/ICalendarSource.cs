namespace ShareFlow.Domain.Calendar;

/// <summary>Gives the calendars currently in force. The catalog is immutable; hold on to it for one computation.</summary>
public interface ICalendarSource
{
    CalendarCatalog Current { get; }
}

/// <summary>A calendar source that never changes: tools, tests, and hosts without calendar imports.</summary>
public sealed class FixedCalendarSource(CalendarCatalog catalog) : ICalendarSource
{
    /// <summary>The shipped notices only.</summary>
    public static FixedCalendarSource Embedded { get; } = new(CalendarCatalog.Embedded);

    public CalendarCatalog Current { get; } = catalog;
}

/// <summary>
/// Told after a calendar change is stored: a year was imported (national) or a jurisdiction's local days changed.
/// The engine recomputes the pending deadlines that depend on the changed year.
/// </summary>
public interface ICalendarChangeHandler
{
    ValueTask OnCalendarChangedAsync(CalendarChange change, CancellationToken cancellationToken);
}

/// <param name="Years">The years whose days changed.</param>
/// <param name="Jurisdiction">Null for the national calendar, else the jurisdiction whose overlay changed.</param>
/// <param name="Catalog">The catalog now in force.</param>
public sealed record CalendarChange(IReadOnlyList<int> Years, string? Jurisdiction, CalendarCatalog Catalog);
