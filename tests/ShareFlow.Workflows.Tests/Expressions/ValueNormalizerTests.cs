using System.Dynamic;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShareFlow.Workflows.Expressions;

namespace ShareFlow.Workflows.Tests.Expressions;

public class ValueNormalizerTests
{
    public static TheoryData<object, decimal> Numbers() => new()
    {
        { 7, 7m },
        { -7L, -7m },
        { long.MaxValue, 9223372036854775807m },
        { ulong.MaxValue, 18446744073709551615m },
        { (short)-3, -3m },
        { (sbyte)-3, -3m },
        { (byte)3, 3m },
        { (ushort)3, 3m },
        { 3u, 3m },
        { (nint)(-3), -3m },
        { (nuint)3, 3m },
        { 0.1, 0.1m },
        { 0.1f, 0.1m },
        { 1.5m, 1.5m },
        { (Half)0.5, 0.5m },
        { (Int128)long.MaxValue * 1000, 9223372036854775807000m },
        { (UInt128)3, 3m },
        { BigInteger.Parse("79228162514264337593543950335", System.Globalization.CultureInfo.InvariantCulture), decimal.MaxValue },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Normalize_ClrNumber_BecomesDecimal(object number, decimal expected)
    {
        var normalized = ValueNormalizer.Normalize(number);

        Assert.Equal(expected, Assert.IsType<decimal>(normalized));
    }

    public static TheoryData<object> NumbersOutsideDecimal() => new()
    {
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, float.NaN, Half.NaN, Int128.MaxValue, UInt128.MaxValue,
        BigInteger.Pow(10, 40),
    };

    [Theory]
    [MemberData(nameof(NumbersOutsideDecimal))]
    public void Normalize_NumberOutsideDecimal_ThrowsNotSupported(object number)
    {
        var ex = Assert.Throws<NotSupportedException>(() => ValueNormalizer.Normalize(number));

        Assert.Contains("not a finite number within the decimal range", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_SupportedScalars_AreKept()
    {
        var instant = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.FromHours(8));

        Assert.Null(ValueNormalizer.Normalize(null));
        Assert.Equal("s", ValueNormalizer.Normalize("s"));
        Assert.Equal(true, ValueNormalizer.Normalize(true));
        Assert.Equal(new DateOnly(2025, 1, 1), ValueNormalizer.Normalize(new DateOnly(2025, 1, 1)));
        Assert.Equal(instant.Offset, Assert.IsType<DateTimeOffset>(ValueNormalizer.Normalize(instant)).Offset);
        Assert.Equal("c", ValueNormalizer.Normalize('c'));
    }

    [Fact]
    public void Normalize_UtcDateTime_BecomesDateTimeOffset()
    {
        var utc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTimeOffset(utc), ValueNormalizer.Normalize(utc));
    }

    [Theory]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public void Normalize_NonUtcDateTime_ThrowsNotSupported(DateTimeKind kind)
    {
        var ex = Assert.Throws<NotSupportedException>(() => ValueNormalizer.Normalize(new DateTime(2025, 1, 1, 0, 0, 0, kind)));

        Assert.Contains($"A DateTime of kind {kind} is ambiguous", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_UnsupportedType_ThrowsNotSupportedNamingType()
    {
        var ex = Assert.Throws<NotSupportedException>(() => ValueNormalizer.Normalize(new Uri("https://example.org")));

        Assert.StartsWith("Values of type System.Uri are not supported in expressions", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null", null)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"同意\"", "同意")]
    public void Normalize_JsonScalar_BecomesClrValue(string json, object? expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, ValueNormalizer.Normalize(document.RootElement));
        Assert.Equal(expected, ValueNormalizer.Normalize(JsonNode.Parse(json)));
    }

    [Theory]
    [InlineData("1500", "1500")]
    [InlineData("1.50", "1.50")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("1e3", "1000")]
    [InlineData("2.5E-1", "0.25")]
    public void Normalize_JsonNumber_BecomesDecimalKeepingScale(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        var fromElement = Assert.IsType<decimal>(ValueNormalizer.Normalize(document.RootElement));
        var fromNode = Assert.IsType<decimal>(ValueNormalizer.Normalize(JsonNode.Parse(json)));

        Assert.Equal(expected, fromElement.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, fromNode.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Normalize_JsonNumberOutsideDecimal_ThrowsNotSupported()
    {
        using var document = JsonDocument.Parse("1e400");

        Assert.Throws<NotSupportedException>(() => ValueNormalizer.Normalize(document.RootElement));
    }

    [Fact]
    public void Normalize_DefaultJsonElement_IsNull()
    {
        Assert.Null(ValueNormalizer.Normalize(default(JsonElement)));
    }

    [Fact]
    public void Normalize_JsonValueHoldingClrValue_UsesItsJsonForm()
    {
        var id = new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff");

        Assert.Equal(5m, ValueNormalizer.Normalize(JsonValue.Create(5)));
        Assert.Equal(1.5m, ValueNormalizer.Normalize(JsonValue.Create(1.5)));
        Assert.Equal(true, ValueNormalizer.Normalize(JsonValue.Create(true)));
        Assert.Equal("s", ValueNormalizer.Normalize(JsonValue.Create("s")));
        Assert.Equal("c", ValueNormalizer.Normalize(JsonValue.Create('c')));
        Assert.Equal(id.ToString(), ValueNormalizer.Normalize(JsonValue.Create(id)));
        Assert.Equal("2025-03-01", ValueNormalizer.Normalize(JsonValue.Create(new DateOnly(2025, 3, 1))));
    }

    [Fact]
    public void Normalize_JsonArray_BecomesListOfNormalizedValues()
    {
        using var document = JsonDocument.Parse("[1, \"a\", null, [true]]");

        foreach (var source in new object?[] { document.RootElement, JsonNode.Parse("[1, \"a\", null, [true]]") })
        {
            var list = Assert.IsType<ValueList>(ValueNormalizer.Normalize(source));

            Assert.Equal(4, list.Count);
            Assert.Equal(1m, list[0]);
            Assert.Equal("a", list[1]);
            Assert.Null(list[2]);
            Assert.Equal([true], Assert.IsType<ValueList>(list[3]));
            Assert.Equal([1m, "a", null], list.Take(3));
        }
    }

    [Fact]
    public void Normalize_JsonObject_BecomesMapOfNormalizedValues()
    {
        const string Json = "{\"n\": 2, \"s\": \"x\", \"z\": null}";
        using var document = JsonDocument.Parse(Json);

        foreach (var source in new object?[] { document.RootElement, JsonNode.Parse(Json) })
        {
            var map = Assert.IsType<ValueMap>(ValueNormalizer.Normalize(source));

            Assert.Equal(3, map.Count);
            Assert.True(map.TryGetValue("n", out var n));
            Assert.Equal(2m, n);
            Assert.True(map.ContainsKey("z"));
            Assert.Null(map["z"]);
            Assert.False(map.TryGetValue("missing", out _));
            Assert.Equal(["n", "s", "z"], map.Keys);
            Assert.Equal([2m, "x", null], map.Values);
        }
    }

    [Fact]
    public void Normalize_ClrList_NormalizesElementsOnRead()
    {
        var list = Assert.IsType<ValueList>(ValueNormalizer.Normalize(new List<int> { 1, 2 }));

        Assert.Equal([1m, 2m], list);
        Assert.Equal(2m, list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[2]);
    }

    [Fact]
    public void Normalize_ReadOnlyListOfObjects_IsWrapped()
    {
        IReadOnlyList<object?> source = new object?[] { 1L, "a" };

        Assert.Equal([1m, "a"], Assert.IsType<ValueList>(ValueNormalizer.Normalize(source)));
    }

    [Fact]
    public void Normalize_TypedDictionary_BecomesMap()
    {
        var map = Assert.IsType<ValueMap>(ValueNormalizer.Normalize(new Dictionary<string, int> { ["a"] = 1 }));

        Assert.Single(map);
        Assert.Equal(1m, map["a"]);
        Assert.False(map.ContainsKey("b"));
        Assert.Throws<KeyNotFoundException>(() => map["b"]);
        Assert.Equal([KeyValuePair.Create("a", (object?)1m)], map);
    }

    [Fact]
    public void Normalize_MutableOnlyDictionary_BecomesMap()
    {
        IDictionary<string, object?> expando = new ExpandoObject();
        expando["amount"] = 3;

        var map = Assert.IsType<ValueMap>(ValueNormalizer.Normalize(expando));

        Assert.Equal(3m, map["amount"]);
    }

    [Fact]
    public void Normalize_AlreadyNormalizedContainer_IsReturnedAsIs()
    {
        var list = ValueNormalizer.Normalize(new List<int> { 1 });
        var map = ValueNormalizer.Normalize(new Dictionary<string, object?>());

        Assert.Same(list, ValueNormalizer.Normalize(list));
        Assert.Same(map, ValueNormalizer.Normalize(map));
    }

    [Fact]
    public void Normalize_UnsupportedElement_ThrowsOnlyWhenRead()
    {
        var list = Assert.IsType<ValueList>(ValueNormalizer.Normalize(new List<object?> { 1, Guid.Empty }));

        Assert.Equal(1m, list[0]);
        Assert.Throws<NotSupportedException>(() => list[1]);
    }

    [Theory]
    [InlineData(null, "null")]
    [InlineData(true, "a boolean")]
    [InlineData("s", "a string")]
    [InlineData(1, "a number")]
    public void DescribeKind_Scalar_NamesKind(object? value, string expected)
    {
        Assert.Equal(expected, ValueNormalizer.DescribeKind(ValueNormalizer.Normalize(value)));
    }

    [Fact]
    public void DescribeKind_DatesAndContainers_NameKind()
    {
        Assert.Equal("a date", ValueNormalizer.DescribeKind(new DateOnly(2025, 1, 1)));
        Assert.Equal("a date-time", ValueNormalizer.DescribeKind(DateTimeOffset.UnixEpoch));
        Assert.Equal("a list", ValueNormalizer.DescribeKind(ValueNormalizer.Normalize(new List<int>())));
        Assert.Equal("a map", ValueNormalizer.DescribeKind(ValueNormalizer.Normalize(new Dictionary<string, object?>())));
    }

    [Fact]
    public void TryFormat_Scalars_UseInvariantIsoForms()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // A culture with a decimal comma must not leak into assignee or group names.
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");

            Assert.Equal("12.50", Format(12.50m));
            Assert.Equal("-0.5", Format(-0.5m));
            Assert.Equal("true", Format(true));
            Assert.Equal("false", Format(false));
            Assert.Equal("2025-03-01", Format(new DateOnly(2025, 3, 1)));
            Assert.Equal("2025-03-01T09:30:00+08:00", Format(new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(8))));
            Assert.Equal("2025-03-01T09:30:00.1234567+00:00", Format(new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero).AddTicks(1234567)));
            Assert.Equal("s", Format("s"));
            Assert.Null(Format(null));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        static string? Format(object? value)
        {
            Assert.True(ValueNormalizer.TryFormat(value, out var text));
            return text;
        }
    }

    [Fact]
    public void TryFormat_Containers_Fail()
    {
        Assert.False(ValueNormalizer.TryFormat(ValueNormalizer.Normalize(new List<int>()), out _));
        Assert.False(ValueNormalizer.TryFormat(ValueNormalizer.Normalize(new Dictionary<string, object?>()), out _));
    }
}
