using System.Diagnostics.CodeAnalysis;

namespace ShareFlow.Workflows.Expressions;

/// <summary>
/// A parsed JUEL-style expression as written in BPMN attributes: <c>${decision == 'approve'}</c> (or <c>#{...}</c>),
/// plain text (<c>provider-reviewer</c>), or a template mixing both (<c>dept-${case.department}</c>).
/// Parsing happens once; instances are immutable and thread-safe, so callers may cache them per definition.
/// Evaluation walks the syntax tree: nothing is compiled, and nothing is reached through reflection.
/// </summary>
/// <remarks>
/// Reading rules: an absent variable is null; a member or index of null is null (so
/// <c>${case.department.code == null}</c> works when <c>case</c> is absent); a missing map key or an out-of-range list
/// index is null. Operators are strict: <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, <c>?:</c> and conditions need real
/// booleans, and values of different kinds are never coerced (<c>1 == '1'</c> is false, <c>1 &lt; '2'</c> fails).
/// </remarks>
public sealed class Expression
{
    private readonly ExpressionNode _root;

    private Expression(string text, Parser.ParseResult parsed)
    {
        Text = text;
        _root = parsed.Root;
        Form = parsed.Form;
        ReferencedVariables = parsed.Variables;
    }

    /// <summary>The source text, exactly as given to <see cref="Parse"/>.</summary>
    public string Text { get; }

    public ExpressionForm Form { get; }

    /// <summary>The root variable names the text reads (<c>case</c> for <c>case.amount</c>), for validators and designers.</summary>
    public IReadOnlySet<string> ReferencedVariables { get; }

    /// <exception cref="ExpressionSyntaxException">The text is not valid; the message gives the 1-based column.</exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Expression(text, Parser.ParseText(text));
    }

    /// <summary>Parses without throwing for invalid text; <paramref name="error"/> then carries the reason and column.</summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out Expression? expression,
        [NotNullWhen(false)] out ExpressionSyntaxException? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (ExpressionSyntaxException ex)
        {
            expression = null;
            error = ex;
            return false;
        }
    }

    /// <summary>
    /// The value: null, <see cref="bool"/>, <see cref="string"/>, <see cref="decimal"/> (all numbers),
    /// <see cref="DateOnly"/>, <see cref="DateTimeOffset"/>, <see cref="IReadOnlyList{T}"/> or
    /// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of those. Literal text and templates yield a string.
    /// Lists and maps are live views of the variables' own containers and are valid as long as those are.
    /// </summary>
    /// <exception cref="ExpressionEvaluationException">An operator met a value it does not accept.</exception>
    public object? Evaluate(IVariableSource variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var evaluator = new Evaluator(Text, variables);
        try
        {
            return evaluator.Evaluate(_root);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw evaluator.Fail(_root, "The expression is too deeply nested to evaluate on this thread", ex);
        }
    }

    /// <summary>Evaluates a sequence-flow or gateway condition, which must yield true or false (null is an error too).</summary>
    /// <exception cref="ExpressionEvaluationException">Evaluation failed or did not yield a boolean.</exception>
    public bool EvaluateCondition(IVariableSource variables)
    {
        var value = Evaluate(variables);
        return value is bool result
            ? result
            : throw new ExpressionEvaluationException(
                $"Condition '{ExpressionSyntaxException.Excerpt(Text)}' evaluated to {ValueNormalizer.DescribeKind(value)}, not true/false",
                Text,
                Text);
    }

    /// <summary>
    /// Evaluates to text, e.g. for an assignee or candidate group: strings as they are, numbers in invariant culture,
    /// booleans as <c>true</c>/<c>false</c>, dates in ISO 8601; null stays null (inside a template it becomes "").
    /// </summary>
    /// <exception cref="ExpressionEvaluationException">Evaluation failed or yielded a list or map.</exception>
    public string? EvaluateString(IVariableSource variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var value = Evaluate(variables);
        return new Evaluator(Text, variables).FormatText(_root, value);
    }

    public override string ToString() => Text;
}
