using System.Globalization;
using System.Text.Json.Nodes;
using ShareFlow.Domain;

namespace ShareFlow.Workflows.Cases;

/// <summary>Typed reads of the process variables the case activities share.</summary>
internal static class CaseVariables
{
    public static string Text(this JsonObject variables, string name) =>
        variables.OptionalText(name) ?? throw new DomainException($"The process has no value for '{name}'.");

    public static string? OptionalText(this JsonObject variables, string name) =>
        variables.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;

    public static Guid Id(this JsonObject variables, string name) =>
        Guid.TryParse(variables.OptionalText(name), out var id) ? id : throw new DomainException(name, $"'{variables.OptionalText(name)}' is not an id.");

    public static DateOnly? Date(this JsonObject variables, string name) =>
        variables.OptionalText(name) is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new DomainException(name, $"'{text}' is not a date of the form yyyy-MM-dd.")
            : null;

    public static List<string> TextList(this JsonObject variables, string name) =>
        variables.TryGetPropertyValue(name, out var node) && node is JsonArray array
            ? [.. array.Select(i => i?.GetValue<string>()).OfType<string>()]
            : [];

    /// <summary>A list of texts as a process variable holds it, read back by <see cref="TextList"/>; none for null.</summary>
    public static JsonArray Texts(IEnumerable<string>? items) => new([.. (items ?? []).Select(i => (JsonNode?)JsonValue.Create(i))]);

    /// <summary>A rule of the instance's policy snapshot (<c>policy.rules.*</c>).</summary>
    public static bool Rule(this JsonObject variables, string rule) =>
        variables["policy"]?["rules"]?[rule] is JsonValue value && value.TryGetValue(out bool flag) && flag;

    /// <summary>A number of days from the instance's profile snapshot (<c>policy.parameters.*</c>), or null when absent.</summary>
    public static int? Days(this JsonObject variables, string parameter) =>
        variables["policy"]?["parameters"]?[parameter] is JsonValue value && value.TryGetValue(out int days) ? days : null;

    /// <summary>The article the instance's profile names for a rule (<c>policy.articles.*</c>), or the regulation.</summary>
    public static string Article(this JsonObject variables, string rule) =>
        variables["policy"]?["articles"]?[rule]?.GetValue<string>()
        ?? variables["policy"]?["name"]?.GetValue<string>()
        ?? "the applicable regulation";
}
