using System.Collections.Frozen;
using System.Text;

namespace ShareFlow.Workflows.Expressions;

/// <summary>
/// Recursive-descent parser with JUEL precedence, lowest first:
/// <c>?:</c>, <c>|| or</c>, <c>&amp;&amp; and</c>, <c>== != eq ne</c>, <c>&lt; &lt;= &gt; &gt;= lt le gt ge in, not in</c>,
/// <c>+ -</c>, <c>* / % div mod</c>, prefix <c>! not - empty</c>, then <c>.member</c> and <c>[index]</c>.
/// Binary operators are left-associative and parsed in loops; recursion only happens for nesting, which
/// <see cref="ExpressionLimits.MaxNestingDepth"/> bounds, so no input can overflow the stack.
/// </summary>
internal sealed class Parser
{
    private readonly string _text;
    private readonly Lexer _lexer;
    private readonly HashSet<string> _variables;
    private Token _current;
    private int _depth;

    private Parser(string text, int position, HashSet<string> variables)
    {
        _text = text;
        _lexer = new Lexer(text, position);
        _variables = variables;
        _current = _lexer.Read();
    }

    public static ParseResult ParseText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > ExpressionLimits.MaxTextLength)
        {
            throw new ExpressionSyntaxException(
                $"Expression text is {text.Length} characters long; the maximum is {ExpressionLimits.MaxTextLength}",
                text,
                ExpressionLimits.MaxTextLength);
        }

        var variables = new HashSet<string>(StringComparer.Ordinal);
        var parts = new List<ExpressionNode>();
        var literal = new StringBuilder();
        var literalStart = 0;
        var textIsBlank = true;
        ExpressionNode? firstExpression = null;
        var expressionCount = 0;
        var position = 0;
        while (position < text.Length)
        {
            if (text[position] == '\\' && IsOpening(text, position + 1))
            {
                // \${ and \#{ write the opening characters literally.
                literal.Append(text, position + 1, 2);
                position += 3;
            }
            else if (IsOpening(text, position))
            {
                FlushLiteral(position);
                var parser = new Parser(text, position + 2, variables);
                var embedded = parser.ParseEmbedded(position);
                parts.Add(embedded);
                firstExpression ??= embedded;
                expressionCount++;
                position = parser._current.End;
                literalStart = position;
            }
            else
            {
                literal.Append(text[position]);
                position++;
            }
        }

        FlushLiteral(text.Length);
        var frozenVariables = variables.ToFrozenSet(StringComparer.Ordinal);
        if (firstExpression is null)
        {
            var value = parts.Count == 0 ? string.Empty : ((TextNode)parts[0]).Text;
            return new ParseResult(new TextNode(value, 0, text.Length), ExpressionForm.LiteralText, frozenVariables);
        }

        // Whitespace around a single ${...} is layout (a condition on its own line in BPMN XML), not text.
        if (expressionCount == 1 && textIsBlank)
        {
            return new ParseResult(firstExpression, ExpressionForm.Expression, frozenVariables);
        }

        return new ParseResult(new TemplateNode(parts, 0, text.Length), ExpressionForm.Template, frozenVariables);

        void FlushLiteral(int end)
        {
            if (literal.Length > 0)
            {
                var value = literal.ToString();
                textIsBlank &= string.IsNullOrWhiteSpace(value);
                parts.Add(new TextNode(value, literalStart, end));
                literal.Clear();
            }
        }
    }

    private static bool IsOpening(string text, int position) =>
        position + 1 < text.Length && text[position] is '$' or '#' && text[position + 1] == '{';

    /// <summary>Parses one embedded expression and stops on its closing '}' without reading past it.</summary>
    private ExpressionNode ParseEmbedded(int openOffset)
    {
        var node = ParseConditional();
        if (_current.Kind == TokenKind.CloseBrace)
        {
            return node;
        }

        if (_current.Kind == TokenKind.End)
        {
            throw Error($"Expected '}}' to close the '{_text[openOffset]}{{' at column {openOffset + 1} but reached the end of the text", _current);
        }

        throw Error($"Expected an operator or '}}' but found {Describe(_current)}", _current);
    }

    private ExpressionNode ParseConditional()
    {
        var test = ParseOr();
        if (_current.Kind != TokenKind.Question)
        {
            return test;
        }

        var question = _current;
        Advance();
        var whenTrue = ParseNested(question);
        if (_current.Kind != TokenKind.Colon)
        {
            throw Error($"Expected ':' for the '?' at column {question.Start + 1} but found {Describe(_current)}", _current);
        }

        var colon = _current;
        Advance();
        var whenFalse = ParseNested(colon);
        return new ConditionalNode(test, whenTrue, whenFalse);
    }

    private ExpressionNode ParseNested(Token opener)
    {
        Enter(opener);
        var node = ParseConditional();
        _depth--;
        return node;
    }

    private void Enter(Token opener)
    {
        if (++_depth > ExpressionLimits.MaxNestingDepth)
        {
            throw Error($"Expression is nested more than {ExpressionLimits.MaxNestingDepth} levels deep", opener);
        }
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (_current.Kind == TokenKind.Or)
        {
            var spelling = Spelling(_current);
            Advance();
            left = new BinaryNode(BinaryOperator.Or, spelling, left, ParseAnd());
        }

        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseEquality();
        while (_current.Kind == TokenKind.And)
        {
            var spelling = Spelling(_current);
            Advance();
            left = new BinaryNode(BinaryOperator.And, spelling, left, ParseEquality());
        }

        return left;
    }

    private ExpressionNode ParseEquality()
    {
        var left = ParseRelational();
        while (_current.Kind is TokenKind.Equal or TokenKind.NotEqual)
        {
            var op = _current.Kind == TokenKind.Equal ? BinaryOperator.Equal : BinaryOperator.NotEqual;
            var spelling = Spelling(_current);
            Advance();
            left = new BinaryNode(op, spelling, left, ParseRelational());
        }

        return left;
    }

    private ExpressionNode ParseRelational()
    {
        var left = ParseAdditive();
        while (true)
        {
            BinaryOperator op;
            switch (_current.Kind)
            {
                case TokenKind.Less:
                    op = BinaryOperator.Less;
                    break;
                case TokenKind.LessOrEqual:
                    op = BinaryOperator.LessOrEqual;
                    break;
                case TokenKind.Greater:
                    op = BinaryOperator.Greater;
                    break;
                case TokenKind.GreaterOrEqual:
                    op = BinaryOperator.GreaterOrEqual;
                    break;
                case TokenKind.In:
                    op = BinaryOperator.In;
                    break;
                case TokenKind.Not when _current.Text == "not":
                    op = BinaryOperator.NotIn;
                    break;
                default:
                    return left;
            }

            var spelling = Spelling(_current);
            if (op == BinaryOperator.NotIn)
            {
                Advance();
                if (_current.Kind != TokenKind.In)
                {
                    throw Error($"Expected 'in' after 'not' but found {Describe(_current)}", _current);
                }

                spelling = "not in";
            }

            Advance();
            left = new BinaryNode(op, spelling, left, ParseAdditive());
        }
    }

    private ExpressionNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (_current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = _current.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            var spelling = Spelling(_current);
            Advance();
            left = new BinaryNode(op, spelling, left, ParseMultiplicative());
        }

        return left;
    }

    private ExpressionNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (_current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = _current.Kind switch
            {
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Remainder,
            };
            var spelling = Spelling(_current);
            Advance();
            left = new BinaryNode(op, spelling, left, ParseUnary());
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        UnaryOperator op;
        switch (_current.Kind)
        {
            case TokenKind.Not:
                op = UnaryOperator.Not;
                break;
            case TokenKind.Minus:
                op = UnaryOperator.Negate;
                break;
            case TokenKind.Empty:
                op = UnaryOperator.Empty;
                break;
            default:
                return ParsePostfix();
        }

        var token = _current;
        Advance();
        Enter(token);
        var operand = ParseUnary();
        _depth--;
        return new UnaryNode(op, Spelling(token), operand, token.Start, operand.End);
    }

    private ExpressionNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (_current.Kind == TokenKind.Dot)
            {
                Advance();
                if (!_current.IsWord)
                {
                    throw Error($"Expected a member name after '.' but found {Describe(_current)}", _current);
                }

                node = new MemberNode(node, _current.Text!, node.Start, _current.End);
                Advance();
            }
            else if (_current.Kind == TokenKind.OpenBracket)
            {
                var open = _current;
                Advance();
                var index = ParseNested(open);
                Expect(TokenKind.CloseBracket, "']'");
                node = new IndexNode(node, index, node.Start, _current.End);
                Advance();
            }
            else
            {
                return node;
            }
        }
    }

    private ExpressionNode ParsePrimary()
    {
        var token = _current;
        switch (token.Kind)
        {
            case TokenKind.NumberLiteral:
                Advance();
                return new LiteralNode(token.Number, token.Start, token.End);
            case TokenKind.StringLiteral:
                Advance();
                return new LiteralNode(token.Text, token.Start, token.End);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralNode(token.Kind == TokenKind.True, token.Start, token.End);
            case TokenKind.Null:
                Advance();
                return new LiteralNode(null, token.Start, token.End);
            case TokenKind.Identifier:
                Advance();
                _variables.Add(token.Text!);
                return new VariableNode(token.Text!, token.Start, token.End);
            case TokenKind.OpenParen:
                Advance();
                var inner = ParseNested(token);
                Expect(TokenKind.CloseParen, "')'");
                var group = new GroupNode(inner, token.Start, _current.End);
                Advance();
                return group;
            case TokenKind.OpenBracket:
                return ParseList(token);
            case TokenKind.End or TokenKind.CloseBrace:
                throw Error($"Expected a value but found {Describe(token)}", token);
            default:
                var hint = token.IsWord ? $" ('{token.Text}' is a reserved word)" : string.Empty;
                throw Error($"Expected a value but found {Describe(token)}{hint}", token);
        }
    }

    private ListNode ParseList(Token open)
    {
        Advance();
        var items = new List<ExpressionNode>();
        if (_current.Kind != TokenKind.CloseBracket)
        {
            while (true)
            {
                items.Add(ParseNested(open));
                if (_current.Kind != TokenKind.Comma)
                {
                    break;
                }

                Advance();
            }

            Expect(TokenKind.CloseBracket, "',' or ']'");
        }

        var end = _current.End;
        Advance();
        return new ListNode(items, open.Start, end);
    }

    private void Advance() => _current = _lexer.Read();

    private void Expect(TokenKind kind, string what)
    {
        if (_current.Kind != kind)
        {
            throw Error($"Expected {what} but found {Describe(_current)}", _current);
        }
    }

    private string Spelling(Token token) => _text[token.Start..token.End];

    private string Describe(Token token)
    {
        if (token.Kind == TokenKind.End)
        {
            return "the end of the text";
        }

        const int MaxShown = 24;
        var shown = token.End - token.Start <= MaxShown ? Spelling(token) : string.Concat(_text.AsSpan(token.Start, MaxShown), "...");
        return $"'{shown}'";
    }

    private ExpressionSyntaxException Error(string reason, Token at) => new(reason, _text, at.Start);

    internal sealed record ParseResult(ExpressionNode Root, ExpressionForm Form, FrozenSet<string> Variables);
}
