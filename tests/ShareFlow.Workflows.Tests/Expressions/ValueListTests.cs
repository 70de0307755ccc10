using ShareFlow.Workflows.Expressions;

namespace ShareFlow.Workflows.Tests.Expressions;

public class ValueListTests
{
    [Fact]
    public void GetEnumerator_WithSourceEnumerator_UsesItAndNormalizes()
    {
        var indexed = 0;
        var list = new ValueList(2, i => { indexed++; return i; }, () => new object?[] { 10, 20 });

        Assert.Equal([10m, 20m], list);
        Assert.Equal(0, indexed);
    }

    [Fact]
    public void GetEnumerator_WithoutSourceEnumerator_UsesIndexer()
    {
        var list = new ValueList(3, i => i * 2);

        Assert.Equal([0m, 2m, 4m], list);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Indexer_OutOfRange_Throws(int index)
    {
        var list = new ValueList(3, i => i);

        Assert.Throws<ArgumentOutOfRangeException>(() => list[index]);
    }
}
