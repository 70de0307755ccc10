using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.OpenData;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Projects;
using ShareFlow.Domain.Sharing;

namespace ShareFlow.Workflows.Persistence;

/// <summary>
/// The one database of ShareFlow: engine state, calendar imports and the scheduler's tables (Quartz's <c>qrtz_</c> tables, which no entity maps).
/// The schema is created and upgraded only by the hand-written migrations in <c>Persistence/Migrations</c>.
/// </summary>
public sealed class ShareFlowDbContext(DbContextOptions<ShareFlowDbContext> options) : DbContext(options)
{
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();

    public DbSet<CalendarYearHistoryRecord> CalendarYearHistory => Set<CalendarYearHistoryRecord>();

    public DbSet<RegionalCalendarRecord> RegionalCalendars => Set<RegionalCalendarRecord>();

    public DbSet<ProcessDefinitionRecord> ProcessDefinitions => Set<ProcessDefinitionRecord>();

    public DbSet<DefinitionDraftRecord> DefinitionDrafts => Set<DefinitionDraftRecord>();

    public DbSet<ProcessInstanceRecord> ProcessInstances => Set<ProcessInstanceRecord>();

    public DbSet<UserTaskRecord> UserTasks => Set<UserTaskRecord>();

    public DbSet<WaitRecord> Waits => Set<WaitRecord>();

    public DbSet<HistoryRecord> History => Set<HistoryRecord>();

    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<User> Users => Set<User>();

    public DbSet<CatalogResource> CatalogResources => Set<CatalogResource>();

    public DbSet<SharingApplication> SharingApplications => Set<SharingApplication>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<Filing> Filings => Set<Filing>();

    public DbSet<SecurityAgreement> SecurityAgreements => Set<SecurityAgreement>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<PolicyProfileRecord> PolicyProfiles => Set<PolicyProfileRecord>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Dispute> Disputes => Set<Dispute>();

    public DbSet<DataObjection> DataObjections => Set<DataObjection>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<AcceptanceSubmission> AcceptanceSubmissions => Set<AcceptanceSubmission>();

    public DbSet<AcceptanceReview> AcceptanceReviews => Set<AcceptanceReview>();

    public DbSet<OpenDataRequest> OpenDataRequests => Set<OpenDataRequest>();

    public DbSet<CatalogChange> CatalogChanges => Set<CatalogChange>();

    public DbSet<ShareFlow.Domain.Supervision.RectificationOrder> RectificationOrders => Set<ShareFlow.Domain.Supervision.RectificationOrder>();

    public DbSet<ShareFlow.Domain.Documents.IssuedDocument> IssuedDocuments => Set<ShareFlow.Domain.Documents.IssuedDocument>();

    public DbSet<DocumentSequenceRecord> DocumentSequences => Set<DocumentSequenceRecord>();

    public DbSet<CaseNumberSequenceRecord> CaseNumberSequences => Set<CaseNumberSequenceRecord>();

    public DbSet<DepartmentShortNameRecord> DepartmentShortNames => Set<DepartmentShortNameRecord>();

    public DbSet<TaskDelegationRecord> TaskDelegations => Set<TaskDelegationRecord>();

    public DbSet<TaskCosignRecord> TaskCosigns => Set<TaskCosignRecord>();

    public DbSet<CaseCopyRecord> CaseCopies => Set<CaseCopyRecord>();

    public DbSet<CaseUrgeRecord> CaseUrges => Set<CaseUrgeRecord>();

    public DbSet<DeputyRecord> Deputies => Set<DeputyRecord>();

    public DbSet<AttachmentRecord> Attachments => Set<AttachmentRecord>();

    public DbSet<AttachmentContentRecord> AttachmentContents => Set<AttachmentContentRecord>();

    public DbSet<NoticeReadRecord> NoticeReads => Set<NoticeReadRecord>();

    /// <summary>Instants are stored in UTC: as ticks on SQLite, so that due timers can be queried by time; as timestamptz on PostgreSQL.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            // PostgreSQL's timestamptz takes UTC only; deadlines are computed at +08:00 and stored as the same instant in UTC.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
        }
    }

    /// <summary>
    /// An instant as its UTC ticks. EF Core's own <see cref="DateTimeOffsetToBinaryConverter"/> orders by local ticks,
    /// which compares a +08:00 deadline wrongly with a UTC "now"; UTC ticks order as the instants do.
    /// </summary>
    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    private sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(),
        value => value);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new CalendarYearRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CalendarYearHistoryRecordConfiguration());
        modelBuilder.ApplyConfiguration(new RegionalCalendarRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ProcessDefinitionRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DefinitionDraftRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ProcessInstanceRecordConfiguration());
        modelBuilder.ApplyConfiguration(new UserTaskRecordConfiguration());
        modelBuilder.ApplyConfiguration(new WaitRecordConfiguration());
        modelBuilder.ApplyConfiguration(new HistoryRecordConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DepartmentConfiguration());
        modelBuilder.ApplyConfiguration(new UserConfiguration());
        modelBuilder.ApplyConfiguration(new CatalogResourceConfiguration());
        modelBuilder.ApplyConfiguration(new SharingApplicationConfiguration());
        modelBuilder.ApplyConfiguration(new GrantConfiguration());
        modelBuilder.ApplyConfiguration(new FilingConfiguration());
        modelBuilder.ApplyConfiguration(new SecurityAgreementConfiguration());
        modelBuilder.ApplyConfiguration(new NoticeConfiguration());
        modelBuilder.ApplyConfiguration(new PolicyProfileRecordConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new DisputeConfiguration());
        modelBuilder.ApplyConfiguration(new DataObjectionConfiguration());
        modelBuilder.ApplyConfiguration(new ProjectConfiguration());
        modelBuilder.ApplyConfiguration(new AcceptanceSubmissionConfiguration());
        modelBuilder.ApplyConfiguration(new AcceptanceReviewConfiguration());
        modelBuilder.ApplyConfiguration(new OpenDataRequestConfiguration());
        modelBuilder.ApplyConfiguration(new CatalogChangeConfiguration());
        modelBuilder.ApplyConfiguration(new RectificationOrderConfiguration());
        modelBuilder.ApplyConfiguration(new IssuedDocumentConfiguration());
        modelBuilder.ApplyConfiguration(new DocumentSequenceRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CaseNumberSequenceRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DepartmentShortNameRecordConfiguration());
        modelBuilder.ApplyConfiguration(new TaskDelegationRecordConfiguration());
        modelBuilder.ApplyConfiguration(new TaskCosignRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CaseCopyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CaseUrgeRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DeputyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new AttachmentRecordConfiguration());
        modelBuilder.ApplyConfiguration(new AttachmentContentRecordConfiguration());
        modelBuilder.ApplyConfiguration(new NoticeReadRecordConfiguration());
    }
}
