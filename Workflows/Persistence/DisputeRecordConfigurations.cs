using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShareFlow.Domain.Disputes;

namespace ShareFlow.Workflows.Persistence;

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> builder)
    {
        builder.ToTable("disputes");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(d => d.Number).HasColumnName("number").HasMaxLength(64);
        builder.Property(d => d.SharingApplicationId).HasColumnName("sharing_application_id");
        builder.Property(d => d.ResourceId).HasColumnName("resource_id");
        builder.Property(d => d.ResourceName).HasColumnName("resource_name").HasMaxLength(255);
        builder.Property(d => d.ShareType).HasColumnName("share_type").HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.RequesterDepartment).HasColumnName("requester_department").HasMaxLength(64);
        builder.Property(d => d.ProviderDepartment).HasColumnName("provider_department").HasMaxLength(64);
        builder.Property(d => d.Duty).HasColumnName("duty").HasMaxLength(4000);
        builder.Property(d => d.Reasons).HasColumnName("reasons").HasMaxLength(4000);
        builder.Property(d => d.Applicant).HasColumnName("applicant").HasMaxLength(128);
        builder.Property(d => d.FiledAt).HasColumnName("filed_at");
        builder.Property(d => d.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.TierIndex).HasColumnName("tier_index");
        builder.Property(d => d.TierCount).HasColumnName("tier_count");
        builder.Property(d => d.NegotiationReply).HasColumnName("negotiation_reply").HasMaxLength(4000);
        builder.Property(d => d.NegotiationLapsed).HasColumnName("negotiation_lapsed");
        builder.Property(d => d.OverdueTiers).HasColumnName("overdue_tiers");
        builder.Property(d => d.Outcome).HasColumnName("outcome").HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.SettledAtTier).HasColumnName("settled_at_tier");
        builder.Property(d => d.SettledBy).HasColumnName("settled_by").HasMaxLength(255);
        builder.Property(d => d.Conditions).HasColumnName("conditions").HasMaxLength(4000);
        builder.Property(d => d.DecisionReasons).HasColumnName("decision_reasons").HasMaxLength(4000);
        builder.Property(d => d.DecidedBy).HasColumnName("decided_by").HasMaxLength(128);
        builder.Property(d => d.DecidedAt).HasColumnName("decided_at");
        builder.Ignore(d => d.RequestedItems);
        builder.Ignore(d => d.TierDepartments);
        builder.Ignore(d => d.JointDepartments);
        builder.Ignore(d => d.PassOnReasons);
        builder.Ignore(d => d.GrantedItems);
        builder.Ignore(d => d.IsNegotiating);
        builder.Ignore(d => d.IsLastTier);
        builder.Ignore(d => d.HolderDepartment);
        StringListColumn.Map(builder, "_requestedItems", "requested_items");
        StringListColumn.Map(builder, "_tierDepartments", "tier_departments");
        StringListColumn.Map(builder, "_jointDepartments", "joint_departments");
        StringListColumn.Map(builder, "_passOnReasons", "pass_on_reasons");
        StringListColumn.Map(builder, "_grantedItems", "granted_items");
        builder.HasIndex(d => d.Number).IsUnique().HasDatabaseName("ix_disputes_number");
        builder.HasIndex(d => d.SharingApplicationId).HasDatabaseName("ix_disputes_sharing_application_id");
        builder.HasIndex(d => new { d.RequesterDepartment, d.Status }).HasDatabaseName("ix_disputes_requester_status");
        builder.HasIndex(d => new { d.ProviderDepartment, d.Status }).HasDatabaseName("ix_disputes_provider_status");
    }
}

internal sealed class DataObjectionConfiguration : IEntityTypeConfiguration<DataObjection>
{
    public void Configure(EntityTypeBuilder<DataObjection> builder)
    {
        builder.ToTable("data_objections");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(o => o.Number).HasColumnName("number").HasMaxLength(64);
        builder.Property(o => o.ResourceId).HasColumnName("resource_id");
        builder.Property(o => o.ResourceName).HasColumnName("resource_name").HasMaxLength(255);
        builder.Property(o => o.RequesterDepartment).HasColumnName("requester_department").HasMaxLength(64);
        builder.Property(o => o.ProviderDepartment).HasColumnName("provider_department").HasMaxLength(64);
        builder.Property(o => o.Description).HasColumnName("description").HasMaxLength(4000);
        builder.Property(o => o.RecordReference).HasColumnName("record_reference").HasMaxLength(1000);
        builder.Property(o => o.ProposedCorrection).HasColumnName("proposed_correction").HasMaxLength(4000);
        builder.Property(o => o.Reporter).HasColumnName("reporter").HasMaxLength(128);
        builder.Property(o => o.ReportedAt).HasColumnName("reported_at");
        builder.Property(o => o.CopiedToOffice).HasColumnName("copied_to_office");
        builder.Property(o => o.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.Finding).HasColumnName("finding").HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.VerificationResult).HasColumnName("verification_result").HasMaxLength(4000);
        builder.Property(o => o.VerifiedBy).HasColumnName("verified_by").HasMaxLength(128);
        builder.Property(o => o.VerifiedAt).HasColumnName("verified_at");
        builder.Property(o => o.PlanBasis).HasColumnName("plan_basis").HasMaxLength(4000);
        builder.Property(o => o.PlanSteps).HasColumnName("plan_steps").HasMaxLength(4000);
        builder.Property(o => o.CommittedDate).HasColumnName("committed_date");
        builder.Property(o => o.PlanApproved).HasColumnName("plan_approved");
        builder.Property(o => o.PlanReviewOpinion).HasColumnName("plan_review_opinion").HasMaxLength(4000);
        builder.Property(o => o.PlanReviewedBy).HasColumnName("plan_reviewed_by").HasMaxLength(128);
        builder.Property(o => o.PlansRejected).HasColumnName("plans_rejected");
        builder.Property(o => o.VerificationOverdue).HasColumnName("verification_overdue");
        builder.Property(o => o.Report).HasColumnName("report").HasMaxLength(4000);
        builder.Property(o => o.Resolution).HasColumnName("resolution").HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.OfficeResult).HasColumnName("office_result").HasMaxLength(4000);
        builder.Property(o => o.HandledBy).HasColumnName("handled_by").HasMaxLength(128);
        builder.Property(o => o.ClosedAt).HasColumnName("closed_at");
        builder.Ignore(o => o.Items);
        StringListColumn.Map(builder, "_items", "items");
        builder.HasIndex(o => o.Number).IsUnique().HasDatabaseName("ix_data_objections_number");
        builder.HasIndex(o => new { o.ProviderDepartment, o.Status }).HasDatabaseName("ix_data_objections_provider_status");
        builder.HasIndex(o => new { o.RequesterDepartment, o.Status }).HasDatabaseName("ix_data_objections_requester_status");
    }
}
