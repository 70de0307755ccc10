using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Catalog;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Apis;

/// <summary>The data resource catalog (政务数据资源目录): what each department shares, and how.</summary>
internal static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalog").WithTags("Catalog").RequireAuthorization();
        group.MapGet("/resources", ListAsync);
        return group;
    }

    public sealed record ResourceResponse(Guid Id, string Code, string Name, string ProviderDepartment, string? ProviderDepartmentName, string ShareType, IReadOnlyList<string> Items, string? LegalBasis, int Version);

    private static async Task<Ok<List<ResourceResponse>>> ListAsync(IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var resources = await db.CatalogResources.AsNoTracking().Where(r => r.Status == CatalogStatus.Published).OrderBy(r => r.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(resources.Select(r => new ResourceResponse(
            r.Id, r.Code, r.Name, r.ProviderDepartment, departments.GetValueOrDefault(r.ProviderDepartment), r.ShareType.ToWireName(), r.DataItems, r.LegalBasis, r.Version)).ToList());
    }
}
