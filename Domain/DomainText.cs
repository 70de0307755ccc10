namespace ShareFlow.Domain;

/// <summary>The checks and the text clean-up the aggregates share: an illegal state or a missing text throws a <see cref="DomainException"/>.</summary>
internal static class DomainText
{
    /// <summary>The trimmed text, or null when it is null, empty or white space.</summary>
    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The trimmed text.</summary>
    /// <exception cref="DomainException">The text is null, empty or white space.</exception>
    public static string Required(string? text, string message) => Optional(text) ?? throw new DomainException(message);

    /// <summary>The trimmed text.</summary>
    /// <exception cref="DomainException">The text is null, empty or white space; the error names <paramref name="field"/>.</exception>
    public static string Required(string? text, string field, string message) => Optional(text) ?? throw new DomainException(field, message);

    /// <summary>The entries trimmed, without blanks and duplicates (ordinal), in their first order; none for null.</summary>
    public static List<string> Clean(IEnumerable<string>? items) =>
        [.. (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal)];

    /// <exception cref="DomainException">The condition does not hold.</exception>
    public static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(message);
        }
    }
}
