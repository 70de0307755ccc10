namespace ShareFlow.Workflows.Persistence;

/// <summary>
/// 委派 delegation: the task's owner hands it to a colleague who may act on it; the owner stays its owner and cannot
/// complete it meanwhile. The delegate resolves it (back to the owner) or completes it on the owner's behalf; the
/// owner may take it back. While <see cref="Status"/> is <c>pending</c> the task's assignee is the delegate.
/// </summary>
public sealed class TaskDelegationRecord
{
    public Guid Id { get; set; }

    public Guid TaskId { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>The task's holder before the delegation, to whom it comes back.</summary>
    public required string Owner { get; set; }

    public required string Delegate { get; set; }

    public string? Reason { get; set; }

    /// <summary><c>pending</c>, <c>resolved</c> (returned by the delegate), <c>taken-back</c> (by the owner) or <c>completed</c> (by the delegate).</summary>
    public required string Status { get; set; }

    public DateTimeOffset DelegatedAt { get; set; }

    public string? DelegatedBy { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? EndedBy { get; set; }

    /// <summary>What the delegate said when returning the task.</summary>
    public string? Comment { get; set; }
}

/// <summary>
/// 加签: a further signer the holder of a task asks for (a legal reviewer, another department's reviewer). The task
/// cannot be completed while a request is <c>pending</c>; the signer approves or objects with an opinion.
/// </summary>
public sealed class TaskCosignRecord
{
    public Guid Id { get; set; }

    public Guid TaskId { get; set; }

    public Guid InstanceId { get; set; }

    public required string RequestedBy { get; set; }

    public required string Signer { get; set; }

    public required string SignerDepartment { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary><c>pending</c>, <c>approved</c> or <c>objected</c>.</summary>
    public required string Status { get; set; }

    /// <summary>Who signed: the signer, or their deputy acting for them.</summary>
    public string? SignedBy { get; set; }

    public DateTimeOffset? SignedAt { get; set; }

    public string? Opinion { get; set; }
}

/// <summary>抄送: a case copied to a colleague or a department for their information; they may read it, not act on it.</summary>
public sealed class CaseCopyRecord
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The task whose holder copied the case.</summary>
    public Guid? TaskId { get; set; }

    public required string CopiedBy { get; set; }

    public required string CopiedByDepartment { get; set; }

    /// <summary>One of the two: a user, or a whole department.</summary>
    public string? RecipientUser { get; set; }

    public string? RecipientDepartment { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>催办: the requester (or the office) urged the holders of a case's open task. At most one per case and working day.</summary>
public sealed class CaseUrgeRecord
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid TaskId { get; set; }

    /// <summary>The working day (Asia/Shanghai, official calendar) the urge counts for: today, or the next working day on a rest day.</summary>
    public DateOnly WorkingDay { get; set; }

    public required string UrgedBy { get; set; }

    public required string UrgedByDepartment { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// 代理: while <see cref="Principal"/> is away, <see cref="Deputy"/> (same department, same roles) receives what is
/// assigned to the principal and acts for them, marked "acting for" in the history and the audit trail.
/// </summary>
public sealed class DeputyRecord
{
    public Guid Id { get; set; }

    public required string Principal { get; set; }

    public required string Deputy { get; set; }

    public required string Department { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the principal ends the period early; the period then runs until this instant.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public DateTimeOffset EffectiveEnd => EndedAt is { } ended && ended < EndsAt ? ended : EndsAt;
}

/// <summary>
/// A file attached to a case. Its bytes are in <see cref="AttachmentContentRecord"/> (the database, so that metadata
/// and content are written in one transaction and backed up together); <see cref="Sha256"/> lets anyone check them.
/// </summary>
public sealed class AttachmentRecord
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string FileName { get; set; }

    /// <summary>The type found by looking at the content: <c>pdf</c>, <c>ofd</c>, <c>docx</c>, <c>xlsx</c>, <c>png</c>, <c>jpg</c>, <c>zip</c>.</summary>
    public required string FileType { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public required string UploadedBy { get; set; }

    public required string UploadedByDepartment { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string? Description { get; set; }
}

/// <summary>The bytes of an attachment, in a table of their own so that listing attachments never reads them.</summary>
public sealed class AttachmentContentRecord
{
    public Guid AttachmentId { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>
/// That <see cref="UserName"/> has read a notice. A notice to a department or to a role is read by each of its members on
/// their own: one colleague opening it leaves it unread for the others.
/// </summary>
public sealed class NoticeReadRecord
{
    public Guid NoticeId { get; set; }

    public required string UserName { get; set; }

    public DateTimeOffset ReadAt { get; set; }
}
