using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShareFlow.Workflows.Persistence;

/// <summary>
/// The work in progress on a process definition in the designer: at most one draft per key, overwritten on every save and
/// deleted when a version of the key is published. A draft need not be a valid process; it is never run.
/// </summary>
public sealed class DefinitionDraftRecord
{
    /// <summary>The process id the draft's XML holds: the definition key it will be published as.</summary>
    public required string Key { get; set; }

    /// <summary>The BPMN XML as the designer saved it (diagram interchange included).</summary>
    public required string Xml { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    public required string SavedBy { get; set; }
}

internal sealed class DefinitionDraftRecordConfiguration : IEntityTypeConfiguration<DefinitionDraftRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionDraftRecord> builder)
    {
        builder.ToTable("definition_drafts");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasColumnName("key").HasMaxLength(255).ValueGeneratedNever();
        builder.Property(r => r.Xml).HasColumnName("xml");
        builder.Property(r => r.SavedAt).HasColumnName("saved_at");
        builder.Property(r => r.SavedBy).HasColumnName("saved_by").HasMaxLength(128);
    }
}
