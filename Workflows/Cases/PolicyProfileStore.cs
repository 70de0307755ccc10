using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Policy;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// The deployment's policy profile (configuration <c>Policy:Profile</c>) and its versions. The shipped values are version 1;
/// a policy admin's change stores version n+1, which instances started afterwards use.
/// </summary>
public sealed class PolicyProfileStore(IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock, PolicyOptions options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ActiveCode { get; } = PolicyProfiles.Get(options.Profile).Code;

    /// <summary>The latest version of the deployment's profile.</summary>
    public Task<PolicyProfile> ActiveAsync(CancellationToken cancellationToken) => LatestAsync(ActiveCode, cancellationToken);

    public async Task<PolicyProfile> LatestAsync(string code, CancellationToken cancellationToken)
    {
        var shipped = PolicyProfiles.Get(code);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = await db.PolicyProfiles.AsNoTracking().Where(p => p.Code == code).OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return record is null ? shipped : FromRecord(shipped, record);
    }

    /// <summary>Stores a new version of <paramref name="code"/> with some numbers of days changed.</summary>
    /// <exception cref="DomainException">An unknown parameter or an impossible number.</exception>
    public async Task<PolicyProfile> ChangeDaysAsync(string code, IReadOnlyDictionary<string, int> changes, string changedBy, CancellationToken cancellationToken)
    {
        var next = (await LatestAsync(code, cancellationToken).ConfigureAwait(false)).WithDays(changes);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.PolicyProfiles.Add(new PolicyProfileRecord
        {
            Code = code,
            Version = next.Version,
            Document = JsonSerializer.Serialize(new StoredDays(next.Days.ToDictionary(StringComparer.Ordinal)), Json),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = changedBy,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return next;
    }

    private static PolicyProfile FromRecord(PolicyProfile shipped, PolicyProfileRecord record)
    {
        var stored = JsonSerializer.Deserialize<StoredDays>(record.Document, Json) ?? throw new InvalidDataException($"Profile {record.Code} v{record.Version} is empty.");
        return shipped with { Version = record.Version, Days = stored.Days.ToFrozenDictionary(StringComparer.Ordinal) };
    }

    private sealed record StoredDays(Dictionary<string, int> Days);
}

/// <summary>Configuration section <c>Policy</c>.</summary>
public sealed class PolicyOptions
{
    public const string SectionName = "Policy";

    /// <summary><c>fuzhou</c> | <c>lanzhou</c> | <c>beijing</c> | <c>shenyang</c> | <c>hebei</c>.</summary>
    public string Profile { get; set; } = PolicyProfiles.Fuzhou;
}
