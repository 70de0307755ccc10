namespace ShareFlow.Workflows.Expressions;

/// <summary>How a text was written; lets the process validator reject, say, a condition that is plain text.</summary>
public enum ExpressionForm
{
    /// <summary>No <c>${</c> or <c>#{</c>: the text is the value, e.g. <c>provider-reviewer</c>.</summary>
    LiteralText,

    /// <summary>One <c>${...}</c> or <c>#{...}</c> spanning the whole text (surrounding whitespace ignored); evaluates to any value.</summary>
    Expression,

    /// <summary>Text mixed with expressions, e.g. <c>dept-${x}</c>; evaluates to the concatenated string.</summary>
    Template,
}
