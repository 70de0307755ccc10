using Microsoft.EntityFrameworkCore;

namespace ShareFlow.Workflows.Persistence;

/// <summary>
/// The one database of ShareFlow: engine state, calendar imports and (later) the scheduler's tables.
/// The schema is created and upgraded only by the hand-written migrations in <c>Persistence/Migrations</c>.
/// </summary>
public sealed class ShareFlowDbContext(DbContextOptions<ShareFlowDbContext> options) : DbContext(options)
{
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();

    public DbSet<CalendarYearHistoryRecord> CalendarYearHistory => Set<CalendarYearHistoryRecord>();

    public DbSet<RegionalCalendarRecord> RegionalCalendars => Set<RegionalCalendarRecord>();

    public DbSet<ProcessDefinitionRecord> ProcessDefinitions => Set<ProcessDefinitionRecord>();

    public DbSet<ProcessInstanceRecord> ProcessInstances => Set<ProcessInstanceRecord>();

    public DbSet<UserTaskRecord> UserTasks => Set<UserTaskRecord>();

    public DbSet<WaitRecord> Waits => Set<WaitRecord>();

    public DbSet<HistoryRecord> History => Set<HistoryRecord>();

    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new CalendarYearRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CalendarYearHistoryRecordConfiguration());
        modelBuilder.ApplyConfiguration(new RegionalCalendarRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ProcessDefinitionRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ProcessInstanceRecordConfiguration());
        modelBuilder.ApplyConfiguration(new UserTaskRecordConfiguration());
        modelBuilder.ApplyConfiguration(new WaitRecordConfiguration());
        modelBuilder.ApplyConfiguration(new HistoryRecordConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxRecordConfiguration());
    }
}
