using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShareFlow.Workflows.Expressions;

/// <summary>
/// Maps the values callers hand in onto the few kinds expressions work with: null, <see cref="bool"/>,
/// <see cref="string"/>, <see cref="decimal"/> (every CLR number), <see cref="DateOnly"/>, <see cref="DateTimeOffset"/>,
/// <see cref="ValueList"/> and <see cref="ValueMap"/>. Containers are wrapped, not copied; their elements are
/// normalized when read. Anything else throws <see cref="NotSupportedException"/>, which the evaluator reports
/// naming the sub-expression that produced it.
/// </summary>
internal static class ValueNormalizer
{
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string or bool or decimal or DateOnly or DateTimeOffset or ValueList or ValueMap => value,
        int or long or short or sbyte or byte or ushort or uint or ulong or nint or nuint
            or double or float or Half or Int128 or UInt128 or BigInteger => ToDecimal(value),
        char c => c.ToString(),
        DateTime dateTime => FromDateTime(dateTime),
        JsonElement element => FromJson(element),
        JsonNode node => FromJsonNode(node),
        IReadOnlyDictionary<string, object?> map => new ValueMap(map.Count, map.TryGetValue, () => map),
        IDictionary<string, object?> map => new ValueMap(map.Count, map.TryGetValue, () => map),
        IDictionary map => FromDictionary(map),
        IReadOnlyList<object?> list => new ValueList(list.Count, i => list[i], () => list),
        IList list => new ValueList(list.Count, i => list[i], list.Cast<object?>),
        _ => throw new NotSupportedException(
            $"Values of type {value.GetType()} are not supported in expressions; "
            + "use null, bool, string, a number, DateOnly, DateTimeOffset, a list, a string-keyed map or JSON"),
    };

    /// <summary>The kind of a normalized value with its article, for messages: "a string", "null".</summary>
    public static string DescribeKind(object? value) => value switch
    {
        null => "null",
        bool => "a boolean",
        string => "a string",
        decimal => "a number",
        DateOnly => "a date",
        DateTimeOffset => "a date-time",
        ValueList => "a list",
        ValueMap => "a map",
        _ => "a " + value.GetType().Name,
    };

    /// <summary>
    /// The text of a normalized scalar as inserted into a template: invariant culture, ISO 8601 dates.
    /// Returns false for lists and maps, which have no agreed text form.
    /// </summary>
    public static bool TryFormat(object? value, out string? text)
    {
        text = value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
            _ => null,
        };
        return value is not (ValueList or ValueMap);
    }

    private static decimal ToDecimal(object number)
    {
        try
        {
            return number switch
            {
                int n => n,
                long n => n,
                short n => n,
                sbyte n => n,
                byte n => n,
                ushort n => n,
                uint n => n,
                ulong n => n,
                nint n => n,
                nuint n => n,
                double n => (decimal)n,
                float n => (decimal)n,
                Half n => (decimal)(double)n,
                Int128 n => (decimal)n,
                UInt128 n => (decimal)n,
                BigInteger n => (decimal)n,
                _ => throw new ArgumentException($"Not a number: {number.GetType()}.", nameof(number)),
            };
        }
        catch (OverflowException ex)
        {
            // NaN, infinities and magnitudes beyond ±7.9e28: no decimal represents them.
            throw new NotSupportedException($"A {number.GetType().Name} value is not a finite number within the decimal range", ex);
        }
    }

    // Only UTC DateTimes name an instant; Local and Unspecified ones depend on the server's zone.
    private static DateTimeOffset FromDateTime(DateTime dateTime) => dateTime.Kind == DateTimeKind.Utc
        ? new DateTimeOffset(dateTime)
        : throw new NotSupportedException($"A DateTime of kind {dateTime.Kind} is ambiguous; pass a DateTimeOffset or a DateOnly");

    private static ValueMap FromDictionary(IDictionary map) => new(
        map.Count,
        (string key, out object? value) =>
        {
            if (map.Contains(key))
            {
                value = map[key];
                return true;
            }

            value = null;
            return false;
        },
        () => Entries(map));

    // IDictionary.GetEnumerator yields DictionaryEntry; IEnumerable.GetEnumerator of a Dictionary<,> yields KeyValuePair.
    private static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary map)
    {
        var entries = map.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return KeyValuePair.Create(Convert.ToString(entries.Key, CultureInfo.InvariantCulture) ?? string.Empty, entries.Value);
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetDecimal(out var number)
            ? number
            : throw new NotSupportedException("A JSON number is outside the decimal range"),
        JsonValueKind.Array => new ValueList(
            element.GetArrayLength(),
            i => element[i],
            () => element.EnumerateArray().Select(item => (object?)item)),
        JsonValueKind.Object => new ValueMap(
            element.GetPropertyCount(),
            (string key, out object? value) =>
            {
                var found = element.TryGetProperty(key, out var property);
                value = found ? property : null;
                return found;
            },
            () => element.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, (object?)property.Value))),
        _ => throw new NotSupportedException($"Unexpected JSON value kind {element.ValueKind}"),
    };

    private static object? FromJsonNode(JsonNode node) => node switch
    {
        JsonObject map => new ValueMap(
            map.Count,
            (string key, out object? value) =>
            {
                var found = map.TryGetPropertyValue(key, out var property);
                value = property;
                return found;
            },
            () => map.Select(property => KeyValuePair.Create(property.Key, (object?)property.Value))),
        JsonArray list => new ValueList(list.Count, i => list[i], () => list),
        JsonValue scalar => FromJsonValue(scalar),
        _ => throw new NotSupportedException($"Unexpected JSON node {node.GetType()}"),
    };

    private static object? FromJsonValue(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return FromJson(element);
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String when value.TryGetValue<string>(out var text):
                return text;
            case JsonValueKind.Number when value.TryGetValue<object>(out var number) && number is not JsonElement:
                return Normalize(number);
            default:
                break;
        }

        // A CLR value held by the node (a Guid, a DateTime, ...): use its JSON form, which is what gets stored.
        using var document = JsonDocument.Parse(value.ToJsonString());
        return FromJson(document.RootElement.Clone());
    }
}
