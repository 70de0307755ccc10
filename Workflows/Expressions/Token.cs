namespace ShareFlow.Workflows.Expressions;

/// <summary>
/// One token. <paramref name="Start"/> and <paramref name="End"/> are offsets into the whole text (end exclusive).
/// <paramref name="Text"/> is the name of an identifier or keyword, or the unescaped value of a string literal.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string? Text = null, decimal Number = 0m)
{
    /// <summary>Identifiers and keywords: either may follow a '.' as a member name.</summary>
    public bool IsWord => Text is not null && Kind != TokenKind.StringLiteral;
}
