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
        var ids = mine.Select(n => n.Id).ToList();
        var unreadOnes = Mine(db, caller).Where(UnreadBy(db, caller.UserName));
        var unreadListed = (await unreadOnes.Where(n => ids.Contains(n.Id)).Select(n => n.Id).ToListAsync(cancellationToken)).ToHashSet();
        var unread = await unreadOnes.CountAsync(cancellationToken);
        return TypedResults.Ok(new NotificationsResponse(unread, [.. mine.Select(n => new NotificationResponse(n.Id, n.CaseId, n.Kind, n.Subject, n.Body, n.CreatedAt, !unreadListed.Contains(n.Id)))]));
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

        if (await IsReadByAsync(db, id, caller.UserName, cancellationToken))
        {
            return TypedResults.NoContent();
        }

        var now = clock.GetUtcNow();
        db.NoticeReads.Add(new NoticeReadRecord { NoticeId = id, UserName = caller.UserName, ReadAt = now });
        if (notice.RecipientUser == caller.UserName)
        {
            // A personal notice also records when its own recipient read it.
            db.Attach(notice);
            notice.MarkRead(now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person marking it read twice at once (two tabs) finds it read; anything else is an error.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await IsReadByAsync(fresh, id, caller.UserName, cancellationToken))
            {
                throw;
            }
        }

        return TypedResults.NoContent();
    }

    private static Task<bool> IsReadByAsync(ShareFlowDbContext db, Guid id, string user, CancellationToken cancellationToken) =>
        db.NoticeReads.AnyAsync(r => r.NoticeId == id && r.UserName == user, cancellationToken);

    /// <summary>
    /// The notices <paramref name="user"/> has not read: no record of their reading it, and not read before each reader had
    /// their own record (a personal notice its recipient read, or a notice to a department or a role that one of its
    /// members read, which stays read for all of them).
    /// </summary>
    private static System.Linq.Expressions.Expression<Func<Domain.Sharing.Notice, bool>> UnreadBy(ShareFlowDbContext db, string user) =>
        n => !db.NoticeReads.Any(r => r.NoticeId == n.Id && r.UserName == user) && (n.ReadAt == null || (n.RecipientUser != null && n.RecipientUser != user));

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
