using System.Diagnostics.CodeAnalysis;
using ShareFlow.Domain.Calendar;
using static ShareFlow.Domain.DomainText;

namespace ShareFlow.Domain.Projects;

/// <summary>
/// 建设项目: a project newly built, expanded or renovated (新建、扩建、改建) with public funds (财政资金) or the unit's own
/// funds (单位自筹资金). Fuzhou art. 40 links its payment to its data: after completion (竣工) the building department
/// (建设单位) submits the project's data per the catalog, the coordinating office reviews it, and without a passed review
/// the finance bureau does not pay and the project may not go live (项目不得投入使用). Its payment gate is therefore
/// closed until a review passes, and only a passed review opens it. Fuzhou art. 34 makes sharing part of approval and
/// acceptance, which is why a project lists its sharing catalog when it is registered. Beijing art. 31, Shenyang art. 10
/// and Hebei (九) tie approval and funding to sharing in the same way.
/// </summary>
[SuppressMessage("Style", "IDE0044:Add readonly modifier", Justification = "EF Core sets the list when it reads the row.")]
public sealed class Project
{
    private List<string> _dataCatalog = [];

    private Project()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The project's number (项目编号), unique, e.g. FZ-XX-2026-017.</summary>
    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    /// <summary>The building department's code (建设单位): it submits the data.</summary>
    public string BuildingDepartment { get; private set; } = null!;

    public ProjectFunding Funding { get; private set; }

    public ConstructionKind Construction { get; private set; }

    /// <summary>The catalog entries the project's sharing plan lists (信息共享目录, Fuzhou art. 34): what its data submission covers.</summary>
    public IReadOnlyList<string> DataCatalog => _dataCatalog;

    public string RegisteredBy { get; private set; } = null!;

    public DateTimeOffset RegisteredAt { get; private set; }

    public ProjectStatus Status { get; private set; }

    /// <summary>竣工日期: the day the project was completed; the data submission period counts from it.</summary>
    public DateOnly? CompletionDate { get; private set; }

    /// <summary>The acceptance-data case opened at completion (its id is its process instance's id).</summary>
    public Guid? AcceptanceSubmissionId { get; private set; }

    /// <summary>Whether finance may pay: true only after the office's review of the acceptance data passed.</summary>
    public bool PaymentGateOpen { get; private set; }

    public DateTimeOffset? PaymentGateOpenedAt { get; private set; }

    /// <summary>The rule under which the gate opened, e.g. 《抚州市政务信息资源共享管理办法》 第四十条.</summary>
    public string? PaymentGateArticle { get; private set; }

    /// <summary>投入使用: the day the project went live.</summary>
    public DateOnly? LiveSince { get; private set; }

    /// <summary>Registers a project with its sharing catalog.</summary>
    /// <exception cref="DomainException">No number, no name, no building department or an empty sharing catalog.</exception>
    public static Project Register(
        Guid id, string? code, string? name, string? buildingDepartment, ProjectFunding funding, ConstructionKind construction,
        IEnumerable<string>? dataCatalog, string registeredBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainException("code", "Give the project's number (项目编号).");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("name", "Give the project's name.");
        }

        if (string.IsNullOrWhiteSpace(buildingDepartment))
        {
            throw new DomainException("buildingDepartment", "Name the building department (建设单位).");
        }

        var catalog = Clean(dataCatalog);
        if (catalog.Count == 0)
        {
            throw new DomainException("dataCatalog", "List the catalog entries the project shares (信息共享目录): a project without them is not approved (Fuzhou art. 34).");
        }

        return new Project
        {
            Id = id,
            Code = code.Trim(),
            Name = name.Trim(),
            BuildingDepartment = buildingDepartment.Trim(),
            Funding = funding,
            Construction = construction,
            _dataCatalog = catalog,
            RegisteredBy = registeredBy,
            RegisteredAt = now,
            Status = ProjectStatus.UnderConstruction,
        };
    }

    /// <summary>
    /// The project is completed (竣工) on <paramref name="completionDate"/>; its acceptance-data case opens. The building
    /// department or the coordinating office declares it.
    /// </summary>
    /// <exception cref="DomainException">Already declared, a date after today, or another department declaring.</exception>
    public void DeclareCompletion(DateOnly completionDate, string department, bool isCoordinatingOffice, Guid submissionId, DateTimeOffset now)
    {
        Require(Status == ProjectStatus.UnderConstruction, $"{Name} was already declared completed on {CompletionDate:yyyy-MM-dd}.");
        if (!isCoordinatingOffice && department != BuildingDepartment)
        {
            throw new DomainException($"Only the building department ({BuildingDepartment}) or the coordinating office declares {Name} completed.");
        }

        var today = ChinaTime.DateOf(now);
        if (completionDate > today)
        {
            throw new DomainException("completionDate", $"The completion date {completionDate:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}); declare completion once the project is completed.");
        }

        CompletionDate = completionDate;
        AcceptanceSubmissionId = submissionId;
        Status = ProjectStatus.Completed;
    }

    /// <summary>Opens the payment gate: only on a passed review of this project's acceptance data.</summary>
    /// <exception cref="DomainException">The submission is not this project's, or its review has not passed.</exception>
    public void OpenPaymentGate(AcceptanceSubmission submission, string article, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(submission);
        Require(submission.ProjectId == Id, $"Submission {submission.Number} is not {Name}'s.");
        Require(
            submission.Status == AcceptanceStatus.Passed,
            $"The payment gate opens only on a passed review of the acceptance data; submission {submission.Number} is {submission.Status}.");
        Require(Status == ProjectStatus.Completed, $"{Name} is {Status}; its payment gate cannot open now.");
        PaymentGateOpen = true;
        PaymentGateOpenedAt = now;
        PaymentGateArticle = article;
        Status = ProjectStatus.Accepted;
    }

    /// <summary>投入使用: the project goes live — not before its acceptance data passed review (Fuzhou art. 40).</summary>
    /// <exception cref="DomainException">The payment gate is closed, it is already live, or another department asks.</exception>
    public void GoLive(DateOnly date, string department)
    {
        if (department != BuildingDepartment)
        {
            throw new DomainException($"Only the building department ({BuildingDepartment}) puts {Name} into use.");
        }

        Require(Status != ProjectStatus.Live, $"{Name} is already in use since {LiveSince:yyyy-MM-dd}.");
        Require(
            PaymentGateOpen,
            $"{Name} may not go live before its acceptance data passed the coordinating office's review (项目不得投入使用).");
        LiveSince = date;
        Status = ProjectStatus.Live;
    }
}

public enum ProjectStatus
{
    /// <summary>在建.</summary>
    UnderConstruction,

    /// <summary>已竣工: the acceptance data is due or under review; the payment gate is closed.</summary>
    Completed,

    /// <summary>验收数据审查通过: the payment gate is open.</summary>
    Accepted,

    /// <summary>已投入使用.</summary>
    Live,
}

/// <summary>Where the money comes from (Fuzhou art. 40 names both).</summary>
public enum ProjectFunding
{
    /// <summary>财政资金.</summary>
    Fiscal,

    /// <summary>单位自筹资金.</summary>
    SelfRaised,
}

public enum ConstructionKind
{
    /// <summary>新建.</summary>
    New,

    /// <summary>扩建.</summary>
    Expansion,

    /// <summary>改建.</summary>
    Renovation,
}
