using System.Diagnostics.CodeAnalysis;
using static ShareFlow.Domain.DomainText;

namespace ShareFlow.Domain.Projects;

/// <summary>
/// 项目验收数据汇交: the data a completed project's building department submits to the coordinating office per the
/// catalog, and the office's review of it (Fuzhou art. 40). The submission is due a number of working days after the
/// completion date; the office reviews each submission within its own period and issues an opinion (审查意见). A failed
/// review sends it back for correction (限期整改, Fuzhou art. 34) and every resubmission is a new round with a new
/// review period. Its status follows its process instance; every transition is checked here and an illegal one throws.
/// </summary>
[SuppressMessage("Style", "IDE0044:Add readonly modifier", Justification = "EF Core sets the lists when it reads the row.")]
public sealed class AcceptanceSubmission
{
    private List<string> _requiredEntries = [];
    private List<string> _submittedEntries = [];

    private AcceptanceSubmission()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The case's number, e.g. YS-20260923-0001.</summary>
    public string Number { get; private set; } = null!;

    public Guid ProjectId { get; private set; }

    public string ProjectCode { get; private set; } = null!;

    public string ProjectName { get; private set; } = null!;

    public string BuildingDepartment { get; private set; } = null!;

    public DateOnly CompletionDate { get; private set; }

    /// <summary>The catalog entries the project's sharing plan lists, as they were when the case opened.</summary>
    public IReadOnlyList<string> RequiredEntries => _requiredEntries;

    public DateTimeOffset OpenedAt { get; private set; }

    public AcceptanceStatus Status { get; private set; }

    /// <summary>How many times data was submitted (1 for the first submission, 2 after the first correction...).</summary>
    public int Round { get; private set; }

    /// <summary>The catalog entries of the latest submission.</summary>
    public IReadOnlyList<string> SubmittedEntries => _submittedEntries;

    /// <summary>Required entries the latest submission does not cover: what the reviewer looks at first.</summary>
    public IReadOnlyList<string> MissingEntries => [.. _requiredEntries.Except(_submittedEntries, StringComparer.Ordinal)];

