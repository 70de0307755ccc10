using System.Diagnostics.CodeAnalysis;
using ShareFlow.Domain.Catalog;
using static ShareFlow.Domain.DomainText;

namespace ShareFlow.Domain.Sharing;

/// <summary>
/// 共享申请: a department's application for another department's conditional-share data. It names the resource, the
/// items (minimal necessary: Lanzhou art. 26), the duty they serve (Fuzhou art. 4(一)), the scenario and the period.
/// Its status follows its process instance; every transition is checked here and an illegal one throws.
/// </summary>
[SuppressMessage("Style", "IDE0044:Add readonly modifier", Justification = "EF Core sets the lists when it reads the row.")]
public sealed class SharingApplication
{
    private List<string> _requestedItems = [];
    private List<string> _approvedItems = [];

    private SharingApplication()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The application's number as the requester sees it, e.g. SQ-20261123-0001.</summary>
    public string Number { get; private set; } = null!;

    public Guid ResourceId { get; private set; }

    public string ResourceName { get; private set; } = null!;

    public ShareType ShareType { get; private set; }

    public string RequesterDepartment { get; private set; } = null!;

    public string ProviderDepartment { get; private set; } = null!;

    public IReadOnlyList<string> RequestedItems => _requestedItems;

    /// <summary>The duty the data serves (履职依据).</summary>
    public string Duty { get; private set; } = null!;

    public string Scenario { get; private set; } = null!;

    public DateOnly? UseFrom { get; private set; }

    public DateOnly? UseUntil { get; private set; }

    public string Applicant { get; private set; } = null!;

    public DateTimeOffset SubmittedAt { get; private set; }

    public SharingStatus Status { get; private set; }

    public Guid? ProcessInstanceId { get; set; }

    public SharingDecision? Decision { get; private set; }

    public IReadOnlyList<string> ApprovedItems => _approvedItems;

    public string? Conditions { get; private set; }

    public string? Reasons { get; private set; }

