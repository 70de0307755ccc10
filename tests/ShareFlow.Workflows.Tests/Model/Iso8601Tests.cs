using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Tests.Model;

public class Iso8601Tests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("PT1H", 0, 0, 0, 0, 1, 0, 0)]
    [InlineData("P3D", 0, 0, 0, 3, 0, 0, 0)]
    [InlineData("P1DT2H", 0, 0, 0, 1, 2, 0, 0)]
    [InlineData("P2W", 0, 0, 2, 0, 0, 0, 0)]
    [InlineData("P1Y2M", 1, 2, 0, 0, 0, 0, 0)]
    [InlineData("P1Y2M3DT4H5M6S", 1, 2, 0, 3, 4, 5, 6)]
    [InlineData("PT30M", 0, 0, 0, 0, 0, 30, 0)]
    [InlineData("PT0S", 0, 0, 0, 0, 0, 0, 0)]
    [InlineData("PT1.5H", 0, 0, 0, 0, 1.5, 0, 0)]
    [InlineData("PT1,5H", 0, 0, 0, 0, 1.5, 0, 0)]
    [InlineData("P1DT0.25H", 0, 0, 0, 1, 0.25, 0, 0)]
    [InlineData("P0.5D", 0, 0, 0, 0.5, 0, 0, 0)]
    [InlineData("PT90S", 0, 0, 0, 0, 0, 0, 90)]
    public void ParseDuration_ValidText_ReadsComponents(string text, double years, double months, double weeks, double days, double hours, double minutes, double seconds)
    {
        var duration = Iso8601.ParseDuration(text);

        Assert.Equal(
            new IsoDuration((decimal)years, (decimal)months, (decimal)weeks, (decimal)days, (decimal)hours, (decimal)minutes, (decimal)seconds),
            duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("-P1D")]
    [InlineData("P-1D")]
    [InlineData("1D")]
    [InlineData("pt1h")]
    [InlineData("PT1D")]
    [InlineData("P1H")]
    [InlineData("P1.5DT2H")]
    [InlineData("PT1.5H30M")]
    [InlineData("P1W2D")]
    [InlineData("P1M1Y")]
    [InlineData("P1D1D")]
    [InlineData("PT1HT1M")]
    [InlineData("P.5D")]
    [InlineData("P1.D")]
    [InlineData("PT1H ")]
    [InlineData(" PT1H")]
    [InlineData("P1234567890D")]
    [InlineData("P1")]
    [InlineData("P1X")]
    [InlineData("P١D")]
    public void ParseDuration_InvalidText_ThrowsFormatException(string text)
    {
        var ex = Assert.Throws<FormatException>(() => Iso8601.ParseDuration(text));

        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseDuration_Negative_ExplainsSign()
    {
        Assert.False(Iso8601.TryParseDuration("-PT1H", out _, out var error));

        Assert.Contains("negative", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseDuration_FractionNotLast_ExplainsRule()
    {
        Assert.False(Iso8601.TryParseDuration("P1.5DT2H", out _, out var error));

        Assert.Contains("smallest unit", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PT1H")]
    [InlineData("P1DT2H")]
    [InlineData("P2W")]
    [InlineData("P1Y2M3DT4H5M6.5S")]
    [InlineData("PT0S")]
    public void ToString_ParsedDuration_RoundTrips(string text)
    {
        Assert.Equal(text, Iso8601.ParseDuration(text).ToString());
    }

    [Theory]
    [InlineData("P1DT2H", 26 * 60)]
    [InlineData("P2W", 14 * 24 * 60)]
    [InlineData("PT1.5H", 90)]
    [InlineData("P0.5D", 12 * 60)]
    public void FixedLength_WithoutYearsOrMonths_IsExact(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Iso8601.ParseDuration(text).FixedLength);
    }

    [Fact]
    public void FixedLength_WithMonths_IsNull()
    {
        var duration = Iso8601.ParseDuration("P1M");

        Assert.True(duration.HasCalendarComponents);
        Assert.Null(duration.FixedLength);
    }

    [Fact]
    public void AddTo_OneMonthFromJanuary31_EndsOnLastDayOfFebruary()
    {
        var start = new DateTimeOffset(2026, 1, 31, 10, 0, 0, Shanghai);

        Assert.Equal(new DateTimeOffset(2026, 2, 28, 10, 0, 0, Shanghai), Iso8601.ParseDuration("P1M").AddTo(start));
    }

    [Fact]
    public void AddTo_YearsMonthsDaysAndTime_AppliesEachUnit()
    {
        var start = new DateTimeOffset(2024, 2, 29, 9, 0, 0, Shanghai);

        Assert.Equal(new DateTimeOffset(2025, 3, 29, 11, 30, 0, Shanghai), Iso8601.ParseDuration("P1Y1MT2H30M").AddTo(start));
    }

    [Fact]
    public void AddTo_HalfMonth_IsHalfOfTheFollowingMonth()
    {
        var start = new DateTimeOffset(2026, 2, 1, 0, 0, 0, Shanghai);

        // February 2026 has 28 days.
        Assert.Equal(new DateTimeOffset(2026, 2, 15, 0, 0, 0, Shanghai), Iso8601.ParseDuration("P0.5M").AddTo(start));
    }

    [Fact]
    public void AddTo_Weeks_AddsSevenDaysEach()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, Shanghai);

        Assert.Equal(start.AddDays(14), Iso8601.ParseDuration("P2W").AddTo(start));
    }

    [Fact]
    public void Constructor_NegativeComponent_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsoDuration(0, 0, 0, -1, 0, 0, 0));
    }

    [Theory]
    [InlineData("2026-01-01T09:00:00+08:00", 2026, 1, 1, 9, 0, 0, 8 * 60)]
    [InlineData("2026-01-01T09:00:00Z", 2026, 1, 1, 9, 0, 0, 0)]
    [InlineData("2026-01-01T09:00:00-05:30", 2026, 1, 1, 9, 0, 0, -(5 * 60 + 30))]
    [InlineData("2026-01-01T09:00:00+0800", 2026, 1, 1, 9, 0, 0, 8 * 60)]
    [InlineData("2026-06-30T23:59", 2026, 6, 30, 23, 59, 0, 8 * 60)]
    [InlineData("2026-01-01T09:00:00", 2026, 1, 1, 9, 0, 0, 8 * 60)]
    [InlineData("2028-02-29T00:00:00", 2028, 2, 29, 0, 0, 0, 8 * 60)]
    public void ParseDateTime_ValidText_ReadsInstant(string text, int year, int month, int day, int hour, int minute, int second, int offsetMinutes)
    {
        var value = Iso8601.ParseDateTime(text);

        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes)), value);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
    }

    [Fact]
    public void ParseDateTime_WithoutOffset_IsAsiaShanghai()
    {
        var value = Iso8601.ParseDateTime("2026-10-01T00:00:00");

        Assert.Equal(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero), value.ToUniversalTime());
    }

    [Fact]
    public void ParseDateTime_Fraction_KeepsTicks()
    {
        var value = Iso8601.ParseDateTime("2026-01-01T09:00:00.25Z");

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 9, 0, 0, 250, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-02-30T09:00:00")]
    [InlineData("2026-13-01T09:00:00")]
    [InlineData("2026-01-01T24:00:00")]
    [InlineData("2026-01-01T09:60:00")]
    [InlineData("2026-01-01 09:00:00")]
    [InlineData("20260101T090000")]
    [InlineData("2026-01-01T09:00:00+15:00")]
    [InlineData("2026-01-01T09:00:00\n")]
    [InlineData("tomorrow")]
    [InlineData("")]
    public void ParseDateTime_InvalidText_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => Iso8601.ParseDateTime(text));
    }

    [Fact]
    public void ParseRepeatingInterval_CountAndDuration_ReadsBoth()
    {
        var cycle = Iso8601.ParseRepeatingInterval("R3/PT1H");

        Assert.Equal(3, cycle.Repetitions);
        Assert.Null(cycle.Start);
        Assert.Equal(Iso8601.ParseDuration("PT1H"), cycle.Period);
    }

    [Fact]
    public void ParseRepeatingInterval_NoCount_IsUnbounded()
    {
        var cycle = Iso8601.ParseRepeatingInterval("R/P1D");

        Assert.Null(cycle.Repetitions);
        Assert.Equal(Iso8601.ParseDuration("P1D"), cycle.Period);
    }

    [Fact]
    public void ParseRepeatingInterval_WithStart_ReadsStart()
    {
        var cycle = Iso8601.ParseRepeatingInterval("R5/2026-01-01T09:00:00+08:00/P1D");

        Assert.Equal(5, cycle.Repetitions);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 9, 0, 0, Shanghai), cycle.Start);
        Assert.Equal(Iso8601.ParseDuration("P1D"), cycle.Period);
        Assert.Equal("R5/2026-01-01T09:00:00+08:00/P1D", cycle.ToString());
    }

    [Theory]
    [InlineData("R0/PT1H", "zero")]
    [InlineData("RX/PT1H", "repetition count")]
    [InlineData("R3", "not an ISO 8601 repeating interval")]
    [InlineData("3/PT1H", "not an ISO 8601 repeating interval")]
    [InlineData("R3/PT", "'PT'")]
    [InlineData("R/PT1H/2026-01-01T00:00:00Z", "R/duration/end")]
    [InlineData("R/2026-01-01T00:00:00Z/2026-02-01T00:00:00Z", "R/start/end")]
    [InlineData("R/2026-13-01T00:00:00Z/P1D", "not a valid date-time")]
    [InlineData("R/a/b/c", "not an ISO 8601 repeating interval")]
    public void ParseRepeatingInterval_InvalidText_ThrowsWithReason(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => Iso8601.ParseRepeatingInterval(text));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
