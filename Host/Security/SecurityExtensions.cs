using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using ShareFlow.Domain.Organisation;

namespace ShareFlow.Host.Security;

internal static class SecurityExtensions
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string LoginRateLimit = "login";
    public const string XsrfCookie = "XSRF-TOKEN";
    public const string XsrfHeader = "X-XSRF-TOKEN";

    public static void AddShareFlowSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        var signIn = builder.Configuration.GetSection(SignInPolicy.SectionName).Get<SignInPolicy>() ?? new SignInPolicy();
        services.AddSingleton(signIn);
        services.AddAuthentication(Scheme).AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "shareflow.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            // A session lasts in real time, even when the business clock is simulated and jumps weeks ahead.
            options.TimeProvider = TimeProvider.System;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // An API answers 401/403; it never redirects to a login page.
            options.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.PolicyAdmin, policy => policy.RequireRole(Roles.PolicyAdmin))
            .AddPolicy(Roles.CoordinatingOffice, policy => policy.RequireRole(Roles.CoordinatingOffice))
            .AddPolicy(Roles.Auditor, policy => policy.RequireRole(Roles.Auditor, Roles.CoordinatingOffice));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = XsrfHeader;
            options.Cookie.Name = "shareflow.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signIn.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    public static void UseShareFlowSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuditTrail();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.Use(RequireXsrfTokenAsync);
    }

    /// <summary>Issues the readable XSRF-TOKEN cookie for the signed-in <paramref name="principal"/>.</summary>
    public static void IssueXsrfToken(HttpContext context, IAntiforgery antiforgery, System.Security.Claims.ClaimsPrincipal principal)
    {
        context.User = principal;
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Cookies.Append(XsrfCookie, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
    }

    /// <summary>Whether a request with this method may change state (anything but GET, HEAD and OPTIONS).</summary>
    internal static bool ChangesState(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    /// <summary>
    /// Every state change by a signed-in caller must send the XSRF-TOKEN cookie's value back in the X-XSRF-TOKEN header;
    /// signing in itself is exempt. A missing or wrong token answers 400 naming the header; nothing is done.
    /// </summary>
    private static async Task RequireXsrfTokenAsync(HttpContext context, RequestDelegate next)
    {
        if (ChangesState(context.Request.Method) && context.User.Identity?.IsAuthenticated == true && !context.Request.Path.StartsWithSegments("/api/auth/login", StringComparison.Ordinal))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [XsrfHeader] = ["Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."] },
                    title: "The request's anti-forgery token is missing or wrong.").ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}

/// <summary>Configuration section <c>SignIn</c>.</summary>
public sealed class SignInPolicy
{
    public const string SectionName = "SignIn";

    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts one address may make per minute before it is told to wait (429).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;
}
