using ShareFlow.Workflows.Expressions;

namespace ShareFlow.Workflows.Tests.Expressions;

public class DictionaryVariableSourceTests
{
    [Fact]
    public void TryGetVariable_PresentAbsentAndNull_AreDistinguished()
    {
        var source = new DictionaryVariableSource(new Dictionary<string, object?>(StringComparer.Ordinal) { ["a"] = 1, ["n"] = null });

        Assert.True(source.TryGetVariable("a", out var a));
        Assert.Equal(1, a);
        Assert.True(source.TryGetVariable("n", out var n));
        Assert.Null(n);
        Assert.False(source.TryGetVariable("missing", out _));
    }

    [Fact]
    public void TryGetVariable_UsesDictionaryComparer()
    {
        var ordinal = new DictionaryVariableSource(new Dictionary<string, object?>(StringComparer.Ordinal) { ["Amount"] = 1 });
        var ignoreCase = new DictionaryVariableSource(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["Amount"] = 1 });

        Assert.False(ordinal.TryGetVariable("amount", out _));
        Assert.True(ignoreCase.TryGetVariable("amount", out _));
    }

    [Fact]
    public void Empty_HasNoVariables()
    {
        Assert.False(DictionaryVariableSource.Empty.TryGetVariable("x", out _));
    }

    [Fact]
    public void Constructor_NullDictionary_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new DictionaryVariableSource(null!));
    }
}
