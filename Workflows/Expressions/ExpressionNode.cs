using System.Globalization;
using System.Text;

namespace ShareFlow.Workflows.Expressions;

/// <summary>
/// A node of the syntax tree. Nodes are immutable, so a parsed <see cref="Expression"/> can be cached and shared
/// across threads. <see cref="Start"/>/<see cref="End"/> locate the node's source text, which evaluation errors quote.
/// </summary>
internal abstract class ExpressionNode(int start, int end)
{
    public int Start { get; } = start;

    public int End { get; } = end;

    /// <summary>A canonical, fully parenthesised rendering: shows how the parser grouped the operators.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Render(builder);
        return builder.ToString();
    }

    internal abstract void Render(StringBuilder builder);

    internal static void RenderString(StringBuilder builder, string value)
    {
        builder.Append('\'');
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        builder.Append('\'');
    }
}

internal sealed class LiteralNode(object? value, int start, int end) : ExpressionNode(start, end)
{
    /// <summary>null, a bool, a string or a decimal.</summary>
    public object? Value { get; } = value;

    internal override void Render(StringBuilder builder)
    {
        switch (Value)
        {
            case null:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case string s:
                RenderString(builder, s);
                break;
            case decimal d:
                builder.Append(d.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException($"Unexpected literal {Value.GetType()}.");
        }
    }
}

internal sealed class ListNode(IReadOnlyList<ExpressionNode> items, int start, int end) : ExpressionNode(start, end)
{
    public IReadOnlyList<ExpressionNode> Items { get; } = items;

    internal override void Render(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Items[i].Render(builder);
        }

        builder.Append(']');
    }
}

/// <summary>A parenthesised expression: evaluates to its content, and keeps the parentheses in the quoted source span.</summary>
internal sealed class GroupNode(ExpressionNode inner, int start, int end) : ExpressionNode(start, end)
{
    public ExpressionNode Inner { get; } = inner;

    internal override void Render(StringBuilder builder) => Inner.Render(builder);
}

internal sealed class VariableNode(string name, int start, int end) : ExpressionNode(start, end)
{
    public string Name { get; } = name;

    internal override void Render(StringBuilder builder) => builder.Append(Name);
}

internal sealed class MemberNode(ExpressionNode target, string member, int start, int end) : ExpressionNode(start, end)
{
    public ExpressionNode Target { get; } = target;

    public string Member { get; } = member;

    internal override void Render(StringBuilder builder)
    {
        Target.Render(builder);
        builder.Append('.').Append(Member);
    }
}

internal sealed class IndexNode(ExpressionNode target, ExpressionNode index, int start, int end) : ExpressionNode(start, end)
{
    public ExpressionNode Target { get; } = target;

    public ExpressionNode Index { get; } = index;

    internal override void Render(StringBuilder builder)
    {
        Target.Render(builder);
        builder.Append('[');
        Index.Render(builder);
        builder.Append(']');
    }
}

internal enum UnaryOperator
{
    Not,
    Negate,
    Empty,
}

internal sealed class UnaryNode(UnaryOperator op, string spelling, ExpressionNode operand, int start, int end) : ExpressionNode(start, end)
{
    public UnaryOperator Operator { get; } = op;

    /// <summary>The operator as written (<c>!</c> or <c>not</c>), for error messages.</summary>
    public string Spelling { get; } = spelling;

    public ExpressionNode Operand { get; } = operand;

    internal override void Render(StringBuilder builder)
    {
        builder.Append('(').Append(Operator switch
        {
            UnaryOperator.Not => "!",
            UnaryOperator.Negate => "-",
            _ => "empty ",
        });
        Operand.Render(builder);
        builder.Append(')');
    }
}

internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    NotIn,
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
}

internal sealed class BinaryNode(BinaryOperator op, string spelling, ExpressionNode left, ExpressionNode right)
    : ExpressionNode(left.Start, right.End)
{
    public BinaryOperator Operator { get; } = op;

    /// <summary>The operator as written (<c>&amp;&amp;</c> or <c>and</c>), for error messages.</summary>
    public string Spelling { get; } = spelling;

    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    internal override void Render(StringBuilder builder)
    {
        builder.Append('(');
        Left.Render(builder);
        builder.Append(' ').Append(Symbol(Operator)).Append(' ');
        Right.Render(builder);
        builder.Append(')');
    }

    internal static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "||",
        BinaryOperator.And => "&&",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.In => "in",
        BinaryOperator.NotIn => "not in",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Remainder => "%",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}

internal sealed class ConditionalNode(ExpressionNode test, ExpressionNode whenTrue, ExpressionNode whenFalse)
    : ExpressionNode(test.Start, whenFalse.End)
{
    public ExpressionNode Test { get; } = test;

    public ExpressionNode WhenTrue { get; } = whenTrue;

    public ExpressionNode WhenFalse { get; } = whenFalse;

    internal override void Render(StringBuilder builder)
    {
        builder.Append('(');
        Test.Render(builder);
        builder.Append(" ? ");
        WhenTrue.Render(builder);
        builder.Append(" : ");
        WhenFalse.Render(builder);
        builder.Append(')');
    }
}

/// <summary>Literal text outside <c>${...}</c>, with <c>\${</c> escapes already resolved.</summary>
internal sealed class TextNode(string text, int start, int end) : ExpressionNode(start, end)
{
    public string Text { get; } = text;

    internal override void Render(StringBuilder builder) =>
        builder.Append(Text.Replace("${", "\\${", StringComparison.Ordinal).Replace("#{", "\\#{", StringComparison.Ordinal));
}

/// <summary>Mixed text such as <c>dept-${x}</c>: a sequence of <see cref="TextNode"/>s and embedded expressions.</summary>
internal sealed class TemplateNode(IReadOnlyList<ExpressionNode> parts, int start, int end) : ExpressionNode(start, end)
{
    public IReadOnlyList<ExpressionNode> Parts { get; } = parts;

    internal override void Render(StringBuilder builder)
    {
        foreach (var part in Parts)
        {
            if (part is TextNode)
            {
                part.Render(builder);
            }
            else
            {
                builder.Append("${");
                part.Render(builder);
                builder.Append('}');
            }
        }
    }
}
