namespace ShareFlow.Workflows.Expressions;

/// <summary>
/// A well-formed expression could not be evaluated against the given variables, e.g. a non-boolean operand of
/// <c>&amp;&amp;</c>, a division by zero or a comparison between a number and a string.
/// Messages name the failing sub-expression and its type, never variable values (they may be personal data).
/// </summary>
public sealed class ExpressionEvaluationException : InvalidOperationException
{
    public ExpressionEvaluationException()
    {
    }

    public ExpressionEvaluationException(string message)
        : base(message)
    {
    }

    public ExpressionEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ExpressionEvaluationException(string message, string expressionText, string subExpression, Exception? innerException = null)
        : base(message, innerException)
    {
        ExpressionText = expressionText;
        SubExpression = subExpression;
    }

    /// <summary>The whole expression text that was being evaluated.</summary>
    public string ExpressionText { get; } = string.Empty;

    /// <summary>The source text of the part that failed, e.g. <c>case.amount</c>.</summary>
    public string SubExpression { get; } = string.Empty;
}
