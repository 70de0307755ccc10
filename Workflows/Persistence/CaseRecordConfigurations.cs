using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Sharing;

namespace ShareFlow.Workflows.Persistence;

/// <summary>A list of strings kept as a JSON array in a text column, the same on SQLite and PostgreSQL.</summary>
internal static class StringListColumn
{
    private static readonly ValueConverter<List<string>, string> Converter = new(
        list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
        text => JsonSerializer.Deserialize<List<string>>(text, (JsonSerializerOptions?)null) ?? new List<string>());

    private static readonly ValueComparer<List<string>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
        list => list.ToList());

    public static void Map<T>(EntityTypeBuilder<T> builder, string field, string column)
        where T : class =>
        builder.Property<List<string>>(field).HasColumnName(column).HasConversion(Converter, Comparer).IsRequired();
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasColumnName("code").HasMaxLength(64);
        builder.Property(d => d.Name).HasColumnName("name").HasMaxLength(128);
        builder.Property(d => d.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Supervisor).HasColumnName("supervisor").HasMaxLength(128);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.UserName);
        builder.Property(u => u.UserName).HasColumnName("user_name").HasMaxLength(128);
        builder.Property(u => u.DisplayName).HasColumnName("display_name").HasMaxLength(128);
        builder.Property(u => u.DepartmentCode).HasColumnName("department_code").HasMaxLength(64);
        builder.Property(u => u.Email).HasColumnName("email").HasMaxLength(256);
        builder.Property(u => u.PasswordHash).HasColumnName("password_hash").HasMaxLength(512);
        builder.Property(u => u.AccessFailedCount).HasColumnName("access_failed_count");
        builder.Property(u => u.LockoutEnd).HasColumnName("lockout_end");
        builder.Ignore(u => u.Roles);
        StringListColumn.Map(builder, "_roles", "roles");
        builder.HasIndex(u => u.DepartmentCode).HasDatabaseName("ix_users_department_code");
    }
}

internal sealed class CatalogResourceConfiguration : IEntityTypeConfiguration<CatalogResource>
{
    public void Configure(EntityTypeBuilder<CatalogResource> builder)
    {
        builder.ToTable("catalog_resources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.Code).HasColumnName("code").HasMaxLength(64);
        builder.Property(r => r.Name).HasColumnName("name").HasMaxLength(255);
        builder.Property(r => r.ProviderDepartment).HasColumnName("provider_department").HasMaxLength(64);
        builder.Property(r => r.ShareType).HasColumnName("share_type").HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.LegalBasis).HasColumnName("legal_basis").HasMaxLength(1000);
        builder.Property(r => r.Version).HasColumnName("version");
        builder.Property(r => r.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Ignore(r => r.DataItems);
        StringListColumn.Map(builder, "_dataItems", "data_items");
        builder.HasIndex(r => new { r.Code, r.Version }).IsUnique().HasDatabaseName("ix_catalog_resources_code_version");
    }
}

internal sealed class SharingApplicationConfiguration : IEntityTypeConfiguration<SharingApplication>
{
    public void Configure(EntityTypeBuilder<SharingApplication> builder)
    {
        builder.ToTable("sharing_applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.Number).HasColumnName("number").HasMaxLength(64);
        builder.Property(a => a.ResourceId).HasColumnName("resource_id");
        builder.Property(a => a.ResourceName).HasColumnName("resource_name").HasMaxLength(255);
        builder.Property(a => a.ShareType).HasColumnName("share_type").HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.RequesterDepartment).HasColumnName("requester_department").HasMaxLength(64);
        builder.Property(a => a.ProviderDepartment).HasColumnName("provider_department").HasMaxLength(64);
        builder.Property(a => a.Duty).HasColumnName("duty").HasMaxLength(4000);
        builder.Property(a => a.Scenario).HasColumnName("scenario").HasMaxLength(4000);
        builder.Property(a => a.UseFrom).HasColumnName("use_from");
        builder.Property(a => a.UseUntil).HasColumnName("use_until");
        builder.Property(a => a.Applicant).HasColumnName("applicant").HasMaxLength(128);
        builder.Property(a => a.SubmittedAt).HasColumnName("submitted_at");
        builder.Property(a => a.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.ProcessInstanceId).HasColumnName("process_instance_id");
        builder.Property(a => a.Decision).HasColumnName("decision").HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Conditions).HasColumnName("conditions").HasMaxLength(4000);
        builder.Property(a => a.Reasons).HasColumnName("reasons").HasMaxLength(4000);
        builder.Property(a => a.LegalBasis).HasColumnName("legal_basis").HasMaxLength(1000);
        builder.Property(a => a.DecidedBy).HasColumnName("decided_by").HasMaxLength(128);
        builder.Property(a => a.DecidedAt).HasColumnName("decided_at");
        builder.Property(a => a.IsSystemDecision).HasColumnName("is_system_decision");
        builder.Property(a => a.Article).HasColumnName("article").HasMaxLength(255);
        builder.Property(a => a.SupplementRequest).HasColumnName("supplement_request").HasMaxLength(4000);
        builder.Property(a => a.SupplementCount).HasColumnName("supplement_count");
        builder.Ignore(a => a.RequestedItems);
        builder.Ignore(a => a.ApprovedItems);
        StringListColumn.Map(builder, "_requestedItems", "requested_items");
        StringListColumn.Map(builder, "_approvedItems", "approved_items");
        builder.HasIndex(a => a.Number).IsUnique().HasDatabaseName("ix_sharing_applications_number");
        builder.HasIndex(a => new { a.RequesterDepartment, a.Status }).HasDatabaseName("ix_sharing_applications_requester_status");
        builder.HasIndex(a => new { a.ProviderDepartment, a.Status }).HasDatabaseName("ix_sharing_applications_provider_status");
    }
}

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.ToTable("grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(g => g.ApplicationId).HasColumnName("application_id");
        builder.Property(g => g.ResourceId).HasColumnName("resource_id");
        builder.Property(g => g.GranteeDepartment).HasColumnName("grantee_department").HasMaxLength(64);
        builder.Property(g => g.From).HasColumnName("valid_from");
        builder.Property(g => g.Until).HasColumnName("valid_until");
        builder.Property(g => g.AgreementId).HasColumnName("agreement_id");
        builder.Property(g => g.Conditions).HasColumnName("conditions").HasMaxLength(4000);
        builder.Property(g => g.IsSystemDecision).HasColumnName("is_system_decision");
        builder.Property(g => g.GrantedAt).HasColumnName("granted_at");
        builder.Ignore(g => g.Items);
        StringListColumn.Map(builder, "_items", "items");
        builder.HasIndex(g => new { g.GranteeDepartment, g.ResourceId }).HasDatabaseName("ix_grants_grantee_resource");
    }
}

