using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Apis;

/// <summary>代理 acting officials: the caller names a colleague to act for them while away, lists their periods, ends one early.</summary>
internal static class DeputiesApi
{
    public static RouteGroupBuilder MapDeputiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/deputies").WithTags("Deputies").RequireAuthorization();
        group.MapPost("/", NameAsync).WithSummary("Name a deputy");
        group.MapGet("/", ListAsync);
        group.MapDelete("/{id:guid}", EndAsync).WithSummary("End a deputyship");
        return group;
    }

    /// <summary><c>from</c> and <c>until</c>: dates (yyyy-MM-dd, whole days in Asia/Shanghai, both included) or ISO 8601 instants with an offset.</summary>
    public sealed record DeputyRequest(string? Deputy, string? From, string? Until, string? Reason);

    /// <summary>
    /// <c>role</c> is <c>principal</c> (the caller named this deputy) or <c>deputy</c> (the caller acts for the principal);
    /// <c>status</c> is <c>scheduled</c>, <c>running</c>, <c>ended</c> (ended early) or <c>over</c>.
    /// </summary>
    public sealed record DeputyResponse(Guid Id, string Principal, string Deputy, string Department, DateTimeOffset From, DateTimeOffset Until, DateTimeOffset? EndedAt, string? Reason, string Role, string Status);

    private static async Task<Created<DeputyResponse>> NameAsync(DeputyRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, Deputies deputies, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var user = await SharingApi.UserAsync(dbFactory, caller, cancellationToken);
        var record = await deputies.NameAsync(user, request?.Deputy, request?.From, request?.Until, request?.Reason, cancellationToken);
        return TypedResults.Created($"/api/me/deputies/{record.Id}", View(record, caller.UserName, clock.GetUtcNow()));
    }

    private static async Task<Ok<List<DeputyResponse>>> ListAsync(HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, Deputies deputies, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var user = await SharingApi.UserAsync(dbFactory, caller, cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok((await deputies.ListAsync(user, cancellationToken)).Select(d => View(d, caller.UserName, now)).ToList());
    }

    private static async Task<Ok<DeputyResponse>> EndAsync(Guid id, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, Deputies deputies, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var user = await SharingApi.UserAsync(dbFactory, caller, cancellationToken);
        var record = await deputies.EndAsync(id, user, cancellationToken);
        return TypedResults.Ok(View(record, caller.UserName, clock.GetUtcNow()));
    }

    private static DeputyResponse View(DeputyRecord d, string caller, DateTimeOffset now) => new(
        d.Id, d.Principal, d.Deputy, d.Department, d.StartsAt, d.EndsAt, d.EndedAt, d.Reason, d.Principal == caller ? "principal" : "deputy",
        d.EndedAt is { } ended && ended <= now && ended < d.EndsAt ? "ended" : d.EffectiveEnd <= now ? "over" : d.StartsAt > now ? "scheduled" : "running");
}
