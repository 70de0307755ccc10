using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShareFlow.Domain.Supervision;

namespace ShareFlow.Workflows.Persistence;

internal sealed class RectificationOrderConfiguration : IEntityTypeConfiguration<RectificationOrder>
{
    public void Configure(EntityTypeBuilder<RectificationOrder> builder)
    {
        builder.ToTable("rectification_orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(o => o.Number).HasColumnName("number").HasMaxLength(64);
        builder.Property(o => o.SubjectCaseId).HasColumnName("subject_case_id");
        builder.Property(o => o.SubjectNumber).HasColumnName("subject_number").HasMaxLength(64);
        builder.Property(o => o.Department).HasColumnName("department").HasMaxLength(64);
        builder.Property(o => o.Reasons).HasColumnName("reasons").HasMaxLength(4000);
        builder.Property(o => o.Article).HasColumnName("article").HasMaxLength(255);
        builder.Property(o => o.IssuedBy).HasColumnName("issued_by").HasMaxLength(128);
        builder.Property(o => o.IssuedAt).HasColumnName("issued_at");
        builder.Property(o => o.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.ProcessInstanceId).HasColumnName("process_instance_id");
        builder.Property(o => o.Correction).HasColumnName("correction").HasMaxLength(4000);
        builder.Property(o => o.ReportedBy).HasColumnName("reported_by").HasMaxLength(128);
        builder.Property(o => o.ReportedAt).HasColumnName("reported_at");
        builder.Property(o => o.ReportCount).HasColumnName("report_count");
        builder.Property(o => o.VerifiedBy).HasColumnName("verified_by").HasMaxLength(128);
        builder.Property(o => o.VerifiedAt).HasColumnName("verified_at");
        builder.Property(o => o.VerificationOpinion).HasColumnName("verification_opinion").HasMaxLength(4000);
        builder.Property(o => o.RejectionCount).HasColumnName("rejection_count");
        builder.Property(o => o.EscalatedAt).HasColumnName("escalated_at");
        builder.Property(o => o.TopTier).HasColumnName("top_tier").HasMaxLength(255);
        builder.Property(o => o.Measures).HasColumnName("measures").HasMaxLength(4000);
        builder.Property(o => o.ConcludedBy).HasColumnName("concluded_by").HasMaxLength(128);
        builder.Property(o => o.ConcludedAt).HasColumnName("concluded_at");
        builder.HasIndex(o => o.Number).IsUnique().HasDatabaseName("ix_rectification_orders_number");
        builder.HasIndex(o => o.SubjectCaseId).HasDatabaseName("ix_rectification_orders_subject_case_id");
        builder.HasIndex(o => new { o.Department, o.Status }).HasDatabaseName("ix_rectification_orders_department_status");
    }
}
