using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShareFlow.Workflows.Persistence;

/// <summary>
/// One entry of the audit trail: who did what, when, from where, and with which result. Each entry carries the hash of
/// the one before it (<see cref="PreviousId"/> is unique, so two writers cannot both append after the same entry); a
/// changed or deleted entry breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>The entry this one follows; 0 for the first.</summary>
    public long PreviousId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public string? Department { get; set; }

    /// <summary>e.g. <c>POST /api/tasks/{id}/complete</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The case, task or definition concerned, when there is one.</summary>
    public string? Subject { get; set; }

    public string? RemoteAddress { get; set; }

    public int Result { get; set; }

    /// <summary>SHA-256 (hex) of the previous entry's hash and this entry's fields.</summary>
    public required string Hash { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(e => e.PreviousId).HasColumnName("previous_id");
        builder.Property(e => e.At).HasColumnName("at");
        builder.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(128);
        builder.Property(e => e.Department).HasColumnName("department").HasMaxLength(64);
        builder.Property(e => e.Action).HasColumnName("action").HasMaxLength(255);
        builder.Property(e => e.Subject).HasColumnName("subject").HasMaxLength(255);
        builder.Property(e => e.RemoteAddress).HasColumnName("remote_address").HasMaxLength(64);
        builder.Property(e => e.Result).HasColumnName("result");
        builder.Property(e => e.Hash).HasColumnName("hash").HasMaxLength(64);
        builder.HasIndex(e => e.PreviousId).IsUnique().HasDatabaseName("ix_audit_entries_previous_id");
    }
}
