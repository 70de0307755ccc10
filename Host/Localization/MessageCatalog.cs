using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ShareFlow.Host.Localization;

/// <summary>
/// The server's messages in Chinese. The engine, the case rules and the APIs write their messages in English (the
/// language of the code and the logs); this catalog maps each English template to its Chinese template, gettext style:
/// the English text is the key. A message is translated once it is formatted, by matching it against the templates
/// (<c>Task {0} is already {1}.</c> matches <c>Task 42 is already completed.</c>), so no message site needs to know
/// about languages.
/// </summary>
/// <remarks>
/// <para>The catalog is the JSON files embedded from <c>Localization/zh-CN/</c>, one per area of the code, each an object of
/// English template → Chinese template. A template's holes are <c>{0}</c>, <c>{1}</c>...; the Chinese one uses the same holes,
/// in any order.</para>
/// <para>When several templates match, the one with the most fixed text wins (it is the more specific). A hole's value is
/// translated in turn when it is a catalog entry itself or matches a template (a kind such as <c>Task</c>, a status
/// such as <c>completed</c>, a phrase such as <c>user task 'review'</c>); ids, names and dates match nothing and stay.
/// A hole between single quotes (<c>input '{2}'</c>) holds an id or a name as written and is never translated, even
/// when it happens to be a word of the catalog (an input called <c>task</c>).
/// A message after an id (<c>review: ...</c>) and a list of messages joined by semicolons are translated part by part.
/// A message no template matches is returned as it is.</para>
/// </remarks>
public sealed partial class MessageCatalog
{
    /// <summary>How deep hole values are translated in turn: a phrase inside a message inside a message.</summary>
    private const int MaxDepth = 3;

    /// <summary>The longest text translated: longer than any message the code writes, with its values.</summary>
    private const int MaxMessageLength = 2000;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly FrozenDictionary<string, string> _exact;
    private readonly Template[] _templates;

    public MessageCatalog(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var templates = new List<Template>();
        foreach (var (english, chinese) in entries)
        {
            var holes = HolesOf(english);
            if (!holes.SetEquals(HolesOf(chinese)))
            {
                throw new InvalidDataException($"The translation of \"{english}\" has the holes {{{string.Join("}, {", HolesOf(chinese))}}} instead of {{{string.Join("}, {", holes)}}}.");
            }

            if (holes.Count > 0 && (holes.Min() != 0 || holes.Max() != holes.Count - 1))
            {
                throw new InvalidDataException($"The holes of \"{english}\" are not numbered from {{0}} on without a gap.");
            }

            if (holes.Count == 0)
            {
                exact[english] = chinese;
                continue;
            }

            var literal = HoleRegex().Replace(english, string.Empty);
            if (!literal.Any(char.IsLetter))
            {
                throw new InvalidDataException($"The template \"{english}\" has no words besides its holes: it would match almost every message.");
            }

            templates.Add(new Template(english, chinese, Pattern(english), literal.Length, QuotedHolesOf(english)));
        }

        _exact = exact.ToFrozenDictionary(StringComparer.Ordinal);
        _templates = [.. templates.OrderByDescending(t => t.LiteralLength)];
    }

    /// <summary>The templates in the catalog, English → Chinese.</summary>
    public IEnumerable<KeyValuePair<string, string>> Entries =>
        _exact.Concat(_templates.Select(t => KeyValuePair.Create(t.English, t.Chinese)));

    /// <summary>The catalog embedded in the host: every <c>Localization/zh-CN/*.json</c>.</summary>
    public static MessageCatalog Embedded { get; } = Load(typeof(MessageCatalog).Assembly);

    /// <summary><paramref name="message"/> in Chinese, or as it is when no template matches it.</summary>
    public string ToChinese(string message) => Translate(message, 0) ?? message;

