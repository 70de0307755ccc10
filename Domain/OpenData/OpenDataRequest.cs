using ShareFlow.Domain.Catalog;
using static ShareFlow.Domain.DomainText;

namespace ShareFlow.Domain.OpenData;

/// <summary>
/// 开放申请: a request by a citizen, a legal person or another organisation (公民、法人和其他组织) — not a department —
/// for government data to be opened to it. Shenyang art. 34: the application states its purpose, scenario and
/// safeguards (申请用途、应用场景和安全保障措施), the department evaluates it and answers within 10 days whether it
/// agrees, with an explanation. Beijing art. 20: the office passes the public's demand to the department, which responds
/// within 15 working days and reports the result to the office. The answer goes back to the applicant as a notice kept
/// with the request. Its status follows its process instance; every transition is checked here and an illegal one throws.
/// </summary>
public sealed class OpenDataRequest
{
    private OpenDataRequest()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The request's number as the applicant sees it, e.g. KF-20260923-0001.</summary>
    public string Number { get; private set; } = null!;

    public string ApplicantName { get; private set; } = null!;

    public OpenDataApplicantKind ApplicantKind { get; private set; }

    /// <summary>Where the answer is sent: a telephone number, an e-mail or a postal address.</summary>
    public string ApplicantContact { get; private set; } = null!;

    /// <summary>统一社会信用代码 of an organisation, or an identity document number; optional.</summary>
    public string? ApplicantIdentifier { get; private set; }

    /// <summary>The department whose data is asked for; it answers.</summary>
    public string ProviderDepartment { get; private set; } = null!;

    /// <summary>The catalog resource, when the applicant found it in the catalog.</summary>
    public Guid? ResourceId { get; private set; }

    public string? ResourceName { get; private set; }

    /// <summary>What data is asked for, in the applicant's words.</summary>
    public string RequestedData { get; private set; } = null!;

    /// <summary>申请用途.</summary>
    public string Purpose { get; private set; } = null!;

    /// <summary>应用场景.</summary>
    public string? Scenario { get; private set; }

    /// <summary>安全保障措施.</summary>
    public string? Safeguards { get; private set; }

    /// <summary>How it came in: <c>online</c> (the open-data portal) or the user name of the office clerk who registered it.</summary>
    public string ReceivedVia { get; private set; } = null!;

    public DateTimeOffset ReceivedAt { get; private set; }

    public OpenDataStatus Status { get; private set; }

    public OpenDataDecision? Decision { get; private set; }

    /// <summary>What is opened (all that was asked for, or the part opened).</summary>
    public string? OpenedScope { get; private set; }

    /// <summary>Terms of use of the opened data (利用条件).</summary>
    public string? Conditions { get; private set; }

    /// <summary>Why (part of) the data is not opened.</summary>
    public string? Reasons { get; private set; }

