using static ShareFlow.Domain.DomainText;

namespace ShareFlow.Domain.Supervision;

/// <summary>
/// 限期整改: the coordinating office orders a department that refused or delayed without reason to correct within a
/// deadline (Fuzhou art. 38, Lanzhou art. 41, Beijing art. 33, Shenyang art. 47). The department's principal reports the
/// correction and the office accepts or rejects it; if the deadline passes the matter goes up: a notice of criticism
/// (通报批评) and the decision of the top tier. Every transition is checked here and an illegal one throws.
/// </summary>
public sealed class RectificationOrder
{
    private RectificationOrder()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>e.g. ZG-20261015-0001.</summary>
    public string Number { get; private set; } = null!;

    /// <summary>The case the failure happened in (a sharing application, a catalog change...).</summary>
    public Guid SubjectCaseId { get; private set; }

    /// <summary>That case's number, for people.</summary>
    public string? SubjectNumber { get; private set; }

    /// <summary>The department ordered to correct.</summary>
    public string Department { get; private set; } = null!;

    /// <summary>What the department did wrong and what it must correct.</summary>
    public string Reasons { get; private set; } = null!;

    /// <summary>The article the order rests on, e.g. 《抚州市政务信息资源共享管理办法》 第三十八条.</summary>
    public string Article { get; private set; } = null!;

    public string IssuedBy { get; private set; } = null!;

    public DateTimeOffset IssuedAt { get; private set; }

    public RectificationStatus Status { get; private set; }

    public Guid? ProcessInstanceId { get; set; }

    public string? Correction { get; private set; }

    public string? ReportedBy { get; private set; }

    public DateTimeOffset? ReportedAt { get; private set; }

    public int ReportCount { get; private set; }

    public string? VerifiedBy { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public string? VerificationOpinion { get; private set; }

    public int RejectionCount { get; private set; }

    /// <summary>When the deadline passed uncorrected and the matter went up with a notice of criticism.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>Who decides above the office, e.g. 市政府, 领导小组, 市大数据局主要负责人.</summary>
    public string? TopTier { get; private set; }

    /// <summary>The top tier's decision (处理意见).</summary>
    public string? Measures { get; private set; }

    public string? ConcludedBy { get; private set; }

    public DateTimeOffset? ConcludedAt { get; private set; }

    /// <summary>Issues an order to <paramref name="department"/> concerning the case <paramref name="subjectCaseId"/>.</summary>
    /// <exception cref="DomainException">No reasons, no department, or the office ordering itself.</exception>
    public static RectificationOrder Issue(
        Guid id, string number, Guid subjectCaseId, string? subjectNumber, string? department, string? officeDepartment, string? reasons, string article,
        string issuedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        if (string.IsNullOrWhiteSpace(department))
        {
            throw new DomainException("department", "Name the department ordered to correct.");
        }

        if (department == officeDepartment)
        {
            throw new DomainException("The coordinating office does not order itself to correct.");
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainException("reasons", "An order to correct states in writing what was wrong and what must be corrected.");
        }

        return new RectificationOrder
        {
            Id = id,
            Number = number,
            SubjectCaseId = subjectCaseId,
            SubjectNumber = subjectNumber,
            Department = department,
            Reasons = reasons.Trim(),
            Article = article,
            IssuedBy = issuedBy,
            IssuedAt = now,
            Status = RectificationStatus.Issued,
        };
    }

    /// <summary>The department reports what it corrected.</summary>
    /// <exception cref="DomainException">Not awaiting a correction, another department, or nothing reported.</exception>
    public void ReportCorrection(string department, string user, string? correction, DateTimeOffset now)
    {
        Require(Status == RectificationStatus.Issued, $"The order is {Status}; no correction is awaited.");
        if (department != Department)
        {
            throw new DomainException($"The order is addressed to {Department}; {department} cannot report its correction.");
        }

        Correction = Required(correction, "correction", "Report what was corrected (整改情况).");
        ReportedBy = user;
        ReportedAt = now;
        ReportCount++;
        Status = RectificationStatus.CorrectionReported;
    }

    /// <summary>The office accepts the correction: the order is fulfilled.</summary>
    public void Accept(string officer, string? opinion, DateTimeOffset now)
    {
        Require(Status == RectificationStatus.CorrectionReported, $"The order is {Status}; there is no reported correction to accept.");
        Verify(officer, Optional(opinion), now);
        Status = RectificationStatus.Rectified;
    }

    /// <summary>The office rejects the correction, with reasons; the department corrects again.</summary>
    public void Reject(string officer, string? reasons, DateTimeOffset now)
    {
        Require(Status == RectificationStatus.CorrectionReported, $"The order is {Status}; there is no reported correction to reject.");
        Verify(officer, Required(reasons, "verificationOpinion", "Say why the correction is not enough."), now);
        RejectionCount++;
        Status = RectificationStatus.Issued;
    }

    /// <summary>The deadline passed uncorrected: criticism, and the matter goes to <paramref name="topTier"/>.</summary>
    public void Escalate(string topTier, DateTimeOffset now)
    {
        Require(Status == RectificationStatus.Issued, $"The order is {Status}; only an uncorrected order goes up.");
        TopTier = topTier;
        EscalatedAt = now;
        Status = RectificationStatus.Escalated;
    }

    /// <summary>The top tier records its decision (e.g. 通报批评, 追究责任) and the matter is closed.</summary>
    public void Conclude(string user, string? measures, DateTimeOffset now)
    {
        Require(Status == RectificationStatus.Escalated, $"The order is {Status}; only an escalated order is decided above the office.");
        Measures = Required(measures, "measures", "Record the decision taken (处理意见).");
        ConcludedBy = user;
        ConcludedAt = now;
        Status = RectificationStatus.Concluded;
    }

    private void Verify(string officer, string? opinion, DateTimeOffset now)
    {
        VerifiedBy = officer;
        VerifiedAt = now;
        VerificationOpinion = opinion;
    }
}

public enum RectificationStatus
{
    /// <summary>责令限期改正: the department has to correct within the deadline.</summary>
    Issued,

    /// <summary>The department reported its correction; the office checks it.</summary>
    CorrectionReported,

    /// <summary>The office accepted the correction.</summary>
    Rectified,

    /// <summary>逾期不改正: criticised and with the top tier.</summary>
    Escalated,

    /// <summary>The top tier decided.</summary>
    Concluded,
}
