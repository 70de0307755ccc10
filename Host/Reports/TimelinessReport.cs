using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Reports;

/// <summary>One provider department's record in one period.</summary>
/// <param name="Received">Applications for its conditional data submitted in the period.</param>
/// <param name="Answered">Answers given in the period by a person — the provider, or the coordinating office after an escalation.</param>
/// <param name="AnsweredOnTime">Answers the provider gave by the deadline (the deadline moved on by 补正, as the process counted it).</param>
/// <param name="AnsweredLate">Answers given after the deadline, including the office's answers after an escalation.</param>
/// <param name="Escalated">Applications whose deadline passed unanswered in the period, so the office took over.</param>
/// <param name="DeemedConsent">Applications whose deadline passed in the period where that counts as consent (Shenyang art. 25).</param>
/// <param name="AverageWorkingDays">Working days on the official calendar from submission to answer, without the days the case was back with the requester for 补正; null without answers.</param>
internal sealed record TimelinessRow(
    string Department, string DepartmentName, DateOnly From, DateOnly To, int Received, int Answered, int AnsweredOnTime, int AnsweredLate, int Escalated,
    int DeemedConsent, double? AverageWorkingDays);

internal sealed record TimelinessTotals(int Received, int Answered, int AnsweredOnTime, int AnsweredLate, int Escalated, int DeemedConsent, double? AverageWorkingDays);

internal sealed record TimelinessResponse(DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<TimelinessRow> Rows, TimelinessTotals Total);

/// <summary>How a report's period is divided: one row per department for the whole period, or per calendar month.</summary>
internal enum ReportGrouping
{
    Period,
    Month,
}

/// <summary>
/// The evaluation of answering on time that the regulations require (Fuzhou art. 33, Lanzhou art. 37, Beijing art. 29,
/// Shenyang art. 12): per provider department, how many sharing applications were answered, on time or late, how many
/// were escalated or deemed consented, and how long answers took in working days. Each event counts in the period it
/// happened in: a submission when submitted, an answer when given, an escalation when the deadline passed.
/// </summary>
internal sealed class TimelinessReport(IDbContextFactory<ShareFlowDbContext> dbFactory, ICalendarSource calendars)
{
    /// <summary>The BPMN ids of the shipped sharing process's steps that answer: the provider's review and the office's coordination.</summary>
    private const string ReviewStep = "review";
    private const string CoordinationStep = "coordinate";

    /// <param name="department">One provider department; null for every department that provides conditional data or received an application.</param>
    public async Task<TimelinessResponse> BuildAsync(DateOnly from, DateOnly to, string? department, ReportGrouping grouping, CancellationToken cancellationToken)
    {
        var start = ChinaTime.StartOfDay(from);
        var end = ChinaTime.EndOfDay(to);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var applicationsQuery = db.SharingApplications.AsNoTracking()
            .Where(a => a.ShareType != ShareType.Unconditional && a.SubmittedAt < end && (a.DecidedAt == null || a.DecidedAt >= start));
        if (department is not null)
        {
            applicationsQuery = applicationsQuery.Where(a => a.ProviderDepartment == department);
        }

        var applications = await applicationsQuery.ToListAsync(cancellationToken);
        var ids = applications.Select(a => a.Id).ToList();
        var steps = (await db.UserTasks.AsNoTracking()
                .Where(t => ids.Contains(t.InstanceId) && (t.ElementId == ReviewStep || t.ElementId == CoordinationStep))
                .Select(t => new Step(t.InstanceId, t.ElementId, t.Status, t.CreatedAt, t.DueAt))
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.InstanceId);
        var suspensions = (await db.History.AsNoTracking()
                .Where(h => ids.Contains(h.InstanceId) && (h.Kind == "task-suspended" || h.Kind == "task-resumed"))
                .OrderBy(h => h.Id)
                .Select(h => new { h.InstanceId, h.Kind, h.At })
                .ToListAsync(cancellationToken))
            .ToLookup(h => h.InstanceId, h => (h.Kind, h.At));

        var departments = await DepartmentsAsync(db, department, applications, cancellationToken);
        var calendar = calendars.Current.National;
        var buckets = new Dictionary<(string Department, DateOnly From), Bucket>();
        Bucket BucketOf(string provider, DateTimeOffset instant)
        {
            var (periodFrom, periodTo) = PeriodOf(ChinaTime.DateOf(instant), from, to, grouping);
            if (!buckets.TryGetValue((provider, periodFrom), out var bucket))
            {
                bucket = new Bucket(provider, periodFrom, periodTo);
                buckets[(provider, periodFrom)] = bucket;
            }

            return bucket;
        }

        bool InWindow(DateTimeOffset instant) => instant >= start && instant < end;

        foreach (var application in applications)
        {
            var provider = application.ProviderDepartment;
            if (InWindow(application.SubmittedAt))
            {
                BucketOf(provider, application.SubmittedAt).Received++;
            }

            var review = steps[application.Id].Where(s => s.ElementId == ReviewStep).OrderBy(s => s.CreatedAt).FirstOrDefault();
            var escalatedAt = steps[application.Id].Where(s => s.ElementId == CoordinationStep).Select(s => (DateTimeOffset?)s.CreatedAt).Min();
            if (escalatedAt is { } escalation && InWindow(escalation))
            {
                BucketOf(provider, escalation).Escalated++;
            }

            if (application.DecidedAt is not { } decidedAt || !InWindow(decidedAt))
            {
                continue;
            }

            switch (application.Decision)
            {
                case SharingDecision.DeemedConsent:
                    BucketOf(provider, decidedAt).DeemedConsent++;
                    break;
                case SharingDecision.Approved or SharingDecision.PartiallyApproved or SharingDecision.Refused:
                    var bucket = BucketOf(provider, decidedAt);
                    bucket.Answered++;
                    var onTime = escalatedAt is null && review is { Status: UserTaskStatus.Completed } && (review.DueAt is not { } due || decidedAt <= due);
                    if (onTime)
                    {
                        bucket.AnsweredOnTime++;
                    }
                    else
                    {
                        bucket.AnsweredLate++;
                    }

                    bucket.WorkingDays.Add(WorkingDaysToAnswer(calendar, application.SubmittedAt, decidedAt, suspensions[application.Id]));
                    break;
            }
        }

        var rows = new List<TimelinessRow>();
        List<(DateOnly From, DateOnly To)> periods = grouping == ReportGrouping.Period ? [(from, to)] : [.. buckets.Values.Select(b => (b.From, b.To)).Distinct().Order()];
        foreach (var (code, name) in departments)
        {
            foreach (var (periodFrom, periodTo) in periods)
            {
                if (buckets.TryGetValue((code, periodFrom), out var bucket))
                {
                    rows.Add(bucket.ToRow(name));
                }
                else if (grouping == ReportGrouping.Period)
                {
                    rows.Add(new Bucket(code, periodFrom, periodTo).ToRow(name));
                }
            }
        }

        var all = buckets.Values.ToList();
        var total = new TimelinessTotals(
            all.Sum(b => b.Received), all.Sum(b => b.Answered), all.Sum(b => b.AnsweredOnTime), all.Sum(b => b.AnsweredLate), all.Sum(b => b.Escalated),
            all.Sum(b => b.DeemedConsent), Average(all.SelectMany(b => b.WorkingDays)));
        return new TimelinessResponse(from, to, grouping == ReportGrouping.Month ? "month" : "period", rows, total);
    }

