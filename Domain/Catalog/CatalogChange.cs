using System.Diagnostics.CodeAnalysis;
using static ShareFlow.Domain.DomainText;

namespace ShareFlow.Domain.Catalog;

/// <summary>
/// 目录变更: a department's change to its entries of the data resource catalog — a new entry, a changed one, or a
/// published one it stops providing. The obligation starts at a triggering event (法律法规调整、机构改革、法定职责变化:
/// Lanzhou art. 17, Beijing art. 9; a change in what is shared or needed: Fuzhou art. 14), not when the case is opened.
/// The coordinating office reviews it (Shenyang art. 18, Lanzhou art. 17); approval makes a new version of the entry and
/// keeps the old one as superseded. Conditional and not-shared entries need a legal basis (Shenyang art. 23); stopping a
/// published entry needs reasons (Shenyang art. 27). Every transition is checked here and an illegal one throws.
/// </summary>
[SuppressMessage("Style", "IDE0044:Add readonly modifier", Justification = "EF Core sets the list when it reads the row.")]
public sealed class CatalogChange
{
    private List<string> _proposedItems = [];

    private CatalogChange()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The case's number as departments see it, e.g. ML-20260923-0001.</summary>
    public string Number { get; private set; } = null!;

    /// <summary>The department whose catalog changes.</summary>
    public string Department { get; private set; } = null!;

    public CatalogChangeTrigger Trigger { get; private set; }

    /// <summary>The day of the triggering event; the submission period counts from it (the day itself not counted).</summary>
    public DateOnly EventDate { get; private set; }

    /// <summary>What happened, e.g. 《某某条例》修订施行.</summary>
    public string EventDescription { get; private set; } = null!;

    public string OpenedBy { get; private set; } = null!;

    public DateTimeOffset OpenedAt { get; private set; }

    public CatalogChangeStatus Status { get; private set; }

    public Guid? ProcessInstanceId { get; set; }

    public CatalogChangeKind? Kind { get; private set; }

    /// <summary>The version of the entry the change starts from (a change or a stop); null for a new entry.</summary>
    public Guid? ResourceId { get; private set; }

    public string? ResourceCode { get; private set; }

    public string? ProposedName { get; private set; }

    public ShareType? ProposedShareType { get; private set; }

    public IReadOnlyList<string> ProposedItems => _proposedItems;

    public string? ProposedLegalBasis { get; private set; }

