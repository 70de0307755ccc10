using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ShareFlow.Host.Infrastructure;

/// <summary>
/// A request body that cannot be read as the endpoint's JSON (a value of the wrong type, an id that is not a GUID,
/// broken JSON) answers 400 with problem details naming the field, as a broken rule does, rather than a bare
/// "Bad Request". The field is the JSON path of the value that failed (<c>$.items[2]</c> names <c>items</c>, <c>$.applicant.kind</c> names <c>applicant.kind</c>); broken
/// JSON with no such value names <c>body</c>.
/// </summary>
internal sealed class RequestBodyExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (field, message) = bad.InnerException switch
        {
            // System.Text.Json reports broken JSON with a reader exception of its own type (derived from JsonException),
            // thrown as it is or wrapped with the path reached; a value it could not convert is a plain JsonException
            // whose path names the value.
            JsonException json when json.GetType() != typeof(JsonException) || json.InnerException is JsonException =>
                ("body", "The request body is not valid JSON."),
            JsonException json =>
                (FieldOf(json.Path), "This value has the wrong form (a number, text, list, date or id where another is expected)."),
            _ => (ParameterOf(bad.Message), bad.Message),
        };
        httpContext.Response.StatusCode = bad.StatusCode;
        var details = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = bad.StatusCode,
            Title = "The request could not be read.",
            Detail = message,
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The parameter a binding message names, e.g. <c>Failed to bind parameter "int page" from "x".</c> → <c>page</c>.</summary>
    internal static string ParameterOf(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"parameter ""(?:[^""]*\s)?([^""\s]+)""", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
        return match.Success ? match.Groups[1].Value : "request";
    }

    /// <summary>The property a JSON path points at, as the forms name their fields: <c>$.applicant.kind</c> → <c>applicant.kind</c>, <c>$.items[2]</c> → <c>items</c>.</summary>
    internal static string FieldOf(string? path)
    {
        if (path is not { Length: > 2 } || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return "body";
        }

        var field = path[2..];
        var index = field.IndexOf('[', StringComparison.Ordinal);
        return index < 0 ? field : field[..index];
    }
}
