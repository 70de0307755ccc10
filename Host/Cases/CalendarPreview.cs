using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Cases;

/// <summary>A day whose kind or festival an import would change.</summary>
/// <param name="Before">Its kind today: <c>workday</c>, <c>weekend</c>, <c>holiday</c>, <c>makeup-workday</c>.</param>
/// <param name="After">Its kind once the notice is imported.</param>
/// <param name="Name">The festival the notice gives the day (or, where it takes one away, the one it had).</param>
internal sealed record CalendarDayChange(DateOnly Date, string Before, string After, string? Name);

/// <summary>An open step whose last day an import would move.</summary>
internal sealed record MovedDeadline(Guid TaskId, Guid CaseId, string? CaseNumber, string TaskName, DateOnly? Before, DateOnly After);

internal sealed record CalendarPreviewResponse(int Year, IReadOnlyList<CalendarDayChange> Changes, IReadOnlyList<MovedDeadline> MovedDeadlines);

/// <summary>
/// What importing a year's notice (<c>PUT /api/calendar/years/{year}</c>) would do, without doing it: the days whose kind
/// changes, and the pending deadlines that would move. The notice is read and checked exactly as the import reads it, and
/// the deadlines are counted as the engine recounts them after an import: from each open step's basis (the day counting
/// starts after, its number and kind of days) on the calendar that would be in force, for the active cases of every
/// jurisdiction, from the first day of the year before the notice's previous year.
/// </summary>
internal sealed class CalendarPreview(IDbContextFactory<ShareFlowDbContext> dbFactory, ICalendarSource calendars, CaseListing listing)
{
    /// <exception cref="CalendarImportException">The notice breaks a rule of the import; the errors name the fields.</exception>
    public async Task<CalendarPreviewResponse> PreviewAsync(int year, YearArrangementDocument document, CancellationToken cancellationToken)
    {
        var arrangement = YearArrangement.FromDocument(document, year);
        var current = calendars.Current;
        var proposed = current.WithYear(arrangement);

        var changes = new List<CalendarDayChange>();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            var before = current.National.GetDay(date);
            var after = proposed.National.GetDay(date);
            if (before.Kind != after.Kind || before.Festival?.Chinese != after.Festival?.Chinese)
            {
                changes.Add(new CalendarDayChange(date, before.Kind.ToWireName(), after.Kind.ToWireName(), after.Festival?.Chinese ?? before.Festival?.Chinese));
            }
        }

        // The import announces the notice's year and the year before (whose last days its notice may make final).
        var from = new DateOnly(Math.Max(year - 1, OfficialCalendar.FirstYear), 1, 1).AddYears(-1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.UserTasks.AsNoTracking()
            .Where(t => t.Status == UserTaskStatus.Open && t.DueBasisDate != null && t.DueBasisDate >= from)
            .Join(db.ProcessInstances.AsNoTracking().Where(i => i.Status == InstanceStatus.Active), t => t.InstanceId, i => i.Id, (t, i) => new { Task = t, i.Jurisdiction })
            .ToListAsync(cancellationToken);
        var moved = new List<(Guid CaseId, Guid TaskId, string TaskName, DateOnly? Before, DateOnly After)>();
        foreach (var (task, jurisdiction) in open.Select(o => (o.Task, o.Jurisdiction)))
        {
            var calendar = TaskDeadline.CalendarOf(proposed, jurisdiction);
            var basis = task.DueBasisDate!.Value;
            var days = task.DueDays ?? 0;
            var deadline = task.DueDayKind == "calendar" ? calendar.AddCalendarDays(basis, days) : calendar.AddWorkingDays(basis, days);
            if (deadline.Date != task.DueDate)
            {
                moved.Add((task.InstanceId, task.Id, task.Name ?? task.ElementId, task.DueDate, deadline.Date));
            }
        }

        var cases = await listing.FindAsync(db, [.. moved.Select(m => m.CaseId)], cancellationToken);
        return new CalendarPreviewResponse(
            year,
            changes,
            [.. moved.OrderBy(m => m.Before).ThenBy(m => m.TaskId).Select(m => new MovedDeadline(m.TaskId, m.CaseId, cases.GetValueOrDefault(m.CaseId)?.Number, m.TaskName, m.Before, m.After))]);
    }
}
