using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Organisation;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Apis;

/// <summary>
/// The organisation a policy admin (流程管理员) maintains: departments — name, short name printed in document numbers,
/// principal (主要负责人) — and users — name, department, roles, e-mail, password, lockout. Every signed-in user may read
/// the departments (lists and reports filter by them) and the staff directory (通讯录: names, departments and roles, to
/// pick a colleague to transfer or delegate a task to); everything else is the policy admin's. Changes to a user's roles
/// or department take effect at their next sign-in.
/// </summary>
internal static partial class OrganisationApi
{
    public static void MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var departments = app.MapGroup("/api/departments").WithTags("Organisation").RequireAuthorization();
        departments.MapGet("/", ListDepartmentsAsync);
        departments.MapPost("/", CreateDepartmentAsync).WithSummary("Register a department").RequireAuthorization(Roles.PolicyAdmin);
        // The route value is named id so that the audit trail records which department was changed.
        departments.MapPatch("/{id}", ChangeDepartmentAsync).WithSummary("Change a department").RequireAuthorization(Roles.PolicyAdmin);

        var users = app.MapGroup("/api/users").WithTags("Organisation").RequireAuthorization(Roles.PolicyAdmin);
        users.MapGet("/", ListUsersAsync);
        users.MapPost("/", CreateUserAsync).WithSummary("Create a user account");
        users.MapPatch("/{id}", ChangeUserAsync).WithSummary("Change a user account");

