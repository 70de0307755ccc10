using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Apis;

/// <summary>The notification centre: notices for the caller, for their whole department, or for their department's holders of one of their roles.</summary>
internal static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/read", MarkReadAsync).WithSummary("Mark a notification read");
        return group;
    }

    public sealed record NotificationResponse(Guid Id, Guid? CaseId, string Kind, string Subject, string Body, DateTimeOffset CreatedAt, bool Read);

    public sealed record NotificationsResponse(int UnreadCount, IReadOnlyList<NotificationResponse> Items);

    private static async Task<Ok<NotificationsResponse>> ListAsync(HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = await Mine(db, caller).OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var unread = await Mine(db, caller).CountAsync(n => n.ReadAt == null, cancellationToken);
        return TypedResults.Ok(new NotificationsResponse(unread, [.. mine.Select(n => new NotificationResponse(n.Id, n.CaseId, n.Kind, n.Subject, n.Body, n.CreatedAt, n.ReadAt is not null))]));
    }

    private static async Task<Results<NoContent, NotFound>> MarkReadAsync(Guid id, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notice = await Mine(db, caller).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null)
        {
            return TypedResults.NotFound();
        }

        db.Attach(notice);
        notice.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static IQueryable<Domain.Sharing.Notice> Mine(ShareFlowDbContext db, Caller caller)
    {
        var roles = caller.Roles.ToList();
        return db.Notices.AsNoTracking().Where(n =>
            n.RecipientUser == caller.UserName
            // A notice to a department without a role is for all its members, as its e-mail is.
            || (n.RecipientUser == null && n.RecipientDepartment == caller.Department && (n.RecipientRole == null || roles.Contains(n.RecipientRole)))
            // 代理: a colleague's personal notices sent while the caller was their deputy.
            || db.Deputies.Any(d => d.Deputy == caller.UserName && d.Principal == n.RecipientUser && d.StartsAt <= n.CreatedAt && n.CreatedAt < d.EndsAt && (d.EndedAt == null || n.CreatedAt < d.EndedAt)));
    }
}
