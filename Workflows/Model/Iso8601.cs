using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ShareFlow.Domain.Calendar;

namespace ShareFlow.Workflows.Model;

/// <summary>
/// An ISO 8601 duration (<c>PnYnMnDTnHnMnS</c> or <c>PnW</c>). Components are non-negative; only the last component
/// written may carry a fraction. Years and months keep their calendar meaning and are applied with
/// <see cref="AddTo"/>, never converted to a fixed number of days.
/// </summary>
public readonly record struct IsoDuration
{
    public IsoDuration(decimal years, decimal months, decimal weeks, decimal days, decimal hours, decimal minutes, decimal seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        ArgumentOutOfRangeException.ThrowIfNegative(weeks);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        Years = years;
        Months = months;
        Weeks = weeks;
        Days = days;
        Hours = hours;
        Minutes = minutes;
        Seconds = seconds;
    }

    public decimal Years { get; }

    public decimal Months { get; }

    public decimal Weeks { get; }

    public decimal Days { get; }

    public decimal Hours { get; }

    public decimal Minutes { get; }

    public decimal Seconds { get; }

    /// <summary>Whether every component is zero (e.g. <c>PT0S</c>).</summary>
    public bool IsZero => Years == 0 && Months == 0 && Weeks == 0 && Days == 0 && Hours == 0 && Minutes == 0 && Seconds == 0;

    /// <summary>Whether the duration has years or months, whose length depends on the date it is applied to.</summary>
    public bool HasCalendarComponents => Years != 0 || Months != 0;

    /// <summary>
    /// The fixed length of a duration without years or months (a day is 24 hours: Asia/Shanghai has no daylight saving
    /// since 1992); null when it has years or months.
    /// </summary>
    /// <exception cref="OverflowException">The duration is longer than <see cref="TimeSpan.MaxValue"/>.</exception>
    public TimeSpan? FixedLength => HasCalendarComponents
        ? null
        : TimeSpan.FromTicks(decimal.ToInt64(
            ((((Weeks * 7) + Days) * 24 + Hours) * 60 + Minutes) * 60 * TimeSpan.TicksPerSecond + Seconds * TimeSpan.TicksPerSecond));

    /// <summary>
    /// The instant this duration after <paramref name="start"/>: years and months move the calendar date by
    /// 12 × years + months months (the 31st of a month becomes the last day of a shorter one); a fraction of a year or
    /// month is that fraction of the following year or month; weeks, days and the time components are exact.
    /// </summary>
    public DateTimeOffset AddTo(DateTimeOffset start)
    {
        // Whole years count as twelve months each, so P1Y1M from 29 February is 13 months later (as java.time and
        // XML Schema do), not "a year, then a month" which would clip the day twice.
        var result = decimal.Truncate(Years) == Years
            ? AddCalendarUnit(start, (Years * 12) + Months, static (t, n) => t.AddMonths(n))
            : AddCalendarUnit(start, Years, static (t, n) => t.AddYears(n));
        return FixedLengthOf(this) is { } fixedPart ? result + fixedPart : result;
    }

    /// <summary>The canonical ISO 8601 text, e.g. <c>P1DT2H</c>.</summary>
    public override string ToString()
    {
        if (IsZero)
        {
            return "PT0S";
        }

        var builder = new StringBuilder("P");
        Append(builder, Years, 'Y');
        Append(builder, Months, 'M');
        Append(builder, Weeks, 'W');
        Append(builder, Days, 'D');
        if (Hours != 0 || Minutes != 0 || Seconds != 0)
        {
            builder.Append('T');
            Append(builder, Hours, 'H');
            Append(builder, Minutes, 'M');
            Append(builder, Seconds, 'S');
        }

        return builder.ToString();
    }

    private static TimeSpan? FixedLengthOf(IsoDuration duration) =>
        new IsoDuration(0, 0, duration.Weeks, duration.Days, duration.Hours, duration.Minutes, duration.Seconds).FixedLength;

    private static DateTimeOffset AddCalendarUnit(DateTimeOffset start, decimal amount, Func<DateTimeOffset, int, DateTimeOffset> add)
    {
        if (amount == 0)
        {
            return start;
        }

        var whole = decimal.ToInt32(decimal.Truncate(amount));
        var fraction = amount - whole;
        var result = add(start, whole);
        if (fraction != 0)
        {
            var unitLength = add(result, 1) - result;
            result += TimeSpan.FromTicks(decimal.ToInt64(unitLength.Ticks * fraction));
        }

        return result;
    }

    private static void Append(StringBuilder builder, decimal value, char designator)
    {
        if (value != 0)
        {
            builder.Append(value.ToString("0.#########", CultureInfo.InvariantCulture)).Append(designator);
        }
    }
}

