using ShareFlow.Workflows.Expressions;

namespace ShareFlow.Workflows.Tests.Expressions;

public class LexerTests
{
    private static List<Token> Lex(string text)
    {
        var lexer = new Lexer(text, 0);
        var tokens = new List<Token>();
        while (true)
        {
            var token = lexer.Read();
            if (token.Kind == TokenKind.End)
            {
                return tokens;
            }

            tokens.Add(token);
        }
    }

    private static TokenKind[] Kinds(string text) => [.. Lex(text).Select(t => t.Kind)];

    [Fact]
    public void Read_Symbols_ProduceOneTokenEach()
    {
        var kinds = Kinds("( ) [ ] . , ? : + - * / % < <= > >= == != ! && || }");

        Assert.Equal(
            [
                TokenKind.OpenParen, TokenKind.CloseParen, TokenKind.OpenBracket, TokenKind.CloseBracket, TokenKind.Dot,
                TokenKind.Comma, TokenKind.Question, TokenKind.Colon, TokenKind.Plus, TokenKind.Minus, TokenKind.Star,
                TokenKind.Slash, TokenKind.Percent, TokenKind.Less, TokenKind.LessOrEqual, TokenKind.Greater,
                TokenKind.GreaterOrEqual, TokenKind.Equal, TokenKind.NotEqual, TokenKind.Not, TokenKind.And, TokenKind.Or,
                TokenKind.CloseBrace,
            ],
            kinds);
    }

    [Theory]
    [InlineData("and", nameof(TokenKind.And))]
    [InlineData("or", nameof(TokenKind.Or))]
    [InlineData("not", nameof(TokenKind.Not))]
    [InlineData("eq", nameof(TokenKind.Equal))]
    [InlineData("ne", nameof(TokenKind.NotEqual))]
    [InlineData("lt", nameof(TokenKind.Less))]
    [InlineData("le", nameof(TokenKind.LessOrEqual))]
    [InlineData("gt", nameof(TokenKind.Greater))]
    [InlineData("ge", nameof(TokenKind.GreaterOrEqual))]
    [InlineData("div", nameof(TokenKind.Slash))]
    [InlineData("mod", nameof(TokenKind.Percent))]
    [InlineData("in", nameof(TokenKind.In))]
    [InlineData("empty", nameof(TokenKind.Empty))]
    [InlineData("true", nameof(TokenKind.True))]
    [InlineData("false", nameof(TokenKind.False))]
    [InlineData("null", nameof(TokenKind.Null))]
    public void Read_Keyword_HasOperatorKind(string keyword, string expectedKind)
    {
        var token = Assert.Single(Lex(keyword));

        Assert.Equal(Enum.Parse<TokenKind>(expectedKind), token.Kind);
        Assert.True(token.IsWord);
    }

    [Theory]
    [InlineData("andx")]
    [InlineData("True")]
    [InlineData("NULL")]
    [InlineData("in_")]
    public void Read_WordThatOnlyResemblesKeyword_IsIdentifier(string word)
    {
        var token = Assert.Single(Lex(word));

        Assert.Equal(TokenKind.Identifier, token.Kind);
        Assert.Equal(word, token.Text);
    }

    [Theory]
    [InlineData("审批结果")]
    [InlineData("_x1")]
    [InlineData("部门2")]
    [InlineData("\U00020000\U00020001")]
    public void Read_UnicodeIdentifier_IsOneIdentifier(string name)
    {
        var token = Assert.Single(Lex(name));

        Assert.Equal(TokenKind.Identifier, token.Kind);
        Assert.Equal(name, token.Text);
        Assert.Equal(name.Length, token.End);
    }

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("\"abc\"", "abc")]
    [InlineData("'同意'", "同意")]
    [InlineData("''", "")]
    [InlineData(@"'it\'s'", "it's")]
    [InlineData(@"""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"'a\\b'", @"a\b")]
    [InlineData(@"'a\nb\tc\rd'", "a\nb\tc\rd")]
    [InlineData(@"'\u540C\u610F'", "同意")]
    [InlineData("'a}b'", "a}b")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    public void Read_StringLiteral_UnescapesValue(string literal, string expected)
    {
        var token = Assert.Single(Lex(literal));

        Assert.Equal(TokenKind.StringLiteral, token.Kind);
        Assert.Equal(expected, token.Text);
        Assert.False(token.IsWord);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("42", "42")]
    [InlineData("3.14", "3.14")]
    [InlineData("1.50", "1.50")]
    [InlineData("1e3", "1000")]
    [InlineData("2.5E-1", "0.25")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Read_NumberLiteral_ParsesDecimal(string literal, string expected)
    {
        var token = Assert.Single(Lex(literal));

        Assert.Equal(TokenKind.NumberLiteral, token.Kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), token.Number);
    }

    [Fact]
    public void Read_NumberFollowedByDotName_StopsBeforeDot()
    {
        Assert.Equal([TokenKind.NumberLiteral, TokenKind.Dot, TokenKind.Identifier], Kinds("1.x"));
    }

    [Fact]
    public void Read_Tokens_RecordOffsetsIntoWholeText()
    {
        var lexer = new Lexer("${ab  <= 'c'}", 2);

        var first = lexer.Read();
        var second = lexer.Read();
        var third = lexer.Read();
        var fourth = lexer.Read();

        Assert.Equal((2, 4), (first.Start, first.End));
        Assert.Equal((6, 8), (second.Start, second.End));
        Assert.Equal((9, 12), (third.Start, third.End));
        Assert.Equal(TokenKind.CloseBrace, fourth.Kind);
        Assert.Equal(12, fourth.Start);
    }

    [Fact]
    public void Read_FullWidthSpace_IsWhitespace()
    {
        Assert.Equal([TokenKind.Identifier, TokenKind.Equal, TokenKind.Identifier], Kinds("a\u3000==\u3000b"));
    }

    [Theory]
    [InlineData("'abc", "Unterminated string literal", 1)]
    [InlineData("x == \"abc", "Unterminated string literal", 6)]
    [InlineData(@"'abc\", "Unterminated string literal", 1)]
    [InlineData(@"'a\qb'", @"Unknown escape sequence '\q'", 3)]
    [InlineData(@"'\u12'", @"Escape '\u' must be followed by four hexadecimal digits", 2)]
    [InlineData("a = b", "Unexpected '='; compare with '=='", 3)]
    [InlineData("a & b", "Unexpected '&'; use '&&' or 'and'", 3)]
    [InlineData("a | b", "Unexpected '|'; use '||' or 'or'", 3)]
    [InlineData("a # b", "Unexpected character '#'", 3)]
    [InlineData("a == 1e99999", "Number '1e99999' is out of range", 6)]
    [InlineData("（a）", "Unexpected full-width character '（'; use the ASCII '('", 1)]
    [InlineData("a ＝＝ b", "Unexpected full-width character '＝'; use the ASCII '='", 3)]
    [InlineData("a == ‘b’", "Unexpected curly quote '‘'", 6)]
    [InlineData("a。b", "Unexpected '。' (ideographic full stop); use '.'", 2)]
    public void Read_InvalidInput_ThrowsWithColumn(string text, string reason, int column)
    {
        var ex = Assert.Throws<ExpressionSyntaxException>(() => Lex(text));

        Assert.StartsWith(reason, ex.Reason, StringComparison.Ordinal);
        Assert.Equal(column, ex.Column);
        Assert.Equal(text, ex.ExpressionText);
    }
}