    /// <summary>The department's explanation; for a stop, the reasons (正当理由) the regulation asks for.</summary>
    public string? Reasons { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public int SubmissionCount { get; private set; }

    /// <summary>When the submission period ran out with nothing submitted; cleared by a granted extension.</summary>
    public DateTimeOffset? OverdueSince { get; private set; }

    /// <summary>Submitted after its deadline had passed (for the department's evaluation record).</summary>
    public bool SubmittedLate { get; private set; }

    public ExtensionStatus Extension { get; private set; }

    public string? ExtensionReasons { get; private set; }

    public string? ExtensionRequestedBy { get; private set; }

    public DateTimeOffset? ExtensionRequestedAt { get; private set; }

    /// <summary>The working days granted (the profile's catalog.extensionDays at the time).</summary>
    public int ExtensionDays { get; private set; }

    public string? ExtensionDecidedBy { get; private set; }

    public string? ExtensionOpinion { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>The office's opinion; for a return, its reasons.</summary>
    public string? ReviewOpinion { get; private set; }

    public int ReturnCount { get; private set; }

    /// <summary>The catalog version the approval made.</summary>
    public Guid? NewResourceId { get; private set; }

    public string? WithdrawalReasons { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>Opens the case for <paramref name="department"/> after an event on <paramref name="eventDate"/>.</summary>
    /// <exception cref="DomainException">An event in the future or without a description.</exception>
    public static CatalogChange Open(
        Guid id, string number, string department, CatalogChangeTrigger trigger, DateOnly eventDate, string? eventDescription, string openedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        if (eventDate > Calendar.ChinaTime.DateOf(now))
        {
            throw new DomainException("eventDate", $"The event date {eventDate:yyyy-MM-dd} is in the future; a catalog change is opened once the law, organisation or duty has changed.");
        }

        if (string.IsNullOrWhiteSpace(eventDescription))
        {
            throw new DomainException("eventDescription", "Describe the event that makes the catalog change necessary (e.g. the law that changed).");
        }

        return new CatalogChange
        {
            Id = id,
            Number = number,
            Department = department,
            Trigger = trigger,
            EventDate = eventDate,
            EventDescription = eventDescription.Trim(),
            OpenedBy = openedBy,
            OpenedAt = now,
            Status = CatalogChangeStatus.AwaitingSubmission,
        };
    }

    /// <summary>
    /// The department submits (or, after a return, resubmits) its change. <paramref name="current"/> is the catalog entry
    /// the proposal names, loaded by the caller (null for a new entry).
    /// </summary>
    /// <exception cref="DomainException">Another department, a state that takes no submission, or a proposal the rules refuse.</exception>
    public void Submit(CatalogChangeProposal proposal, CatalogResource? current, string department, string user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        RequireWithDepartment($"The change is {Status} and takes no submission now.");
        RequireOwnDepartment(department, "submit");
        var items = Clean(proposal.Items);
        switch (proposal.Kind)
        {
            case CatalogChangeKind.Add:
                if (current is not null || proposal.ResourceId is not null)
                {
                    throw new DomainException("resourceId", "A new entry names no existing resource; to change an entry choose 'modify'.");
                }

                var type = proposal.ShareType ?? throw new DomainException("shareType", "Choose the share type of the new entry (unconditional, conditional or not-shared).");
                Propose(
                    null,
                    Required(proposal.Code, "code", "Give the catalog code of the new entry."),
                    Required(proposal.Name, "name", "Give the name of the new entry."),
                    type,
                    items.Count > 0 ? items : throw new DomainException("items", "A catalog entry lists at least one data item."),
                    LegalBasisFor(type, proposal.LegalBasis, inherited: null),
                    proposal.Reasons);
                break;

            case CatalogChangeKind.Modify:
                var entry = RequireOwnPublished(current, proposal.ResourceId);
                var newType = proposal.ShareType ?? entry.ShareType;
                var newItems = items.Count > 0 ? items : [.. entry.DataItems];
                var newName = string.IsNullOrWhiteSpace(proposal.Name) ? entry.Name : proposal.Name.Trim();
                var basis = LegalBasisFor(newType, proposal.LegalBasis, inherited: newType == entry.ShareType ? entry.LegalBasis : null);
                if (newType == entry.ShareType && newName == entry.Name && basis == entry.LegalBasis && newItems.SequenceEqual(entry.DataItems, StringComparer.Ordinal))
                {
                    throw new DomainException($"The proposal changes nothing in {entry.Name}: name, share type, data items and legal basis are as they are.");
                }

                Propose(entry, entry.Code, newName, newType, newItems, basis, proposal.Reasons);
                break;

            case CatalogChangeKind.Stop:
                var stopped = RequireOwnPublished(current, proposal.ResourceId);
                Propose(
                    stopped, stopped.Code, stopped.Name, stopped.ShareType, [.. stopped.DataItems], stopped.LegalBasis,
                    Required(proposal.Reasons, "reasons", $"Stopping {stopped.Name} needs the reasons for no longer providing it (正当理由)."));
                break;

            default:
                throw new DomainException("kind", "Choose what changes: add, modify or stop.");
        }

        Kind = proposal.Kind;
        SubmittedBy = user;
        SubmittedAt = now;
        SubmissionCount++;
        SubmittedLate |= OverdueSince is not null;
        if (Extension == ExtensionStatus.Requested)
        {
            Extension = ExtensionStatus.Lapsed;
        }

        Status = CatalogChangeStatus.UnderReview;
    }

    /// <summary>The department finds no change is needed after all (or abandons a returned one), with reasons.</summary>
    public void Withdraw(string department, string? reasons, DateTimeOffset now)
    {
        RequireWithDepartment($"The change is {Status} and can no longer be withdrawn.");
        RequireOwnDepartment(department, "withdraw");
        WithdrawalReasons = Required(reasons, "reasons", "Say why no catalog change is needed.");
        WithdrawnAt = now;
        Status = CatalogChangeStatus.Withdrawn;
    }

    /// <summary>The submission period ran out with nothing submitted.</summary>
    public void MarkOverdue(DateTimeOffset now)
    {
        RequireWithDepartment($"The change is {Status}; only a submission still awaited can be overdue.");
        OverdueSince ??= now;
    }

    /// <summary>
    /// 延期: the department asks the office for more time, for special reasons, before its deadline has passed
    /// (Lanzhou art. 17). <paramref name="allowedDays"/> is the instance's profile value: 0 means no extension exists.
    /// </summary>
    /// <exception cref="DomainException">No extension in this profile, another department, no reasons, after the deadline, or asked before.</exception>
    public void RequestExtension(string department, string user, string? reasons, int allowedDays, DateOnly dueDate, DateTimeOffset now)
    {
        if (allowedDays <= 0)
        {
            throw new DomainException("The applicable rules provide no extension of the catalog-change period; submit the change within the period.");
        }

        RequireWithDepartment($"The change is {Status}; there is no submission period to extend.");
        RequireOwnDepartment(department, "ask for an extension of");
        if (Extension != ExtensionStatus.None)
        {
            throw new DomainException($"An extension was already asked for on {ExtensionRequestedAt:yyyy-MM-dd} ({Extension}); it can be asked for once.");
        }

        var today = Calendar.ChinaTime.DateOf(now);
        if (today > dueDate)
        {
            throw new DomainException($"The submission period ended on {dueDate:yyyy-MM-dd}; an extension must be asked for before the deadline, not after it.");
        }

        ExtensionReasons = Required(reasons, "extensionReasons", "Give the special reasons for needing more time (特殊原因).");
        ExtensionRequestedBy = user;
        ExtensionRequestedAt = now;
        Extension = ExtensionStatus.Requested;
    }

    /// <summary>The office consents to the extension of <paramref name="days"/> working days.</summary>
    public void GrantExtension(string officer, string? opinion, int days)
    {
        RequireExtensionRequested();
        ExtensionDays = days;
        ExtensionDecidedBy = officer;
        ExtensionOpinion = Optional(opinion);
        Extension = ExtensionStatus.Granted;
        OverdueSince = null;
    }

    /// <summary>The office does not consent; the deadline stays. Reasons are required.</summary>
    public void RefuseExtension(string officer, string? opinion)
    {
        RequireExtensionRequested();
        ExtensionOpinion = Required(opinion, "extensionOpinion", "Give the reasons for not extending the period.");
        ExtensionDecidedBy = officer;
        Extension = ExtensionStatus.Refused;
    }

    /// <summary>
    /// The office approves: the catalog gets a new version of the entry (for a stop, a stopped one) and the version the
    /// change started from is kept as superseded. <paramref name="current"/> must still be that version.
    /// </summary>
    /// <returns>The new catalog entry, to be stored by the caller.</returns>
    /// <exception cref="DomainException">Not under review, or the entry changed since the submission.</exception>
    public CatalogResource Approve(CatalogResource? current, Guid newVersionId, string reviewer, string? opinion, DateTimeOffset now)
    {
        Require(Status == CatalogChangeStatus.UnderReview, $"The change is {Status}, not under review.");
        CatalogResource next;
        if (Kind == CatalogChangeKind.Add)
        {
            next = new CatalogResource(newVersionId, ResourceCode!, ProposedName!, Department, ProposedShareType!.Value, _proposedItems, ProposedLegalBasis);
        }
        else
        {
            if (current is null || current.Id != ResourceId || current.Status != CatalogStatus.Published)
            {
                throw new DomainException($"{ResourceCode} has changed since the submission (it is no longer the published version); return the change so the department can resubmit it.");
            }

            next = new CatalogResource(newVersionId, current.Code, ProposedName!, Department, ProposedShareType!.Value, _proposedItems, ProposedLegalBasis, current.Version + 1);
            if (Kind == CatalogChangeKind.Stop)
            {
                next.Stop();
            }

            current.Supersede();
        }

        Review(reviewer, Optional(opinion), now);
        NewResourceId = next.Id;
        Status = CatalogChangeStatus.Approved;
        return next;
    }

    /// <summary>The office returns the change with written reasons; the department may correct and resubmit it.</summary>
    public void Return(string reviewer, string? reasons, DateTimeOffset now)
    {
        Require(Status == CatalogChangeStatus.UnderReview, $"The change is {Status}, not under review.");
        Review(reviewer, Required(reasons, "reviewOpinion", "A returned change needs the reasons, so that the department can correct it."), now);
        ReturnCount++;
        Status = CatalogChangeStatus.Returned;
    }

    /// <summary>How the change reads in notices and filings, e.g. 变更“户籍人口信息”：共享类型 有条件共享.</summary>
    public string Describe() => Kind switch
    {
        CatalogChangeKind.Add => $"新增目录“{ProposedName}”（{ResourceCode}，{ProposedShareType!.Value.ToChineseName()}）",
        CatalogChangeKind.Modify => $"变更目录“{ProposedName}”（{ResourceCode}，{ProposedShareType!.Value.ToChineseName()}，数据项 {string.Join("、", _proposedItems)}）",
        CatalogChangeKind.Stop => $"停止提供“{ProposedName}”（{ResourceCode}）；理由：{Reasons}",
        _ => "目录变更（尚未提交）",
    };

    private void Propose(CatalogResource? current, string code, string name, ShareType type, List<string> items, string? legalBasis, string? reasons)
    {
        ResourceId = current?.Id;
        ResourceCode = code.Trim();
        ProposedName = name;
        ProposedShareType = type;
        _proposedItems = items;
        ProposedLegalBasis = legalBasis;
        Reasons = Optional(reasons);
    }

    private CatalogResource RequireOwnPublished(CatalogResource? current, Guid? resourceId)
    {
        if (resourceId is null || current is null || current.Id != resourceId)
        {
            throw new DomainException("resourceId", "Name the catalog entry that changes.");
        }

        if (current.ProviderDepartment != Department)
        {
            throw new DomainException($"{current.Name} is provided by {current.ProviderDepartment}, not by {Department}.");
        }

        if (current.Status != CatalogStatus.Published)
        {
            throw new DomainException($"{current.Name} v{current.Version} is {current.Status}; a change starts from the published version.");
        }

        return current;
    }

    /// <summary>Conditional and not-shared entries name the law, regulation or rule they rest on (Shenyang art. 23).</summary>
    private static string? LegalBasisFor(ShareType type, string? given, string? inherited)
    {
        if (type == ShareType.Unconditional)
        {
            return Optional(given);
        }

        return Optional(given) ?? inherited
            ?? throw new DomainException("legalBasis", $"A {type.ToWireName()} entry needs its legal basis: the law, regulation or rule that limits sharing (法律、法规、规章依据).");
    }

    private void Review(string reviewer, string? opinion, DateTimeOffset now)
    {
        ReviewedBy = reviewer;
        ReviewOpinion = opinion;
        ReviewedAt = now;
    }

    private void RequireWithDepartment(string message) =>
        Require(Status is CatalogChangeStatus.AwaitingSubmission or CatalogChangeStatus.Returned, message);

    private void RequireOwnDepartment(string department, string what)
    {
        if (department != Department)
        {
            throw new DomainException($"Only {Department} can {what} its catalog change; {department} cannot.");
        }
    }

    private void RequireExtensionRequested() =>
        Require(Extension == ExtensionStatus.Requested, $"There is no extension request to decide (it is {Extension}).");
}

/// <summary>What a department proposes: a new entry, a change of one, or stopping one.</summary>
/// <param name="ResourceId">The published version that changes or stops; null for a new entry.</param>
/// <param name="Code">The catalog code of a new entry.</param>
/// <param name="ShareType">The (new) share type; for a change, null keeps the current one.</param>
/// <param name="Items">The data items; for a change, empty keeps the current ones.</param>
/// <param name="LegalBasis">Required for a conditional or not-shared entry unless a change keeps the share type and its basis.</param>
/// <param name="Reasons">An explanation; required for a stop.</param>
public sealed record CatalogChangeProposal(
    CatalogChangeKind Kind,
    Guid? ResourceId = null,
    string? Code = null,
    string? Name = null,
    ShareType? ShareType = null,
    IReadOnlyList<string>? Items = null,
    string? LegalBasis = null,
    string? Reasons = null);

public enum CatalogChangeKind
{
    /// <summary>新增: a new entry.</summary>
    Add,

    /// <summary>变更: name, share type, data items or legal basis change.</summary>
    Modify,

    /// <summary>停止提供: a published entry is no longer provided (Shenyang art. 27).</summary>
    Stop,
}

/// <summary>Why the catalog must change.</summary>
public enum CatalogChangeTrigger
{
    /// <summary>法律法规调整.</summary>
    LawChange,

    /// <summary>机构改革.</summary>
    Reorganisation,

    /// <summary>法定职责变化.</summary>
    DutyChange,

    /// <summary>可供共享的信息或共享需求发生变化 (Fuzhou art. 14).</summary>
    SupplyOrNeedChange,
}

public enum CatalogChangeStatus
{
    /// <summary>The department has to submit its change within the period.</summary>
    AwaitingSubmission,

    /// <summary>With the coordinating office.</summary>
    UnderReview,

    /// <summary>Returned with reasons; the department corrects and resubmits.</summary>
    Returned,

    Approved,
    Withdrawn,
}

public enum ExtensionStatus
{
    None,
    Requested,
    Granted,
    Refused,

    /// <summary>The change was submitted before the office decided.</summary>
    Lapsed,
}

/// <summary>The stable wire names and the Chinese names of the catalog-change enums.</summary>
public static class CatalogChangeNames
{
    public static string ToWireName(this CatalogChangeKind kind) => kind switch
    {
        CatalogChangeKind.Add => "add",
        CatalogChangeKind.Modify => "modify",
        CatalogChangeKind.Stop => "stop",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ToWireName(this CatalogChangeTrigger trigger) => trigger switch
    {
        CatalogChangeTrigger.LawChange => "law-change",
        CatalogChangeTrigger.Reorganisation => "reorganisation",
        CatalogChangeTrigger.DutyChange => "duty-change",
        CatalogChangeTrigger.SupplyOrNeedChange => "supply-or-need-change",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    public static string ToChineseName(this CatalogChangeTrigger trigger) => trigger switch
    {
        CatalogChangeTrigger.LawChange => "法律法规调整",
        CatalogChangeTrigger.Reorganisation => "机构改革",
        CatalogChangeTrigger.DutyChange => "法定职责变化",
        CatalogChangeTrigger.SupplyOrNeedChange => "共享信息或共享需求变化",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    /// <exception cref="DomainException">Not a kind.</exception>
    public static CatalogChangeKind ParseKind(string? wire) =>
        ParseWire<CatalogChangeKind>(wire, ToWireName, "kind", $"'{wire}' is not a kind of catalog change; use add, modify or stop.");

    /// <exception cref="DomainException">Not a trigger.</exception>
    public static CatalogChangeTrigger ParseTrigger(string? wire) =>
        ParseWire<CatalogChangeTrigger>(wire, ToWireName, "trigger", $"'{wire}' is not a trigger of a catalog change; use law-change, reorganisation, duty-change or supply-or-need-change.");

    /// <exception cref="DomainException">Not a share type.</exception>
    public static ShareType ParseShareType(string? wire) =>
        ParseWire<ShareType>(wire, ShareTypeNames.ToWireName, "shareType", $"'{wire}' is not a share type; use unconditional, conditional or not-shared.");

    /// <summary>The value whose wire name is <paramref name="wire"/>.</summary>
    /// <exception cref="DomainException">No value has that wire name; <paramref name="message"/> says so.</exception>
    private static T ParseWire<T>(string? wire, Func<T, string> toWireName, string field, string message)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => toWireName(v!.Value) == wire)
        ?? throw new DomainException(field, message);
}