/// <summary>
/// An ISO 8601 repeating interval: <c>Rn/duration</c>, <c>R/duration</c> (unbounded) or <c>Rn/start/duration</c>.
/// Without a start the first occurrence is one period after the timer is armed.
/// </summary>
/// <param name="Repetitions">How many times the timer fires; null means unbounded (<c>R/…</c>).</param>
/// <param name="Start">The first occurrence, when the cycle names one.</param>
/// <param name="Period">The time between occurrences.</param>
public sealed record IsoRepeatingInterval(int? Repetitions, DateTimeOffset? Start, IsoDuration Period)
{
    public override string ToString()
    {
        var repetitions = Repetitions?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        return Start is { } start
            ? string.Create(CultureInfo.InvariantCulture, $"R{repetitions}/{start:yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz}/{Period}")
            : $"R{repetitions}/{Period}";
    }
}

/// <summary>A small, strict parser for the ISO 8601 forms BPMN timers use.</summary>
public static partial class Iso8601
{
    private const int MaxIntegerDigits = 9;
    private const int MaxFractionDigits = 9;
    private const string DurationDesignators = "YMWD";
    private const string TimeDesignators = "HMS";

    /// <summary>Parses an ISO 8601 duration such as <c>PT1H</c>, <c>P3D</c>, <c>P1DT2H</c>, <c>P2W</c> or <c>P1Y2M</c>.</summary>
    /// <exception cref="FormatException">The text is not a valid non-negative duration.</exception>
    public static IsoDuration ParseDuration(string text) =>
        TryParseDuration(text, out var duration, out var error) ? duration : throw new FormatException(error);

    /// <summary>Parses an ISO 8601 duration; <paramref name="error"/> says why when it returns false.</summary>
    public static bool TryParseDuration(string text, out IsoDuration duration, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = default;
        error = ParseDurationCore(text, ref duration);
        return error is null;
    }

    /// <summary>
    /// Parses an ISO 8601 extended date-time, <c>yyyy-MM-ddTHH:mm[:ss[.fffffff]]</c> with an optional <c>Z</c> or
    /// <c>±HH:mm</c> offset. Without an offset the time is Asia/Shanghai local time.
    /// </summary>
    /// <exception cref="FormatException">The text is not such a date-time.</exception>
    public static DateTimeOffset ParseDateTime(string text) =>
        TryParseDateTime(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>Parses an ISO 8601 date-time; <paramref name="error"/> says why when it returns false.</summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        error = ParseDateTimeCore(text, ref value);
        return error is null;
    }

    /// <summary>Parses an ISO 8601 repeating interval: <c>R3/PT1H</c>, <c>R/P1D</c>, <c>R5/2026-01-01T09:00:00+08:00/P1D</c>.</summary>
    /// <exception cref="FormatException">The text is not such a repeating interval.</exception>
    public static IsoRepeatingInterval ParseRepeatingInterval(string text) =>
        TryParseRepeatingInterval(text, out var value, out var error) ? value! : throw new FormatException(error);

    /// <summary>Parses an ISO 8601 repeating interval; <paramref name="error"/> says why when it returns false.</summary>
    public static bool TryParseRepeatingInterval(string text, out IsoRepeatingInterval? value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = null;
        error = ParseRepeatingIntervalCore(text, ref value);
        return error is null;
    }

    private static string? ParseDurationCore(string text, ref IsoDuration duration)
    {
        if (text.Length < 2 || text[0] != 'P')
        {
            return text.StartsWith('-')
                ? $"'{text}' is a negative duration; durations must not be negative."
                : $"'{text}' is not an ISO 8601 duration: it must start with 'P' (e.g. PT1H, P3D, P1DT2H).";
        }

        // Values indexed by Y, M, W, D, H, M(inutes), S.
        Span<decimal> values = stackalloc decimal[7];
        var lastRank = -1;
        var inTime = false;
        var componentsInTime = 0;
        var components = 0;
        var fractionSeen = false;
        var weeksSeen = false;
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == 'T')
            {
                if (inTime)
                {
                    return $"'{text}' has more than one 'T'.";
                }

                inTime = true;
                i++;
                continue;
            }

            if (fractionSeen)
            {
                return $"'{text}' has a fraction on a component that is not the last one; only the smallest unit may have a fraction.";
            }

            var numberStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var integerDigits = i - numberStart;
            if (integerDigits == 0)
            {
                return $"'{text}' is not an ISO 8601 duration: a number is expected at position {i + 1}.";
            }

            if (integerDigits > MaxIntegerDigits)
            {
                return $"'{text}' has a number that is too large.";
            }

            var hasFraction = false;
            if (i < text.Length && (text[i] == '.' || text[i] == ','))
            {
                i++;
                var fractionStart = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (i == fractionStart || i - fractionStart > MaxFractionDigits)
                {
                    return $"'{text}' has a malformed fraction.";
                }

                hasFraction = true;
            }

