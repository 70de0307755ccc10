using System.Diagnostics.CodeAnalysis;

namespace ShareFlow.Domain.Sharing;

/// <summary>Access granted: which items of which resource a department may use, from when, under which agreement.</summary>
[SuppressMessage("Style", "IDE0044:Add readonly modifier", Justification = "EF Core sets the list when it reads the row.")]
public sealed class Grant
{
    private List<string> _items = [];

    private Grant()
    {
    }

    public Grant(Guid id, Guid applicationId, Guid resourceId, string granteeDepartment, IEnumerable<string> items, DateOnly from, DateOnly? until, Guid? agreementId, string? conditions, bool isSystemDecision, DateTimeOffset grantedAt)
    {
        Id = id;
        ApplicationId = applicationId;
        ResourceId = resourceId;
        GranteeDepartment = granteeDepartment;
        _items = [.. items];
        From = from;
        Until = until;
        AgreementId = agreementId;
        Conditions = conditions;
        IsSystemDecision = isSystemDecision;
        GrantedAt = grantedAt;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid ResourceId { get; private set; }

    public string GranteeDepartment { get; private set; } = null!;

    public IReadOnlyList<string> Items => _items;

    public DateOnly From { get; private set; }

    public DateOnly? Until { get; private set; }

    public Guid? AgreementId { get; private set; }

    public string? Conditions { get; private set; }

    public bool IsSystemDecision { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }
}

/// <summary>备案: a decision or change recorded with the coordinating office (Fuzhou art. 18, Shenyang arts. 23, 27).</summary>
public sealed class Filing
{
    private Filing()
    {
    }

    public Filing(Guid id, string kind, Guid subjectId, string department, string summary, string article, DateTimeOffset filedAt)
    {
        Id = id;
        Kind = kind;
        SubjectId = subjectId;
        Department = department;
        Summary = summary;
        Article = article;
        FiledAt = filedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>A stable name, e.g. <c>sharing-decision</c>, <c>catalog-change</c>.</summary>
    public string Kind { get; private set; } = null!;

    public Guid SubjectId { get; private set; }

    /// <summary>The department that files.</summary>
    public string Department { get; private set; } = null!;

    public string Summary { get; private set; } = null!;

    public string Article { get; private set; } = null!;

    public DateTimeOffset FiledAt { get; private set; }
}

/// <summary>安全保密协议: conditional sharing needs a signed security and confidentiality agreement (Fuzhou art. 31).</summary>
public sealed class SecurityAgreement
{
    private SecurityAgreement()
    {
    }

    public SecurityAgreement(Guid id, Guid applicationId, string requesterDepartment, string providerDepartment, Guid resourceId, string terms, DateTimeOffset signedAt)
    {
        Id = id;
        ApplicationId = applicationId;
        RequesterDepartment = requesterDepartment;
        ProviderDepartment = providerDepartment;
        ResourceId = resourceId;
        Terms = terms;
        SignedAt = signedAt;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string RequesterDepartment { get; private set; } = null!;

    public string ProviderDepartment { get; private set; } = null!;

    public Guid ResourceId { get; private set; }

    public string Terms { get; private set; } = null!;

    public DateTimeOffset SignedAt { get; private set; }
}

/// <summary>A notice for a department's role holders or one user: reminders, escalations, decisions, system decisions.</summary>
public sealed class Notice
{
    private Notice()
    {
    }

    public Notice(Guid id, Guid? caseId, string kind, string recipientDepartment, string? recipientRole, string? recipientUser, string subject, string body, DateTimeOffset createdAt)
    {
        Id = id;
        CaseId = caseId;
        Kind = kind;
        RecipientDepartment = recipientDepartment;
        RecipientRole = recipientRole;
        RecipientUser = recipientUser;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary><c>reminder</c>, <c>escalation</c>, <c>decision</c>, <c>system-decision</c>, <c>supplement</c>, <c>urge</c>.</summary>
    public string Kind { get; private set; } = null!;

    public string RecipientDepartment { get; private set; } = null!;

    public string? RecipientRole { get; private set; }

    public string? RecipientUser { get; private set; }

    public string Subject { get; private set; } = null!;

    public string Body { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
