using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.Sharing;
using ShareFlow.Host.Apis;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Cases;

/// <summary>Sharing applications (共享申请) as list rows; a clerk or reviewer sees their own department's only.</summary>
internal sealed class SharingCaseSource : ICaseSource
{
    private static readonly Dictionary<string, Expression<Func<SharingApplication, bool>>> ByStatus = new(StringComparer.Ordinal)
    {
        ["submitted"] = a => a.Status == SharingStatus.Submitted || a.Status == SharingStatus.UnderReview,
        ["returned"] = a => a.Status == SharingStatus.ReturnedForSupplement,
        ["approved"] = a => a.Status == SharingStatus.Approved && a.Decision != SharingDecision.DeemedConsent,
        ["granted-by-default"] = a => a.Status == SharingStatus.Approved && a.Decision == SharingDecision.DeemedConsent,
        ["refused"] = a => a.Status == SharingStatus.Refused || a.Status == SharingStatus.RefusalAccepted,
        ["disputed"] = a => a.Status == SharingStatus.Disputed,
        ["escalated"] = a => a.Status == SharingStatus.Escalated,
        ["withdrawn"] = a => a.Status == SharingStatus.Withdrawn,
    };

    public string ProcessKey => SharingCases.ProcessKey;

    public string ProcessName => "共享申请";

    public IReadOnlyDictionary<string, string> Statuses { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["submitted"] = "审核中",
        ["returned"] = "退回补正",
        ["approved"] = "同意共享",
        ["granted-by-default"] = "逾期视为同意",
        ["refused"] = "不予共享",
        ["disputed"] = "争议协调中",
        ["escalated"] = "逾期已提请协调",
        ["withdrawn"] = "已撤回",
    };

    public async Task<(int Total, IReadOnlyList<CaseRow> Rows)> ListAsync(
        ShareFlowDbContext db, Caller caller, CaseFilter filter, int take, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.SharingApplications.AsNoTracking();
        if (!caller.SeesAllDepartments)
        {
            query = query.Where(a => a.RequesterDepartment == caller.Department || a.ProviderDepartment == caller.Department);
        }

        if (filter.Department is { } department)
        {
            query = query.Where(a => a.RequesterDepartment == department || a.ProviderDepartment == department);
        }

        if (filter.Statuses is { } statuses)
        {
            query = query.Where(Predicates.Any([.. statuses.Where(ByStatus.ContainsKey).Select(s => ByStatus[s])]));
        }

        if (filter.SubmittedFromInstant is { } from)
        {
            query = query.Where(a => a.SubmittedAt >= from);
        }

        if (filter.SubmittedBeforeInstant is { } before)
        {
            query = query.Where(a => a.SubmittedAt < before);
        }

        if (filter.Overdue is { } overdue)
        {
            // Overdue as the list shows it: an open step of the case has a deadline that has passed.
            query = query.Where(a => db.UserTasks.Any(t => t.InstanceId == a.Id && t.Status == UserTaskStatus.Open && t.DueAt != null && t.DueAt <= now) == overdue);
        }

        var total = await query.CountAsync(cancellationToken);
        var applications = await query.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
        var ids = applications.Select(a => a.Id).ToList();
        var deadlines = (await db.UserTasks.AsNoTracking()
                .Where(t => ids.Contains(t.InstanceId) && t.Status == UserTaskStatus.Open && t.DueAt != null)
                .Select(t => new { t.InstanceId, t.DueDate, t.DueAt, t.DueProvisional })
                .ToListAsync(cancellationToken))
            .GroupBy(t => t.InstanceId)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.DueAt).First());
        var documents = await db.IssuedDocuments.AsNoTracking()
            .Where(d => ids.Contains(d.SubjectId) && d.Kind == DocumentKind.SharingAnswer.Code)
            .Select(d => new { d.SubjectId, d.Number })
            .ToDictionaryAsync(d => d.SubjectId, d => d.Number, cancellationToken);

        return (total, [.. applications.Select(a =>
        {
            var deadline = deadlines.GetValueOrDefault(a.Id);
            return new CaseRow(
                ProcessKey, ProcessName, a.Id, a.Number, SharingApi.WireStatus(a), documents.GetValueOrDefault(a.Id), a.ResourceId, a.ResourceName,
                a.ShareType.ToWireName(), a.RequesterDepartment, a.ProviderDepartment, a.RequestedItems, a.ApprovedItems, a.Applicant, a.SubmittedAt,
                a.Decision?.ToString(), a.DecidedAt, a.IsSystemDecision, deadline?.DueDate, deadline?.DueAt, deadline?.DueProvisional ?? false,
                deadline?.DueAt is { } due && due <= now);
        })]);
    }
}