    /// <summary>
    /// Working days after the day of submission up to the day of the answer (Civil Code art. 201: the first day is not
    /// counted), less the working days the case spent back with the requester (补正: from the day it was returned to the
    /// day it was resubmitted), as the deadline itself was stopped.
    /// </summary>
    public static int WorkingDaysToAnswer(OfficialCalendar calendar, DateTimeOffset submittedAt, DateTimeOffset answeredAt, IEnumerable<(string Kind, DateTimeOffset At)> suspensions)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(suspensions);
        var days = calendar.WorkingDaysBetween(ChinaTime.DateOf(submittedAt), ChinaTime.DateOf(answeredAt));
        DateTimeOffset? suspendedAt = null;
        foreach (var (kind, at) in suspensions)
        {
            if (kind == "task-suspended")
            {
                suspendedAt = at;
            }
            else if (suspendedAt is { } since)
            {
                days -= calendar.WorkingDaysBetween(ChinaTime.DateOf(since), ChinaTime.DateOf(at));
                suspendedAt = null;
            }
        }

        return Math.Max(0, days);
    }

    private static async Task<List<(string Code, string Name)>> DepartmentsAsync(
        ShareFlowDbContext db, string? department, List<SharingApplication> applications, CancellationToken cancellationToken)
    {
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        IEnumerable<string> codes;
        if (department is not null)
        {
            codes = [department];
        }
        else
        {
            var providers = await db.CatalogResources.AsNoTracking().Where(r => r.ShareType != ShareType.Unconditional).Select(r => r.ProviderDepartment).Distinct().ToListAsync(cancellationToken);
            codes = providers.Union(applications.Select(a => a.ProviderDepartment), StringComparer.Ordinal);
        }

        return [.. codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(c => (c, names.GetValueOrDefault(c, c)))];
    }

    private static (DateOnly From, DateOnly To) PeriodOf(DateOnly date, DateOnly from, DateOnly to, ReportGrouping grouping)
    {
        if (grouping == ReportGrouping.Period)
        {
            return (from, to);
        }

        var first = new DateOnly(date.Year, date.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        return (first < from ? from : first, last > to ? to : last);
    }

    private static double? Average(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 2, MidpointRounding.AwayFromZero);
    }

    private sealed record Step(Guid InstanceId, string ElementId, string Status, DateTimeOffset CreatedAt, DateTimeOffset? DueAt);

    private sealed class Bucket(string department, DateOnly from, DateOnly to)
    {
        public DateOnly From { get; } = from;

        public DateOnly To { get; } = to;

        public int Received { get; set; }

        public int Answered { get; set; }

        public int AnsweredOnTime { get; set; }

        public int AnsweredLate { get; set; }

        public int Escalated { get; set; }

        public int DeemedConsent { get; set; }

        public List<int> WorkingDays { get; } = [];

        public TimelinessRow ToRow(string name) =>
            new(department, name, From, To, Received, Answered, AnsweredOnTime, AnsweredLate, Escalated, DeemedConsent, Average(WorkingDays));
    }
}
