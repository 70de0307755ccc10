using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ShareFlow.Domain.Calendar;

namespace ShareFlow.Host.Apis;

/// <summary>
/// Collects what is wrong with a request's parameters, each under the parameter's name, so one 400 answer lists them all
/// (RFC 9457 problem details with an <c>errors</c> member).
/// </summary>
internal sealed class QueryErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string message) =>
        _errors[parameter] = _errors.TryGetValue(parameter, out var existing) ? [.. existing, message] : [message];

    /// <summary>A date of the form yyyy-MM-dd within the calendar's range.</summary>
    public DateOnly Date(string parameter, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(parameter, "A date of the form yyyy-MM-dd is required.");
            return default;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(parameter, $"'{value}' is not a date of the form yyyy-MM-dd.");
            return default;
        }

        if (date.Year is < OfficialCalendar.FirstYear or > OfficialCalendar.LastYear)
        {
            Add(parameter, $"{value} is outside the calendar's range {OfficialCalendar.FirstYear}-01-01 to {OfficialCalendar.LastYear}-12-31.");
            return default;
        }

        return date;
    }

    /// <summary>A whole number within [min, max]; null when absent.</summary>
    public int? OptionalInteger(string parameter, string? value, int min, int max)
    {
        if (value is null)
        {
            return null;
        }

        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Add(parameter, $"'{value}' is not a whole number.");
            return null;
        }

        if (number < min || number > max)
        {
            Add(parameter, $"{value} is outside {min}-{max}.");
            return null;
        }

        return (int)number;
    }

    public int Year(string parameter, string? value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            Add(parameter, $"'{value}' is not a year.");
            return default;
        }

        if (year is < OfficialCalendar.FirstYear or > OfficialCalendar.LastYear)
        {
            Add(parameter, $"{year} is outside {OfficialCalendar.FirstYear}-{OfficialCalendar.LastYear}.");
            return default;
        }

        return year;
    }

    /// <summary>The calendar of a jurisdiction (null: national).</summary>
    public OfficialCalendar? Calendar(CalendarCatalog catalog, string? jurisdiction)
    {
        try
        {
            return catalog.For(jurisdiction);
        }
        catch (UnknownJurisdictionException ex)
        {
            Add("jurisdiction", ex.Message);
            return null;
        }
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(_errors, title: "One or more parameters are invalid.");
}