            if (i >= text.Length)
            {
                return $"'{text}' ends with a number without a unit designator.";
            }

            var designator = text[i];
            var rank = inTime ? TimeDesignators.IndexOf(designator, StringComparison.Ordinal) : DurationDesignators.IndexOf(designator, StringComparison.Ordinal);
            if (rank < 0)
            {
                return $"'{text}' has an unexpected designator '{designator}'"
                    + (inTime ? " in its time part (H, M or S expected)." : " in its date part (Y, M, W or D expected; time components follow 'T').");
            }

            if (inTime)
            {
                rank += DurationDesignators.Length;
            }

            if (rank <= lastRank)
            {
                return $"'{text}' has its components out of order or repeated.";
            }

            var number = decimal.Parse(text.AsSpan(numberStart, i - numberStart).ToString().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            values[rank] = number;
            weeksSeen |= rank == 2;
            fractionSeen = hasFraction;
            lastRank = rank;
            components++;
            if (inTime)
            {
                componentsInTime++;
            }

            i++;
        }

        if (components == 0)
        {
            return $"'{text}' has no components (e.g. PT1H, P3D).";
        }

        if (inTime && componentsInTime == 0)
        {
            return $"'{text}' has a 'T' without any hour, minute or second component.";
        }

        if (weeksSeen && components > 1)
        {
            return $"'{text}' combines weeks with other components; write weeks alone (P2W) or use days (P14D).";
        }

        duration = new IsoDuration(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
        return null;
    }

    private static string? ParseDateTimeCore(string text, ref DateTimeOffset value)
    {
        var match = DateTimePattern().Match(text);
        if (!match.Success)
        {
            return $"'{text}' is not an ISO 8601 date-time (expected e.g. 2026-01-01T09:00:00+08:00 or 2026-01-01T09:00:00).";
        }

        static int Number(Match m, string group) =>
            m.Groups[group].Success ? int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

        var year = Number(match, "year");
        var month = Number(match, "month");
        var day = Number(match, "day");
        var hour = Number(match, "hour");
        var minute = Number(match, "minute");
        var second = Number(match, "second");
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return $"'{text}' is not a valid date-time.";
        }

        var ticks = 0L;
        if (match.Groups["fraction"].Success)
        {
            var digits = match.Groups["fraction"].Value.PadRight(7, '0');
            ticks = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        TimeSpan offset;
        if (!match.Groups["offset"].Success)
        {
            offset = ChinaTime.Zone.GetUtcOffset(local);
        }
        else if (match.Groups["offset"].ValueSpan is "Z")
        {
            offset = TimeSpan.Zero;
        }
        else
        {
            var offsetHours = Number(match, "offsetHours");
            var offsetMinutes = Number(match, "offsetMinutes");
            if (offsetHours > 14 || offsetMinutes > 59 || (offsetHours == 14 && offsetMinutes != 0))
            {
                return $"'{text}' has an invalid UTC offset.";
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (match.Groups["sign"].ValueSpan is "-")
            {
                offset = -offset;
            }
        }

        value = new DateTimeOffset(local, offset);
        return null;
    }

    private static string? ParseRepeatingIntervalCore(string text, ref IsoRepeatingInterval? value)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[0][0] != 'R')
        {
            return $"'{text}' is not an ISO 8601 repeating interval (expected e.g. R3/PT1H, R/P1D or R5/2026-01-01T09:00:00+08:00/P1D).";
        }

        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            var count = parts[0].AsSpan(1);
            if (count.Length > MaxIntegerDigits || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return $"'{text}' has an invalid repetition count '{parts[0]}'.";
            }

            if (n < 1)
            {
                return $"'{text}' repeats zero times; the count must be at least 1.";
            }

            repetitions = n;
        }

        DateTimeOffset? start = null;
        var durationText = parts[^1];
        if (parts.Length == 3)
        {
            var startValue = default(DateTimeOffset);
            if (ParseDateTimeCore(parts[1], ref startValue) is { } startError)
            {
                return parts[1].StartsWith('P')
                    ? $"'{text}': the form R/duration/end is not supported; use R/start/duration."
                    : $"'{text}': {startError}";
            }

            start = startValue;
        }

        var period = default(IsoDuration);
        if (ParseDurationCore(durationText, ref period) is { } durationError)
        {
            return !durationText.StartsWith('P') && parts.Length == 3
                ? $"'{text}': the form R/start/end is not supported; use R/start/duration."
                : $"'{text}': {durationError}";
        }

        value = new IsoRepeatingInterval(repetitions, start, period);
        return null;
    }

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})T(?<hour>[0-9]{2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:[.,](?<fraction>[0-9]{1,7}))?)?(?<offset>Z|(?<sign>[+-])(?<offsetHours>[0-9]{2}):?(?<offsetMinutes>[0-9]{2}))?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateTimePattern();
}
