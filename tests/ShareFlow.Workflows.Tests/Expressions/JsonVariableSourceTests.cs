using System.Text.Json;
using ShareFlow.Workflows.Expressions;

namespace ShareFlow.Workflows.Tests.Expressions;

public class JsonVariableSourceTests
{
    [Fact]
    public void TryGetVariable_Property_IsVariable()
    {
        using var document = JsonDocument.Parse("{\"decision\": \"同意\", \"note\": null}");
        var source = new JsonVariableSource(document.RootElement);

        Assert.True(source.TryGetVariable("decision", out var decision));
        Assert.Equal("同意", Assert.IsType<JsonElement>(decision).GetString());
        Assert.True(source.TryGetVariable("note", out var note));
        Assert.Equal(JsonValueKind.Null, Assert.IsType<JsonElement>(note).ValueKind);
        Assert.False(source.TryGetVariable("missing", out _));
    }

    [Fact]
    public void TryGetVariable_IsCaseSensitive()
    {
        using var document = JsonDocument.Parse("{\"Decision\": 1}");

        Assert.False(new JsonVariableSource(document.RootElement).TryGetVariable("decision", out _));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("1")]
    [InlineData("null")]
    public void Constructor_NonObject_Throws(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Throws<ArgumentException>(() => new JsonVariableSource(document.RootElement));
    }

    [Fact]
    public void EvaluateCondition_OverStoredProcessVariables_ReadsThem()
    {
        using var document = JsonDocument.Parse("""{"decision": "approve", "case": {"amount": 20000, "level": "省级"}}""");
        var variables = new JsonVariableSource(document.RootElement);

        Assert.True(Expression.Parse("${decision == 'approve' && case.amount >= 10000}").EvaluateCondition(variables));
        Assert.True(Expression.Parse("${case.level in ['省级', '国家级']}").EvaluateCondition(variables));
        Assert.True(Expression.Parse("${absent == null}").EvaluateCondition(variables));
    }
}
