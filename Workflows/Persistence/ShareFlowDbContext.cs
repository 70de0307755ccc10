using Microsoft.EntityFrameworkCore;

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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new CalendarYearRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CalendarYearHistoryRecordConfiguration());
        modelBuilder.ApplyConfiguration(new RegionalCalendarRecordConfiguration());
    }
}
