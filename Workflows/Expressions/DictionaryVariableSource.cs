namespace ShareFlow.Workflows.Expressions;

/// <summary>Variables held in a dictionary; lookups use the dictionary's own comparer.</summary>
public sealed class DictionaryVariableSource : IVariableSource
{
    private readonly IReadOnlyDictionary<string, object?> _variables;

    public DictionaryVariableSource(IReadOnlyDictionary<string, object?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        _variables = variables;
    }

    /// <summary>A source with no variables at all.</summary>
    public static DictionaryVariableSource Empty { get; } = new(new Dictionary<string, object?>(StringComparer.Ordinal));

    public bool TryGetVariable(string name, out object? value) => _variables.TryGetValue(name, out value);
}
