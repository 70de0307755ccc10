using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShareFlow.Domain.OpenData;
using ShareFlow.Domain.Projects;

namespace ShareFlow.Workflows.Persistence;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(p => p.Code).HasColumnName("code").HasMaxLength(64);
        builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(255);
        builder.Property(p => p.BuildingDepartment).HasColumnName("building_department").HasMaxLength(64);
        builder.Property(p => p.Funding).HasColumnName("funding").HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Construction).HasColumnName("construction").HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.RegisteredBy).HasColumnName("registered_by").HasMaxLength(128);
        builder.Property(p => p.RegisteredAt).HasColumnName("registered_at");
        builder.Property(p => p.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.CompletionDate).HasColumnName("completion_date");
        builder.Property(p => p.AcceptanceSubmissionId).HasColumnName("acceptance_submission_id");
        builder.Property(p => p.PaymentGateOpen).HasColumnName("payment_gate_open");
        builder.Property(p => p.PaymentGateOpenedAt).HasColumnName("payment_gate_opened_at");
        builder.Property(p => p.PaymentGateArticle).HasColumnName("payment_gate_article").HasMaxLength(255);
        builder.Property(p => p.LiveSince).HasColumnName("live_since");
        builder.Ignore(p => p.DataCatalog);
        StringListColumn.Map(builder, "_dataCatalog", "data_catalog");
        builder.HasIndex(p => p.Code).IsUnique().HasDatabaseName("ix_projects_code");
        builder.HasIndex(p => new { p.BuildingDepartment, p.Status }).HasDatabaseName("ix_projects_building_department_status");
    }
}

internal sealed class AcceptanceSubmissionConfiguration : IEntityTypeConfiguration<AcceptanceSubmission>
{
    public void Configure(EntityTypeBuilder<AcceptanceSubmission> builder)
    {
        builder.ToTable("acceptance_submissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.Number).HasColumnName("number").HasMaxLength(64);
        builder.Property(s => s.ProjectId).HasColumnName("project_id");
        builder.Property(s => s.ProjectCode).HasColumnName("project_code").HasMaxLength(64);
        builder.Property(s => s.ProjectName).HasColumnName("project_name").HasMaxLength(255);
        builder.Property(s => s.BuildingDepartment).HasColumnName("building_department").HasMaxLength(64);
        builder.Property(s => s.CompletionDate).HasColumnName("completion_date");
        builder.Property(s => s.OpenedAt).HasColumnName("opened_at");
        builder.Property(s => s.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Round).HasColumnName("round");
        builder.Property(s => s.DataDescription).HasColumnName("data_description").HasMaxLength(4000);
        builder.Property(s => s.SubmittedBy).HasColumnName("submitted_by").HasMaxLength(128);
        builder.Property(s => s.SubmittedAt).HasColumnName("submitted_at");
        builder.Property(s => s.Opinion).HasColumnName("opinion").HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.OpinionReasons).HasColumnName("opinion_reasons").HasMaxLength(4000);
        builder.Property(s => s.ReviewedBy).HasColumnName("reviewed_by").HasMaxLength(128);
        builder.Property(s => s.ReviewedAt).HasColumnName("reviewed_at");
        builder.Property(s => s.LateSubmissions).HasColumnName("late_submissions");
        builder.Property(s => s.LateReviews).HasColumnName("late_reviews");
        builder.Ignore(s => s.RequiredEntries);
        builder.Ignore(s => s.SubmittedEntries);
        builder.Ignore(s => s.MissingEntries);
        StringListColumn.Map(builder, "_requiredEntries", "required_entries");
        StringListColumn.Map(builder, "_submittedEntries", "submitted_entries");
        builder.HasIndex(s => s.Number).IsUnique().HasDatabaseName("ix_acceptance_submissions_number");
        builder.HasIndex(s => s.ProjectId).HasDatabaseName("ix_acceptance_submissions_project_id");
    }
}

