using System.Text.Json;

namespace ShareFlow.Domain.Calendar;

/// <summary>
/// The State Council's yearly notices shipped with ShareFlow (holiday-cn data, one JSON file a year, embedded).
/// A notice may also set days of the previous December (the 2019 notice made 2018-12-29 a make-up workday);
/// such days are merged into the year they fall in.
/// </summary>
public static class EmbeddedCalendarData
{
    private const string ResourcePrefix = "ShareFlow.Calendar.";

    private static readonly Lazy<IReadOnlyList<YearArrangement>> Loaded = new(Load);

    /// <summary>Every year with facts, in year order. <see cref="YearArrangement.IsComplete"/> tells which years have a notice of their own.</summary>
    public static IReadOnlyList<YearArrangement> Arrangements => Loaded.Value;

    private static List<YearArrangement> Load()
    {
        var assembly = typeof(EmbeddedCalendarData).Assembly;
        var documents = new List<YearArrangementDocument>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            documents.Add(JsonSerializer.Deserialize(stream, CalendarJsonContext.Default.YearArrangementDocument)
                ?? throw new InvalidDataException($"Embedded calendar resource {name} is empty."));
        }

        // A year is published when its own notice is present; a placeholder file without papers or days is not a notice.
        var published = documents.Where(d => d.Year is not null && (d.Papers?.Count > 0 || d.Days?.Count > 0)).ToDictionary(d => d.Year!.Value);
        // The second 2020 notice lists 2020-02-03, a Monday, as the day work resumes after the extended Spring Festival.
        // A weekday is a working day anyway; such an entry is a reminder, not a make-up workday, and is left out.
        var daysByYear = documents
            .SelectMany(d => d.Days ?? [])
            .OfType<ArrangementDayDocument>()
            .Where(d => d.IsOffDay != false || IsWeekend(d.Date!))
            .GroupBy(d => int.Parse(d.Date!.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture));

        var result = new List<YearArrangement>();
        foreach (var group in daysByYear.OrderBy(g => g.Key))
        {
            var document = new YearArrangementDocument
            {
                Year = group.Key,
                Papers = published.TryGetValue(group.Key, out var own) ? own.Papers : [],
                Days = [.. group],
            };
            var arrangement = YearArrangement.FromDocument(document);
            result.Add(published.ContainsKey(group.Key) ? arrangement : arrangement.AsPartial());
        }

        return result;
    }

    private static bool IsWeekend(string date) =>
        DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