        app.MapGet("/api/colleagues", ListColleaguesAsync).WithTags("Organisation").RequireAuthorization();
        app.MapGet("/api/people", ListPeopleAsync).WithTags("Organisation").RequireAuthorization();
    }

    /// <summary>How many user names one look-up of <c>/api/people</c> takes.</summary>
    public const int MaxPeoplePerLookup = 100;

    /// <summary>A user as a case names them: 姓名 and department.</summary>
    public sealed record PersonResponse(string UserName, string DisplayName, string Department);

    public sealed record ColleagueResponse(string UserName, string DisplayName, string Department, IReadOnlyList<string> Roles);

    public sealed record DepartmentResponse(string Code, string Name, string? ShortName, string Kind, string? Supervisor);

    public sealed record CreateDepartmentRequest(string? Code, string? Name, string? ShortName, string? Kind, string? Supervisor);

    /// <summary>Absent (null) leaves a value as it is; an empty <c>shortName</c> or <c>supervisor</c> removes it.</summary>
    public sealed record ChangeDepartmentRequest(string? Name, string? ShortName, string? Supervisor);

    public sealed record UserResponse(string UserName, string DisplayName, string Department, IReadOnlyList<string> Roles, string? Email, bool HasPassword, bool LockedOut, DateTimeOffset? LockoutEnd);

    public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Department, List<string>? Roles, string? Email, string? Password);

    /// <summary>Absent (null) leaves a value as it is; an empty <c>email</c> removes it; <c>unlock</c> ends a lockout after failed sign-ins.</summary>
    public sealed record ChangeUserRequest(string? DisplayName, string? Department, List<string>? Roles, string? Email, string? Password, bool? Unlock);

    /// <summary>The roles that only members of one kind of department may hold: office powers stay in the office.</summary>
    private static readonly Dictionary<string, DepartmentKind> RoleHome = new(StringComparer.Ordinal)
    {
        [Roles.CoordinatingOffice] = DepartmentKind.CoordinatingOffice,
        [Roles.LeadingGroup] = DepartmentKind.LeadingGroup,
        [Roles.CityGovernment] = DepartmentKind.CityGovernment,
        [Roles.Finance] = DepartmentKind.Finance,
    };

    private static async Task<Ok<List<DepartmentResponse>>> ListDepartmentsAsync(IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var shortNames = await db.DepartmentShortNames.AsNoTracking().ToDictionaryAsync(s => s.Department, s => s.ShortName, cancellationToken);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(departments.Select(d => View(d, shortNames.GetValueOrDefault(d.Code))).ToList());
    }

    private static async Task<Results<Created<DepartmentResponse>, ValidationProblem, ProblemHttpResult>> CreateDepartmentAsync(
        CreateDepartmentRequest? request, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var code = request?.Code?.Trim();
        if (string.IsNullOrEmpty(code) || !DepartmentCode().IsMatch(code))
        {
            errors.Add("code", "A code is 2-32 characters: lower-case letters, digits and hyphens, starting with a letter (e.g. psb).");
        }

        var name = CheckName(errors, request?.Name);
        var shortName = CheckShortName(errors, request?.ShortName);
        var kind = DepartmentKind.Ordinary;
        if (!string.IsNullOrWhiteSpace(request?.Kind))
        {
            if (KindOf(request.Kind.Trim()) is { } known)
            {
                kind = known;
            }
            else
            {
                errors.Add("kind", $"'{request.Kind}' is not a kind of department; choose from {string.Join(", ", Enum.GetValues<DepartmentKind>().Select(KindName))}.");
            }
        }

        if (!string.IsNullOrWhiteSpace(request?.Supervisor))
        {
            // Nobody belongs to a department that does not exist yet: appoint its principal once its users are created.
            errors.Add("supervisor", "The principal must be a user of the department; create the department first, then its users, then appoint one.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Departments.AnyAsync(d => d.Code == code, cancellationToken))
        {
            return Conflict("code", $"There is already a department '{code}'.");
        }

        if (await db.Departments.AnyAsync(d => d.Name == name, cancellationToken))
        {
            return Conflict("name", $"There is already a department named {name}.");
        }

        var department = new Department(code!, name!, kind);
        db.Departments.Add(department);
        if (shortName is { Length: > 0 })
        {
            db.DepartmentShortNames.Add(new DepartmentShortNameRecord { Department = code!, ShortName = shortName });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created by someone else between the check above and now.
            return Conflict("code", $"There is already a department '{code}'.");
        }

        return TypedResults.Created($"/api/departments/{code}", View(department, shortName is { Length: > 0 } ? shortName : null));
    }

    private static async Task<Results<Ok<DepartmentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeDepartmentAsync(
        string id, ChangeDepartmentRequest? request, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Code == id, cancellationToken);
        if (department is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new QueryErrors();
        var name = request?.Name is null ? null : CheckName(errors, request.Name);
        var shortName = CheckShortName(errors, request?.ShortName);
        var supervisor = request?.Supervisor?.Trim();
        if (supervisor is { Length: > 0 })
        {
            var member = await db.Users.AsNoTracking().Where(u => u.UserName == supervisor).Select(u => u.DepartmentCode).SingleOrDefaultAsync(cancellationToken);
            if (member != department.Code)
            {
                errors.Add("supervisor", member is null
                    ? $"There is no user '{supervisor}'."
                    : $"{supervisor} belongs to another department; the principal must be a user of {department.Name}.");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (name is not null && name != department.Name)
        {
            if (await db.Departments.AnyAsync(d => d.Name == name && d.Code != department.Code, cancellationToken))
            {
                return Conflict("name", $"There is already a department named {name}.");
            }

            // Department has no rename of its own; the name is a plain attribute, set here after the checks above.
            db.Entry(department).Property(d => d.Name).CurrentValue = name;
        }

        if (supervisor is not null)
        {
            department.AppointSupervisor(supervisor.Length == 0 ? null : supervisor);
        }

        var stored = await db.DepartmentShortNames.SingleOrDefaultAsync(s => s.Department == department.Code, cancellationToken);
        if (shortName is not null)
        {
            if (shortName.Length == 0 && stored is not null)
            {
                db.DepartmentShortNames.Remove(stored);
                stored = null;
            }
            else if (shortName.Length > 0 && stored is null)
            {
                stored = new DepartmentShortNameRecord { Department = department.Code, ShortName = shortName };
                db.DepartmentShortNames.Add(stored);
            }
            else if (stored is not null)
            {
                stored.ShortName = shortName;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(department, stored?.ShortName));
    }

    private static async Task<Ok<List<UserResponse>>> ListUsersAsync(IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock, string? department, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(department))
        {
            query = query.Where(u => u.DepartmentCode == department);
        }

        var now = clock.GetUtcNow();
        return TypedResults.Ok((await query.OrderBy(u => u.DepartmentCode).ThenBy(u => u.UserName).ToListAsync(cancellationToken)).Select(u => View(u, now)).ToList());
    }

    /// <summary>The staff directory of one department (the caller's own unless <paramref name="department"/> names another).</summary>
    private static async Task<Results<Ok<List<ColleagueResponse>>, ValidationProblem>> ListColleaguesAsync(
        HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, string? department, CancellationToken cancellationToken)
    {
        var caller = CallerBinding.Require(context);
        var code = string.IsNullOrWhiteSpace(department) ? caller.Department : department.Trim();
        var errors = new QueryErrors();
        await errors.DepartmentAsync(dbFactory, "department", code, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.DepartmentCode == code).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return TypedResults.Ok(users.Select(u => new ColleagueResponse(u.UserName, u.DisplayName, u.DepartmentCode, [.. u.Roles.Order(StringComparer.Ordinal)])).ToList());
    }

    /// <summary>
    /// The names of the users a case refers to by user name (the applicant, who decided, who reviewed...), for anyone
    /// signed in, as the case history names them; a user name no account has is left out.
    /// </summary>
    private static async Task<Results<Ok<List<PersonResponse>>, ValidationProblem>> ListPeopleAsync(
        IDbContextFactory<ShareFlowDbContext> dbFactory, [FromQuery] string[]? userName, CancellationToken cancellationToken)
    {
        var wanted = (userName ?? []).Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var errors = new QueryErrors();
        if (wanted.Count == 0)
        {
            errors.Add("userName", "Name at least one user: /api/people?userName=clerk.psb&userName=...");
        }
        else if (wanted.Count > MaxPeoplePerLookup)
        {
            errors.Add("userName", $"At most {MaxPeoplePerLookup} user names can be looked up at once; {wanted.Count} were given.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName)).OrderBy(u => u.UserName)
            .Select(u => new PersonResponse(u.UserName, u.DisplayName, u.DepartmentCode))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(people);
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateUserAsync(
        CreateUserRequest? request, IDbContextFactory<ShareFlowDbContext> dbFactory, IPasswordHasher<User> hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new QueryErrors();
        var userName = request?.UserName?.Trim();
        if (string.IsNullOrEmpty(userName) || !UserName().IsMatch(userName))
        {
            errors.Add("userName", "A user name is 2-64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. clerk.psb).");
        }

        var displayName = CheckDisplayName(errors, request?.DisplayName);
        var department = await CheckDepartmentAsync(db, errors, request?.Department, cancellationToken);
        var roles = CheckRoles(errors, request?.Roles, department);
        var email = CheckEmail(errors, request?.Email);
        if (string.IsNullOrEmpty(request?.Password))
        {
            errors.Add("password", "Give the user a first password.");
        }
        else
        {
            CheckPassword(errors, request.Password);
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
        {
            return Conflict("userName", $"There is already a user '{userName}'.");
        }

        var user = new User(userName!, displayName!, department!.Code, roles!, email is { Length: > 0 } ? email : null);
        user.PasswordHash = hasher.HashPassword(user, request!.Password!);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created by someone else between the check above and now.
            return Conflict("userName", $"There is already a user '{userName}'.");
        }

        return TypedResults.Created($"/api/users/{user.UserName}", View(user, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound, ValidationProblem>> ChangeUserAsync(
        string id, ChangeUserRequest? request, IDbContextFactory<ShareFlowDbContext> dbFactory, IPasswordHasher<User> hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new QueryErrors();
        var displayName = request?.DisplayName is null ? null : CheckDisplayName(errors, request.DisplayName);
        var department = request?.Department is null ? null : await CheckDepartmentAsync(db, errors, request.Department, cancellationToken);
        var moves = department is not null && department.Code != user.DepartmentCode;
        if (moves && await db.Departments.AsNoTracking().Where(d => d.Supervisor == user.UserName).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken) is { } heads)
        {
            errors.Add("department", $"{user.UserName} is the principal of {heads}; appoint another principal there first.");
        }

        var home = department ?? await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == user.DepartmentCode, cancellationToken);
        List<string>? roles = null;
        if (request?.Roles is not null)
        {
            roles = CheckRoles(errors, request.Roles, home);
        }
        else if (moves)
        {
            var kept = new QueryErrors();
            if (CheckRoles(kept, [.. user.Roles], department) is null)
            {
                errors.Add("department", $"{user.UserName}'s roles ({string.Join(", ", user.Roles)}) do not fit {department!.Name}; change the roles with the department.");
            }
        }

        if (roles is not null && user.HasRole(Roles.PolicyAdmin) && !roles.Contains(Roles.PolicyAdmin)
            && !(await db.Users.AsNoTracking().Where(u => u.UserName != user.UserName).ToListAsync(cancellationToken)).Any(u => u.HasRole(Roles.PolicyAdmin)))
        {
            errors.Add("roles", $"{user.UserName} is the last policy admin; give another user the role first.");
        }

        var email = CheckEmail(errors, request?.Email);
        if (request?.Password is not null)
        {
            CheckPassword(errors, request.Password);
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // User keeps its attributes private and has no setters for an administrator's corrections: they are set here,
        // after every check above has passed, so a refused change stores nothing.
        var entry = db.Entry(user);
        if (displayName is not null)
        {
            entry.Property(u => u.DisplayName).CurrentValue = displayName;
        }

        if (moves)
        {
            entry.Property(u => u.DepartmentCode).CurrentValue = department!.Code;
        }

        if (roles is not null)
        {
            entry.Property<List<string>>("_roles").CurrentValue = roles;
        }

        if (email is not null)
        {
            entry.Property(u => u.Email).CurrentValue = email.Length == 0 ? null : email;
        }

        if (request?.Password is { } password)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }

        if (request?.Unlock == true)
        {
            user.RecordSignIn();
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(user, clock.GetUtcNow()));
    }

    private static string? CheckName(QueryErrors errors, string? value)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 128)
        {
            errors.Add("name", "Give the department's full name (1-128 characters), e.g. 市公安局.");
            return null;
        }

        return name;
    }

    /// <returns>Null: not given; empty: to be removed.</returns>
    private static string? CheckShortName(QueryErrors errors, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var shortName = value.Trim();
        if (shortName.Length > 32 || shortName.AsSpan().IndexOfAny('〔', '〕') >= 0)
        {
            errors.Add("shortName", "A short name is at most 32 characters and holds neither 〔 nor 〕, as it opens every document number.");
            return null;
        }

        return shortName;
    }

    private static string? CheckDisplayName(QueryErrors errors, string? value)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 128)
        {
            errors.Add("displayName", "Give the person's name (1-128 characters).");
            return null;
        }

        return name;
    }

    private static async Task<Department?> CheckDepartmentAsync(ShareFlowDbContext db, QueryErrors errors, string? value, CancellationToken cancellationToken)
    {
        var code = value?.Trim();
        var department = string.IsNullOrEmpty(code) ? null : await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (department is null)
        {
            errors.Add("department", string.IsNullOrEmpty(code) ? "Choose the user's department." : $"There is no department '{code}'.");
        }

        return department;
    }

    private static List<string>? CheckRoles(QueryErrors errors, List<string>? value, Department? department)
    {
        var roles = (value ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            errors.Add("roles", $"Give at least one role: {string.Join(", ", Roles.All)}.");
            return null;
        }

        var unknown = roles.Except(Roles.All, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("roles", $"Unknown role(s) {string.Join(", ", unknown)}; choose from {string.Join(", ", Roles.All)}.");
            return null;
        }

        var misplaced = department is null ? [] : roles.Where(r => RoleHome.TryGetValue(r, out var home) && home != department.Kind).ToList();
        if (misplaced.Count > 0)
        {
            errors.Add("roles", $"{string.Join(", ", misplaced)} belong(s) to a department of the matching kind, not to {department!.Name} ({KindName(department.Kind)}).");
            return null;
        }

        return roles;
    }

    /// <returns>Null: not given; empty: to be removed.</returns>
    private static string? CheckEmail(QueryErrors errors, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var email = value.Trim();
        if (email.Length > 256 || (email.Length > 0 && (!MailAddress.TryCreate(email, out var address) || address.Address != email)))
        {
            errors.Add("email", $"'{value}' is not an e-mail address.");
            return null;
        }

        return email;
    }

    /// <summary>At least 8 characters from three of: upper-case, lower-case, digits, symbols (the usual rule of 等保 assessments).</summary>
    private static void CheckPassword(QueryErrors errors, string password)
    {
        var classes = new[] { password.Any(char.IsUpper), password.Any(char.IsLower), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }.Count(c => c);
        if (password.Length is < 8 or > 128 || classes < 3)
        {
            errors.Add("password", "A password has 8-128 characters from at least three of: upper-case letters, lower-case letters, digits, symbols.");
        }
    }

    private static ProblemHttpResult Conflict(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "It exists already.",
            Detail = message,
        });

    private static DepartmentResponse View(Department department, string? shortName) =>
        new(department.Code, department.Name, shortName, KindName(department.Kind), department.Supervisor);

    private static UserResponse View(User user, DateTimeOffset now) =>
        new(user.UserName, user.DisplayName, user.DepartmentCode, user.Roles, user.Email, user.PasswordHash is not null, user.IsLockedOut(now), user.IsLockedOut(now) ? user.LockoutEnd : null);

    private static string KindName(DepartmentKind kind) => kind switch
    {
        DepartmentKind.Ordinary => "ordinary",
        DepartmentKind.CoordinatingOffice => "coordinating-office",
        DepartmentKind.LeadingGroup => "leading-group",
        DepartmentKind.CityGovernment => "city-government",
        DepartmentKind.Finance => "finance",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static DepartmentKind? KindOf(string name) => Enum.GetValues<DepartmentKind>().Where(k => KindName(k) == name).Select(k => (DepartmentKind?)k).FirstOrDefault();

    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$")]
    private static partial Regex DepartmentCode();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$")]
    private static partial Regex UserName();
}
