using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ShareFlow.Domain.Calendar;

/// <summary>
/// One year's arrangement of public holidays and make-up workdays, as the State Council's yearly notice
/// (国务院办公厅关于某年部分节假日安排的通知) sets it. Only validated instances exist.
/// </summary>
public sealed class YearArrangement
{
    private YearArrangement(int year, IReadOnlyList<string> papers, IReadOnlyList<ArrangementDay> days, bool isComplete = true)
    {
        Year = year;
        Papers = papers;
        Days = days;
        IsComplete = isComplete;
    }

    public int Year { get; }

    /// <summary>Where the notice was published (gov.cn addresses), for the record.</summary>
    public IReadOnlyList<string> Papers { get; }

    /// <summary>The listed dates in date order: days off (holiday) and working days (make-up workday).</summary>
    public IReadOnlyList<ArrangementDay> Days { get; }

    /// <summary>
    /// True when this is the year's own notice. False for the few days of a year that only the next year's notice
    /// sets (its last December days): they are facts, but the rest of that year is still provisional.
    /// </summary>
    public bool IsComplete { get; }

    internal YearArrangement AsPartial() => new(Year, Papers, Days, isComplete: false);

    /// <summary>
    /// Validates a document for import. Every violation is reported, each naming the field it concerns
    /// (<c>year</c>, <c>days[3].date</c>, ...), so a policy admin can fix them all at once.
    /// </summary>
    /// <exception cref="CalendarImportException">The document breaks one or more rules.</exception>
    public static YearArrangement FromDocument(YearArrangementDocument document, int? expectedYear = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<CalendarImportError>();

        int year = 0;
        if (document.Year is not { } y)
        {
            errors.Add(new("year", "The year is missing."));
        }
        else if (y < OfficialCalendar.FirstYear || y > OfficialCalendar.LastYear)
        {
            errors.Add(new("year", $"The year {y} is outside {OfficialCalendar.FirstYear}-{OfficialCalendar.LastYear}."));
        }
        else if (expectedYear is { } expected && expected != y)
        {
            errors.Add(new("year", $"The document is for {y} but is being imported as {expected}."));
        }
        else
        {
            year = y;
        }

        var days = new List<ArrangementDay>();
        var firstIndexByDate = new Dictionary<DateOnly, int>();
        var entries = document.Days ?? [];
        if (document.Days is null)
        {
            errors.Add(new("days", "The list of days is missing (use [] for a year without special days)."));
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"days[{i}]";
            var entry = entries[i];
            if (entry is null)
            {
                errors.Add(new(field, "The entry is empty."));
                continue;
            }

            var valid = true;
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add(new($"{field}.name", "The festival name is missing."));
                valid = false;
            }

            if (entry.IsOffDay is null)
            {
                errors.Add(new($"{field}.isOffDay", "isOffDay is missing: true for a day off, false for a make-up workday."));
                valid = false;
            }

            if (!DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new($"{field}.date", $"'{entry.Date}' is not a date of the form yyyy-MM-dd."));
                continue;
            }

            if (year != 0 && date.Year != year)
            {
                errors.Add(new($"{field}.date", $"{date:yyyy-MM-dd} is outside the year {year}."));
                valid = false;
            }

            if (entry.IsOffDay == false && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add(new($"{field}.date", $"{date:yyyy-MM-dd} is a {date.DayOfWeek}: a make-up workday must be a Saturday or a Sunday (a weekday is a working day anyway: leave it out)."));
                valid = false;
            }

            if (firstIndexByDate.TryGetValue(date, out var first))
            {
                var earlier = entries[first]!;
                errors.Add(earlier.IsOffDay == entry.IsOffDay
                    ? new($"{field}.date", $"{date:yyyy-MM-dd} is listed twice (days[{first}] and days[{i}]).")
                    : new($"{field}.date", $"{date:yyyy-MM-dd} is listed both as a day off and as a working day (days[{first}] and days[{i}])."));
                continue;
            }

            firstIndexByDate[date] = i;
            if (valid)
            {
                days.Add(new ArrangementDay(date, Festival.FromName(entry.Name!, entry.NameEn), entry.IsOffDay!.Value));
            }
        }

        if (errors.Count > 0)
        {
            throw new CalendarImportException(errors);
        }

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        var papers = (document.Papers ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToArray();
        return new YearArrangement(year, papers, days);
    }

    /// <summary>Reads a document in the shape of the reference data (<c>{"year","papers","days":[{"name","date","isOffDay"}]}</c>).</summary>
    /// <exception cref="CalendarImportException">The text is not JSON of that shape.</exception>
    public static YearArrangementDocument ParseDocument(string json) => CalendarJson.Parse(json, CalendarJsonContext.Default.YearArrangementDocument);

    /// <summary>The document form of this arrangement, for storage and export.</summary>
    public YearArrangementDocument ToDocument() => new()
    {
        Year = Year,
        Papers = [.. Papers],
        Days = [.. Days.Select(d => new ArrangementDayDocument
        {
            Name = d.Festival.Chinese,
            NameEn = d.Festival.English,
            Date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IsOffDay = d.IsOffDay,
        })],
    };
}

/// <summary>A date the notice lists: a day off (<see cref="IsOffDay"/>) or a make-up workday, for the festival it belongs to.</summary>
public sealed record ArrangementDay(DateOnly Date, Festival Festival, bool IsOffDay);

/// <summary>The unvalidated form of a year's arrangement, as it arrives over HTTP or from a file.</summary>
public sealed class YearArrangementDocument
{
    public int? Year { get; set; }

    public List<string>? Papers { get; set; }

    public List<ArrangementDayDocument?>? Days { get; set; }
}

public sealed class ArrangementDayDocument
{
    public string? Name { get; set; }

    /// <summary>Optional English name; known festivals have theirs already.</summary>
    public string? NameEn { get; set; }

    public string? Date { get; set; }

    public bool? IsOffDay { get; set; }
}

/// <summary>One violation found in an imported arrangement or overlay: the field it concerns and what is wrong.</summary>
public sealed record CalendarImportError(string Field, string Message);

/// <summary>An import was rejected; nothing was stored. <see cref="Errors"/> lists every violation.</summary>
public sealed class CalendarImportException : DomainException
{
    public CalendarImportException(IReadOnlyList<CalendarImportError> errors)
        : base("The calendar data was rejected: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
    {
        Errors = errors;
    }

    public IReadOnlyList<CalendarImportError> Errors { get; }
}

internal static class CalendarJson
{
    /// <exception cref="CalendarImportException">The text is not JSON of the shape <paramref name="shape"/> describes.</exception>
    public static T Parse<T>(string json, JsonTypeInfo<T> shape)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, shape) ?? throw new CalendarImportException([new("$", "The document is empty.")]);
        }
        catch (JsonException ex)
        {
            throw new CalendarImportException([new(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, $"The document is not valid JSON of the expected shape: {ex.Message}")]);
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(YearArrangementDocument))]
[JsonSerializable(typeof(RegionalOverlayDocument))]
internal sealed partial class CalendarJsonContext : JsonSerializerContext;