    /// <summary>The law or rule not opening rests on (Shenyang art. 34(1): the basis of not opening is made public).</summary>
    public string? LegalBasis { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The answer period passed before the answer: the department's record (and the supervisors were told).</summary>
    public bool Overdue { get; private set; }

    /// <summary>The notice sent to the applicant, as sent.</summary>
    public string? ApplicantNoticeSubject { get; private set; }

    public string? ApplicantNoticeBody { get; private set; }

    public DateTimeOffset? ApplicantNotifiedAt { get; private set; }

    /// <summary>Receives a request for a catalog resource or, when the applicant names none, for a department's data.</summary>
    /// <param name="scenarioAndSafeguardsRequired">Shenyang art. 34: the application states its scenario and safeguards too.</param>
    /// <exception cref="DomainException">No applicant name or contact, no purpose, nothing asked for, no department, a withdrawn
    /// resource, or (where the profile demands them) no scenario or safeguards.</exception>
    public static OpenDataRequest Receive(
        Guid id, string number, OpenDataApplicant applicant, CatalogResource? resource, string? providerDepartment, string? requestedData, string? purpose,
        string? scenario, string? safeguards, bool scenarioAndSafeguardsRequired, string receivedVia, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        if (string.IsNullOrWhiteSpace(applicant.Name))
        {
            throw new DomainException("applicant.name", "Give the applicant's name (the citizen's or the organisation's).");
        }

        if (string.IsNullOrWhiteSpace(applicant.Contact))
        {
            throw new DomainException("applicant.contact", "Give a contact the answer can be sent to (telephone, e-mail or address).");
        }

        if (string.IsNullOrWhiteSpace(purpose))
        {
            throw new DomainException("purpose", "State the purpose the data is requested for (申请用途).");
        }

        if (scenarioAndSafeguardsRequired && string.IsNullOrWhiteSpace(scenario))
        {
            throw new DomainException("scenario", "State the scenario the data will be used in (应用场景).");
        }

        if (scenarioAndSafeguardsRequired && string.IsNullOrWhiteSpace(safeguards))
        {
            throw new DomainException("safeguards", "State the security safeguards for the data (安全保障措施).");
        }

        if (resource is not null && resource.Status != CatalogStatus.Published)
        {
            throw new DomainException("resourceId", $"{resource.Name} is no longer in the catalog ({resource.Status}).");
        }

        var department = resource?.ProviderDepartment ?? providerDepartment?.Trim();
        if (string.IsNullOrWhiteSpace(department))
        {
            throw new DomainException("providerDepartment", "Name the catalog resource or the department whose data is requested.");
        }

        var data = string.IsNullOrWhiteSpace(requestedData) ? resource?.Name : requestedData.Trim();
        if (data is null)
        {
            throw new DomainException("requestedData", "Describe the data requested.");
        }

        return new OpenDataRequest
        {
            Id = id,
            Number = number,
            ApplicantName = applicant.Name.Trim(),
            ApplicantKind = applicant.Kind,
            ApplicantContact = applicant.Contact.Trim(),
            ApplicantIdentifier = Optional(applicant.Identifier),
            ProviderDepartment = department,
            ResourceId = resource?.Id,
            ResourceName = resource?.Name,
            RequestedData = data,
            Purpose = purpose.Trim(),
            Scenario = Optional(scenario),
            Safeguards = Optional(safeguards),
            ReceivedVia = receivedVia,
            ReceivedAt = now,
            Status = OpenDataStatus.UnderEvaluation,
        };
    }

    /// <summary>
    /// The department's answer: open all, open part (say which part and why not the rest), or refuse with reasons.
    /// </summary>
    /// <exception cref="DomainException">Already answered, another department answering, or a partial answer or a refusal
    /// without reasons, or a partial answer that does not say what is opened.</exception>
    public void Answer(OpenDataDecision decision, string? openedScope, string? conditions, string? reasons, string? legalBasis, string department, string answeredBy, DateTimeOffset now)
    {
        if (Status != OpenDataStatus.UnderEvaluation)
        {
            throw new DomainException($"Request {Number} was already answered.");
        }

        if (department != ProviderDepartment)
        {
            throw new DomainException($"Only the department whose data is requested ({ProviderDepartment}) answers request {Number}.");
        }

        if (decision != OpenDataDecision.Open && string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainException("reasons", decision == OpenDataDecision.Refused
                ? "A refusal must explain to the applicant why the data is not opened (相关说明)."
                : "Explain to the applicant why the rest of the data is not opened (相关说明).");
        }

        if (decision == OpenDataDecision.PartiallyOpen && string.IsNullOrWhiteSpace(openedScope))
        {
            throw new DomainException("openedScope", "Say which part of the data is opened.");
        }

        Decision = decision;
        OpenedScope = decision switch
        {
            OpenDataDecision.Refused => null,
            _ when !string.IsNullOrWhiteSpace(openedScope) => openedScope.Trim(),
            _ => RequestedData,
        };
        Conditions = decision == OpenDataDecision.Refused || string.IsNullOrWhiteSpace(conditions) ? null : conditions.Trim();
        Reasons = Optional(reasons);
        LegalBasis = Optional(legalBasis);
        AnsweredBy = answeredBy;
        AnsweredAt = now;
        Status = OpenDataStatus.Answered;
    }

    /// <summary>The answer period passed without an answer; the request stays with the department.</summary>
    public void MarkOverdue()
    {
        if (Status != OpenDataStatus.UnderEvaluation)
        {
            throw new DomainException($"Request {Number} was already answered.");
        }

        Overdue = true;
    }

    /// <summary>Keeps the notice the applicant was sent.</summary>
    public void RecordApplicantNotice(string subject, string body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        if (Status != OpenDataStatus.Answered)
        {
            throw new DomainException($"Request {Number} has no answer to send yet.");
        }

        ApplicantNoticeSubject = subject;
        ApplicantNoticeBody = body;
        ApplicantNotifiedAt = now;
    }
}

/// <summary>Who applies: a member of the public or an organisation (公民、法人和其他组织).</summary>
public sealed record OpenDataApplicant(string Name, OpenDataApplicantKind Kind, string Contact, string? Identifier = null);

public enum OpenDataApplicantKind
{
    /// <summary>公民.</summary>
    Citizen,

    /// <summary>法人.</summary>
    LegalPerson,

    /// <summary>其他组织.</summary>
    OtherOrganisation,
}

public enum OpenDataStatus
{
    /// <summary>评估中: with the department.</summary>
    UnderEvaluation,

    /// <summary>已答复.</summary>
    Answered,
}

/// <summary>是否同意开放.</summary>
public enum OpenDataDecision
{
    /// <summary>同意开放.</summary>
    Open,

    /// <summary>部分开放.</summary>
    PartiallyOpen,

    /// <summary>不予开放.</summary>
    Refused,
}