    public string? LegalBasis { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>True when the system decided by itself (deemed consent, automatic grant); <see cref="Article"/> names the rule.</summary>
    public bool IsSystemDecision { get; private set; }

    public string? Article { get; private set; }

    /// <summary>补正: what the reviewer asked for, and how often the case went back.</summary>
    public string? SupplementRequest { get; private set; }

    public int SupplementCount { get; private set; }

    /// <summary>Files an application.</summary>
    /// <exception cref="DomainException">A not-shared or withdrawn resource, items it does not have, no duty, an own resource, an impossible period.</exception>
    public static SharingApplication Submit(
        Guid id, string number, CatalogResource resource, string requesterDepartment, IReadOnlyCollection<string> items, string? duty, string? scenario,
        DateOnly? useFrom, DateOnly? useUntil, string applicant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(items);
        if (resource.Status != CatalogStatus.Published)
        {
            throw new DomainException("resourceId", $"{resource.Name} is no longer in the catalog ({resource.Status}).");
        }

        if (resource.ShareType == ShareType.NotShared)
        {
            throw new DomainException("resourceId", $"{resource.Name} is not shared ({resource.LegalBasis}) and cannot be applied for; open a dispute to negotiate access.");
        }

        if (resource.ProviderDepartment == requesterDepartment)
        {
            throw new DomainException("resourceId", "A department does not apply for its own data.");
        }

        var requested = resource.RequireKnownItems(items, "Name the data items needed (only those necessary for the duty).", "items");

        if (string.IsNullOrWhiteSpace(duty))
        {
            throw new DomainException("duty", "State the duty the data serves (履职依据).");
        }

        if (useFrom is { } from && useUntil is { } until && until < from)
        {
            throw new DomainException("useUntil", $"The period of use ends ({until:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        return new SharingApplication
        {
            Id = id,
            Number = number,
            ResourceId = resource.Id,
            ResourceName = resource.Name,
            ShareType = resource.ShareType,
            RequesterDepartment = requesterDepartment,
            ProviderDepartment = resource.ProviderDepartment,
            _requestedItems = requested,
            Duty = duty.Trim(),
            Scenario = scenario?.Trim() ?? string.Empty,
            UseFrom = useFrom,
            UseUntil = useUntil,
            Applicant = applicant,
            SubmittedAt = now,
            Status = resource.ShareType == ShareType.Unconditional ? SharingStatus.Submitted : SharingStatus.UnderReview,
        };
    }

    /// <summary>Unconditional data: granted at once, recorded as a system decision naming its article.</summary>
    public void GrantAutomatically(string article, DateTimeOffset now)
    {
        Require(ShareType == ShareType.Unconditional, "Only unconditional data is granted without a decision.");
        Require(Status == SharingStatus.Submitted, $"The application is {Status}.");
        Decide(SharingDecision.AutomaticGrant, _requestedItems, null, null, null, "system", now, article);
        Status = SharingStatus.Approved;
    }

    /// <summary>The provider (or, after escalation, the coordinating office) approves all or part of the items.</summary>
    /// <exception cref="DomainException">Items not requested, no items, or partial approval without reasons for the rest where the profile needs them.</exception>
    public void Approve(IReadOnlyCollection<string>? items, string? conditions, string? reasons, string decidedBy, bool reasonsRequired, DateTimeOffset now)
    {
        RequireDecidable();
        var approved = items is null || items.Count == 0 ? _requestedItems : [.. items.Distinct(StringComparer.Ordinal)];
        var notRequested = approved.Except(_requestedItems, StringComparer.Ordinal).ToList();
        if (notRequested.Count > 0)
        {
            throw new DomainException("items", $"{string.Join("、", notRequested)} were not requested.");
        }

        var partial = approved.Count < _requestedItems.Count;
        if (partial && reasonsRequired && string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainException("reasons", "Give written reasons for the items not approved.");
        }

        Decide(partial ? SharingDecision.PartiallyApproved : SharingDecision.Approved, approved, conditions, reasons, null, decidedBy, now, null);
        Status = SharingStatus.Approved;
    }

    /// <summary>The provider refuses, in writing; the profile says whether reasons and a legal basis are required.</summary>
    /// <exception cref="DomainException">No reasons, or no legal basis, where required.</exception>
    public void Refuse(string? reasons, string? legalBasis, string decidedBy, bool reasonsRequired, bool legalBasisRequired, DateTimeOffset now)
    {
        RequireDecidable();
        if (reasonsRequired && string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainException("reasons", "A refusal must give written reasons (书面理由).");
        }

        if (legalBasisRequired && string.IsNullOrWhiteSpace(legalBasis))
        {
            throw new DomainException("legalBasis", "A refusal must name its legal basis: the law, regulation or rule (法律、法规或规章依据).");
        }

        Decide(SharingDecision.Refused, [], null, reasons, legalBasis, decidedBy, now, null);
        Status = SharingStatus.Refused;
    }

    /// <summary>An overdue answer that counts as consent (Shenyang art. 25): every requested item, decided by the system.</summary>
    public void DeemConsent(string article, DateTimeOffset now)
    {
        Require(Status is SharingStatus.UnderReview, $"Only an application still under review can be deemed consented; it is {Status}.");
        Decide(SharingDecision.DeemedConsent, _requestedItems, null, null, null, "system", now, article);
        Status = SharingStatus.Approved;
    }

    /// <summary>The deadline passed without an answer: the coordinating office takes over.</summary>
    public void Escalate()
    {
        Require(Status is SharingStatus.UnderReview, $"Only an application under review is escalated; it is {Status}.");
        Status = SharingStatus.Escalated;
    }

    /// <summary>补正: back to the requester for more material; the deadline clock stops.</summary>
    public void ReturnForSupplement(string? request)
    {
        Require(Status is SharingStatus.UnderReview, $"Only an application under review can be returned; it is {Status}.");
        if (string.IsNullOrWhiteSpace(request))
        {
            throw new DomainException("reason", "Say what material is missing.");
        }

        SupplementRequest = request.Trim();
        SupplementCount++;
        Status = SharingStatus.ReturnedForSupplement;
    }

    /// <summary>The requester supplies the material; the clock runs on with the working days that were left.</summary>
    /// <exception cref="DomainException">Not returned, or the department resubmitting is not the requester.</exception>
    public void Resubmit(string department, string? additionalDuty)
    {
        Require(Status is SharingStatus.ReturnedForSupplement, $"The application is {Status}, not returned for supplement.");
        if (department != RequesterDepartment)
        {
            throw new DomainException("Only the requesting department can resubmit its application.");
        }

        if (!string.IsNullOrWhiteSpace(additionalDuty))
        {
            Duty = $"{Duty}\n{additionalDuty.Trim()}";
        }

        Status = SharingStatus.UnderReview;
    }

    /// <summary>After a refusal the requester either accepts it or opens a dispute.</summary>
    public void AnswerRefusal(bool dispute)
    {
        Require(Status is SharingStatus.Refused, $"There is no refusal to answer; the application is {Status}.");
        Status = dispute ? SharingStatus.Disputed : SharingStatus.RefusalAccepted;
    }

    /// <summary>
    /// The dispute about this application's refusal was settled (争议已处理): the application's own decision stands as
    /// it was, and what the requester obtains is the settlement's (the dispute case says which items, on what terms).
    /// </summary>
    public void CloseDispute()
    {
        Require(Status is SharingStatus.Disputed, $"The application is {Status}, not in dispute.");
        Status = SharingStatus.DisputeSettled;
    }

    /// <summary>The requester withdraws the application before it is decided (撤回).</summary>
    public void Withdraw(string department)
    {
        Require(Status is SharingStatus.UnderReview or SharingStatus.ReturnedForSupplement or SharingStatus.Submitted, $"A decided application cannot be withdrawn; it is {Status}.");
        if (department != RequesterDepartment)
        {
            throw new DomainException("Only the requesting department can withdraw its application.");
        }

        Status = SharingStatus.Withdrawn;
    }

    private void RequireDecidable() =>
        Require(Status is SharingStatus.UnderReview or SharingStatus.Escalated, $"The application is {Status} and cannot be decided now.");

    private void Decide(SharingDecision decision, IEnumerable<string> items, string? conditions, string? reasons, string? legalBasis, string decidedBy, DateTimeOffset now, string? systemArticle)
    {
        Decision = decision;
        _approvedItems = [.. items];
        Conditions = Optional(conditions);
        Reasons = Optional(reasons);
        LegalBasis = Optional(legalBasis);
        DecidedBy = decidedBy;
        DecidedAt = now;
        IsSystemDecision = systemArticle is not null;
        Article = systemArticle;
    }
}

public enum SharingStatus
{
    /// <summary>Unconditional data, about to be granted.</summary>
    Submitted,
    UnderReview,
    ReturnedForSupplement,
    Approved,
    Refused,
    RefusalAccepted,
    Disputed,

    /// <summary>Overdue: the coordinating office has taken over.</summary>
    Escalated,
    Withdrawn,

    /// <summary>The dispute about the refusal was settled; the dispute case holds the outcome.</summary>
    DisputeSettled,
}

public enum SharingDecision
{
    Approved,
    PartiallyApproved,
    Refused,

    /// <summary>逾期未答复的，视为同意 (Shenyang art. 25).</summary>
    DeemedConsent,

    /// <summary>Unconditional data: direct access.</summary>
    AutomaticGrant,
}
