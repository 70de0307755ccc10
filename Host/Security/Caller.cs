using System.Security.Claims;
using ShareFlow.Domain.Organisation;
using RoleNames = ShareFlow.Domain.Organisation.Roles;

namespace ShareFlow.Host.Security;

/// <summary>Who is calling, from the sign-in cookie: user, department and roles.</summary>
public sealed record Caller(string UserName, string DisplayName, string Department, IReadOnlySet<string> Roles)
{
    public const string DepartmentClaim = "shareflow:department";
    public const string DisplayNameClaim = "shareflow:display-name";

    /// <summary>The coordinating office sees every department's cases.</summary>
    public bool SeesAllDepartments => Roles.Contains(RoleNames.CoordinatingOffice) || Roles.Contains(RoleNames.Auditor);

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>Whether the caller may see a case between <paramref name="departments"/> (as requester or provider).</summary>
    public bool CanSee(params string?[] departments) => SeesAllDepartments || departments.Contains(Department);

    public static Caller? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.Name) is not { } name)
        {
            return null;
        }

        return new Caller(
            name,
            principal.FindFirstValue(DisplayNameClaim) ?? name,
            principal.FindFirstValue(DepartmentClaim) ?? string.Empty,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    public static ClaimsPrincipal PrincipalOf(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(DisplayNameClaim, user.DisplayName),
            new(DepartmentClaim, user.DepartmentCode),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SecurityExtensions.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// <summary>Binds the signed-in <see cref="Caller"/> as an endpoint parameter; endpoints that take one require sign-in.</summary>
public static class CallerBinding
{
    public static Caller Require(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Caller.From(context.User) ?? throw new UnauthorizedAccessException("Sign in first.");
    }
}
