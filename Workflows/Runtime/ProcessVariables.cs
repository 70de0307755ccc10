using System.Text.Json;
using System.Text.Json.Nodes;
using ShareFlow.Workflows.Expressions;

namespace ShareFlow.Workflows.Runtime;

/// <summary>Process variables: a JSON object, read by expressions through <see cref="IVariableSource"/>.</summary>
internal static class ProcessVariables
{
    public static JsonObject Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("Stored process variables are not a JSON object.");

    public static string Serialize(JsonObject variables) => variables.ToJsonString();

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        decimal d => JsonValue.Create(d),
        double d => JsonValue.Create(d),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        DateTimeOffset t => JsonValue.Create(t),
        IEnumerable<object?> list => new JsonArray([.. list.Select(ToNode)]),
        _ => JsonSerializer.SerializeToNode(value),
    };
}

/// <summary>Reads variables from layered JSON objects: task-local first, then the instance's.</summary>
internal sealed class JsonObjectVariables(params JsonObject?[] layers) : IVariableSource
{
    public bool TryGetVariable(string name, out object? value)
    {
        foreach (var layer in layers)
        {
            if (layer is not null && layer.TryGetPropertyValue(name, out var node))
            {
                value = node;
                return true;
            }
        }

        value = null;
        return false;
    }
}
