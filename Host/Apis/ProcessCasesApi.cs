using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Organisation;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Apis;

/// <summary>
/// The other regulated processes over HTTP: filing and reading catalog changes, disputes, data objections, projects and
/// their acceptance data, open-data requests and rectification orders. Every read is scoped like the sharing application:
/// the departments concerned see the case, the coordinating office sees all, anyone else gets 404.
/// </summary>
internal static class ProcessCasesApi
{
    public static void MapProcessCasesApi(this IEndpointRouteBuilder app)
    {
        var catalog = app.MapGroup("/api/catalog-changes").WithTags("Catalog changes").RequireAuthorization();
        catalog.MapPost("/", OpenCatalogChangeAsync).WithSummary("Open a catalog change");
        catalog.MapGet("/{id:guid}", GetCatalogChangeAsync);
        catalog.MapPost("/{id:guid}/extension", RequestExtensionAsync).WithSummary("Ask for more time for a catalog change");

        var disputes = app.MapGroup("/api/disputes").WithTags("Disputes").RequireAuthorization();
        disputes.MapPost("/", FileDisputeAsync).WithSummary("File a sharing dispute");
        disputes.MapGet("/{id:guid}", GetDisputeAsync);

        var objections = app.MapGroup("/api/data-objections").WithTags("Data objections").RequireAuthorization();
        objections.MapPost("/", ReportObjectionAsync).WithSummary("Report a data objection");
        objections.MapGet("/{id:guid}", GetObjectionAsync);

        var projects = app.MapGroup("/api/projects").WithTags("Projects").RequireAuthorization();
        projects.MapPost("/", RegisterProjectAsync).WithSummary("Register a project");
        projects.MapGet("/{id:guid}", GetProjectAsync);
        projects.MapPost("/{id:guid}/completion", DeclareCompletionAsync).WithSummary("Declare a project completed");
        projects.MapGet("/{id:guid}/payment-gate", PaymentGateAsync);
        projects.MapPost("/{id:guid}/go-live", GoLiveAsync).WithSummary("Put a project into use");
        app.MapGet("/api/payment-gates", PaymentGatesAsync).WithTags("Projects").RequireAuthorization();

        var openData = app.MapGroup("/api/open-data-requests").WithTags("Open-data requests").RequireAuthorization();
        openData.MapPost("/", SubmitOpenDataAsync).WithSummary("Submit an open-data request");
        openData.MapGet("/{id:guid}", GetOpenDataAsync);

        var orders = app.MapGroup("/api/rectification-orders").WithTags("Rectification orders").RequireAuthorization();
        orders.MapPost("/", IssueOrderAsync).WithSummary("Order a department to correct").RequireAuthorization(Roles.CoordinatingOffice);
        orders.MapGet("/{id:guid}", GetOrderAsync);
    }

    private static Task<User> UserAsync(HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken) =>
        SharingApi.UserAsync(dbFactory, CallerBinding.Require(context), cancellationToken);

    private static Results<Ok<T>, NotFound> Scoped<T>(HttpContext context, T value, params string?[] departments) =>
        CallerBinding.Require(context).CanSee(departments) ? TypedResults.Ok(value) : TypedResults.NotFound();