    /// <summary>What the department says about the data (where it lies on the platform, what changed after a failed review).</summary>
    public string? DataDescription { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The latest review opinion; the full series is kept as <see cref="AcceptanceReview"/> records.</summary>
    public AcceptanceOpinion? Opinion { get; private set; }

    /// <summary>Why the data does not meet the requirements and what to correct (required for a failed review).</summary>
    public string? OpinionReasons { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>How many submission periods (first or corrected) passed without data: the department's record (Fuzhou art. 33).</summary>
    public int LateSubmissions { get; private set; }

    /// <summary>How many review periods passed without an opinion: the office's record.</summary>
    public int LateReviews { get; private set; }

    /// <summary>Opens the case for a project just declared completed.</summary>
    /// <exception cref="DomainException">The project has not been declared completed.</exception>
    public static AcceptanceSubmission Open(Guid id, string number, Project project, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Status != ProjectStatus.Completed || project.CompletionDate is not { } completed)
        {
            throw new DomainException($"{project.Name} has not been declared completed.");
        }

        return new AcceptanceSubmission
        {
            Id = id,
            Number = number,
            ProjectId = project.Id,
            ProjectCode = project.Code,
            ProjectName = project.Name,
            BuildingDepartment = project.BuildingDepartment,
            CompletionDate = completed,
            _requiredEntries = [.. project.DataCatalog],
            OpenedAt = now,
            Status = AcceptanceStatus.AwaitingData,
        };
    }

    /// <summary>The building department submits (or, after a failed review, resubmits) the project's data.</summary>
    /// <exception cref="DomainException">Nothing is due now, another department submits, or no catalog entry is named.</exception>
    public void Submit(string department, IReadOnlyCollection<string>? entries, string? description, string submittedBy, DateTimeOffset now)
    {
        Require(
            Status is AcceptanceStatus.AwaitingData or AcceptanceStatus.Failed,
            $"Submission {Number} is {Status}; data is submitted when it is due or after a failed review.");
        if (department != BuildingDepartment)
        {
            throw new DomainException($"Only the building department ({BuildingDepartment}) submits the acceptance data of {ProjectName}.");
        }

        var submitted = Clean(entries);
        if (submitted.Count == 0)
        {
            throw new DomainException("entries", "Name the catalog entries whose data is submitted (按照《资源目录》的相关要求).");
        }

        _submittedEntries = submitted;
        DataDescription = Optional(description);
        SubmittedBy = submittedBy;
        SubmittedAt = now;
        Round++;
        Status = AcceptanceStatus.UnderReview;
    }

    /// <summary>The office's opinion on the latest submission (审查意见). A failed review must say why and what to correct.</summary>
    /// <returns>The opinion as a record of its own, for the series of rounds.</returns>
    /// <exception cref="DomainException">Nothing is under review, or a failed review without reasons.</exception>
    public AcceptanceReview RecordOpinion(Guid reviewId, AcceptanceOpinion opinion, string? reasons, string reviewedBy, DateTimeOffset now)
    {
        Require(Status == AcceptanceStatus.UnderReview, $"Submission {Number} is {Status}; there is no submitted data to review.");
        if (opinion == AcceptanceOpinion.Failed && string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainException("reasons", "A failed review must state why the data does not meet the requirements and what to correct (审查意见须说明理由).");
        }

        Opinion = opinion;
        OpinionReasons = Optional(reasons);
        ReviewedBy = reviewedBy;
        ReviewedAt = now;
        Status = opinion == AcceptanceOpinion.Passed ? AcceptanceStatus.Passed : AcceptanceStatus.Failed;
        return new AcceptanceReview(reviewId, Id, ProjectId, Round, opinion, OpinionReasons, [.. _submittedEntries], reviewedBy, now);
    }

    /// <summary>A submission period (first or after a failed review) passed without data.</summary>
    public void MarkSubmissionOverdue()
    {
        Require(Status is AcceptanceStatus.AwaitingData or AcceptanceStatus.Failed, $"Submission {Number} is {Status}; no data is outstanding.");
        LateSubmissions++;
    }

    /// <summary>The review period passed without an opinion; the payment gate stays closed meanwhile.</summary>
    public void MarkReviewOverdue()
    {
        Require(Status == AcceptanceStatus.UnderReview, $"Submission {Number} is {Status}; no review is outstanding.");
        LateReviews++;
    }
}

public enum AcceptanceStatus
{
    /// <summary>待提交: the data is due.</summary>
    AwaitingData,

    /// <summary>审查中.</summary>
    UnderReview,

    /// <summary>审查不合格，整改后重新提交.</summary>
    Failed,

    /// <summary>审查通过.</summary>
    Passed,
}

/// <summary>审查意见.</summary>
public enum AcceptanceOpinion
{
    /// <summary>符合要求.</summary>
    Passed,

    /// <summary>不符合要求.</summary>
    Failed,
}

/// <summary>One round's review opinion, kept for the record: what was submitted, what the office found, who and when.</summary>
[SuppressMessage("Style", "IDE0044:Add readonly modifier", Justification = "EF Core sets the list when it reads the row.")]
public sealed class AcceptanceReview
{
    private List<string> _submittedEntries = [];

    private AcceptanceReview()
    {
    }

    public AcceptanceReview(Guid id, Guid submissionId, Guid projectId, int round, AcceptanceOpinion opinion, string? reasons, IEnumerable<string> submittedEntries, string reviewedBy, DateTimeOffset reviewedAt)
    {
        Id = id;
        SubmissionId = submissionId;
        ProjectId = projectId;
        Round = round;
        Opinion = opinion;
        Reasons = reasons;
        _submittedEntries = [.. submittedEntries];
        ReviewedBy = reviewedBy;
        ReviewedAt = reviewedAt;
    }

    public Guid Id { get; private set; }

    public Guid SubmissionId { get; private set; }

    public Guid ProjectId { get; private set; }

    public int Round { get; private set; }

    public AcceptanceOpinion Opinion { get; private set; }

    public string? Reasons { get; private set; }

    public IReadOnlyList<string> SubmittedEntries => _submittedEntries;

    public string ReviewedBy { get; private set; } = null!;

    public DateTimeOffset ReviewedAt { get; private set; }
}
