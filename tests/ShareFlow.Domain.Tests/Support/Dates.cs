using System.Globalization;

namespace ShareFlow.Domain.Tests.Support;

internal static class Dates
{
    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
