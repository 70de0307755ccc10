using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Cases;

/// <summary>How a step's deadline stands today.</summary>
/// <param name="Overdue">The deadline (24:00 of its last day, Asia/Shanghai) has passed while the step is open.</param>
/// <param name="DueSoon">Not overdue, and the last day is at most <see cref="TaskDeadline.DueSoonWorkingDays"/> working days from today.</param>
/// <param name="WorkingDaysOverdue">Working days on the official calendar after the last day up to today; 0 unless overdue.</param>
internal readonly record struct DeadlineState(bool Overdue, bool DueSoon, int WorkingDaysOverdue);

/// <summary>Where a step's deadline stands, counted on the official calendar of the case's jurisdiction from today in Asia/Shanghai.</summary>
internal static class TaskDeadline
{
    /// <summary>A deadline this many working days away or fewer is due soon (即将到期).</summary>
    public const int DueSoonWorkingDays = 2;

    public static DeadlineState Of(DateOnly? dueDate, DateTimeOffset? dueAt, bool open, OfficialCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!open || dueAt is not { } due)
        {
            return default;
        }

        // A deadline counted in days is due at 24:00 of its last day; one set otherwise is due on the day of its instant.
        var last = dueDate ?? ChinaTime.DateOf(due.AddTicks(-1));

        var today = ChinaTime.DateOf(now);
        if (due <= now)
        {
            return new DeadlineState(true, false, Math.Max(0, calendar.WorkingDaysBetween(last, today)));
        }

        return new DeadlineState(false, calendar.WorkingDaysBetween(today, last) <= DueSoonWorkingDays, 0);
    }

    /// <summary>The calendar of a case's jurisdiction; the national one when the jurisdiction has no local days off (any longer).</summary>
    public static OfficialCalendar CalendarOf(CalendarCatalog catalog, string? jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            return catalog.For(jurisdiction);
        }
        catch (UnknownJurisdictionException)
        {
            return catalog.National;
        }
    }
}

/// <summary>The cases behind a list of tasks: what each case is (number, title, departments) and how a task's deadline stands.</summary>
internal sealed class TaskCases(CaseListing listing, ICalendarSource calendars, TimeProvider clock)
{
    public async Task<TaskCaseView> LoadAsync(ShareFlowDbContext db, IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = caseIds.Distinct().ToList();
        var rows = await listing.FindAsync(db, ids, cancellationToken);
        var jurisdictions = await db.ProcessInstances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Jurisdiction, cancellationToken);
        return new TaskCaseView(rows, jurisdictions, calendars.Current, clock.GetUtcNow());
    }
}

/// <summary>The cases of a task list, loaded once.</summary>
internal sealed class TaskCaseView(IReadOnlyDictionary<Guid, CaseRow> rows, IReadOnlyDictionary<Guid, string?> jurisdictions, CalendarCatalog catalog, DateTimeOffset now)
{
    public DateTimeOffset Now => now;

    /// <summary>The case's row, or null for a process no source lists.</summary>
    public CaseRow? Case(Guid caseId) => rows.GetValueOrDefault(caseId);

    public DeadlineState Deadline(Guid caseId, DateOnly? dueDate, DateTimeOffset? dueAt, bool open) =>
        TaskDeadline.Of(dueDate, dueAt, open, TaskDeadline.CalendarOf(catalog, jurisdictions.GetValueOrDefault(caseId)), now);
}
