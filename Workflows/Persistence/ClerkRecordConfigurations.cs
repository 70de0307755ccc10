using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShareFlow.Workflows.Persistence;

internal sealed class TaskDelegationRecordConfiguration : IEntityTypeConfiguration<TaskDelegationRecord>
{
    public void Configure(EntityTypeBuilder<TaskDelegationRecord> builder)
    {
        builder.ToTable("task_delegations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.TaskId).HasColumnName("task_id");
        builder.Property(r => r.InstanceId).HasColumnName("instance_id");
        builder.Property(r => r.Owner).HasColumnName("owner").HasMaxLength(128);
        builder.Property(r => r.Delegate).HasColumnName("delegate").HasMaxLength(128);
        builder.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(1000);
        builder.Property(r => r.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(r => r.DelegatedAt).HasColumnName("delegated_at");
        builder.Property(r => r.DelegatedBy).HasColumnName("delegated_by").HasMaxLength(128);
        builder.Property(r => r.EndedAt).HasColumnName("ended_at");
        builder.Property(r => r.EndedBy).HasColumnName("ended_by").HasMaxLength(128);
        builder.Property(r => r.Comment).HasColumnName("comment").HasMaxLength(4000);
        builder.HasIndex(r => new { r.TaskId, r.Status }).HasDatabaseName("ix_task_delegations_task_id_status");
        builder.HasIndex(r => new { r.Owner, r.Status }).HasDatabaseName("ix_task_delegations_owner_status");
    }
}

internal sealed class TaskCosignRecordConfiguration : IEntityTypeConfiguration<TaskCosignRecord>
{
    public void Configure(EntityTypeBuilder<TaskCosignRecord> builder)
    {
        builder.ToTable("task_cosigns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.TaskId).HasColumnName("task_id");
        builder.Property(r => r.InstanceId).HasColumnName("instance_id");
        builder.Property(r => r.RequestedBy).HasColumnName("requested_by").HasMaxLength(128);
        builder.Property(r => r.Signer).HasColumnName("signer").HasMaxLength(128);
        builder.Property(r => r.SignerDepartment).HasColumnName("signer_department").HasMaxLength(64);
        builder.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(1000);
        builder.Property(r => r.RequestedAt).HasColumnName("requested_at");
        builder.Property(r => r.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(r => r.SignedBy).HasColumnName("signed_by").HasMaxLength(128);
        builder.Property(r => r.SignedAt).HasColumnName("signed_at");
        builder.Property(r => r.Opinion).HasColumnName("opinion").HasMaxLength(4000);
        builder.HasIndex(r => new { r.TaskId, r.Status }).HasDatabaseName("ix_task_cosigns_task_id_status");
        builder.HasIndex(r => new { r.Signer, r.Status }).HasDatabaseName("ix_task_cosigns_signer_status");
    }
}

internal sealed class CaseCopyRecordConfiguration : IEntityTypeConfiguration<CaseCopyRecord>
{
    public void Configure(EntityTypeBuilder<CaseCopyRecord> builder)
    {
        builder.ToTable("case_copies");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.CaseId).HasColumnName("case_id");
        builder.Property(r => r.TaskId).HasColumnName("task_id");
        builder.Property(r => r.CopiedBy).HasColumnName("copied_by").HasMaxLength(128);
        builder.Property(r => r.CopiedByDepartment).HasColumnName("copied_by_department").HasMaxLength(64);
        builder.Property(r => r.RecipientUser).HasColumnName("recipient_user").HasMaxLength(128);
        builder.Property(r => r.RecipientDepartment).HasColumnName("recipient_department").HasMaxLength(64);
        builder.Property(r => r.Note).HasColumnName("note").HasMaxLength(1000);
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(r => r.CaseId).HasDatabaseName("ix_case_copies_case_id");
        builder.HasIndex(r => r.RecipientUser).HasDatabaseName("ix_case_copies_recipient_user");
        builder.HasIndex(r => r.RecipientDepartment).HasDatabaseName("ix_case_copies_recipient_department");
    }
}

internal sealed class CaseUrgeRecordConfiguration : IEntityTypeConfiguration<CaseUrgeRecord>
{
    public void Configure(EntityTypeBuilder<CaseUrgeRecord> builder)
    {
        builder.ToTable("case_urges");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.CaseId).HasColumnName("case_id");
        builder.Property(r => r.TaskId).HasColumnName("task_id");
        builder.Property(r => r.WorkingDay).HasColumnName("working_day");
        builder.Property(r => r.UrgedBy).HasColumnName("urged_by").HasMaxLength(128);
        builder.Property(r => r.UrgedByDepartment).HasColumnName("urged_by_department").HasMaxLength(64);
        builder.Property(r => r.Note).HasColumnName("note").HasMaxLength(1000);
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        // Once per case and working day, even when two urges race.
        builder.HasIndex(r => new { r.CaseId, r.WorkingDay }).IsUnique().HasDatabaseName("ix_case_urges_case_id_working_day");
    }
}

internal sealed class DeputyRecordConfiguration : IEntityTypeConfiguration<DeputyRecord>
{
    public void Configure(EntityTypeBuilder<DeputyRecord> builder)
    {
        builder.ToTable("deputies");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.Principal).HasColumnName("principal").HasMaxLength(128);
        builder.Property(r => r.Deputy).HasColumnName("deputy").HasMaxLength(128);
        builder.Property(r => r.Department).HasColumnName("department").HasMaxLength(64);
        builder.Property(r => r.StartsAt).HasColumnName("starts_at");
        builder.Property(r => r.EndsAt).HasColumnName("ends_at");
        builder.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(1000);
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.EndedAt).HasColumnName("ended_at");
        builder.Ignore(r => r.EffectiveEnd);
        builder.HasIndex(r => r.Principal).HasDatabaseName("ix_deputies_principal");
        builder.HasIndex(r => r.Deputy).HasDatabaseName("ix_deputies_deputy");
    }
}

