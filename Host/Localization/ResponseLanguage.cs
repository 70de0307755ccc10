using ShareFlow.Workflows.Model;

namespace ShareFlow.Host.Localization;

/// <summary>
/// Answers in the reader's language: Chinese unless the request prefers English (its <c>Accept-Language</c>), as the
/// front-end speaks zh-CN first and English second. Problem details (the title, the detail and every field's messages)
/// go through the <see cref="MessageCatalog"/> and say which language they are in (<c>Content-Language</c>); so do the
/// other texts the code writes in English for a user to read (a definition's findings, an incident's error, the
/// designer's reference of activities).
/// </summary>
internal static class ResponseLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static void Apply(ProblemDetailsContext context)
    {
        var language = LanguageOf(context.HttpContext.Request);
        context.HttpContext.Response.Headers.ContentLanguage = language;
        if (language == English)
        {
            return;
        }

        var catalog = CatalogOf(context.HttpContext);
        var problem = context.ProblemDetails;
        problem.Title = problem.Title is null ? null : catalog.ToChinese(problem.Title);
        problem.Detail = problem.Detail is null ? null : catalog.ToChinese(problem.Detail);
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var (field, messages) in validation.Errors)
            {
                validation.Errors[field] = [.. messages.Select(catalog.ToChinese)];
            }
        }

        if (problem.Extensions.TryGetValue("validation", out var listed) && listed is IReadOnlyList<ValidationError> findings)
        {
            problem.Extensions["validation"] = Translate(findings, catalog);
        }
    }

    /// <summary><paramref name="text"/> in the reader's language.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Text(HttpContext context, string? text) =>
        text is null || LanguageOf(context.Request) == English ? text : CatalogOf(context).ToChinese(text);

    /// <summary>A definition's validation findings (as the designer lists them) in the reader's language.</summary>
    public static IReadOnlyList<ValidationError> Findings(HttpContext context, IReadOnlyList<ValidationError> findings) =>
        LanguageOf(context.Request) == English ? findings : Translate(findings, CatalogOf(context));

    private static MessageCatalog CatalogOf(HttpContext context) => context.RequestServices.GetRequiredService<MessageCatalog>();

    private static List<ValidationError> Translate(IReadOnlyList<ValidationError> findings, MessageCatalog catalog) =>
        [.. findings.Select(f => f with { Message = catalog.ToChinese(f.Message) })];

    /// <summary>
    /// <see cref="English"/> when the request's <c>Accept-Language</c> puts an English tag before any Chinese one (by
    /// quality, then order); otherwise, and without the header, <see cref="Chinese"/>.
    /// </summary>
    public static string LanguageOf(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        foreach (var tag in accepted.Select((value, order) => (value, order)).OrderByDescending(t => t.value.Quality ?? 1).ThenBy(t => t.order))
        {
            var name = tag.value.Value.Value ?? string.Empty;
            if (name.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }

            if (name.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return Chinese;
    }
}
