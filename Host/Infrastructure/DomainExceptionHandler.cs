using Microsoft.AspNetCore.Diagnostics;
using ShareFlow.Domain;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Infrastructure;

/// <summary>
/// A broken domain rule is the caller's error: answer 400 with problem details naming the field concerned (404 for
/// something that does not exist or is not the caller's to see, 409 for a conflict), never a 500.
/// </summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain)
        {
            return false;
        }

        var (status, title) = domain switch
        {
            EngineNotFoundException => (StatusCodes.Status404NotFound, "Not found."),
            ConcurrencyConflictException or IllegalStateException => (StatusCodes.Status409Conflict, "Someone else changed it first, or it is no longer possible."),
            _ => (StatusCodes.Status400BadRequest, "The request breaks a rule."),
        };
        httpContext.Response.StatusCode = status;
        var details = new HttpValidationProblemDetails(ErrorsOf(domain))
        {
            Status = status,
            Title = title,
            Detail = domain.Message,
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static Dictionary<string, string[]> ErrorsOf(DomainException exception) => exception switch
    {
        CalendarImportException import => import.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        UnknownJurisdictionException unknown => new() { ["jurisdiction"] = [unknown.Message] },
        { Field: { } field } => new() { [field] = [exception.Message] },
        _ => [],
    };
}
