using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.Organisation;
using ShareFlow.Host.Documents;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Apis;

/// <summary>
/// Printable written decisions (书面答复 / 告知书). Only those who may see the case get its answer; for anyone else, and
/// before there is a decision, the answer is 404 — exactly as for a case that does not exist.
/// </summary>
internal static class DocumentsApi
{
    public static void MapDocumentsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/sharing-applications/{id:guid}/answer", AnswerAsync)
            .WithTags("Sharing applications")
            .RequireAuthorization()
            .Produces(StatusCodes.Status200OK, contentType: "text/html");

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

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = SharingAnswerPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return TypedResults.Content(page, "text/html", Encoding.UTF8);
    }
}
