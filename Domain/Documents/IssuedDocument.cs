using System.Globalization;

namespace ShareFlow.Domain.Documents;

/// <summary>
/// A numbered written decision (发文登记): a sharing answer (共享答复), a dispute decision, a written answer to a data
/// objection... Its number (文号) is the issuing department's short name, the year in 〔〕 and a sequence that runs per
/// department, year and kind without gaps, e.g. <c>市公安局〔2026〕共享答复第3号</c>. The number is assigned in the same
/// transaction as the decision, so a decision that is rolled back consumes none.
/// </summary>
public sealed class IssuedDocument
{
    private IssuedDocument()
    {
    }

    public IssuedDocument(
        Guid id, DocumentKind kind, string department, string issuerName, int year, int sequence, Guid subjectId, string process, string? article,
        string? issuedBy, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(process);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        Id = id;
        Kind = kind.Code;
        Department = department;
        IssuerName = issuerName;
        Year = year;
        Sequence = sequence;
        Number = Format(issuerName, year, kind, sequence);
        SubjectId = subjectId;
        Process = process;
        Article = article;
        IssuedBy = issuedBy;
        IssuedAt = issuedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The document number (文号) as printed, e.g. 市公安局〔2026〕共享答复第3号.</summary>
    public string Number { get; private set; } = null!;

    /// <summary>The stable code of the <see cref="DocumentKind"/>, e.g. <c>sharing-answer</c>.</summary>
    public string Kind { get; private set; } = null!;

    /// <summary>The code of the issuing department (发文机关).</summary>
    public string Department { get; private set; } = null!;

    /// <summary>The issuing department's name as printed in the number, kept as it was on the day of issue.</summary>
    public string IssuerName { get; private set; } = null!;

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>The case the document decides (its id is its process instance's id).</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>The key of the case's process, e.g. <c>sharingApplication</c>.</summary>
    public string Process { get; private set; } = null!;

    /// <summary>The article the decision applies, e.g. 《沈阳市政务数据资源共享开放条例（征求意见稿）》 第二十五条.</summary>
    public string? Article { get; private set; }

    /// <summary>The user who decided, or <c>system</c>.</summary>
    public string? IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>发文字号: issuer, year in 〔〕 (GB/T 9704 uses the hexagonal brackets, not 【】 or ()), kind and sequence.</summary>
    public static string Format(string issuerName, int year, DocumentKind kind, int sequence)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return string.Create(CultureInfo.InvariantCulture, $"{issuerName}〔{year}〕{kind.Label}第{sequence}号");
    }
}

/// <summary>A kind of numbered document: a stable code stored with it and the word printed in its number.</summary>
public sealed record DocumentKind(string Code, string Label, string Title)
{
    /// <summary>共享答复: the answer to a sharing application — approval, refusal, deemed consent, automatic grant.</summary>
    public static readonly DocumentKind SharingAnswer = new("sharing-answer", "共享答复", "政务数据共享申请答复书");

    /// <summary>争议处理: a tier's decision settling a sharing dispute.</summary>
    public static readonly DocumentKind DisputeDecision = new("dispute-decision", "争议处理", "政务数据共享争议处理决定书");

    /// <summary>异议答复: the office's written answer to a data objection (Fuzhou art. 20).</summary>
    public static readonly DocumentKind ObjectionAnswer = new("objection-answer", "异议答复", "数据异议处理结果书面答复");

    /// <summary>开放答复: the answer to an open-data request.</summary>
    public static readonly DocumentKind OpenDataAnswer = new("open-data-answer", "开放答复", "政务数据开放申请答复书");

    /// <summary>整改通知: an order to correct within a deadline (责令限期整改).</summary>
    public static readonly DocumentKind RectificationOrder = new("rectification-order", "整改通知", "责令限期整改通知书");

    public static IReadOnlyList<DocumentKind> All { get; } = [SharingAnswer, DisputeDecision, ObjectionAnswer, OpenDataAnswer, RectificationOrder];

    public static DocumentKind? Find(string code) => All.FirstOrDefault(k => k.Code == code);
}
