using System.Text.Json;

namespace ShareFlow.Workflows.Expressions;

/// <summary>
/// Variables stored as one JSON object (the way process instances persist them): each property is a variable.
/// The <see cref="JsonDocument"/> that owns the element must stay alive while expressions are evaluated.
/// </summary>
public sealed class JsonVariableSource : IVariableSource
{
    private readonly JsonElement _variables;

    public JsonVariableSource(JsonElement variables)
    {
        if (variables.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Variables must be a JSON object, not {variables.ValueKind}.", nameof(variables));
        }

        _variables = variables;
    }

    public bool TryGetVariable(string name, out object? value)
    {
        if (_variables.TryGetProperty(name, out var property))
        {
            value = property;
            return true;
        }

        value = null;
        return false;
    }
}
