using System.Diagnostics.CodeAnalysis;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Sharing;
using static ShareFlow.Domain.DomainText;

namespace ShareFlow.Domain.Disputes;

/// <summary>
/// 争议协调 (sharing dispute): a department needs another department's data that was refused, or that is not shared,
/// for a duty it must perform. The two departments negotiate first (协商); if they cannot agree, the dispute goes up the
/// profile's tiers — the coordinating office coordinates (协调), and where the profile has a further tier that body
/// decides (Beijing art. 17 领导小组, Shenyang art. 28 市政府, Hebei (十) the office together with the staffing and
/// secrecy departments). At every stage the holder settles it with written reasons or, below the last tier, passes it on.
/// </summary>
[SuppressMessage("Style", "IDE0044:Add readonly modifier", Justification = "EF Core sets the lists when it reads the row.")]
public sealed class Dispute
{
    /// <summary>The stage index while the two departments negotiate, before any tier.</summary>
    public const int NegotiationStage = -1;

    private List<string> _requestedItems = [];
    private List<string> _tierDepartments = [];
    private List<string> _jointDepartments = [];
    private List<string> _passOnReasons = [];
    private List<string> _grantedItems = [];

    private Dispute()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The dispute's number as the departments see it, e.g. ZY-20260923-0001.</summary>
    public string Number { get; private set; } = null!;

    /// <summary>The refused sharing application the dispute is about, if there was one.</summary>
    public Guid? SharingApplicationId { get; private set; }

    public Guid ResourceId { get; private set; }

    public string ResourceName { get; private set; } = null!;

    public ShareType ShareType { get; private set; }

    public string RequesterDepartment { get; private set; } = null!;

    public string ProviderDepartment { get; private set; } = null!;

    public IReadOnlyList<string> RequestedItems => _requestedItems;

    /// <summary>The duty the data serves (履职依据).</summary>
    public string Duty { get; private set; } = null!;

    /// <summary>争议事由: why the requester needs the data despite the refusal.</summary>
    public string Reasons { get; private set; } = null!;

    public string Applicant { get; private set; } = null!;

    public DateTimeOffset FiledAt { get; private set; }

    public DisputeStatus Status { get; private set; }

    /// <summary><see cref="NegotiationStage"/> while negotiating, then the index of the tier holding the dispute.</summary>
    public int TierIndex { get; private set; }

    public int TierCount { get; private set; }

    /// <summary>The department holding each tier, in order (resolved from the profile's tiers when the dispute is filed).</summary>
    public IReadOnlyList<string> TierDepartments => _tierDepartments;

    /// <summary>The departments the office decides together with at a joint tier (Hebei (十): 机构编制、保密部门).</summary>
    public IReadOnlyList<string> JointDepartments => _jointDepartments;

    /// <summary>The provider's reasons for not agreeing in negotiation, or a note that it did not answer in time.</summary>
    public string? NegotiationReply { get; private set; }

    public bool NegotiationLapsed { get; private set; }

    /// <summary>Why each tier passed the dispute on, in order.</summary>
    public IReadOnlyList<string> PassOnReasons => _passOnReasons;

    /// <summary>How many tier deadlines passed without a decision.</summary>
    public int OverdueTiers { get; private set; }

    public DisputeOutcome? Outcome { get; private set; }

    /// <summary>Where it was settled: <see cref="NegotiationStage"/> (agreement) or a tier index.</summary>
    public int? SettledAtTier { get; private set; }

    /// <summary>Who settled it, e.g. 领导小组 or 双方协商一致.</summary>
    public string? SettledBy { get; private set; }

    public IReadOnlyList<string> GrantedItems => _grantedItems;

    public string? Conditions { get; private set; }

