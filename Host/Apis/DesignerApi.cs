using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Policy;
using ShareFlow.Host.Localization;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Apis;

/// <summary>
/// What the process designer needs besides publishing: the registered activities a service or send task may run, the
/// drafts of definitions (work in progress, one per key), and the deadline preview (期限预览) of a definition.
/// </summary>
internal static class DesignerApi
{
    /// <summary>Where a finding that concerns no element is reported, as <c>POST /api/definitions/validate</c> does.</summary>
    private const string DocumentLevel = "definitions";

    public static void MapDesignerApi(this IEndpointRouteBuilder app)
    {
        var definitions = app.MapGroup("/api/definitions").WithTags("Process designer").RequireAuthorization();
        definitions.MapGet("/activities", Activities);
        definitions.MapGet("/drafts", ListDraftsAsync).RequireAuthorization(Roles.PolicyAdmin);
        definitions.MapGet("/{key}/draft", GetDraftAsync).RequireAuthorization(Roles.PolicyAdmin);
        definitions.MapPut("/{key}/draft", SaveDraftAsync).WithSummary("Save a process draft").RequireAuthorization(Roles.PolicyAdmin);
        definitions.MapDelete("/{key}/draft", DeleteDraftAsync).WithSummary("Discard a process draft").RequireAuthorization(Roles.PolicyAdmin);
        definitions.MapPost("/deadline-preview", PreviewAsync).WithSummary("Preview deadlines").RequireAuthorization(Roles.PolicyAdmin);
    }

    public sealed record ActivityResponse(string Name, string Description, IReadOnlyList<ActivityInputResponse> Inputs);

    public sealed record ActivityInputResponse(string Name, bool Required, string Description);

    public sealed record DraftRequest(string? Xml);

    public sealed record DraftResponse(string Key, string Xml, DateTimeOffset SavedAt, string SavedBy);

    public sealed record DraftSummaryResponse(string Key, string? Name, DateTimeOffset SavedAt, string SavedBy);

    public sealed record PreviewRequest(string? Xml, string? Start, string? StartTime, string? Profile);

    public sealed record PreviewResponse(DateOnly Start, DateTimeOffset StartAt, string Profile, int ProfileVersion, IReadOnlyList<PreviewedDeadline> Deadlines);

    /// <summary>The activities registered with the engine, by name, with what each does and the <c>sf:input</c>s it reads (in the reader's language).</summary>
    private static Ok<List<ActivityResponse>> Activities(ActivityRegistry registry, HttpContext context) =>
        TypedResults.Ok(registry.All
            .Select(a => new ActivityResponse(
                a.Name,
                ResponseLanguage.Text(context, a.Description),
                [.. a.Inputs.Select(i => new ActivityInputResponse(i.Name, i.Required, ResponseLanguage.Text(context, i.Description)))]))
            .ToList());

    /// <summary>Every saved draft by key, without its XML: those of published definitions and of processes not yet published.</summary>
    private static async Task<Ok<List<DraftSummaryResponse>>> ListDraftsAsync(WorkflowEngine engine, CancellationToken cancellationToken) =>
        TypedResults.Ok((await engine.Definitions.ListDraftsAsync(cancellationToken)).Select(d => new DraftSummaryResponse(d.Key, d.Name, d.SavedAt, d.SavedBy)).ToList());

    private static async Task<Results<Ok<DraftResponse>, NotFound>> GetDraftAsync(string key, WorkflowEngine engine, CancellationToken cancellationToken) =>
        await engine.Definitions.GetDraftAsync(key, cancellationToken) is { } draft ? TypedResults.Ok(View(draft)) : TypedResults.NotFound();

    /// <summary>
    /// Saves the draft of <paramref name="key"/>: any well-formed BPMN 2.0 XML within the size limit whose process id is
    /// the key, valid as a process or not. Anything else is a 400 naming <c>xml</c>.
    /// </summary>
    private static async Task<Results<Ok<DraftResponse>, ValidationProblem>> SaveDraftAsync(
        string key, DraftRequest? request, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var xml = Xml(errors, request?.Xml);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var draft = await engine.Definitions.SaveDraftAsync(key, xml!, CallerBinding.Require(context).UserName, cancellationToken);
        return TypedResults.Ok(View(draft));
    }

