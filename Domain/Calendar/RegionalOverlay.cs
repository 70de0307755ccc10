using System.Globalization;
using System.Text.RegularExpressions;

namespace ShareFlow.Domain.Calendar;

/// <summary>
/// Local days off that a jurisdiction adds on top of the national calendar, such as an autonomous region's
/// own festivals (e.g. 藏历新年 in Tibet). A local day off turns a working day, including a national make-up
/// workday, into a holiday for that jurisdiction only.
/// </summary>
public sealed partial class RegionalOverlay
{
    private RegionalOverlay(string jurisdiction, string name, IReadOnlyList<OverlayDay> days)
    {
        Jurisdiction = jurisdiction;
        Name = name;
        Days = days;
    }

    /// <summary>A stable lower-case code, e.g. <c>xizang</c>; queries name it.</summary>
    public string Jurisdiction { get; }

    /// <summary>The jurisdiction's display name, e.g. 西藏自治区.</summary>
    public string Name { get; }

    public IReadOnlyList<OverlayDay> Days { get; }

    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <exception cref="CalendarImportException">The document breaks one or more rules; each is named.</exception>
    public static RegionalOverlay FromDocument(string jurisdiction, RegionalOverlayDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<CalendarImportError>();
        if (!IsValidCode(jurisdiction))
        {
            errors.Add(new("jurisdiction", $"'{jurisdiction}' is not a jurisdiction code (2-32 lower-case letters, digits or '-')."));
        }

        if (string.IsNullOrWhiteSpace(document.Name))
        {
            errors.Add(new("name", "The jurisdiction's name is missing."));
        }

        var days = new List<OverlayDay>();
        var seen = new Dictionary<DateOnly, int>();
        var entries = document.Days ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"days[{i}]";
            var entry = entries[i];
            if (entry is null)
            {
                errors.Add(new(field, "The entry is empty."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add(new($"{field}.name", "The local festival's name is missing."));
            }

            if (!DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new($"{field}.date", $"'{entry.Date}' is not a date of the form yyyy-MM-dd."));
                continue;
            }

            if (date.Year < OfficialCalendar.FirstYear || date.Year > OfficialCalendar.LastYear)
            {
                errors.Add(new($"{field}.date", $"{date:yyyy-MM-dd} is outside {OfficialCalendar.FirstYear}-{OfficialCalendar.LastYear}."));
                continue;
            }

            if (!seen.TryAdd(date, i))
            {
                errors.Add(new($"{field}.date", $"{date:yyyy-MM-dd} is listed twice (days[{seen[date]}] and days[{i}])."));
                continue;
            }

            if (!string.IsNullOrWhiteSpace(entry.Name))
            {
                days.Add(new OverlayDay(date, Festival.FromName(entry.Name, entry.NameEn)));
            }
        }

        if (errors.Count > 0)
        {
            throw new CalendarImportException(errors);
        }

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return new RegionalOverlay(jurisdiction, document.Name!.Trim(), days);
    }

    /// <exception cref="CalendarImportException">The text is not JSON of the overlay's shape.</exception>
    public static RegionalOverlayDocument ParseDocument(string json) => CalendarJson.Parse(json, CalendarJsonContext.Default.RegionalOverlayDocument);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

/// <summary>A local day off and the local festival it is for.</summary>
public sealed record OverlayDay(DateOnly Date, Festival Festival);

public sealed class RegionalOverlayDocument
{
    public string? Name { get; set; }

    public List<OverlayDayDocument?>? Days { get; set; }
}

public sealed class OverlayDayDocument
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? Date { get; set; }
}
