using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShareFlow.Host.Localization;

namespace ShareFlow.Host.Tests.Localization;

/// <summary>
/// Every English sentence the server can answer a user with has its Chinese in the catalog: its messages, and the
/// designer's reference of activities and their inputs. The sentences are read from the source (Domain, Workflows,
/// Host): the string and interpolated-string literals written as sentences, except those of programming errors and
/// logs, which no user reads.
/// </summary>
public sealed class MessageCoverageTests
{
    /// <summary>
    /// Exceptions that report a programming or configuration error to the operator, not a rule to a user; and EF Core's
    /// concurrency exception, which the engine answers with a conflict of its own words.
    /// </summary>
    private static readonly HashSet<string> ProgrammingErrors =
    [
        "ArgumentException", "ArgumentNullException", "ArgumentOutOfRangeException", "InvalidOperationException", "NotSupportedException",
        "UnreachableException", "InvalidDataException", "FileNotFoundException", "KeyNotFoundException", "NotImplementedException",
        "UnsupportedDatabaseException", "JsonException", "ObjectDisposedException", "JobExecutionException", "DbUpdateConcurrencyException",
    ];

    [Fact]
    public void EverySentenceTheServerAnswersWith_HasItsChinese()
    {
        var catalog = MessageCatalog.Embedded;
        var keys = catalog.Entries.Select(e => e.Key).ToList();
        var missing = new List<string>();
        foreach (var file in SourceFiles())
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file).GetRoot();
            foreach (var literal in root.DescendantNodes().Where(n => n is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } or InterpolatedStringExpressionSyntax))
            {
                if (literal.Parent is InterpolationSyntax || !IsSentence(literal) || IsExempt(literal))
                {
                    continue;
                }

                var template = TemplateOf((ExpressionSyntax)literal);
                var known = IsFragment(literal)
                    ? Pieces(template).All(piece => keys.Any(k => k.Contains(piece, StringComparison.Ordinal)))
                    : keys.Contains(template) || keys.Any(SpecialisationOf(template).IsMatch);
                if (!known)
                {
                    missing.Add($"{Path.GetRelativePath(RepositoryRoot, file)}:{literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {template}");
                }
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} sentences have no Chinese in Host/Localization/zh-CN:\n" + string.Join('\n', missing));
    }

    private static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ShareFlow.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("No ShareFlow.slnx above the test's directory.");
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "Domain", "Workflows", "Host" }
            .SelectMany(area => Directory.EnumerateFiles(Path.Combine(RepositoryRoot, area), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations"))
            .Order(StringComparer.Ordinal);

    /// <summary>Text written as a sentence to a reader: a capital letter or a quote first, a full stop or a question mark last, words between.</summary>
    private static bool IsSentence(SyntaxNode literal)
    {
        var text = TemplateOf((ExpressionSyntax)literal);
        if (text.Length < 8 || !text.Contains(' ', StringComparison.Ordinal) || text.Any(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            return false;
        }

        var first = text.TrimStart()[0];
        var last = text.TrimEnd()[^1];
        return (char.IsAsciiLetterUpper(first) || first is '\'' or '"' or '“' or '{') && last is '.' or '?';
    }

    private static bool IsExempt(SyntaxNode literal) =>
        literal.Ancestors().Any(a => a switch
        {
            AttributeSyntax => true,

            ObjectCreationExpressionSyntax creation => ProgrammingErrors.Contains(NameOf(creation.Type)),
            InvocationExpressionSyntax invocation => NameOf(invocation.Expression) is { } name
                && (name.StartsWith("Log", StringComparison.Ordinal) || name.StartsWith("ThrowIf", StringComparison.Ordinal)
                    || name is "WriteLine" or "Write" or "Describe" or "Unhealthy" or "Degraded"),
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.Text: "Description" or "Summary" } } => true,
            ArgumentSyntax { NameColon.Name.Identifier.Text: "Description" or "description" } => true,
            _ => false,
        });

    /// <summary>A piece of a message put together with others (by <c>+</c> or a conditional): its own text need only occur in some template.</summary>
    private static bool IsFragment(SyntaxNode literal)
    {
        var parent = literal.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or ConditionalExpressionSyntax or SwitchExpressionArmSyntax;
    }

    /// <summary>
    /// Matches the templates that say the same with a hole spelt out: a message built from a phrase (<c>{0} has no start
    /// event.</c>, where the code fills in <c>Process '{0}'</c>) may be translated phrase by phrase
    /// (<c>Process '{0}' has no start event.</c>).
    /// </summary>
    private static System.Text.RegularExpressions.Regex SpecialisationOf(string template) =>
        new("^" + string.Join(".+?", System.Text.RegularExpressions.Regex.Split(template, @"(?<!\{)\{\d+\}(?!\})").Select(System.Text.RegularExpressions.Regex.Escape)) + @"\z",
            System.Text.RegularExpressions.RegexOptions.Singleline);

    private static IEnumerable<string> Pieces(string template) =>
        System.Text.RegularExpressions.Regex.Split(template, @"(?<!\{)\{\d+\}(?!\})").Select(p => p.Trim()).Where(p => p.Length > 2);

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.Text,
        GenericNameSyntax generic => generic.Identifier.Text,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
        MemberAccessExpressionSyntax member => member.Name.Identifier.Text,
        _ => null,
    };

    private static string NameOf(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
        SimpleNameSyntax simple => simple.Identifier.Text,
        _ => type.ToString(),
    };

    /// <summary>The literal's text, each hole of an interpolated string numbered <c>{0}</c>, <c>{1}</c>... in order.</summary>
    private static string TemplateOf(ExpressionSyntax literal)
    {
        // A plain string is a key as it is written (a key without holes is plain text); an interpolated one is a
        // composite format, its text's braces doubled.
        if (literal is LiteralExpressionSyntax plain)
        {
            return plain.Token.ValueText;
        }

        var text = new StringBuilder();
        var hole = 0;
        foreach (var content in ((InterpolatedStringExpressionSyntax)literal).Contents)
        {
            if (content is InterpolatedStringTextSyntax part)
            {
                // The text keeps its braces doubled, as a composite format (and the catalog's keys) writes them.
                text.Append(part.TextToken.ValueText);
            }
            else
            {
                text.Append('{').Append(hole++).Append('}');
            }
        }

        return text.ToString();
    }
}