    private static async Task<NoContent> DeleteDraftAsync(string key, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        await engine.Definitions.DeleteDraftAsync(key, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Every deadline of the definition if each of its tasks and timers were entered at the start (default: now, Asia/Shanghai),
    /// on the official calendar with the profile's parameters (default: the deployment's profile). A definition that does
    /// not parse or validate is a 400: <c>errors</c> names <c>xml</c> and each element at fault, and <c>validation</c> lists
    /// the validator's findings as <c>POST /api/definitions/validate</c> does.
    /// </summary>
    private static async Task<Results<Ok<PreviewResponse>, ValidationProblem>> PreviewAsync(
        PreviewRequest? request, HttpContext context, WorkflowEngine engine, PolicyProfileStore profiles, ICalendarSource calendars, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var xml = Xml(errors, request?.Xml);
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime.Zone);
        var start = request?.Start is null ? DateOnly.FromDateTime(now.DateTime) : errors.Date("start", request.Start);
        var time = new TimeOnly(now.Hour, now.Minute);
        if (request?.StartTime is { } startTime && !TimeOnly.TryParseExact(startTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            errors.Add("startTime", $"'{startTime}' is not a time of the form HH:mm.");
        }

        var code = request?.Profile ?? profiles.ActiveCode;
        if (!PolicyProfiles.All.Any(p => p.Code == code))
        {
            errors.Add("profile", $"There is no profile '{code}'; known: {string.Join(", ", PolicyProfiles.All.Select(p => p.Code))}.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        BpmnDefinition definition;
        IReadOnlyList<ValidationError> findings;
        try
        {
            (definition, findings) = await engine.Definitions.ValidateAsync(xml!, cancellationToken);
        }
        catch (BpmnParseException ex)
        {
            return Invalid([new ValidationError(ex.ElementId ?? DocumentLevel, "parse-error", ex.Message)]);
        }

        if (findings.Any(f => f.Severity == ValidationSeverity.Error))
        {
            return Invalid(findings);
        }

        var profile = await profiles.LatestAsync(code, cancellationToken);
        var startAt = ChinaTime.StartOfDay(start).Add(time.ToTimeSpan());
        var deadlines = DeadlinePreview.Compute(
            definition.ExecutableProcess, startAt, calendars.Current.National, new ProfileParameters(profile),
            ProfileParameters.StartVariables(profile));
        return TypedResults.Ok(new PreviewResponse(start, startAt, profile.Code, profile.Version, [.. deadlines.Select(d => d with { Note = ResponseLanguage.Text(context, d.Note) })]));
    }

    /// <summary>A definition that cannot be previewed: the errors by element (and under <c>xml</c>), and the findings as validation lists them.</summary>
    private static ValidationProblem Invalid(IReadOnlyList<ValidationError> findings)
    {
        var blocking = findings.Where(f => f.Severity == ValidationSeverity.Error).ToList();
        string Text(ValidationError error) => error.ElementId == DocumentLevel ? error.Message : $"{error.ElementId}: {error.Message}";
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["xml"] = [blocking.Count == 1 ? Text(blocking[0]) : $"The definition has {blocking.Count} errors; the first: {Text(blocking[0])}"],
        };
        foreach (var group in blocking.Where(f => f.ElementId is not DocumentLevel and not "xml").GroupBy(f => f.ElementId, StringComparer.Ordinal))
        {
            errors[group.Key] = [.. group.Select(f => $"{f.Code}: {f.Message}")];
        }

        return TypedResults.ValidationProblem(errors, title: "The definition cannot be previewed.", extensions: new Dictionary<string, object?> { ["validation"] = findings });
    }

    /// <summary>The XML a request sends: present, and no larger than a definition may be.</summary>
    private static string? Xml(QueryErrors errors, string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            errors.Add("xml", "Send the BPMN 2.0 XML in the field 'xml'.");
            return null;
        }

        if (xml.Length > AdminApi.MaxDefinitionBytes)
        {
            errors.Add("xml", $"The document is larger than {AdminApi.MaxDefinitionBytes / 1024 / 1024} MiB.");
            return null;
        }

        return xml;
    }

    private static DraftResponse View(DefinitionDraft draft) => new(draft.Key, draft.Xml, draft.SavedAt, draft.SavedBy);
}
