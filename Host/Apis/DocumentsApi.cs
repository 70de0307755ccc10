using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.Organisation;
using ShareFlow.Host.Cases;
using ShareFlow.Host.Documents;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Apis;

/// <summary>
/// Printable written decisions (书面答复 / 告知书) of every process, and the list of a case's numbered decisions. Only those who may see the case get its answer; for anyone else, and
/// before there is a decision, the answer is 404 — exactly as for a case that does not exist.
/// </summary>
internal static class DocumentsApi
{
    public static void MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sharing-applications/{id:guid}/answer", AnswerAsync)
            .WithTags("Sharing applications")
            .RequireAuthorization()
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        app.MapGet("/api/cases/{caseId:guid}/documents", ListAsync).WithTags("Cases").RequireAuthorization();
        app.MapGet("/api/documents/{id:guid}", DocumentAsync)
            .WithTags("Cases")
            .RequireAuthorization()
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
    }

    /// <summary>A numbered decision of a case, and the address of its printable page.</summary>
    public sealed record DocumentResponse(Guid Id, string Number, string Kind, string Title, DateTimeOffset IssuedAt, string? IssuedBy, string? Article, string Url);

    /// <summary>What the decider wrote, by variable name, with the label the written decision prints.</summary>
    private static readonly (string Variable, string Label)[] Statements =
    [
        ("openedScope", "开放范围"),
        ("conditions", "条件"),
        ("result", "处理情况"),
        ("planSteps", "整改措施"),
        ("committedDate", "承诺完成日期"),
        ("reasons", "理由"),
        ("legalBasis", "法律依据"),
        ("opinion", "意见"),
    ];

    private static string UrlOf(IssuedDocument document) =>
        document.Kind == DocumentKind.SharingAnswer.Code ? $"/api/sharing-applications/{document.SubjectId}/answer" : $"/api/documents/{document.Id}";

    /// <summary>The decisions issued in a case the caller may see, oldest first; 404 as for a missing case otherwise.</summary>
    private static async Task<Results<Ok<List<DocumentResponse>>, NotFound>> ListAsync(
        Guid caseId, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        if ((await CasesApi.VisibleCaseAsync(context, dbFactory, caseId, cancellationToken)).Case is null)
        {
            return TypedResults.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documents = await db.IssuedDocuments.AsNoTracking().Where(d => d.SubjectId == caseId).ToListAsync(cancellationToken);
        return TypedResults.Ok(documents.OrderBy(d => d.IssuedAt).ThenBy(d => d.Sequence)
            .Select(d => new DocumentResponse(d.Id, d.Number, d.Kind, DocumentKind.Find(d.Kind)?.Title ?? d.Kind, d.IssuedAt, d.IssuedBy, d.Article, UrlOf(d)))
            .ToList());
    }

    /// <summary>The printable page of any numbered decision; a sharing answer is sent to its own page.</summary>
    private static async Task<Results<ContentHttpResult, RedirectHttpResult, NotFound>> DocumentAsync(
        Guid id, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, CaseListing listing, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || (await CasesApi.VisibleCaseAsync(context, dbFactory, document.SubjectId, cancellationToken)).Case is null)
        {
            return TypedResults.NotFound();
        }

        if (document.Kind == DocumentKind.SharingAnswer.Code)
        {
            return TypedResults.Redirect(UrlOf(document));
        }

        var rows = await listing.FindAsync(db, [document.SubjectId], cancellationToken);
        if (!rows.TryGetValue(document.SubjectId, out var row))
        {
            return TypedResults.NotFound();
        }

        // The step whose completion issued the document: the last one decided at or before its issue.
        var history = await engine.GetHistoryAsync(document.SubjectId, cancellationToken);
        var step = history.LastOrDefault(h => h.Outcome is not null && h.At <= document.IssuedAt.AddSeconds(1));
        var latest = !await db.IssuedDocuments.AnyAsync(d => d.SubjectId == document.SubjectId && d.IssuedAt > document.IssuedAt, cancellationToken);
        var variables = await db.ProcessInstances.AsNoTracking().Where(i => i.Id == document.SubjectId).Select(i => i.Variables).SingleOrDefaultAsync(cancellationToken);
        var instance = variables is null ? null : JsonNode.Parse(variables);
        // What the decider wrote is read from the case's variables only for its latest decision: an earlier tier's
        // words have since been overwritten, and its page then shows the step's recorded comment instead.
        List<(string Label, string Text)> statements = latest
            ? [.. Statements.Select(s => (s.Label, Text: Text(instance?[s.Variable]))).Where(s => s.Text is not null).Select(s => (s.Label, s.Text!))]
            : [];
        if (statements.Count == 0 && step?.Comment is { Length: > 0 } comment)
        {
            statements.Add(("意见", comment));
        }

        var office = instance?["officeDepartment"]?.GetValue<string>()
            ?? await db.Departments.Where(d => d.Kind == DepartmentKind.CoordinatingOffice).OrderBy(d => d.Code).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken);
        var addresseeCode = document.Kind == DocumentKind.RectificationOrder.Code ? row.ProviderDepartment : row.RequesterDepartment ?? row.ProviderDepartment;
        var codes = new[] { document.Department, office, addresseeCode }.OfType<string>().Distinct().ToList();
        var names = await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var addressee = addresseeCode is null ? instance?["applicantName"]?.GetValue<string>() : names.GetValueOrDefault(addresseeCode) ?? addresseeCode;
        var page = DecisionPage.Render(document, new DecisionContext(
            names.GetValueOrDefault(document.Department) ?? document.IssuerName,
            row.Number,
            row.Title,
            addressee,
            row.SubmittedAt,
            step?.ElementName ?? step?.ElementId,
            DecisionPage.OutcomeLabel(step?.Outcome),
            statements,
            office is null || office == document.Department ? null : names.GetValueOrDefault(office)));
        return Printable(context, page);
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text) ? null : text,
        JsonArray array => array.Count == 0 ? null : string.Join("、", array.Select(item => item?.ToString())),
        _ => value.ToString(),
    };

    private static ContentHttpResult Printable(HttpContext context, string page)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = OfficialDocument.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return TypedResults.Content(page, "text/html", Encoding.UTF8);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> AnswerAsync(
        Guid id, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var application = await db.SharingApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !caller.CanSee(application.RequesterDepartment, application.ProviderDepartment))
        {
            return TypedResults.NotFound();
        }

        var document = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.SubjectId == id && d.Kind == DocumentKind.SharingAnswer.Code)
            .OrderByDescending(d => d.IssuedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return TypedResults.NotFound();
        }

        var variables = await db.ProcessInstances.AsNoTracking().Where(i => i.Id == id).Select(i => i.Variables).SingleOrDefaultAsync(cancellationToken);
        var instance = variables is null ? null : JsonNode.Parse(variables);
        var policy = instance?["policy"];
        var office = instance?["officeDepartment"]?.GetValue<string>()
            ?? await db.Departments.Where(d => d.Kind == DepartmentKind.CoordinatingOffice).OrderBy(d => d.Code).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken);
        var codes = new[] { application.RequesterDepartment, application.ProviderDepartment, document.Department, office }.OfType<string>().Distinct().ToList();
        var catalogBasis = await db.CatalogResources.AsNoTracking().Where(r => r.Id == application.ResourceId).Select(r => r.LegalBasis).SingleOrDefaultAsync(cancellationToken);
        var names = await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);

        var page = SharingAnswerPage.Render(document, application, new AnswerContext(
            names.GetValueOrDefault(document.Department) ?? document.IssuerName,
            names.GetValueOrDefault(application.RequesterDepartment) ?? application.RequesterDepartment,
            names.GetValueOrDefault(application.ProviderDepartment) ?? application.ProviderDepartment,
            office is null ? null : names.GetValueOrDefault(office) ?? policy?["coordinatingOffice"]?.GetValue<string>(),
            policy?["articles"]?["dispute"]?.GetValue<string>(),
            policy?["articles"]?["sharing.agreement"]?.GetValue<string>(),
            catalogBasis));

        return Printable(context, page);
    }
}