    private static async Task<Results<Ok<T>, NotFound>> ScopedAsync<T>(HttpContext context, Func<Task<T>> load, Func<T, string?[]> departments)
    {
        try
        {
            var value = await load();
            return Scoped(context, value, departments(value));
        }
        catch (Workflows.Runtime.EngineNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    // 目录变更
    private static async Task<Created<Domain.Catalog.CatalogChange>> OpenCatalogChangeAsync(
        OpenCatalogChange request, HttpContext context, CatalogChanges changes, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var change = await changes.OpenAsync(request, await UserAsync(context, dbFactory, cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/catalog-changes/{change.Id}", change);
    }

    private static Task<Results<Ok<Domain.Catalog.CatalogChange>, NotFound>> GetCatalogChangeAsync(Guid id, HttpContext context, CatalogChanges changes, CancellationToken cancellationToken) =>
        ScopedAsync(context, () => changes.GetAsync(id, cancellationToken), c => [c.Department]);

    public sealed record ExtensionRequest(string? Reasons);

    private static async Task<Results<NoContent, NotFound>> RequestExtensionAsync(
        Guid id, ExtensionRequest request, HttpContext context, CatalogChanges changes, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        if (await GetCatalogChangeAsync(id, context, changes, cancellationToken) is { Result: NotFound })
        {
            return TypedResults.NotFound();
        }

        await changes.RequestExtensionAsync(id, request.Reasons ?? string.Empty, await UserAsync(context, dbFactory, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }

    // 争议协调
    private static async Task<Created<Domain.Disputes.Dispute>> FileDisputeAsync(
        FileDispute request, HttpContext context, Disputes disputes, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var dispute = await disputes.FileAsync(request, await UserAsync(context, dbFactory, cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/disputes/{dispute.Id}", dispute);
    }

    private static Task<Results<Ok<Domain.Disputes.Dispute>, NotFound>> GetDisputeAsync(Guid id, HttpContext context, Disputes disputes, CancellationToken cancellationToken) =>
        ScopedAsync(context, () => disputes.GetAsync(id, cancellationToken), d => [d.RequesterDepartment, d.ProviderDepartment, d.HolderDepartment]);

    // 数据异议
    private static async Task<Created<Domain.Disputes.DataObjection>> ReportObjectionAsync(
        ReportObjection request, HttpContext context, DataObjections objections, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var objection = await objections.ReportAsync(request, await UserAsync(context, dbFactory, cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/data-objections/{objection.Id}", objection);
    }

    private static Task<Results<Ok<Domain.Disputes.DataObjection>, NotFound>> GetObjectionAsync(Guid id, HttpContext context, DataObjections objections, CancellationToken cancellationToken) =>
        ScopedAsync(context, () => objections.GetAsync(id, cancellationToken), o => [o.RequesterDepartment, o.ProviderDepartment]);

    // 项目验收数据汇交
    private static async Task<Created<Domain.Projects.Project>> RegisterProjectAsync(
        RegisterProject request, HttpContext context, Projects projects, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var project = await projects.RegisterAsync(request, await UserAsync(context, dbFactory, cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/projects/{project.Id}", project);
    }

    private static Task<Results<Ok<Domain.Projects.Project>, NotFound>> GetProjectAsync(Guid id, HttpContext context, Projects projects, CancellationToken cancellationToken) =>
        ScopedAsync(context, () => projects.GetProjectAsync(id, cancellationToken), p => [p.BuildingDepartment]);

    public sealed record CompletionRequest(DateOnly? CompletionDate);

    private static async Task<Results<Created<Domain.Projects.AcceptanceSubmission>, NotFound, ValidationProblem>> DeclareCompletionAsync(
        Guid id, CompletionRequest request, HttpContext context, Projects projects, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        if (await GetProjectAsync(id, context, projects, cancellationToken) is { Result: NotFound })
        {
            return TypedResults.NotFound();
        }

        if (request.CompletionDate is not { } date)
        {
            var errors = new QueryErrors();
            errors.Add("completionDate", "Give the completion date (yyyy-MM-dd).");
            return errors.ToProblem();
        }

        var submission = await projects.DeclareCompletionAsync(id, date, await UserAsync(context, dbFactory, cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/projects/{id}", submission);
    }

    /// <summary>Whether the project's payment may be released: finance, the office and the building department see it.</summary>
    private static async Task<Results<Ok<PaymentGate>, NotFound>> PaymentGateAsync(Guid id, HttpContext context, Projects projects, CancellationToken cancellationToken)
    {
        return CallerBinding.Require(context).HasRole(Roles.Finance)
            ? TypedResults.Ok(await projects.PaymentGateAsync(id, cancellationToken))
            : await ScopedAsync(context, () => projects.PaymentGateAsync(id, cancellationToken), g => [g.BuildingDepartment]);
    }

    private static async Task<Results<Ok<IReadOnlyList<PaymentGate>>, ForbidHttpResult>> PaymentGatesAsync(HttpContext context, Projects projects, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        return caller.HasRole(Roles.Finance) || caller.SeesAllDepartments
            ? TypedResults.Ok(await projects.PaymentGatesAsync(cancellationToken))
            : TypedResults.Forbid();
    }

    private static async Task<Results<Ok<Domain.Projects.Project>, NotFound>> GoLiveAsync(
        Guid id, HttpContext context, Projects projects, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        if (await GetProjectAsync(id, context, projects, cancellationToken) is { Result: NotFound })
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await projects.GoLiveAsync(id, await UserAsync(context, dbFactory, cancellationToken), cancellationToken));
    }

    // 开放申请
    private static async Task<Created<Domain.OpenData.OpenDataRequest>> SubmitOpenDataAsync(
        SubmitOpenDataRequest request, HttpContext context, OpenDataRequests requests, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var registered = await requests.SubmitAsync(request, await UserAsync(context, dbFactory, cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/open-data-requests/{registered.Id}", registered);
    }

    private static Task<Results<Ok<Domain.OpenData.OpenDataRequest>, NotFound>> GetOpenDataAsync(Guid id, HttpContext context, OpenDataRequests requests, CancellationToken cancellationToken) =>
        ScopedAsync(context, () => requests.GetAsync(id, cancellationToken), r => [r.ProviderDepartment]);

    // 限期整改
    public sealed record IssueOrderRequest(Guid SubjectCaseId, string? Department, string? Reasons);

    private static async Task<Created<Domain.Supervision.RectificationOrder>> IssueOrderAsync(
        IssueOrderRequest request, HttpContext context, RectificationOrders orders, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var order = await orders.IssueAsync(request.SubjectCaseId, request.Department ?? string.Empty, request.Reasons ?? string.Empty, await UserAsync(context, dbFactory, cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/rectification-orders/{order.Id}", order);
    }

    private static Task<Results<Ok<Domain.Supervision.RectificationOrder>, NotFound>> GetOrderAsync(Guid id, HttpContext context, RectificationOrders orders, CancellationToken cancellationToken) =>
        ScopedAsync(context, () => orders.GetAsync(id, cancellationToken), o => [o.Department]);
}
