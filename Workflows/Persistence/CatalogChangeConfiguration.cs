using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShareFlow.Domain.Catalog;

namespace ShareFlow.Workflows.Persistence;

internal sealed class CatalogChangeConfiguration : IEntityTypeConfiguration<CatalogChange>
{
    public void Configure(EntityTypeBuilder<CatalogChange> builder)
    {
        builder.ToTable("catalog_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.Number).HasColumnName("number").HasMaxLength(64);
        builder.Property(c => c.Department).HasColumnName("department").HasMaxLength(64);
        builder.Property(c => c.Trigger).HasColumnName("trigger").HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.EventDate).HasColumnName("event_date");
        builder.Property(c => c.EventDescription).HasColumnName("event_description").HasMaxLength(4000);
        builder.Property(c => c.OpenedBy).HasColumnName("opened_by").HasMaxLength(128);
        builder.Property(c => c.OpenedAt).HasColumnName("opened_at");
        builder.Property(c => c.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.ProcessInstanceId).HasColumnName("process_instance_id");
        builder.Property(c => c.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ResourceId).HasColumnName("resource_id");
        builder.Property(c => c.ResourceCode).HasColumnName("resource_code").HasMaxLength(64);
        builder.Property(c => c.ProposedName).HasColumnName("proposed_name").HasMaxLength(255);
        builder.Property(c => c.ProposedShareType).HasColumnName("proposed_share_type").HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ProposedLegalBasis).HasColumnName("proposed_legal_basis").HasMaxLength(1000);
        builder.Property(c => c.Reasons).HasColumnName("reasons").HasMaxLength(4000);
        builder.Property(c => c.SubmittedBy).HasColumnName("submitted_by").HasMaxLength(128);
        builder.Property(c => c.SubmittedAt).HasColumnName("submitted_at");
        builder.Property(c => c.SubmissionCount).HasColumnName("submission_count");
        builder.Property(c => c.OverdueSince).HasColumnName("overdue_since");
        builder.Property(c => c.SubmittedLate).HasColumnName("submitted_late");
        builder.Property(c => c.Extension).HasColumnName("extension").HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ExtensionReasons).HasColumnName("extension_reasons").HasMaxLength(4000);
        builder.Property(c => c.ExtensionRequestedBy).HasColumnName("extension_requested_by").HasMaxLength(128);
        builder.Property(c => c.ExtensionRequestedAt).HasColumnName("extension_requested_at");
        builder.Property(c => c.ExtensionDays).HasColumnName("extension_days");
        builder.Property(c => c.ExtensionDecidedBy).HasColumnName("extension_decided_by").HasMaxLength(128);
        builder.Property(c => c.ExtensionOpinion).HasColumnName("extension_opinion").HasMaxLength(4000);
        builder.Property(c => c.ReviewedBy).HasColumnName("reviewed_by").HasMaxLength(128);
        builder.Property(c => c.ReviewedAt).HasColumnName("reviewed_at");
        builder.Property(c => c.ReviewOpinion).HasColumnName("review_opinion").HasMaxLength(4000);
        builder.Property(c => c.ReturnCount).HasColumnName("return_count");
        builder.Property(c => c.NewResourceId).HasColumnName("new_resource_id");
        builder.Property(c => c.WithdrawalReasons).HasColumnName("withdrawal_reasons").HasMaxLength(4000);
        builder.Property(c => c.WithdrawnAt).HasColumnName("withdrawn_at");
        builder.Ignore(c => c.ProposedItems);
        StringListColumn.Map(builder, "_proposedItems", "proposed_items");
        builder.HasIndex(c => c.Number).IsUnique().HasDatabaseName("ix_catalog_changes_number");
        builder.HasIndex(c => new { c.Department, c.Status }).HasDatabaseName("ix_catalog_changes_department_status");
    }
}
