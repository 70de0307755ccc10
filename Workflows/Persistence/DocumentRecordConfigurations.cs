using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShareFlow.Domain.Documents;

namespace ShareFlow.Workflows.Persistence;

/// <summary>
/// The last document number issued per department, year and kind. Only the numbering's upsert writes it (see
/// <c>DocumentNumbers</c>): the row is locked from that statement until the decision's transaction ends.
/// </summary>
public sealed class DocumentSequenceRecord
{
    public required string Department { get; set; }

    public int Year { get; set; }

    public required string Kind { get; set; }

    public int LastSequence { get; set; }
}

/// <summary>
/// The last case number given per kind (its prefix, e.g. SQ) and Asia/Shanghai day, written only by the numbering's
/// upsert (see <c>CaseNumbers</c>), like <see cref="DocumentSequenceRecord"/>.
/// </summary>
public sealed class CaseNumberSequenceRecord
{
    public required string Prefix { get; set; }

    /// <summary>The day as yyyymmdd, e.g. 20261123.</summary>
    public int Day { get; set; }

    public int LastSequence { get; set; }
}

/// <summary>A department's short name (简称) as printed in its document numbers, e.g. 市人社局; without one the full name is used.</summary>
public sealed class DepartmentShortNameRecord
{
    public required string Department { get; set; }

    public required string ShortName { get; set; }
}

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> builder)
    {
        builder.ToTable("issued_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(d => d.Number).HasColumnName("number").HasMaxLength(255);
        builder.Property(d => d.Kind).HasColumnName("kind").HasMaxLength(32);
        builder.Property(d => d.Department).HasColumnName("department_code").HasMaxLength(64);
        builder.Property(d => d.IssuerName).HasColumnName("issuer_name").HasMaxLength(128);
        builder.Property(d => d.Year).HasColumnName("year");
        builder.Property(d => d.Sequence).HasColumnName("sequence");
        builder.Property(d => d.SubjectId).HasColumnName("subject_id");
        builder.Property(d => d.Process).HasColumnName("process").HasMaxLength(128);
        builder.Property(d => d.Article).HasColumnName("article").HasMaxLength(255);
        builder.Property(d => d.IssuedBy).HasColumnName("issued_by").HasMaxLength(128);
        builder.Property(d => d.IssuedAt).HasColumnName("issued_at");
        builder.HasIndex(d => new { d.Department, d.Year, d.Kind, d.Sequence }).IsUnique().HasDatabaseName("ix_issued_documents_sequence");
        builder.HasIndex(d => d.SubjectId).HasDatabaseName("ix_issued_documents_subject_id");
    }
}

internal sealed class DocumentSequenceRecordConfiguration : IEntityTypeConfiguration<DocumentSequenceRecord>
{
    public void Configure(EntityTypeBuilder<DocumentSequenceRecord> builder)
    {
        builder.ToTable("document_sequences");
        builder.HasKey(s => new { s.Department, s.Year, s.Kind });
        builder.Property(s => s.Department).HasColumnName("department_code").HasMaxLength(64);
        builder.Property(s => s.Year).HasColumnName("year");
        builder.Property(s => s.Kind).HasColumnName("kind").HasMaxLength(32);
        builder.Property(s => s.LastSequence).HasColumnName("last_sequence");
    }
}

internal sealed class CaseNumberSequenceRecordConfiguration : IEntityTypeConfiguration<CaseNumberSequenceRecord>
{
    public void Configure(EntityTypeBuilder<CaseNumberSequenceRecord> builder)
    {
        builder.ToTable("case_number_sequences");
        builder.HasKey(s => new { s.Prefix, s.Day });
        builder.Property(s => s.Prefix).HasColumnName("prefix").HasMaxLength(8);
        builder.Property(s => s.Day).HasColumnName("day");
        builder.Property(s => s.LastSequence).HasColumnName("last_sequence");
    }
}

internal sealed class DepartmentShortNameRecordConfiguration : IEntityTypeConfiguration<DepartmentShortNameRecord>
{
    public void Configure(EntityTypeBuilder<DepartmentShortNameRecord> builder)
    {
        builder.ToTable("department_short_names");
        builder.HasKey(s => s.Department);
        builder.Property(s => s.Department).HasColumnName("department_code").HasMaxLength(64);
        builder.Property(s => s.ShortName).HasColumnName("short_name").HasMaxLength(32);
    }
}