    /// <summary>The written reasons of the settlement (处理决定及理由).</summary>
    public string? DecisionReasons { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public bool IsNegotiating => Status == DisputeStatus.Negotiating;

    public bool IsLastTier => TierIndex == TierCount - 1;

    /// <summary>The department that must act now: the provider while negotiating, then the tier's holder.</summary>
    public string HolderDepartment => TierIndex == NegotiationStage ? ProviderDepartment : _tierDepartments[TierIndex];

    /// <summary>
    /// Files a dispute. Unconditional data needs none (direct access); conditional data is applied for first, and only
    /// a refusal the requester disputes comes here; not-shared data may be disputed directly (Lanzhou art. 20).
    /// </summary>
    /// <param name="application">The refused application, already marked disputed, or null.</param>
    /// <param name="tierDepartments">The department holding each of the profile's tiers, in order.</param>
    /// <exception cref="DomainException">Any of the rules above, no items, unknown items, no duty, no reasons, no tiers.</exception>
    public static Dispute File(
        Guid id, string number, CatalogResource resource, SharingApplication? application, string requesterDepartment, IReadOnlyCollection<string> items,
        string? duty, string? reasons, string applicant, IReadOnlyList<string> tierDepartments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(tierDepartments);
        if (resource.ProviderDepartment == requesterDepartment)
        {
            throw new DomainException("A department has no dispute with itself about its own data.");
        }

        if (resource.ShareType == ShareType.Unconditional)
        {
            throw new DomainException($"{resource.Name} is shared unconditionally: take it directly from the sharing platform, there is nothing to dispute.");
        }

        if (application is null && resource.ShareType == ShareType.Conditional)
        {
            throw new DomainException($"{resource.Name} is shared on conditions: apply for it first; only a refusal can be disputed.");
        }

        if (application is not null)
        {
            if (application.Status != SharingStatus.Disputed)
            {
                throw new DomainException($"Sharing application {application.Number} is {application.Status}; only a refusal the requester disputes is coordinated.");
            }

            if (application.RequesterDepartment != requesterDepartment || application.ResourceId != resource.Id)
            {
                throw new DomainException($"Sharing application {application.Number} is another department's or about another resource.");
            }
        }

        var requested = resource.RequireKnownItems(items, "Name the data items the dispute is about.");

        if (string.IsNullOrWhiteSpace(duty))
        {
            throw new DomainException("duty", "State the duty the data serves (履职依据).");
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainException("reasons", "State why the data is needed despite the refusal (争议事由).");
        }

        if (tierDepartments.Count == 0 || tierDepartments.Any(string.IsNullOrWhiteSpace))
        {
            throw new DomainException("The policy profile names no body to coordinate disputes.");
        }

        return new Dispute
        {
            Id = id,
            Number = number,
            SharingApplicationId = application?.Id,
            ResourceId = resource.Id,
            ResourceName = resource.Name,
            ShareType = resource.ShareType,
            RequesterDepartment = requesterDepartment,
            ProviderDepartment = resource.ProviderDepartment,
            _requestedItems = requested,
            Duty = duty.Trim(),
            Reasons = reasons.Trim(),
            Applicant = applicant,
            FiledAt = now,
            Status = DisputeStatus.Negotiating,
            TierIndex = NegotiationStage,
            TierCount = tierDepartments.Count,
            _tierDepartments = [.. tierDepartments],
        };
    }

    /// <summary>
    /// The provider answers the negotiation: it agrees to share all or some of the items (an agreement, settled here), or
    /// it does not, with reasons — and the dispute goes to the first tier.
    /// </summary>
    /// <exception cref="DomainException">Not negotiating, not the provider, items not in dispute, or missing reasons.</exception>
    public void AnswerNegotiation(string department, bool agree, IReadOnlyCollection<string>? items, string? conditions, string? reasons, string decidedBy, DateTimeOffset now)
    {
        Require(Status == DisputeStatus.Negotiating, $"Dispute {Number} is {Status}, no longer in negotiation.");
        if (department != ProviderDepartment)
        {
            throw new DomainException($"Only the providing department ({ProviderDepartment}) answers the negotiation.");
        }

        if (!agree)
        {
            NegotiationReply = Required(reasons, "reasons", "Say why the departments cannot agree (协商未果的理由).");
            Escalate(TierIndex + 1);
            return;
        }

        var granted = GrantableItems(items);
        var partial = granted.Count < _requestedItems.Count;
        if (partial && string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainException("reasons", "Give written reasons for the items not agreed to.");
        }

        Decide(GrantOutcome(granted), granted, conditions, reasons, "双方协商一致", decidedBy, now);
    }

    /// <summary>The provider did not answer the negotiation in time: the negotiation has failed and the first tier takes the dispute.</summary>
    public void LapseNegotiation()
    {
        Require(Status == DisputeStatus.Negotiating, $"Dispute {Number} is {Status}, no longer in negotiation.");
        NegotiationLapsed = true;
        NegotiationReply = "提供部门逾期未答复，协商未果";
        Escalate(TierIndex + 1);
    }

    /// <summary>The tier's deadline passed without a decision (recorded for the departments' evaluation).</summary>
    public void MarkTierOverdue()
    {
        Require(Status == DisputeStatus.Coordinating, $"Dispute {Number} is {Status}.");
        OverdueTiers++;
    }

    /// <summary>
    /// The tier's holder settles the dispute in writing: access granted (all or <paramref name="items"/>) or the refusal
    /// upheld. Reasons are always required.
    /// </summary>
    /// <param name="decider">The body deciding, e.g. 领导小组.</param>
    /// <exception cref="DomainException">Not at a tier, no reasons, or items not in dispute.</exception>
    public void Settle(bool grant, IReadOnlyCollection<string>? items, string? conditions, string? reasons, string decider, string decidedBy, DateTimeOffset now)
    {
        Require(Status == DisputeStatus.Coordinating, $"Dispute {Number} is {Status} and cannot be settled now.");
        var written = Required(reasons, "reasons", "A settlement must give written reasons (处理决定须说明理由).");
        if (!grant)
        {
            Decide(DisputeOutcome.RefusalUpheld, [], null, written, decider, decidedBy, now);
            return;
        }

        var granted = GrantableItems(items);
        Decide(GrantOutcome(granted), granted, conditions, written, decider, decidedBy, now);
    }

    /// <summary>
    /// The tier's holder cannot settle the dispute and passes it to the next tier, with reasons. A joint next tier
    /// (<paramref name="jointTierIndex"/>) needs the departments it decides together with.
    /// </summary>
    /// <param name="jointTierIndex">The index of the profile's joint tier, or null.</param>
    /// <exception cref="DomainException">At the last tier, no reasons, or a joint tier without other departments.</exception>
    public void PassOn(string? reasons, IReadOnlyCollection<string>? jointDepartments, int? jointTierIndex)
    {
        Require(Status == DisputeStatus.Coordinating, $"Dispute {Number} is {Status} and cannot be passed on.");
        if (IsLastTier)
        {
            throw new DomainException($"Dispute {Number} is at the last tier; it must be settled here, there is no further tier to pass it to.");
        }

        var written = Required(reasons, "reasons", "Say why the dispute cannot be settled at this tier (协调未果的理由).");
        var next = TierIndex + 1;
        if (next == jointTierIndex)
        {
            var joint = Clean(jointDepartments);
            if (joint.Count == 0)
            {
                throw new DomainException("jointDepartments", "The next tier decides together with other departments (机构编制、保密等有关部门): name them.");
            }

            if (joint.Contains(RequesterDepartment) || joint.Contains(ProviderDepartment) || joint.Contains(_tierDepartments[next]))
            {
                throw new DomainException("jointDepartments", "The departments joining the decision are neither of the two parties nor the deciding office.");
            }

            _jointDepartments = joint;
        }

        _passOnReasons.Add(written);
        Escalate(next);
    }

    private void Escalate(int tier)
    {
        TierIndex = tier;
        Status = DisputeStatus.Coordinating;
    }

    private List<string> GrantableItems(IReadOnlyCollection<string>? items)
    {
        var granted = items is null || items.Count == 0 ? [.. _requestedItems] : items.Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var outside = granted.Except(_requestedItems, StringComparer.Ordinal).ToList();
        return outside.Count > 0 ? throw new DomainException("items", $"{string.Join("、", outside)} are not in dispute.") : granted;
    }

    private DisputeOutcome GrantOutcome(List<string> granted) =>
        granted.Count == _requestedItems.Count ? DisputeOutcome.Granted : DisputeOutcome.PartiallyGranted;

    private void Decide(DisputeOutcome outcome, List<string> items, string? conditions, string? reasons, string settledBy, string decidedBy, DateTimeOffset now)
    {
        Outcome = outcome;
        _grantedItems = items;
        Conditions = Optional(conditions);
        DecisionReasons = Optional(reasons);
        SettledAtTier = TierIndex;
        SettledBy = settledBy;
        DecidedBy = decidedBy;
        DecidedAt = now;
        Status = DisputeStatus.Settled;
    }
}

public enum DisputeStatus
{
    /// <summary>协商: the two departments negotiate.</summary>
    Negotiating,

    /// <summary>协调: a tier of the profile holds the dispute.</summary>
    Coordinating,

    Settled,
}

public enum DisputeOutcome
{
    /// <summary>Access granted to every item in dispute.</summary>
    Granted,

    PartiallyGranted,

    /// <summary>维持不予共享: the refusal stands.</summary>
    RefusalUpheld,
}