    private string? Translate(string message, int depth)
    {
        // A text far longer than any message is someone's own writing (a hole's value may be what a user typed): it
        // stays as it is, and no template's pattern is run over it.
        if (message.Length == 0 || message.Length > MaxMessageLength)
        {
            return null;
        }

        if (_exact.TryGetValue(message, out var known))
        {
            return known;
        }

        foreach (var template in _templates)
        {
            if (!TryMatch(template.Pattern, message, out var match))
            {
                continue;
            }

            var values = new object?[match.Groups.Count - 1];
            for (var i = 0; i < values.Length; i++)
            {
                var value = match.Groups[$"h{i}"].Value;
                values[i] = depth < MaxDepth && !template.Quoted.Contains(i) ? Translate(value, depth + 1) ?? value : value;
            }

            return string.Format(CultureInfo.InvariantCulture, template.Chinese, values);
        }

        return depth < MaxDepth ? TranslateComposite(message, depth + 1) : null;
    }

    /// <summary>
    /// The two ways messages are put together from others: a message about an element or field after its id
    /// (<c>review: ...</c>), and findings listed with semicolons (<c>a: ...; b: ...</c>). Each is translated when every
    /// message in it is.
    /// </summary>
    private string? TranslateComposite(string message, int depth)
    {
        var parts = message.Split("; ");
        if (parts.Length > 1)
        {
            var translated = parts.Select(p => Translate(p, depth)).ToList();
            return translated.All(t => t is not null) ? string.Join("；", translated) : null;
        }

        if (!TryMatch(IdPrefixRegex(), message, out var about))
        {
            return null;
        }

        return Translate(about.Groups["message"].Value, depth) is { } rest ? $"{about.Groups["id"].Value}：{rest}" : null;
    }

    /// <summary>A match of the whole message; a pattern that runs out of time on a pathological text does not match.</summary>
    private static bool TryMatch(Regex pattern, string message, out Match match)
    {
        try
        {
            match = pattern.Match(message);
            return match.Success;
        }
        catch (RegexMatchTimeoutException)
        {
            match = Match.Empty;
            return false;
        }
    }

    private static MessageCatalog Load(Assembly assembly)
    {
        var entries = new List<KeyValuePair<string, string>>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("ShareFlow.Host.Localization.zh-CN.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidDataException($"The message catalog {name} is empty.");
            foreach (var (english, chinese) in file)
            {
                if (seen.TryGetValue(english, out var other) && other != chinese)
                {
                    throw new InvalidDataException($"\"{english}\" is translated twice, differently: \"{other}\" and \"{chinese}\".");
                }

                if (seen.TryAdd(english, chinese))
                {
                    entries.Add(KeyValuePair.Create(english, chinese));
                }
            }
        }

        return new MessageCatalog(entries);
    }

    /// <summary>The template as a pattern matching the whole of a formatted message: each hole a named group <c>h0</c>, <c>h1</c>...</summary>
    private static Regex Pattern(string english)
    {
        var pattern = new StringBuilder("^");
        var at = 0;
        foreach (Match hole in HoleRegex().Matches(english))
        {
            pattern.Append(Regex.Escape(Unescape(english[at..hole.Index])));
            pattern.Append("(?<h").Append(hole.Groups[1].Value).Append(">.+?)");
            at = hole.Index + hole.Length;
        }

        pattern.Append(Regex.Escape(Unescape(english[at..]))).Append(@"\z");
        return new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, MatchTimeout);
    }

    private static string Unescape(string literal) => literal.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);

    private static HashSet<int> HolesOf(string template) =>
        [.. HoleRegex().Matches(template).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    /// <summary>The holes written between single quotes, <c>'{0}'</c>: ids and names, taken as they are.</summary>
    private static FrozenSet<int> QuotedHolesOf(string template) =>
        HoleRegex().Matches(template)
            .Where(m => m.Index > 0 && template[m.Index - 1] == '\'' && m.Index + m.Length < template.Length && template[m.Index + m.Length] == '\'')
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToFrozenSet();

    /// <summary>An id (no spaces) and a colon before a message: <c>gateway_1: ...</c>.</summary>
    [GeneratedRegex(@"^(?<id>[^\s:]+): (?<message>.+)\z", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex IdPrefixRegex();

    [GeneratedRegex(@"(?<!\{)\{(\d+)\}(?!\})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex HoleRegex();

    private sealed record Template(string English, string Chinese, Regex Pattern, int LiteralLength, FrozenSet<int> Quoted);
}
