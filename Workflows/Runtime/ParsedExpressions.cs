using System.Collections.Concurrent;
using ShareFlow.Workflows.Expressions;

namespace ShareFlow.Workflows.Runtime;

/// <summary>
/// Parsed expressions by their text. Expressions come from published definitions, which never change, and a parsed
/// <see cref="Expression"/> is immutable and thread-safe, so each text is parsed once.
/// </summary>
internal static class ParsedExpressions
{
    /// <summary>Beyond this many distinct texts the cache starts over, so that no input can grow it without bound.</summary>
    private const int Capacity = 10_000;

    private static readonly ConcurrentDictionary<string, Expression> Cache = new(StringComparer.Ordinal);

    /// <exception cref="ExpressionSyntaxException">The text does not parse.</exception>
    public static Expression Get(string text)
    {
        if (Cache.TryGetValue(text, out var parsed))
        {
            return parsed;
        }

        parsed = Expression.Parse(text);
        if (Cache.Count >= Capacity)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(text, parsed);
    }
}
