using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Policy;
using ShareFlow.Host.Cases;
using ShareFlow.Host.Localization;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Calendar;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Apis;

/// <summary>
/// What a policy admin maintains: process definitions (validate, publish a new version, list, download), the calendar
/// (import a year's notice), the policy profiles, and incidents (failed activities waiting for an operator).
/// </summary>
internal static class AdminApi
{
    /// <summary>The largest BPMN document accepted over HTTP.</summary>
    public const int MaxDefinitionBytes = 2 * 1024 * 1024;

    public static void MapAdminApi(this IEndpointRouteBuilder app)
    {
        var definitions = app.MapGroup("/api/definitions").WithTags("Process definitions").RequireAuthorization();
        definitions.MapGet("/", ListLatestAsync);
        definitions.MapGet("/{key}/versions", ListVersionsAsync);
        definitions.MapGet("/{key}/versions/{version:int}/xml", XmlAsync);
        definitions.MapPost("/validate", ValidateAsync).WithSummary("Validate a process definition").RequireAuthorization(Roles.PolicyAdmin);
        definitions.MapPost("/", PublishAsync).WithSummary("Publish a process definition").RequireAuthorization(Roles.PolicyAdmin);

        app.MapPut("/api/calendar/years/{year}", ImportYearAsync).WithSummary("Import a calendar year").WithTags("Calendar").RequireAuthorization(Roles.PolicyAdmin);
        app.MapPost("/api/calendar/years/{year}/preview", PreviewYearAsync).WithSummary("Preview a calendar year before importing it").WithTags("Calendar").RequireAuthorization(Roles.PolicyAdmin);

        var profiles = app.MapGroup("/api/profiles").WithTags("Policy profiles").RequireAuthorization();
        profiles.MapGet("/", ProfilesAsync);
        profiles.MapPatch("/{code}", ChangeProfileAsync).WithSummary("Change a policy profile").RequireAuthorization(Roles.PolicyAdmin);

        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(Roles.PolicyAdmin);
        incidents.MapGet("/", IncidentsAsync);
        incidents.MapPost("/{id:guid}/retry", RetryAsync).WithSummary("Retry an incident");
    }

    public sealed record ValidationResponse(bool Valid, string? Key, string? Name, IReadOnlyList<ValidationError> Errors);

