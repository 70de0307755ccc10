namespace ShareFlow.Workflows.Model;

/// <summary>
/// A BPMN document could not be imported: it is not well-formed or safe XML, not a BPMN 2.0 document, or it uses an
/// element or attribute value ShareFlow does not support. <see cref="ElementId"/> names the offending element when known.
/// </summary>
public class BpmnParseException : Exception
{
    public BpmnParseException()
    {
    }

    public BpmnParseException(string message) : base(message)
    {
    }

    public BpmnParseException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public BpmnParseException(string message, string? elementId, int? lineNumber, int? linePosition, Exception? innerException = null)
        : base(Compose(message, lineNumber, linePosition), innerException)
    {
        ElementId = elementId;
        LineNumber = lineNumber is > 0 ? lineNumber : null;
        LinePosition = lineNumber is > 0 ? linePosition : null;
    }

    /// <summary>The id of the element at fault, when it has one.</summary>
    public string? ElementId { get; }

    /// <summary>The 1-based line of the fault in the document, when known.</summary>
    public int? LineNumber { get; }

    /// <summary>The 1-based position on <see cref="LineNumber"/>, when known.</summary>
    public int? LinePosition { get; }

    private static string Compose(string message, int? lineNumber, int? linePosition) =>
        lineNumber is > 0 ? $"{message} (line {lineNumber}, position {linePosition})" : message;
}
