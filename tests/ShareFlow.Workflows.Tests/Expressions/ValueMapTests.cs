using ShareFlow.Workflows.Expressions;

namespace ShareFlow.Workflows.Tests.Expressions;

public class ValueMapTests
{
    private static ValueMap Map(Dictionary<string, object?> source) =>
        new(source.Count, source.TryGetValue, () => source);

    [Fact]
    public void TryGetValue_PresentKey_NormalizesValue()
    {
        var map = Map(new() { ["a"] = 1L, ["b"] = null });

        Assert.True(map.TryGetValue("a", out var a));
        Assert.Equal(1m, a);
        Assert.True(map.TryGetValue("b", out var b));
        Assert.Null(b);
        Assert.False(map.TryGetValue("c", out _));
    }

    [Fact]
    public void Enumeration_YieldsNormalizedEntries()
    {
        var map = Map(new() { ["a"] = 1, ["b"] = 2.5f });

        Assert.Equal(["a", "b"], map.Keys);
        Assert.Equal([1m, 2.5m], map.Values);
        Assert.Equal(2, map.Count);
    }

    [Fact]
    public void Indexer_MissingKey_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => Map([])["x"]);
    }
}
