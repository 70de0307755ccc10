using System.Runtime.CompilerServices;

namespace ShareFlow.Workflows.Expressions;

/// <summary>
/// Walks a syntax tree against a variable source. Values are normalized (see <see cref="ValueNormalizer"/>) as soon
/// as they are read, so operators only ever see null, bool, string, decimal, DateOnly, DateTimeOffset, lists and maps.
/// Semantics are strict on purpose: a type mismatch is an <see cref="ExpressionEvaluationException"/>, never a silent
/// coercion, because a misrouted approval is worse than a stopped one.
/// </summary>
internal sealed class Evaluator(string text, IVariableSource variables)
{
    public object? Evaluate(ExpressionNode node)
    {
        // The parser bounds nesting; this guards threads with small stacks against long left-deep operator chains.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return node switch
        {
            LiteralNode literal => literal.Value,
            TextNode textNode => textNode.Text,
            GroupNode group => Evaluate(group.Inner),
            VariableNode variable => ReadVariable(variable),
            MemberNode member => ReadMember(member),
            IndexNode index => ReadIndex(index),
            ListNode list => EvaluateList(list),
            UnaryNode unary => EvaluateUnary(unary),
            BinaryNode binary => EvaluateBinary(binary),
            ConditionalNode conditional => RequireBoolean(conditional.Test, "the condition of '?:'")
                ? Evaluate(conditional.WhenTrue)
                : Evaluate(conditional.WhenFalse),
            TemplateNode template => EvaluateTemplate(template),
            _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}."),
        };
    }

    /// <summary>Evaluates <paramref name="node"/> and requires true or false, naming <paramref name="role"/> otherwise.</summary>
    public bool RequireBoolean(ExpressionNode node, string role)
    {
        var value = Evaluate(node);
        return value is bool b
            ? b
            : throw Fail(node, $"'{Source(node)}' is {role} and must be true or false, but it evaluated to {ValueNormalizer.DescribeKind(value)}");
    }

    public string? FormatText(ExpressionNode node, object? value) => ValueNormalizer.TryFormat(value, out var formatted)
        ? formatted
        : throw Fail(node, $"'{Source(node)}' evaluated to {ValueNormalizer.DescribeKind(value)}, which has no text form");

    public ExpressionEvaluationException Fail(ExpressionNode node, string reason, Exception? inner = null) =>
        new($"{reason}, in '{ExpressionSyntaxException.Excerpt(text)}'", text, Source(node), inner);

    private string Source(ExpressionNode node) => text[node.Start..node.End];

    private object? Normalize(ExpressionNode node, object? raw)
    {
        try
        {
            return ValueNormalizer.Normalize(raw);
        }
        catch (NotSupportedException ex)
        {
            throw Fail(node, $"'{Source(node)}' cannot be used: {ex.Message}", ex);
        }
    }

    private object? ReadVariable(VariableNode variable) =>
        variables.TryGetVariable(variable.Name, out var raw) ? Normalize(variable, raw) : null;

    // Member access and indexing on null yield null rather than failing, like JUEL and like optional chaining:
    // `case.department.code == null` is a usable test even when `case` or `department` is absent.
    private object? ReadMember(MemberNode member)
    {
        var target = Evaluate(member.Target);
        return target switch
        {
            null => null,
            ValueMap map => ReadEntry(member, map, member.Member),
            _ => throw Fail(member, $"'{Source(member.Target)}' is {ValueNormalizer.DescribeKind(target)}, which has no member '{member.Member}'"),
        };
    }

    private object? ReadIndex(IndexNode index)
    {
        var target = Evaluate(index.Target);
        if (target is null)
        {
            return null;
        }

        var key = Evaluate(index.Index);
        switch (target, key)
        {
            case (ValueMap map, string name):
                return ReadEntry(index, map, name);
            case (ValueList list, decimal position) when decimal.IsInteger(position):
                // Out of range reads as null, like a missing map key.
                return position >= 0 && position < list.Count ? ReadElement(index, list, (int)position) : null;
            case (ValueList, _):
                throw Fail(index.Index, $"A list index must be a whole number, but '{Source(index.Index)}' is {DescribeIndex(key)}");
            case (ValueMap, _):
                throw Fail(index.Index, $"A map key must be a string, but '{Source(index.Index)}' is {ValueNormalizer.DescribeKind(key)}");
            default:
                throw Fail(index, $"'{Source(index.Target)}' is {ValueNormalizer.DescribeKind(target)}, which cannot be indexed");
        }
    }

    private static string DescribeIndex(object? key) => key is decimal ? "a fractional number" : ValueNormalizer.DescribeKind(key);

    private object? ReadEntry(ExpressionNode node, ValueMap map, string key)
    {
        try
        {
            return map.TryGetValue(key, out var value) ? value : null;
        }
        catch (NotSupportedException ex)
        {
            throw Fail(node, $"'{Source(node)}' cannot be used: {ex.Message}", ex);
        }
    }

    private object? ReadElement(ExpressionNode node, ValueList list, int position)
    {
        try
        {
            return list[position];
        }
        catch (NotSupportedException ex)
        {
            throw Fail(node, $"'{Source(node)}' cannot be used: {ex.Message}", ex);
        }
    }

    private ValueList EvaluateList(ListNode list)
    {
        var items = new object?[list.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Evaluate(list.Items[i]);
        }

        return new ValueList(items.Length, i => items[i], () => items);
    }

    private object? EvaluateUnary(UnaryNode unary) => unary.Operator switch
    {
        UnaryOperator.Not => !RequireBoolean(unary.Operand, $"the operand of '{unary.Spelling}'"),
        UnaryOperator.Negate => Negate(unary),
        _ => IsEmpty(Evaluate(unary.Operand)),
    };

    private decimal Negate(UnaryNode unary)
    {
        var operand = Evaluate(unary.Operand);
        return operand is decimal number
            ? -number
            : throw Fail(unary, $"'-' needs a number, but '{Source(unary.Operand)}' is {ValueNormalizer.DescribeKind(operand)}");
    }

    /// <summary><c>empty</c> is true for null, "", and an empty list or map; false for every other value.</summary>
    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        ValueList list => list.Count == 0,
        ValueMap map => map.Count == 0,
        _ => false,
    };

    private object? EvaluateBinary(BinaryNode binary)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.And:
                return RequireBoolean(binary.Left, $"an operand of '{binary.Spelling}'")
                    && RequireBoolean(binary.Right, $"an operand of '{binary.Spelling}'");
            case BinaryOperator.Or:
                return RequireBoolean(binary.Left, $"an operand of '{binary.Spelling}'")
                    || RequireBoolean(binary.Right, $"an operand of '{binary.Spelling}'");
            default:
                break;
        }

        var left = Evaluate(binary.Left);
        var right = Evaluate(binary.Right);
        return binary.Operator switch
        {
            BinaryOperator.Equal => AreEqual(binary, left, right),
            BinaryOperator.NotEqual => !AreEqual(binary, left, right),
            BinaryOperator.Less => Compare(binary, left, right) < 0,
            BinaryOperator.LessOrEqual => Compare(binary, left, right) <= 0,
            BinaryOperator.Greater => Compare(binary, left, right) > 0,
            BinaryOperator.GreaterOrEqual => Compare(binary, left, right) >= 0,
            BinaryOperator.In => Contains(binary, left, right),
            BinaryOperator.NotIn => !Contains(binary, left, right),
            _ => Arithmetic(binary, left, right),
        };
    }

    /// <summary>
    /// Equality without coercion: values of different kinds are unequal (<c>1 == '1'</c> is false), numbers compare by
    /// value whatever their scale (<c>1 == 1.0</c>), strings ordinally, date-times by instant.
    /// Lists and maps cannot be compared (use <c>empty</c> or <c>in</c>); comparing them with null is allowed.
    /// </summary>
    private bool AreEqual(BinaryNode binary, object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left is ValueList or ValueMap || right is ValueList or ValueMap)
        {
            var container = left is ValueList or ValueMap ? binary.Left : binary.Right;
            throw Fail(binary, $"'{Source(container)}' is {ValueNormalizer.DescribeKind(left is ValueList or ValueMap ? left : right)} "
                + $"and cannot be compared with '{binary.Spelling}'; use 'empty' or 'in'");
        }

        return ScalarEquals(left, right);
    }

    private static bool ScalarEquals(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (decimal a, decimal b) => a == b,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        (DateOnly a, DateOnly b) => a == b,
        (DateTimeOffset a, DateTimeOffset b) => a == b,
        _ => false,
    };

    private int Compare(BinaryNode binary, object? left, object? right) => (left, right) switch
    {
        (decimal a, decimal b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        _ => throw Fail(binary, $"'{binary.Spelling}' compares two numbers, two strings, two dates or two date-times, but "
            + $"'{Source(binary.Left)}' is {ValueNormalizer.DescribeKind(left)} and '{Source(binary.Right)}' is {ValueNormalizer.DescribeKind(right)}"),
    };

    /// <summary><c>x in list</c> tests membership with <c>==</c> semantics; <c>key in map</c> tests for a key.</summary>
    private bool Contains(BinaryNode binary, object? item, object? container)
    {
        try
        {
            switch (container)
            {
                case ValueList list:
                    foreach (var element in list)
                    {
                        if (ScalarEquals(item, element))
                        {
                            return true;
                        }
                    }

                    return false;
                case ValueMap map when item is string key:
                    return map.ContainsKey(key);
                case ValueMap:
                    throw Fail(binary, $"'{binary.Spelling}' on a map tests for a key, which must be a string, but "
                        + $"'{Source(binary.Left)}' is {ValueNormalizer.DescribeKind(item)}");
                default:
                    throw Fail(binary, $"The right side of '{binary.Spelling}' must be a list or a map, but "
                        + $"'{Source(binary.Right)}' is {ValueNormalizer.DescribeKind(container)}");
            }
        }
        catch (NotSupportedException ex)
        {
            throw Fail(binary.Right, $"'{Source(binary.Right)}' cannot be used: {ex.Message}", ex);
        }
    }

    private object Arithmetic(BinaryNode binary, object? left, object? right)
    {
        if (binary.Operator == BinaryOperator.Add && left is string a && right is string b)
        {
            return string.Concat(a, b);
        }

        if (left is not decimal x || right is not decimal y)
        {
            var needs = binary.Operator == BinaryOperator.Add ? "two numbers or two strings" : "two numbers";
            throw Fail(binary, $"'{binary.Spelling}' needs {needs}, but '{Source(binary.Left)}' is {ValueNormalizer.DescribeKind(left)} "
                + $"and '{Source(binary.Right)}' is {ValueNormalizer.DescribeKind(right)}");
        }

        if (y == 0 && binary.Operator is BinaryOperator.Divide or BinaryOperator.Remainder)
        {
            throw Fail(binary, $"Division by zero: '{Source(binary.Right)}' is 0");
        }

        try
        {
            return binary.Operator switch
            {
                BinaryOperator.Add => x + y,
                BinaryOperator.Subtract => x - y,
                BinaryOperator.Multiply => x * y,
                BinaryOperator.Divide => x / y,
                BinaryOperator.Remainder => x % y,
                _ => throw new InvalidOperationException($"Unexpected operator {binary.Operator}."),
            };
        }
        catch (OverflowException ex)
        {
            throw Fail(binary, $"'{Source(binary)}' overflows the decimal range", ex);
        }
    }

    private string EvaluateTemplate(TemplateNode template)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var part in template.Parts)
        {
            builder.Append(FormatText(part, Evaluate(part)));
        }

        return builder.ToString();
    }
}
