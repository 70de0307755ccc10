using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShareFlow.Workflows.Persistence;

internal sealed class CalendarYearRecordConfiguration : IEntityTypeConfiguration<CalendarYearRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> builder)
    {
        builder.ToTable("calendar_years");
        builder.HasKey(r => r.Year);
        builder.Property(r => r.Year).HasColumnName("year").ValueGeneratedNever();
        builder.Property(r => r.Document).HasColumnName("document");
        builder.Property(r => r.Revision).HasColumnName("revision").IsConcurrencyToken();
        builder.Property(r => r.ImportedAt).HasColumnName("imported_at");
        builder.Property(r => r.ImportedBy).HasColumnName("imported_by").HasMaxLength(128);
    }
}

internal sealed class CalendarYearHistoryRecordConfiguration : IEntityTypeConfiguration<CalendarYearHistoryRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearHistoryRecord> builder)
    {
        builder.ToTable("calendar_year_history");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(r => r.Year).HasColumnName("year");
        builder.Property(r => r.Revision).HasColumnName("revision");
        builder.Property(r => r.Document).HasColumnName("document");
        builder.Property(r => r.ImportedAt).HasColumnName("imported_at");
        builder.Property(r => r.ImportedBy).HasColumnName("imported_by").HasMaxLength(128);
        builder.HasIndex(r => new { r.Year, r.Revision }).IsUnique().HasDatabaseName("ix_calendar_year_history_year_revision");
    }
}

internal sealed class RegionalCalendarRecordConfiguration : IEntityTypeConfiguration<RegionalCalendarRecord>
{
    public void Configure(EntityTypeBuilder<RegionalCalendarRecord> builder)
    {
        builder.ToTable("regional_calendars");
        builder.HasKey(r => r.Jurisdiction);
        builder.Property(r => r.Jurisdiction).HasColumnName("jurisdiction").HasMaxLength(32);
        builder.Property(r => r.Name).HasColumnName("name").HasMaxLength(128);
        builder.Property(r => r.Document).HasColumnName("document");
        builder.Property(r => r.Revision).HasColumnName("revision").IsConcurrencyToken();
        builder.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        builder.Property(r => r.UpdatedBy).HasColumnName("updated_by").HasMaxLength(128);
    }
}
