using System.Globalization;
using System.Text;

namespace ShareFlow.Workflows.Expressions;

/// <summary>
/// Splits the inside of one <c>${...}</c> into tokens, on demand, starting at a given offset of the whole text.
/// A '}' outside a string literal yields <see cref="TokenKind.CloseBrace"/>, which ends the embedded expression.
/// </summary>
internal sealed class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
        ["null"] = TokenKind.Null,
        ["or"] = TokenKind.Or,
        ["and"] = TokenKind.And,
        ["not"] = TokenKind.Not,
        ["empty"] = TokenKind.Empty,
        ["in"] = TokenKind.In,
        ["eq"] = TokenKind.Equal,
        ["ne"] = TokenKind.NotEqual,
        ["lt"] = TokenKind.Less,
        ["le"] = TokenKind.LessOrEqual,
        ["gt"] = TokenKind.Greater,
        ["ge"] = TokenKind.GreaterOrEqual,
        ["div"] = TokenKind.Slash,
        ["mod"] = TokenKind.Percent,
    };

    private readonly string _text;
    private int _position;

    public Lexer(string text, int position)
    {
        _text = text;
        _position = position;
    }

    public Token Read()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }

        if (_position >= _text.Length)
        {
            return new Token(TokenKind.End, _position, _position);
        }

        var start = _position;
        var c = _text[start];
        switch (c)
        {
            case '}': return Symbol(TokenKind.CloseBrace, 1);
            case '(': return Symbol(TokenKind.OpenParen, 1);
            case ')': return Symbol(TokenKind.CloseParen, 1);
            case '[': return Symbol(TokenKind.OpenBracket, 1);
            case ']': return Symbol(TokenKind.CloseBracket, 1);
            case '.': return Symbol(TokenKind.Dot, 1);
            case ',': return Symbol(TokenKind.Comma, 1);
            case '?': return Symbol(TokenKind.Question, 1);
            case ':': return Symbol(TokenKind.Colon, 1);
            case '+': return Symbol(TokenKind.Plus, 1);
            case '-': return Symbol(TokenKind.Minus, 1);
            case '*': return Symbol(TokenKind.Star, 1);
            case '/': return Symbol(TokenKind.Slash, 1);
            case '%': return Symbol(TokenKind.Percent, 1);
            case '<': return Peek(1) == '=' ? Symbol(TokenKind.LessOrEqual, 2) : Symbol(TokenKind.Less, 1);
            case '>': return Peek(1) == '=' ? Symbol(TokenKind.GreaterOrEqual, 2) : Symbol(TokenKind.Greater, 1);
            case '!': return Peek(1) == '=' ? Symbol(TokenKind.NotEqual, 2) : Symbol(TokenKind.Not, 1);
            case '=':
                return Peek(1) == '='
                    ? Symbol(TokenKind.Equal, 2)
                    : throw new ExpressionSyntaxException("Unexpected '='; compare with '=='", _text, start);
            case '&':
                return Peek(1) == '&'
                    ? Symbol(TokenKind.And, 2)
                    : throw new ExpressionSyntaxException("Unexpected '&'; use '&&' or 'and'", _text, start);
            case '|':
                return Peek(1) == '|'
                    ? Symbol(TokenKind.Or, 2)
                    : throw new ExpressionSyntaxException("Unexpected '|'; use '||' or 'or'", _text, start);
            case '\'' or '"':
                return ReadString(c);
            default:
                break;
        }

        if (char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }

        if (IsIdentifierStart(out var width))
        {
            return ReadWord(width);
        }

        throw new ExpressionSyntaxException(DescribeUnexpectedCharacter(start), _text, start);
    }

    private char Peek(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private Token Symbol(TokenKind kind, int length)
    {
        var start = _position;
        _position += length;
        return new Token(kind, start, _position);
    }

    private Token ReadString(char quote)
    {
        var start = _position;
        _position++;
        var value = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == quote)
            {
                _position++;
                return new Token(TokenKind.StringLiteral, start, _position, value.ToString());
            }

            if (c != '\\')
            {
                value.Append(c);
                _position++;
                continue;
            }

            var escapeStart = _position;
            var escaped = Peek(1);
            _position += 2;
            switch (escaped)
            {
                case '\\' or '\'' or '"':
                    value.Append(escaped);
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'u':
                    value.Append(ReadUnicodeEscape(escapeStart));
                    break;
                case '\0' when escapeStart + 1 >= _text.Length:
                    throw new ExpressionSyntaxException("Unterminated string literal", _text, start);
                default:
                    throw new ExpressionSyntaxException(
                        $"Unknown escape sequence '\\{escaped}' (use \\\\, \\', \\\", \\n, \\r, \\t or \\uXXXX)", _text, escapeStart);
            }
        }

        throw new ExpressionSyntaxException("Unterminated string literal", _text, start);
    }

    private char ReadUnicodeEscape(int escapeStart)
    {
        if (_position + 4 <= _text.Length
            && ushort.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            _position += 4;
            return (char)code;
        }

        throw new ExpressionSyntaxException("Escape '\\u' must be followed by four hexadecimal digits", _text, escapeStart);
    }

    private Token ReadNumber()
    {
        var start = _position;
        SkipDigits();
        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _position++;
            SkipDigits();
        }

        if (Peek(0) is 'e' or 'E'
            && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            _position += 2;
            SkipDigits();
        }

        var literal = _text.AsSpan(start, _position - start);
        if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            throw new ExpressionSyntaxException($"Number '{literal}' is out of range", _text, start);
        }

        return new Token(TokenKind.NumberLiteral, start, _position, Number: value);
    }

    private void SkipDigits()
    {
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }
    }

    private Token ReadWord(int firstWidth)
    {
        var start = _position;
        _position += firstWidth;
        while (_position < _text.Length && IsIdentifierPart(out var width))
        {
            _position += width;
        }

        var word = _text[start.._position];
        return new Token(Keywords.GetValueOrDefault(word, TokenKind.Identifier), start, _position, word);
    }

    // Identifiers may use any Unicode letter, so 审批结果 or 𠀀 (a surrogate pair) work as variable names.
    private bool IsIdentifierStart(out int width) =>
        TryReadRune(out var rune, out width) && (rune.Value == '_' || Rune.IsLetter(rune));

    private bool IsIdentifierPart(out int width) =>
        TryReadRune(out var rune, out width) && (rune.Value == '_' || Rune.IsLetterOrDigit(rune));

    private bool TryReadRune(out Rune rune, out int width) =>
        Rune.DecodeFromUtf16(_text.AsSpan(_position), out rune, out width) == System.Buffers.OperationStatus.Done;

    private string DescribeUnexpectedCharacter(int offset)
    {
        var c = _text[offset];
        var shown = char.IsSurrogate(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();

        // Chinese input methods produce full-width punctuation (（ ） ＝ ＇); name the ASCII character that was meant.
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return $"Unexpected full-width character '{shown}'; use the ASCII '{(char)(c - 0xFEE0)}'";
        }

        return c switch
        {
            '\u2018' or '\u2019' => $"Unexpected curly quote '{shown}'; quote strings with ASCII ' or \"",
            '\u201C' or '\u201D' => $"Unexpected curly quote '{shown}'; quote strings with ASCII ' or \"",
            '\u3002' => $"Unexpected '{shown}' (ideographic full stop); use '.'",
            '\u3001' => $"Unexpected '{shown}' (ideographic comma); use ','",
            _ => $"Unexpected character '{shown}'",
        };
    }
}
