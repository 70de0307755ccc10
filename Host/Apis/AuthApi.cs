using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Organisation;
using ShareFlow.Host.Cases;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Apis;

/// <summary>Cookie sign-in. The login answers the same for an unknown user and a wrong password.</summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Sign-in");
        group.MapPost("/login", LoginAsync).WithSummary("Sign in").RequireRateLimiting(SecurityExtensions.LoginRateLimit);
        group.MapPost("/logout", LogoutAsync).WithSummary("Sign out").RequireAuthorization();
        group.MapGet("/me", Me).RequireAuthorization();
        return group;
    }

    public sealed record LoginRequest(string? UserName, string? Password);

    public sealed record MeResponse(string UserName, string DisplayName, string Department, string? DepartmentName, IReadOnlyList<string> Roles);

    private static async Task<Results<Ok<MeResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, IPasswordHasher<User> hasher,
        IAntiforgery antiforgery, SignInPolicy options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.UserName))
        {
            errors["userName"] = ["Enter the user name."];
        }

        if (string.IsNullOrEmpty(request?.Password))
        {
            errors["password"] = ["Enter the password."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Sign-in needs a user name and a password.");
        }

        var userName = request!.UserName!.Trim();
        context.Items[AuditTrail.AttemptedUserKey] = userName;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        var now = clock.GetUtcNow();
        if (user is not null && user.IsLockedOut(now))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The account is locked after repeated failed sign-ins.",
                detail: $"Try again after {ChinaFormat.DateTime(user.LockoutEnd)}.");
        }

        var verification = user?.PasswordHash is { } hash ? hasher.VerifyHashedPassword(user, hash, request.Password!) : PasswordVerificationResult.Failed;
        if (verification == PasswordVerificationResult.Failed)
        {
            if (user is not null)
            {
                user.RecordFailedSignIn(now, options.MaxFailedAttempts, options.Lockout);
                await db.SaveChangesAsync(cancellationToken);
            }

            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The user name or the password is wrong.");
        }

        user!.RecordSignIn();
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, request.Password!);
        }

        await db.SaveChangesAsync(cancellationToken);
        var principal = Caller.PrincipalOf(user);
        await context.SignInAsync(SecurityExtensions.Scheme, principal);
        SecurityExtensions.IssueXsrfToken(context, antiforgery, principal);
        var department = await DepartmentNameAsync(db, user.DepartmentCode, cancellationToken);
        return TypedResults.Ok(new MeResponse(user.UserName, user.DisplayName, user.DepartmentCode, department, user.Roles));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await context.SignOutAsync(SecurityExtensions.Scheme);
        context.Response.Cookies.Delete(SecurityExtensions.XsrfCookie);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> Me(HttpContext context, IAntiforgery antiforgery, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        SecurityExtensions.IssueXsrfToken(context, antiforgery, context.User);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var department = await DepartmentNameAsync(db, caller.Department, cancellationToken);
        return TypedResults.Ok(new MeResponse(caller.UserName, caller.DisplayName, caller.Department, department, [.. caller.Roles.Order(StringComparer.Ordinal)]));
    }

    private static Task<string?> DepartmentNameAsync(ShareFlowDbContext db, string code, CancellationToken cancellationToken) =>
        db.Departments.Where(d => d.Code == code).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
}
