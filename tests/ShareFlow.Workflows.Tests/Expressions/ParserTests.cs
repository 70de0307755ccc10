using ShareFlow.Workflows.Expressions;

namespace ShareFlow.Workflows.Tests.Expressions;

public class ParserTests
{
    private static string Tree(string inner) => Parser.ParseText("${" + inner + "}").Root.ToString();

    private static ExpressionSyntaxException SyntaxError(string text) =>
        Assert.Throws<ExpressionSyntaxException>(() => Parser.ParseText(text));

    [Theory]
    [InlineData("a || b && c", "(a || (b && c))")]
    [InlineData("a && b || c", "((a && b) || c)")]
    [InlineData("a || b || c", "((a || b) || c)")]
    [InlineData("a == b && c != d", "((a == b) && (c != d))")]
    [InlineData("a < b == c > d", "((a < b) == (c > d))")]
    [InlineData("a <= b != c >= d", "((a <= b) != (c >= d))")]
    [InlineData("a + b * c", "(a + (b * c))")]
    [InlineData("a * b + c", "((a * b) + c)")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b % c * d", "(((a / b) % c) * d)")]
    [InlineData("a + b < c - d", "((a + b) < (c - d))")]
    [InlineData("(a || b) && c", "((a || b) && c)")]
    [InlineData("a * (b + c)", "(a * (b + c))")]
    [InlineData("!a && b", "((!a) && b)")]
    [InlineData("!!a", "(!(!a))")]
    [InlineData("-a * b", "((-a) * b)")]
    [InlineData("- -a", "(-(-a))")]
    [InlineData("a - -1", "(a - (-1))")]
    [InlineData("empty a || b", "((empty a) || b)")]
    [InlineData("!empty a.b", "(!(empty a.b))")]
    [InlineData("a.b[0].c", "a.b[0].c")]
    [InlineData("a[b[0]]['k']", "a[b[0]]['k']")]
    [InlineData("a ? b : c", "(a ? b : c)")]
    [InlineData("a ? b : c ? d : e", "(a ? b : (c ? d : e))")]
    [InlineData("a ? b ? c : d : e", "(a ? (b ? c : d) : e)")]
    [InlineData("a || b ? c + 1 : d", "((a || b) ? (c + 1) : d)")]
    [InlineData("x in ['a', 'b'] && y", "((x in ['a', 'b']) && y)")]
    [InlineData("a + b in c", "((a + b) in c)")]
    [InlineData("x not in list || y", "((x not in list) || y)")]
    [InlineData("x in a == true", "((x in a) == true)")]
    public void ParseText_Operators_FollowJuelPrecedence(string inner, string expected)
    {
        Assert.Equal(expected, Tree(inner));
    }

    [Fact]
    public void ParseText_NotBeforeComparison_BindsToOperandAsInJuel()
    {
        // JUEL gives 'not' a higher precedence than '==': this is (not a) == b, which fails at run time unless a is a boolean.
        Assert.Equal("((!a) == b)", Tree("not a == b"));
    }

    [Theory]
    [InlineData("a and b or not c", "a && b || !c")]
    [InlineData("a eq b", "a == b")]
    [InlineData("a ne b", "a != b")]
    [InlineData("a lt b", "a < b")]
    [InlineData("a le b", "a <= b")]
    [InlineData("a gt b", "a > b")]
    [InlineData("a ge b", "a >= b")]
    [InlineData("a div b mod c", "a / b % c")]
    [InlineData("a gt 1 and b le 2", "a > 1 && b <= 2")]
    public void ParseText_KeywordOperators_BuildSameTreeAsSymbols(string keywords, string symbols)
    {
        Assert.Equal(Tree(symbols), Tree(keywords));
    }

    [Theory]
    [InlineData("'it\\'s'", "'it\\'s'")]
    [InlineData("\"double\"", "'double'")]
    [InlineData("1.50", "1.50")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("[]", "[]")]
    [InlineData("[1, 'a', [true, null]]", "[1, 'a', [true, null]]")]
    [InlineData("'同意'", "'同意'")]
    public void ParseText_Literals_RoundTrip(string inner, string expected)
    {
        Assert.Equal(expected, Tree(inner));
    }

    [Fact]
    public void ParseText_KeywordAfterDot_IsMemberName()
    {
        Assert.Equal("a.empty.in.not", Tree("a.empty.in.not"));
    }

    [Theory]
    [InlineData("provider-reviewer", "provider-reviewer")]
    [InlineData("", "")]
    [InlineData("price $5 {x}", "price $5 {x}")]
    [InlineData("cost: \\${x}", "cost: ${x}")]
    [InlineData("a \\#{b} c", "a #{b} c")]
    [InlineData(@"C:\dir\file", @"C:\dir\file")]
    public void ParseText_TextWithoutOpening_IsLiteralText(string text, string value)
    {
        var result = Parser.ParseText(text);

        Assert.Equal(ExpressionForm.LiteralText, result.Form);
        Assert.Equal(value, Assert.IsType<TextNode>(result.Root).Text);
        Assert.Empty(result.Variables);
    }

    [Theory]
    [InlineData("${x}")]
    [InlineData("#{x}")]
    [InlineData("  ${x}  ")]
    [InlineData("\n    ${x}\n  ")]
    [InlineData("${ x }")]
    public void ParseText_SingleEmbeddedExpression_IsExpression(string text)
    {
        var result = Parser.ParseText(text);

        Assert.Equal(ExpressionForm.Expression, result.Form);
        Assert.Equal("x", Assert.IsType<VariableNode>(result.Root).Name);
    }

    [Fact]
    public void ParseText_StringLiteralHoldingOpening_IsExpression()
    {
        var result = Parser.ParseText("${'${x}'}");

        Assert.Equal(ExpressionForm.Expression, result.Form);
        Assert.Equal("${x}", Assert.IsType<LiteralNode>(result.Root).Value);
    }

    [Theory]
    [InlineData("dept-${x}", "dept-${x}")]
    [InlineData("${a}${b}", "${a}${b}")]
    [InlineData("${a}-#{b}!", "${a}-${b}!")]
    [InlineData("x ${'a'}", "x ${'a'}")]
    [InlineData("\\${literal} ${x}", "\\${literal} ${x}")]
    [InlineData("${a + 1} of ${b}", "${(a + 1)} of ${b}")]
    public void ParseText_MixedText_IsTemplate(string text, string rendered)
    {
        var result = Parser.ParseText(text);

        Assert.Equal(ExpressionForm.Template, result.Form);
        Assert.Equal(rendered, Assert.IsType<TemplateNode>(result.Root).ToString());
    }

    [Theory]
    [InlineData("${case.amount > limit && case.type in allowed}", new[] { "case", "limit", "allowed" })]
    [InlineData("${m[key].x}", new[] { "m", "key" })]
    [InlineData("dept-${dept}-${region}-${dept}", new[] { "dept", "region" })]
    [InlineData("${'x' == \"y\"}", new string[0])]
    [InlineData("${审批结果 == '同意'}", new[] { "审批结果" })]
    public void ParseText_Variables_AreRootIdentifiers(string text, string[] expected)
    {
        var result = Parser.ParseText(text);

        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Variables.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("${a == (b}", "Expected ')' but found '}'", 10)]
    [InlineData("${}", "Expected a value but found '}'", 3)]
    [InlineData("${a == b", "Expected '}' to close the '${' at column 1 but reached the end of the text", 9)]
    [InlineData("dept-#{x", "Expected '}' to close the '#{' at column 6 but reached the end of the text", 9)]
    [InlineData("${a b}", "Expected an operator or '}' but found 'b'", 5)]
    [InlineData("${a ? b}", "Expected ':' for the '?' at column 5 but found '}'", 8)]
    [InlineData("${x not y}", "Expected 'in' after 'not' but found 'y'", 9)]
    [InlineData("${x ! in y}", "Expected an operator or '}' but found '!'", 5)]
    [InlineData("${['a',]}", "Expected a value but found ']'", 8)]
    [InlineData("${['a' 'b']}", "Expected ',' or ']' but found ''b''", 8)]
    [InlineData("${a.}", "Expected a member name after '.' but found '}'", 5)]
    [InlineData("${a.'b'}", "Expected a member name after '.' but found ''b''", 5)]
    [InlineData("${a[0}", "Expected ']' but found '}'", 6)]
    [InlineData("${a +}", "Expected a value but found '}'", 6)]
    [InlineData("${and}", "Expected a value but found 'and' ('and' is a reserved word)", 3)]
    [InlineData("${a == 'x'} and ${b ==}", "Expected a value but found '}'", 23)]
    public void ParseText_InvalidExpression_ReportsReasonAndColumn(string text, string reason, int column)
    {
        var ex = SyntaxError(text);

        Assert.StartsWith(reason, ex.Reason, StringComparison.Ordinal);
        Assert.Equal(column, ex.Column);
    }

    [Fact]
    public void ParseText_InvalidExpression_MessageQuotesColumnAndText()
    {
        var ex = SyntaxError("${a == (b}");

        Assert.Equal("Expected ')' but found '}' at column 10 of '${a == (b}'", ex.Message);
    }

    [Fact]
    public void ParseText_LongFoundToken_IsShortenedInReason()
    {
        var ex = SyntaxError("${a 'this string is far too long to quote'}");

        Assert.Equal("Expected an operator or '}' but found ''this string is far too ...'", ex.Reason);
    }

    private static string Nest(string open, string inner, string close, int depth) =>
        "${" + string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth)) + "}";

    [Theory]
    [InlineData("(", "x", ")")]
    [InlineData("!", "x", "")]
    [InlineData("-", "x", "")]
    [InlineData("empty ", "x", "")]
    [InlineData("[", "x", "]")]
    [InlineData("a[", "0", "]")]
    [InlineData("c ? x : ", "y", "")]
    public void ParseText_NestingAtLimit_Parses(string open, string inner, string close)
    {
        var text = Nest(open, inner, close, ExpressionLimits.MaxNestingDepth);

        Assert.Equal(ExpressionForm.Expression, Parser.ParseText(text).Form);
    }

    [Theory]
    [InlineData("(", "x", ")")]
    [InlineData("!", "x", "")]
    [InlineData("-", "x", "")]
    [InlineData("empty ", "x", "")]
    [InlineData("[", "x", "]")]
    [InlineData("a[", "0", "]")]
    [InlineData("c ? x : ", "y", "")]
    public void ParseText_NestingBeyondLimit_Throws(string open, string inner, string close)
    {
        var ex = SyntaxError(Nest(open, inner, close, ExpressionLimits.MaxNestingDepth + 1));

        Assert.Equal("Expression is nested more than 64 levels deep", ex.Reason);
    }

    [Fact]
    public void ParseText_NestingBeyondLimit_PointsAtFirstTooDeepOpener()
    {
        var ex = SyntaxError(Nest("(", "x", ")", ExpressionLimits.MaxNestingDepth + 1));

        // "${" takes columns 1-2; the 65th '(' is at column 67.
        Assert.Equal(67, ex.Column);
    }

    [Fact]
    public void ParseText_ThousandsOfOpenParentheses_FailsCleanlyWithoutStackOverflow()
    {
        var text = "${" + new string('(', 4000) + "}";

        var ex = SyntaxError(text);

        Assert.Equal("Expression is nested more than 64 levels deep", ex.Reason);
    }

    [Fact]
    public void ParseText_LongOperatorChain_IsNotLimitedByNesting()
    {
        var text = "${" + string.Join(" || ", Enumerable.Repeat("a", 800)) + "}";

        var root = Parser.ParseText(text).Root;

        Assert.Equal(BinaryOperator.Or, Assert.IsType<BinaryNode>(root).Operator);
    }

    [Fact]
    public void ParseText_TextAtLengthLimit_Parses()
    {
        var text = new string('x', ExpressionLimits.MaxTextLength);

        Assert.Equal(ExpressionForm.LiteralText, Parser.ParseText(text).Form);
    }

    [Fact]
    public void ParseText_TextBeyondLengthLimit_Throws()
    {
        var text = "${" + new string('x', ExpressionLimits.MaxTextLength) + "}";

        var ex = SyntaxError(text);

        Assert.Equal("Expression text is 4099 characters long; the maximum is 4096", ex.Reason);
        Assert.Equal(4097, ex.Column);
        Assert.EndsWith("xxx...'", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 250);
    }
}
