namespace ShareFlow.Workflows.Persistence;

/// <summary>An imported year's arrangement, which overrides the shipped notice of that year.</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }

    /// <summary>The arrangement as JSON in the shape of the reference data.</summary>
    public required string Document { get; set; }

    /// <summary>Counts imports of this year; also the optimistic concurrency token.</summary>
    public int Revision { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public string? ImportedBy { get; set; }
}

/// <summary>Every accepted import, kept so that an earlier arrangement can be read back.</summary>
public sealed class CalendarYearHistoryRecord
{
    public long Id { get; set; }

    public int Year { get; set; }

    public int Revision { get; set; }

    public required string Document { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public string? ImportedBy { get; set; }
}

/// <summary>A jurisdiction's local days off.</summary>
public sealed class RegionalCalendarRecord
{
    public required string Jurisdiction { get; set; }

    public required string Name { get; set; }

    /// <summary>The overlay as JSON (<c>{"name","days":[{"name","date"}]}</c>).</summary>
    public required string Document { get; set; }

    public int Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
