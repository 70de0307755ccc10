using System.Globalization;

namespace ShareFlow.Workflows.Expressions;

/// <summary>The text of an expression is not valid; <see cref="Column"/> tells where.</summary>
public sealed class ExpressionSyntaxException : FormatException
{
    private const int ExcerptLength = 120;

    public ExpressionSyntaxException()
    {
    }

    public ExpressionSyntaxException(string message)
        : base(message)
    {
        Reason = message;
    }

    public ExpressionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    internal ExpressionSyntaxException(string reason, string expressionText, int offset)
        : base(string.Create(CultureInfo.InvariantCulture, $"{reason} at column {offset + 1} of '{Excerpt(expressionText)}'"))
    {
        Reason = reason;
        ExpressionText = expressionText;
        Column = offset + 1;
    }

    /// <summary>What is wrong, without the position, e.g. <c>Expected ')' but found '}'</c>.</summary>
    public string Reason { get; } = string.Empty;

    /// <summary>The whole text that was being parsed.</summary>
    public string ExpressionText { get; } = string.Empty;

    /// <summary>The 1-based column (UTF-16 code unit) of the problem; 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The text as quoted in messages: cut short so a 4,096-character input does not flood a log line.</summary>
    internal static string Excerpt(string text) =>
        text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength - 3), "...");
}
