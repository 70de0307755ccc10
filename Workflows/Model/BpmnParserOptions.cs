namespace ShareFlow.Workflows.Model;

/// <summary>Limits applied when parsing untrusted BPMN documents.</summary>
public sealed record BpmnParserOptions
{
    /// <summary>2 MiB of characters: far more than any hand-drawn approval process with its diagram.</summary>
    public const long DefaultMaxCharactersInDocument = 2 * 1024 * 1024;

    public static BpmnParserOptions Default { get; } = new();

    /// <summary>The largest document accepted, in characters (diagram interchange included).</summary>
    public long MaxCharactersInDocument { get; init; } = DefaultMaxCharactersInDocument;

    /// <summary>How deeply embedded sub-processes may nest.</summary>
    public int MaxSubProcessDepth { get; init; } = 16;
}
