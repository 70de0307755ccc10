namespace ShareFlow.Workflows.Model;

/// <summary>
/// Text that is always an expression (a sequence-flow condition, a completion condition, a collection). It may be
/// written bare (<c>decision == 'approve'</c>) or wrapped in the JUEL style Camunda users are used to
/// (<c>${decision == 'approve'}</c>); <see cref="Body"/> is the expression without the wrapper.
/// </summary>
public sealed record ExpressionText
{
    public ExpressionText(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        Raw = raw;
        IsWrapped = TryUnwrap(raw, out var body);
        Body = IsWrapped ? body : raw.Trim();
    }

    /// <summary>The text as written in the document.</summary>
    public string Raw { get; }

    /// <summary>The expression to evaluate (without <c>${ }</c>, trimmed).</summary>
    public string Body { get; }

    /// <summary>Whether it was written as <c>${…}</c>.</summary>
    public bool IsWrapped { get; }

    public override string ToString() => Raw;

    /// <summary>Whether <paramref name="text"/> (trimmed) is <c>${…}</c>; <paramref name="body"/> is what is inside, trimmed.</summary>
    internal static bool TryUnwrap(string text, out string body)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length >= 3 && trimmed.StartsWith("${", StringComparison.Ordinal) && trimmed[^1] == '}')
        {
            body = trimmed[2..^1].Trim().ToString();
            return true;
        }

        body = string.Empty;
        return false;
    }
}

/// <summary>
/// An attribute value that is either a literal (<c>sf:candidateRole="reviewer"</c>) or, when written as <c>${…}</c>,
/// an expression evaluated at run time (<c>sf:candidateDepartment="${providerDepartment}"</c>).
/// </summary>
public sealed record LiteralOrExpression
{
    public LiteralOrExpression(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        Raw = raw;
        if (ExpressionText.TryUnwrap(raw, out _))
        {
            Expression = new ExpressionText(raw);
        }
    }

    /// <summary>The text as written in the document.</summary>
    public string Raw { get; }

    /// <summary>The expression, when the value is <c>${…}</c>; null for a literal.</summary>
    public ExpressionText? Expression { get; }

    public bool IsExpression => Expression is not null;

    /// <summary>The literal value, or null when the value is an expression.</summary>
    public string? Literal => IsExpression ? null : Raw;

    public override string ToString() => Raw;
}
