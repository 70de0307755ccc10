using Microsoft.AspNetCore.Diagnostics;
using ShareFlow.Domain;
using ShareFlow.Domain.Calendar;

namespace ShareFlow.Host.Infrastructure;

/// <summary>
/// A broken domain rule is the caller's error: answer 400 with problem details naming the fields concerned,
/// never a 500.
/// </summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        var details = new HttpValidationProblemDetails(ErrorsOf(domain))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request breaks a rule.",
            Detail = domain.Message,
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static Dictionary<string, string[]> ErrorsOf(DomainException exception) => exception switch
    {
        CalendarImportException import => import.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        UnknownJurisdictionException unknown => new() { ["jurisdiction"] = [unknown.Message] },
        _ => [],
    };
}
