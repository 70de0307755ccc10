using System.Diagnostics.CodeAnalysis;
using ShareFlow.Domain.Catalog;
using static ShareFlow.Domain.DomainText;

namespace ShareFlow.Domain.Disputes;

/// <summary>
/// 数据异议 (data objection, 纠错): a department doubts data it obtained through sharing and reports it to the provider
/// (Beijing art. 19: with a copy to the office). The provider verifies and corrects it, or finds it right; if it cannot
/// finish in time it gives a written plan with its basis and a committed date, which the office reviews (Lanzhou art. 27).
/// The requester confirms the answer; if the two cannot agree, its written report goes to the office, which handles it
/// with the provider and answers the requester in writing (Fuzhou art. 20).
/// </summary>
[SuppressMessage("Style", "IDE0044:Add readonly modifier", Justification = "EF Core sets the list when it reads the row.")]
public sealed class DataObjection
{
    private List<string> _items = [];

    private DataObjection()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The objection's number, e.g. YY-20260923-0001.</summary>
    public string Number { get; private set; } = null!;

    public Guid ResourceId { get; private set; }

    public string ResourceName { get; private set; } = null!;

    public string RequesterDepartment { get; private set; } = null!;

    public string ProviderDepartment { get; private set; } = null!;

    /// <summary>The data items in doubt.</summary>
    public IReadOnlyList<string> Items => _items;

    /// <summary>What is wrong or doubtful (问题描述).</summary>
    public string Description { get; private set; } = null!;

    /// <summary>Which records are concerned, e.g. a certificate number or a batch.</summary>
    public string? RecordReference { get; private set; }

    /// <summary>What the requester believes the data should be, if it knows.</summary>
    public string? ProposedCorrection { get; private set; }

    public string Reporter { get; private set; } = null!;

    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>The office was sent a copy when the objection was reported.</summary>
    public bool CopiedToOffice { get; private set; }

    public ObjectionStatus Status { get; private set; }

    /// <summary>The provider's finding: corrected, or no error.</summary>
    public ObjectionFinding? Finding { get; private set; }

    /// <summary>The provider's written result (核查结果 / 更正情况).</summary>
    public string? VerificationResult { get; private set; }

