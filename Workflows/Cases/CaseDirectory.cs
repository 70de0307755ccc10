using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// A case of any kind, as the clerk's operations need it: its number, the department that brought it (the requester,
/// who may urge), and every department party to it (who may see it).
/// </summary>
/// <param name="Id">The case's id, which is its process instance's id.</param>
/// <param name="ProcessKey">The process definition's key, e.g. <c>sharingApplication</c>.</param>
/// <param name="Departments">The case's parties, and every department one of its tasks was offered to.</param>
public sealed record CaseInfo(Guid Id, string ProcessKey, string? Number, string? RequesterDepartment, IReadOnlyList<string> Departments, string? Jurisdiction, bool IsActive);

/// <summary>Finds cases of every kind by their id (= process instance id): sharing applications, disputes, objections, catalog changes, acceptance submissions, open-data requests, rectification orders.</summary>
public static class CaseDirectory
{
    /// <returns>Null when there is no such case.</returns>
    public static async Task<CaseInfo?> FindAsync(ShareFlowDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var instance = await db.ProcessInstances.AsNoTracking().Where(i => i.Id == caseId)
            .Select(i => new { i.DefinitionKey, i.Jurisdiction, i.Status }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return null;
        }

        var (number, requester, parties) = await PartiesAsync(db, caseId, cancellationToken).ConfigureAwait(false);
        var offered = await db.UserTasks.AsNoTracking().Where(t => t.InstanceId == caseId && t.CandidateDepartment != null)
            .Select(t => t.CandidateDepartment!).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return new CaseInfo(caseId, instance.DefinitionKey, number, requester, [.. parties.Concat(offered).Distinct(StringComparer.Ordinal)], instance.Jurisdiction, instance.Status == InstanceStatus.Active);
    }

    /// <summary>The case numbers (e.g. SQ-20260923-0001) of the given cases that have one.</summary>
    public static async Task<Dictionary<Guid, string>> NumbersAsync(ShareFlowDbContext db, IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = caseIds.Distinct().ToList();
        var numbers = new Dictionary<Guid, string>();
        if (ids.Count == 0)
        {
            return numbers;
        }

        void Add(IEnumerable<(Guid Id, string Number)> found)
        {
            foreach (var (id, number) in found)
            {
                numbers.TryAdd(id, number);
            }
        }

        Add((await db.SharingApplications.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(c => (c.Id, c.Number)));
        Add((await db.Disputes.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(c => (c.Id, c.Number)));
        Add((await db.DataObjections.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(c => (c.Id, c.Number)));
        Add((await db.CatalogChanges.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(c => (c.Id, c.Number)));
        Add((await db.AcceptanceSubmissions.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(c => (c.Id, c.Number)));
        Add((await db.OpenDataRequests.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(c => (c.Id, c.Number)));
        Add((await db.RectificationOrders.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(c => (c.Id, c.Number)));
        return numbers;
    }

    private static async Task<(string? Number, string? Requester, List<string> Parties)> PartiesAsync(ShareFlowDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (await db.SharingApplications.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Number, c.RequesterDepartment, c.ProviderDepartment }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } sharing)
        {
            return (sharing.Number, sharing.RequesterDepartment, [sharing.RequesterDepartment, sharing.ProviderDepartment]);
        }

        if (await db.Disputes.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Number, c.RequesterDepartment, c.ProviderDepartment }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } dispute)
        {
            return (dispute.Number, dispute.RequesterDepartment, [dispute.RequesterDepartment, dispute.ProviderDepartment]);
        }

        if (await db.DataObjections.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Number, c.RequesterDepartment, c.ProviderDepartment }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } objection)
        {
            return (objection.Number, objection.RequesterDepartment, [objection.RequesterDepartment, objection.ProviderDepartment]);
        }

        if (await db.CatalogChanges.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Number, c.Department }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } change)
        {
            return (change.Number, change.Department, [change.Department]);
        }

        if (await db.AcceptanceSubmissions.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Number, c.BuildingDepartment }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } acceptance)
        {
            return (acceptance.Number, acceptance.BuildingDepartment, [acceptance.BuildingDepartment]);
        }

        if (await db.OpenDataRequests.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Number, c.ProviderDepartment }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } openData)
        {
            // Brought by a member of the public: no department of the city may urge it but the office.
            return (openData.Number, null, [openData.ProviderDepartment]);
        }

        if (await db.RectificationOrders.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Number, c.Department }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } order)
        {
            return (order.Number, null, [order.Department]);
        }

        return (null, null, []);
    }
}

/// <summary>Who may see a case and who takes part in it, for users of every role.</summary>
public static class CaseAccess
{
    /// <summary>The coordinating office and the auditors see every department's cases.</summary>
    public static bool SeesAllDepartments(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasRole(Roles.CoordinatingOffice) || user.HasRole(Roles.Auditor);
    }

    /// <summary>A party to the case: one of its departments, or the office. Parties may act on it (attach files, urge as requester).</summary>
    public static bool IsParty(CaseInfo @case, User user)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(user);
        return user.HasRole(Roles.CoordinatingOffice) || @case.Departments.Contains(user.DepartmentCode, StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether the user may read the case: a party, the office or an auditor, or someone it was copied to (抄送, the user or
    /// their department), or a co-signer asked to sign one of its tasks (加签).
    /// </summary>
    public static async Task<bool> CanSeeAsync(ShareFlowDbContext db, CaseInfo @case, User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(user);
        return SeesAllDepartments(user) || IsParty(@case, user) || await HasReadGrantAsync(db, @case.Id, user.UserName, user.DepartmentCode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Read-only access that is not a party's: a copy to the user or their department, or a co-sign request.</summary>
    public static async Task<bool> HasReadGrantAsync(ShareFlowDbContext db, Guid caseId, string userName, string department, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.CaseCopies.AsNoTracking().AnyAsync(c => c.CaseId == caseId && (c.RecipientUser == userName || c.RecipientDepartment == department), cancellationToken).ConfigureAwait(false)
            || await db.TaskCosigns.AsNoTracking().AnyAsync(c => c.InstanceId == caseId && c.Signer == userName, cancellationToken).ConfigureAwait(false);
    }
}
