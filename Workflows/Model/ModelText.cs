namespace ShareFlow.Workflows.Model;

/// <summary>Text helpers shared by the parser's and the validator's messages.</summary>
internal static class ModelText
{
    /// <summary><paramref name="text"/> with its first letter in upper case, to start a sentence.</summary>
    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