    public string? VerifiedBy { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    /// <summary>The correction plan's basis (处理依据).</summary>
    public string? PlanBasis { get; private set; }

    /// <summary>The correction plan's steps (处理计划).</summary>
    public string? PlanSteps { get; private set; }

    /// <summary>The date the provider commits to (时限承诺).</summary>
    public DateOnly? CommittedDate { get; private set; }

    public bool? PlanApproved { get; private set; }

    public string? PlanReviewOpinion { get; private set; }

    public string? PlanReviewedBy { get; private set; }

    /// <summary>How many plans the office sent back.</summary>
    public int PlansRejected { get; private set; }

    /// <summary>The provider did not verify within the period.</summary>
    public bool VerificationOverdue { get; private set; }

    /// <summary>The requester's written report to the office (书面报告), when the two could not agree.</summary>
    public string? Report { get; private set; }

    public ObjectionResolution? Resolution { get; private set; }

    /// <summary>The office's written answer to the requester (处理结果书面反馈).</summary>
    public string? OfficeResult { get; private set; }

    public string? HandledBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Reports doubtful data to its provider.</summary>
    /// <param name="obtained">The requester obtained this resource's data through sharing (a grant, or unconditional data).</param>
    /// <exception cref="DomainException">Own data, data not obtained, unknown items, no description.</exception>
    public static DataObjection File(
        Guid id, string number, CatalogResource resource, string requesterDepartment, bool obtained, IReadOnlyCollection<string> items, string? description,
        string? recordReference, string? proposedCorrection, string reporter, bool copyToOffice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(items);
        if (resource.ProviderDepartment == requesterDepartment)
        {
            throw new DomainException("A department corrects its own data itself; an objection is about data obtained from another department.");
        }

        if (!obtained)
        {
            throw new DomainException($"{requesterDepartment} has not obtained {resource.Name} through sharing; an objection is about shared data it uses.");
        }

        var doubtful = resource.RequireKnownItems(items, "Name the data items in doubt.", "items");

        return new DataObjection
        {
            Id = id,
            Number = number,
            ResourceId = resource.Id,
            ResourceName = resource.Name,
            RequesterDepartment = requesterDepartment,
            ProviderDepartment = resource.ProviderDepartment,
            _items = doubtful,
            Description = Required(description, "description", "Describe what is wrong or doubtful about the data (问题描述)."),
            RecordReference = Optional(recordReference),
            ProposedCorrection = Optional(proposedCorrection),
            Reporter = reporter,
            ReportedAt = now,
            CopiedToOffice = copyToOffice,
            Status = ObjectionStatus.UnderVerification,
        };
    }

    /// <summary>The provider has verified the data: corrected it, or found no error; either way with a written result.</summary>
    /// <exception cref="DomainException">Not under verification, not the provider, or no result.</exception>
    public void Verify(string department, ObjectionFinding finding, string? result, string verifiedBy, DateTimeOffset now)
    {
        RequireStatus(ObjectionStatus.UnderVerification);
        RequireProvider(department);
        RecordVerification(
            finding,
            Required(result, "result", finding == ObjectionFinding.Corrected ? "Say what was corrected (更正情况)." : "Say how the data was checked and why it is right (核查结果)."),
            verifiedBy,
            now);
    }

    /// <summary>
    /// The provider cannot finish in time and gives a written plan (Lanzhou art. 27: 处理依据、处理计划、时限承诺) for the
    /// office to review. The committed date must lie after today.
    /// </summary>
    /// <exception cref="DomainException">Not under verification, not the provider, no basis or steps, or a committed date not in the future.</exception>
    public void SubmitPlan(string department, string? basis, string? steps, DateOnly? committedDate, DateTimeOffset now)
    {
        RequireStatus(ObjectionStatus.UnderVerification);
        RequireProvider(department);
        var planBasis = Required(basis, "planBasis", "A correction plan states its basis (处理依据).");
        var planSteps = Required(steps, "planSteps", "A correction plan states what will be done (处理计划).");
        var today = Calendar.ChinaTime.DateOf(now);
        if (committedDate is not { } date)
        {
            throw new DomainException("committedDate", "A correction plan commits to a date (时限承诺).");
        }

        if (date <= today)
        {
            throw new DomainException("committedDate", $"The committed date {date:yyyy-MM-dd} is not after today ({today:yyyy-MM-dd}); commit to a date still to come.");
        }

        PlanBasis = planBasis;
        PlanSteps = planSteps;
        CommittedDate = date;
        PlanApproved = null;
        PlanReviewOpinion = null;
        Status = ObjectionStatus.PlanUnderReview;
    }

    /// <summary>The office approves the plan (the provider then corrects by the committed date) or sends it back with its opinion.</summary>
    /// <exception cref="DomainException">No plan under review, or a rejection without an opinion.</exception>
    public void ReviewPlan(bool approve, string? opinion, string reviewedBy)
    {
        RequireStatus(ObjectionStatus.PlanUnderReview);
        if (!approve && string.IsNullOrWhiteSpace(opinion))
        {
            throw new DomainException("opinion", "Say why the plan is sent back (审核意见).");
        }

        PlanApproved = approve;
        PlanReviewOpinion = Optional(opinion);
        PlanReviewedBy = reviewedBy;
        if (approve)
        {
            Status = ObjectionStatus.Correcting;
        }
        else
        {
            PlansRejected++;
            Status = ObjectionStatus.UnderVerification;
        }
    }

    /// <summary>The provider reports the plan carried out and the data corrected.</summary>
    /// <exception cref="DomainException">No approved plan, not the provider, or no result.</exception>
    public void ReportCorrection(string department, string? result, string verifiedBy, DateTimeOffset now)
    {
        RequireStatus(ObjectionStatus.Correcting);
        RequireProvider(department);
        RecordVerification(ObjectionFinding.Corrected, Required(result, "result", "Say what was corrected (更正情况)."), verifiedBy, now);
    }

    /// <summary>The provider did not verify within the period: the matter goes to the office.</summary>
    public void LapseVerification()
    {
        RequireStatus(ObjectionStatus.UnderVerification);
        VerificationOverdue = true;
        Report = "提供部门逾期未完成核查";
        Status = ObjectionStatus.ReportedToOffice;
    }

    /// <summary>
    /// The requester accepts the provider's answer (closed), or cannot agree with it and reports to the office in
    /// writing (Fuzhou art. 20: 如无法核对一致，应当及时书面报告).
    /// </summary>
    /// <exception cref="DomainException">Nothing to confirm, not the requester, or a disagreement without a written report.</exception>
    public void Confirm(string department, bool accept, string? report, DateTimeOffset now)
    {
        RequireStatus(ObjectionStatus.AwaitingConfirmation);
        if (department != RequesterDepartment)
        {
            throw new DomainException($"Only the department that reported the objection ({RequesterDepartment}) confirms the answer.");
        }

        if (accept)
        {
            Resolution = ObjectionResolution.AcceptedByRequester;
            ClosedAt = now;
            Status = ObjectionStatus.Closed;
            return;
        }

        Report = Required(report, "report", "A disagreement goes to the office as a written report (书面报告): write it.");
        Status = ObjectionStatus.ReportedToOffice;
    }

    /// <summary>The office, with the provider, settles the matter and answers the requester in writing.</summary>
    /// <exception cref="DomainException">Not reported to the office, or no written result.</exception>
    public void Handle(ObjectionFinding finding, string? result, string handledBy, DateTimeOffset now)
    {
        RequireStatus(ObjectionStatus.ReportedToOffice);
        OfficeResult = Required(result, "result", "The office answers the requester in writing (处理结果书面反馈): write the result.");
        Finding = finding;
        HandledBy = handledBy;
        Resolution = ObjectionResolution.DecidedByOffice;
        ClosedAt = now;
        Status = ObjectionStatus.Closed;
    }

    /// <summary>The provider's answer is in: the requester confirms it next.</summary>
    private void RecordVerification(ObjectionFinding finding, string result, string verifiedBy, DateTimeOffset now)
    {
        VerificationResult = result;
        Finding = finding;
        VerifiedBy = verifiedBy;
        VerifiedAt = now;
        Status = ObjectionStatus.AwaitingConfirmation;
    }

    private void RequireProvider(string department)
    {
        if (department != ProviderDepartment)
        {
            throw new DomainException($"Only the providing department ({ProviderDepartment}) verifies and corrects its data.");
        }
    }

    private void RequireStatus(ObjectionStatus expected)
    {
        if (Status != expected)
        {
            throw new DomainException($"Objection {Number} is {Status}, not {expected}.");
        }
    }
}

public enum ObjectionStatus
{
    /// <summary>The provider verifies (核查).</summary>
    UnderVerification,

    /// <summary>The provider answered; the requester confirms or reports to the office.</summary>
    AwaitingConfirmation,

    /// <summary>The office reviews the provider's correction plan.</summary>
    PlanUnderReview,

    /// <summary>The plan was approved; the provider corrects by the committed date.</summary>
    Correcting,

    /// <summary>The office handles it (a written report, or an overdue verification).</summary>
    ReportedToOffice,

    Closed,
}

public enum ObjectionFinding
{
    /// <summary>已更正: the data was wrong and has been corrected.</summary>
    Corrected,

    /// <summary>经核查无误: the data is right.</summary>
    NoErrorFound,
}

public enum ObjectionResolution
{
    AcceptedByRequester,

    /// <summary>The office handled it and answered in writing.</summary>
    DecidedByOffice,
}