    private static async Task<Ok<IReadOnlyList<DefinitionVersion>>> ListLatestAsync(WorkflowEngine engine, CancellationToken cancellationToken) =>
        TypedResults.Ok(await engine.Definitions.ListLatestAsync(cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<DefinitionVersion>>, NotFound>> ListVersionsAsync(string key, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var versions = await engine.Definitions.ListVersionsAsync(key, cancellationToken);
        return versions.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(versions);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> XmlAsync(string key, int version, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Content(await engine.Definitions.GetXmlAsync(key, version, cancellationToken), "application/xml", Encoding.UTF8);
        }
        catch (EngineNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    private static async Task<Results<Ok<ValidationResponse>, ValidationProblem>> ValidateAsync(HttpRequest request, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var (xml, problem) = await ReadBpmnAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var (definition, errors) = await engine.Definitions.ValidateAsync(xml!, cancellationToken);
            return TypedResults.Ok(new ValidationResponse(
                !errors.Any(e => e.Severity == ValidationSeverity.Error), definition.ExecutableProcess.Id, definition.ExecutableProcess.Name,
                ResponseLanguage.Findings(request.HttpContext, errors)));
        }
        catch (BpmnParseException ex)
        {
            return TypedResults.Ok(new ValidationResponse(false, null, null,
                ResponseLanguage.Findings(request.HttpContext, [new ValidationError(ex.ElementId ?? "definitions", "parse-error", ex.Message)])));
        }
    }

    private static async Task<Results<Created<DefinitionVersion>, ValidationProblem>> PublishAsync(HttpRequest request, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var (xml, problem) = await ReadBpmnAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var version = await engine.Definitions.PublishAsync(xml!, CallerBinding.Require(context).UserName, cancellationToken);
            return TypedResults.Created($"/api/definitions/{version.Key}/versions/{version.Version}/xml", version);
        }
        catch (BpmnParseException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.ElementId ?? "bpmn"] = [ex.Message] }, title: "The BPMN document cannot be read.");
        }
        catch (DefinitionInvalidException ex)
        {
            return TypedResults.ValidationProblem(
                ex.Errors.Where(e => e.Severity == ValidationSeverity.Error).GroupBy(e => e.ElementId).ToDictionary(g => g.Key, g => g.Select(e => $"{e.Code}: {e.Message}").ToArray()),
                title: "The definition is invalid; nothing was published.");
        }
    }

    /// <summary>The BPMN XML of the request body (application/xml or text), at most <see cref="MaxDefinitionBytes"/>.</summary>
    private static async Task<(string? Xml, ValidationProblem? Problem)> ReadBpmnAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxDefinitionBytes)
        {
            return (null, Problem("bpmn", $"The document is larger than {MaxDefinitionBytes / 1024 / 1024} MiB."));
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxDefinitionBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        if (read > MaxDefinitionBytes)
        {
            return (null, Problem("bpmn", $"The document is larger than {MaxDefinitionBytes / 1024 / 1024} MiB."));
        }

        return read == 0 ? (null, Problem("bpmn", "Send the BPMN 2.0 XML as the request body.")) : (new string(buffer, 0, read), null);
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The BPMN document cannot be accepted.");

    private static async Task<Results<Ok<HolidaysSummary>, ValidationProblem>> ImportYearAsync(
        string year, HttpRequest request, HttpContext context, CalendarService calendar, CancellationToken cancellationToken)
    {
        var (number, document, problem) = await ReadYearAsync(year, request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var arrangement = await calendar.ImportYearAsync(number, document!, CallerBinding.Require(context).UserName, cancellationToken);
        return TypedResults.Ok(new HolidaysSummary(arrangement.Year, arrangement.Days.Count(d => d.IsOffDay), arrangement.Days.Count(d => !d.IsOffDay)));
    }

    /// <summary>
    /// What importing the notice would change — the days and the pending deadlines — with the import's own body and checks
    /// (the same 400s), storing nothing.
    /// </summary>
    private static async Task<Results<Ok<CalendarPreviewResponse>, ValidationProblem>> PreviewYearAsync(
        string year, HttpRequest request, CalendarPreview preview, CancellationToken cancellationToken)
    {
        var (number, document, problem) = await ReadYearAsync(year, request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Ok(await preview.PreviewAsync(number, document!, cancellationToken));
    }

    /// <summary>The year of the route and the notice of the body (JSON); a wrong year is a 400 naming it, a malformed notice throws <see cref="CalendarImportException"/>.</summary>
    private static async Task<(int Year, YearArrangementDocument? Document, ValidationProblem? Problem)> ReadYearAsync(string year, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var number = errors.Year("year", year);
        if (errors.Any)
        {
            return (number, null, errors.ToProblem());
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(cancellationToken);
        return (number, YearArrangement.ParseDocument(json), null);
    }

    public sealed record HolidaysSummary(int Year, int DaysOff, int MakeupWorkdays);

    /// <param name="Articles">The article each rule applies, by rule key (e.g. <c>sharing.answer</c> → 第十八条), of <paramref name="Regulation"/>.</param>
    public sealed record ProfileResponse(string Code, string Name, int Version, bool Active, string CoordinatingOffice, IReadOnlyDictionary<string, int> Days,
        bool RefusalNeedsReasons, bool RefusalNeedsLegalBasis, bool OverdueAnswerIsConsent, IReadOnlyList<DisputeTier> DisputeTiers,
        string Regulation, IReadOnlyDictionary<string, string> Articles);

    private static async Task<Ok<List<ProfileResponse>>> ProfilesAsync(PolicyProfileStore store, CancellationToken cancellationToken)
    {
        var result = new List<ProfileResponse>();
        foreach (var shipped in PolicyProfiles.All)
        {
            var profile = await store.LatestAsync(shipped.Code, cancellationToken);
            result.Add(View(profile, store.ActiveCode));
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<ProfileResponse>, NotFound>> ChangeProfileAsync(
        string code, Dictionary<string, int>? days, HttpContext context, PolicyProfileStore store, CancellationToken cancellationToken)
    {
        if (!PolicyProfiles.All.Any(p => p.Code == code))
        {
            return TypedResults.NotFound();
        }

        var profile = await store.ChangeDaysAsync(code, days ?? [], CallerBinding.Require(context).UserName, cancellationToken);
        return TypedResults.Ok(View(profile, store.ActiveCode));
    }

    private static ProfileResponse View(PolicyProfile profile, string activeCode) =>
        new(profile.Code, profile.Name, profile.Version, profile.Code == activeCode, profile.CoordinatingOffice,
            profile.Days, profile.RefusalNeedsReasons, profile.RefusalNeedsLegalBasis, profile.OverdueAnswerIsConsent, profile.DisputeTiers,
            profile.Regulation, profile.Articles);

    public sealed record IncidentResponse(Guid Id, Guid InstanceId, string DefinitionKey, string? BusinessKey, string ElementId, int Attempts, string? LastError, DateTimeOffset CreatedAt);

    private static async Task<Ok<List<IncidentResponse>>> IncidentsAsync(IDbContextFactory<ShareFlowDbContext> dbFactory, HttpContext context, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incidents = await db.Waits.AsNoTracking().Where(w => w.IsIncident)
            .Join(db.ProcessInstances.AsNoTracking(), w => w.InstanceId, i => i.Id, (w, i) => new IncidentResponse(w.Id, w.InstanceId, i.DefinitionKey, i.BusinessKey, w.ElementId, w.Attempts, w.LastError, w.CreatedAt))
            .ToListAsync(cancellationToken);
        // The error is the activity's, often a rule it found broken: the operator reads it in the page's language.
        return TypedResults.Ok(incidents.ConvertAll(i => i with { LastError = ResponseLanguage.Text(context, i.LastError) }));
    }

    private static async Task<NoContent> RetryAsync(Guid id, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        await engine.RetryIncidentAsync(id, CallerBinding.Require(context).UserName, cancellationToken);
        return TypedResults.NoContent();
    }
}
