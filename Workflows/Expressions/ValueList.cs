using System.Collections;

namespace ShareFlow.Workflows.Expressions;

/// <summary>
/// A read-only view of a list from any supported source (CLR list, JSON array, list literal) whose elements are
/// normalized lazily on access, so a large or deeply nested JSON variable is never converted as a whole.
/// </summary>
internal sealed class ValueList(int count, Func<int, object?> getRaw, Func<IEnumerable<object?>>? enumerateRaw = null)
    : IReadOnlyList<object?>
{
    public int Count { get; } = count;

    public object? this[int index] =>
        (uint)index < (uint)Count ? ValueNormalizer.Normalize(getRaw(index)) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Enumerates through the source's own enumerator when it has one (indexing a JSON array can be linear).</summary>
    public IEnumerator<object?> GetEnumerator()
    {
        if (enumerateRaw is not null)
        {
            foreach (var raw in enumerateRaw())
            {
                yield return ValueNormalizer.Normalize(raw);
            }

            yield break;
        }

        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
