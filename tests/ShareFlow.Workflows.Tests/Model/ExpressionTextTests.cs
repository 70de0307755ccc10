using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Tests.Model;

public class ExpressionTextTests
{
    [Theory]
    [InlineData("${decision == 'approve'}", "decision == 'approve'", true)]
    [InlineData("  ${ approved }  ", "approved", true)]
    [InlineData("approved", "approved", false)]
    [InlineData("  a > 1 ", "a > 1", false)]
    public void Constructor_Text_UnwrapsJuelStyle(string raw, string body, bool wrapped)
    {
        var expression = new ExpressionText(raw);

        Assert.Equal(raw, expression.Raw);
        Assert.Equal(body, expression.Body);
        Assert.Equal(wrapped, expression.IsWrapped);
    }

    [Theory]
    [InlineData("${}")]
    [InlineData("${ }")]
    public void Constructor_EmptyWrapper_HasEmptyBody(string raw)
    {
        Assert.Equal(string.Empty, new ExpressionText(raw).Body);
    }

    [Fact]
    public void LiteralOrExpression_Literal_HasNoExpression()
    {
        var value = new LiteralOrExpression("reviewer");

        Assert.False(value.IsExpression);
        Assert.Equal("reviewer", value.Literal);
        Assert.Null(value.Expression);
    }

    [Fact]
    public void LiteralOrExpression_Wrapped_IsExpression()
    {
        var value = new LiteralOrExpression("${providerDepartment}");

        Assert.True(value.IsExpression);
        Assert.Null(value.Literal);
        Assert.Equal("providerDepartment", value.Expression!.Body);
    }

    [Fact]
    public void LiteralOrExpression_MixedText_IsLiteral()
    {
        var value = new LiteralOrExpression("dept-${x}");

        Assert.False(value.IsExpression);
        Assert.Equal("dept-${x}", value.Literal);
    }
}
