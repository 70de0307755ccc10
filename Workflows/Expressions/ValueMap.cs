using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ShareFlow.Workflows.Expressions;

internal delegate bool RawLookup(string key, out object? value);

/// <summary>
/// A read-only view of a string-keyed map from any supported source (CLR dictionary, JSON object) whose values are
/// normalized lazily on access.
/// </summary>
internal sealed class ValueMap(int count, RawLookup lookup, Func<IEnumerable<KeyValuePair<string, object?>>> rawEntries)
    : IReadOnlyDictionary<string, object?>
{
    public int Count { get; } = count;

    public IEnumerable<string> Keys => rawEntries().Select(entry => entry.Key);

    public IEnumerable<object?> Values => this.Select(entry => entry.Value);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No entry '{key}'.");

    public bool ContainsKey(string key) => lookup(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (lookup(key, out var raw))
        {
            value = ValueNormalizer.Normalize(raw);
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        rawEntries().Select(entry => KeyValuePair.Create(entry.Key, ValueNormalizer.Normalize(entry.Value))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