internal sealed class AcceptanceReviewConfiguration : IEntityTypeConfiguration<AcceptanceReview>
{
    public void Configure(EntityTypeBuilder<AcceptanceReview> builder)
    {
        builder.ToTable("acceptance_reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.SubmissionId).HasColumnName("submission_id");
        builder.Property(r => r.ProjectId).HasColumnName("project_id");
        builder.Property(r => r.Round).HasColumnName("round");
        builder.Property(r => r.Opinion).HasColumnName("opinion").HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Reasons).HasColumnName("reasons").HasMaxLength(4000);
        builder.Property(r => r.ReviewedBy).HasColumnName("reviewed_by").HasMaxLength(128);
        builder.Property(r => r.ReviewedAt).HasColumnName("reviewed_at");
        builder.Ignore(r => r.SubmittedEntries);
        StringListColumn.Map(builder, "_submittedEntries", "submitted_entries");
        builder.HasIndex(r => new { r.SubmissionId, r.Round }).IsUnique().HasDatabaseName("ix_acceptance_reviews_submission_round");
    }
}

internal sealed class OpenDataRequestConfiguration : IEntityTypeConfiguration<OpenDataRequest>
{
    public void Configure(EntityTypeBuilder<OpenDataRequest> builder)
    {
        builder.ToTable("open_data_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.Number).HasColumnName("number").HasMaxLength(64);
        builder.Property(r => r.ApplicantName).HasColumnName("applicant_name").HasMaxLength(255);
        builder.Property(r => r.ApplicantKind).HasColumnName("applicant_kind").HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.ApplicantContact).HasColumnName("applicant_contact").HasMaxLength(255);
        builder.Property(r => r.ApplicantIdentifier).HasColumnName("applicant_identifier").HasMaxLength(64);
        builder.Property(r => r.ProviderDepartment).HasColumnName("provider_department").HasMaxLength(64);
        builder.Property(r => r.ResourceId).HasColumnName("resource_id");
        builder.Property(r => r.ResourceName).HasColumnName("resource_name").HasMaxLength(255);
        builder.Property(r => r.RequestedData).HasColumnName("requested_data").HasMaxLength(4000);
        builder.Property(r => r.Purpose).HasColumnName("purpose").HasMaxLength(4000);
        builder.Property(r => r.Scenario).HasColumnName("scenario").HasMaxLength(4000);
        builder.Property(r => r.Safeguards).HasColumnName("safeguards").HasMaxLength(4000);
        builder.Property(r => r.ReceivedVia).HasColumnName("received_via").HasMaxLength(128);
        builder.Property(r => r.ReceivedAt).HasColumnName("received_at");
        builder.Property(r => r.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Decision).HasColumnName("decision").HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.OpenedScope).HasColumnName("opened_scope").HasMaxLength(4000);
        builder.Property(r => r.Conditions).HasColumnName("conditions").HasMaxLength(4000);
        builder.Property(r => r.Reasons).HasColumnName("reasons").HasMaxLength(4000);
        builder.Property(r => r.LegalBasis).HasColumnName("legal_basis").HasMaxLength(1000);
        builder.Property(r => r.AnsweredBy).HasColumnName("answered_by").HasMaxLength(128);
        builder.Property(r => r.AnsweredAt).HasColumnName("answered_at");
        builder.Property(r => r.Overdue).HasColumnName("overdue");
        builder.Property(r => r.ApplicantNoticeSubject).HasColumnName("applicant_notice_subject").HasMaxLength(255);
        builder.Property(r => r.ApplicantNoticeBody).HasColumnName("applicant_notice_body").HasMaxLength(4000);
        builder.Property(r => r.ApplicantNotifiedAt).HasColumnName("applicant_notified_at");
        builder.HasIndex(r => r.Number).IsUnique().HasDatabaseName("ix_open_data_requests_number");
        builder.HasIndex(r => new { r.ProviderDepartment, r.Status }).HasDatabaseName("ix_open_data_requests_provider_status");
    }
}
