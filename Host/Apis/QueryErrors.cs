using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Persistence;

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

    /// <summary>Page number (1-100000, default 1) and page size (1-200, default 20) of a list.</summary>
    public (int Page, int Size) Paging(string? page, string? pageSize) =>
        (OptionalInteger("page", page, 1, 100_000) ?? 1, OptionalInteger("pageSize", pageSize, 1, 200) ?? 20);

    /// <summary>A range's end must not lie before its start; dates that are absent or already rejected are not compared.</summary>
    public void NotBefore(string startParameter, DateOnly start, string endParameter, DateOnly end)
    {
        if (start != default && end != default && end < start)
        {
            Add(endParameter, $"{end:yyyy-MM-dd} is before {startParameter} {start:yyyy-MM-dd}.");
        }
    }

    /// <summary>A department filter must name a department that exists.</summary>
    public async Task DepartmentAsync(IDbContextFactory<ShareFlowDbContext> dbFactory, string parameter, string code, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Departments.AnyAsync(d => d.Code == code, cancellationToken))
        {
            Add(parameter, $"There is no department '{code}'.");
        }
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(_errors, title: "One or more parameters are invalid.");
}