internal sealed class FilingConfiguration : IEntityTypeConfiguration<Filing>
{
    public void Configure(EntityTypeBuilder<Filing> builder)
    {
        builder.ToTable("filings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(f => f.Kind).HasColumnName("kind").HasMaxLength(64);
        builder.Property(f => f.SubjectId).HasColumnName("subject_id");
        builder.Property(f => f.Department).HasColumnName("department").HasMaxLength(64);
        builder.Property(f => f.Summary).HasColumnName("summary").HasMaxLength(4000);
        builder.Property(f => f.Article).HasColumnName("article").HasMaxLength(255);
        builder.Property(f => f.FiledAt).HasColumnName("filed_at");
        builder.HasIndex(f => f.SubjectId).HasDatabaseName("ix_filings_subject_id");
    }
}

internal sealed class SecurityAgreementConfiguration : IEntityTypeConfiguration<SecurityAgreement>
{
    public void Configure(EntityTypeBuilder<SecurityAgreement> builder)
    {
        builder.ToTable("security_agreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.ApplicationId).HasColumnName("application_id");
        builder.Property(a => a.RequesterDepartment).HasColumnName("requester_department").HasMaxLength(64);
        builder.Property(a => a.ProviderDepartment).HasColumnName("provider_department").HasMaxLength(64);
        builder.Property(a => a.ResourceId).HasColumnName("resource_id");
        builder.Property(a => a.Terms).HasColumnName("terms").HasMaxLength(4000);
        builder.Property(a => a.SignedAt).HasColumnName("signed_at");
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(n => n.CaseId).HasColumnName("case_id");
        builder.Property(n => n.Kind).HasColumnName("kind").HasMaxLength(32);
        builder.Property(n => n.RecipientDepartment).HasColumnName("recipient_department").HasMaxLength(64);
        builder.Property(n => n.RecipientRole).HasColumnName("recipient_role").HasMaxLength(64);
        builder.Property(n => n.RecipientUser).HasColumnName("recipient_user").HasMaxLength(128);
        builder.Property(n => n.Subject).HasColumnName("subject").HasMaxLength(255);
        builder.Property(n => n.Body).HasColumnName("body").HasMaxLength(4000);
        builder.Property(n => n.CreatedAt).HasColumnName("created_at");
        builder.Property(n => n.ReadAt).HasColumnName("read_at");
        builder.HasIndex(n => new { n.RecipientDepartment, n.RecipientRole }).HasDatabaseName("ix_notices_recipient");
        builder.HasIndex(n => n.CaseId).HasDatabaseName("ix_notices_case_id");
    }
}

/// <summary>A version of a policy profile, as JSON.</summary>
public sealed class PolicyProfileRecord
{
    public required string Code { get; set; }

    public int Version { get; set; }

    public required string Document { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }
}

internal sealed class PolicyProfileRecordConfiguration : IEntityTypeConfiguration<PolicyProfileRecord>
{
    public void Configure(EntityTypeBuilder<PolicyProfileRecord> builder)
    {
        builder.ToTable("policy_profiles");
        builder.HasKey(p => new { p.Code, p.Version });
        builder.Property(p => p.Code).HasColumnName("code").HasMaxLength(32);
        builder.Property(p => p.Version).HasColumnName("version");
        builder.Property(p => p.Document).HasColumnName("document");
        builder.Property(p => p.CreatedAt).HasColumnName("created_at");
        builder.Property(p => p.CreatedBy).HasColumnName("created_by").HasMaxLength(128);
    }
}
