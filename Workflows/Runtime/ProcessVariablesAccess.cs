using System.Text.Json.Nodes;

namespace ShareFlow.Workflows.Runtime;

/// <summary>Conversions between expression values and stored JSON, for activities.</summary>
public static class ProcessVariablesAccess
{
    public static JsonNode? ToNode(object? value) => ProcessVariables.ToNode(value);
}
