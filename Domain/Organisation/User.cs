namespace ShareFlow.Domain.Organisation;

/// <summary>A person who signs in: a member of one department, holding one or more roles there.</summary>
public sealed class User
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0044:Add readonly modifier", Justification = "EF Core sets it when it reads the row.")]
    private List<string> _roles = [];

    private User()
    {
    }

    public User(string userName, string displayName, string departmentCode, IEnumerable<string> roles, string? email = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentCode);
        ArgumentNullException.ThrowIfNull(roles);
        UserName = userName;
        DisplayName = displayName;
        DepartmentCode = departmentCode;
        Email = email;
        _roles = [.. roles.Distinct(StringComparer.Ordinal)];
        var unknown = _roles.Except(Organisation.Roles.All, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException($"Unknown role(s): {string.Join(", ", unknown)}.");
        }
    }

    public string UserName { get; private set; } = null!;

    public string DisplayName { get; private set; } = null!;

    public string DepartmentCode { get; private set; } = null!;

    public string? Email { get; private set; }

    public IReadOnlyList<string> Roles => _roles;

    /// <summary>ASP.NET Core Identity's password hash; null until a password is set.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Failed sign-ins since the last successful one.</summary>
    public int AccessFailedCount { get; private set; }

    /// <summary>Until when sign-in is refused after too many failures.</summary>
    public DateTimeOffset? LockoutEnd { get; private set; }

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;

    /// <summary>Counts a failed sign-in; the <paramref name="maxFailures"/>th in a row locks the account for <paramref name="lockout"/>.</summary>
    public void RecordFailedSignIn(DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        AccessFailedCount++;
        if (AccessFailedCount >= maxFailures)
        {
            LockoutEnd = now + lockout;
            AccessFailedCount = 0;
        }
    }

    public void RecordSignIn()
    {
        AccessFailedCount = 0;
        LockoutEnd = null;
    }

    public bool HasRole(string role) => _roles.Contains(role, StringComparer.Ordinal);
}