internal sealed class AttachmentRecordConfiguration : IEntityTypeConfiguration<AttachmentRecord>
{
    public void Configure(EntityTypeBuilder<AttachmentRecord> builder)
    {
        builder.ToTable("attachments");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.CaseId).HasColumnName("case_id");
        builder.Property(r => r.FileName).HasColumnName("file_name").HasMaxLength(255);
        builder.Property(r => r.FileType).HasColumnName("file_type").HasMaxLength(16);
        builder.Property(r => r.ContentType).HasColumnName("content_type").HasMaxLength(128);
        builder.Property(r => r.Size).HasColumnName("size");
        builder.Property(r => r.Sha256).HasColumnName("sha256").HasMaxLength(64);
        builder.Property(r => r.UploadedBy).HasColumnName("uploaded_by").HasMaxLength(128);
        builder.Property(r => r.UploadedByDepartment).HasColumnName("uploaded_by_department").HasMaxLength(64);
        builder.Property(r => r.UploadedAt).HasColumnName("uploaded_at");
        builder.Property(r => r.Description).HasColumnName("description").HasMaxLength(1000);
        builder.HasIndex(r => r.CaseId).HasDatabaseName("ix_attachments_case_id");
    }
}

internal sealed class AttachmentContentRecordConfiguration : IEntityTypeConfiguration<AttachmentContentRecord>
{
    public void Configure(EntityTypeBuilder<AttachmentContentRecord> builder)
    {
        builder.ToTable("attachment_contents");
        builder.HasKey(r => r.AttachmentId);
        builder.Property(r => r.AttachmentId).HasColumnName("attachment_id").ValueGeneratedNever();
        builder.Property(r => r.Content).HasColumnName("content");
        // Known to EF so that the attachment row is inserted before its content.
        builder.HasOne<AttachmentRecord>().WithOne().HasForeignKey<AttachmentContentRecord>(r => r.AttachmentId)
            .HasConstraintName("fk_attachment_contents_attachments").OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeReadRecordConfiguration : IEntityTypeConfiguration<NoticeReadRecord>
{
    public void Configure(EntityTypeBuilder<NoticeReadRecord> builder)
    {
        builder.ToTable("notice_reads");
        builder.HasKey(r => new { r.NoticeId, r.UserName });
        builder.Property(r => r.NoticeId).HasColumnName("notice_id");
        builder.Property(r => r.UserName).HasColumnName("user_name").HasMaxLength(128);
        builder.Property(r => r.ReadAt).HasColumnName("read_at");
        builder.HasOne<ShareFlow.Domain.Sharing.Notice>().WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_notice_reads_notice");
    }
}
