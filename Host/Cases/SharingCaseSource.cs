using System.Linq.Expressions;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.Sharing;
using ShareFlow.Host.Apis;
using ShareFlow.Workflows.Cases;

namespace ShareFlow.Host.Cases;

/// <summary>Sharing applications (共享申请) as list rows; a clerk or reviewer sees their own department's only.</summary>
internal sealed class SharingCaseSource() : CaseSource<SharingApplication>(
    processKey: SharingCases.ProcessKey,
    processName: "共享申请",
    kind: "sharing-application",
    statuses: new Dictionary<string, StatusDefinition>(StringComparer.Ordinal)
        {
            ["submitted"] = new("审核中", a => a.Status == SharingStatus.Submitted || a.Status == SharingStatus.UnderReview),
            ["returned"] = new("退回补正", a => a.Status == SharingStatus.ReturnedForSupplement),
            ["approved"] = new("同意共享", a => a.Status == SharingStatus.Approved && a.Decision != SharingDecision.DeemedConsent),
            ["granted-by-default"] = new("逾期视为同意", a => a.Status == SharingStatus.Approved && a.Decision == SharingDecision.DeemedConsent),
            ["refused"] = new("不予共享", a => a.Status == SharingStatus.Refused || a.Status == SharingStatus.RefusalAccepted),
            ["disputed"] = new("争议协调中", a => a.Status == SharingStatus.Disputed),
            ["dispute-settled"] = new("争议已处理", a => a.Status == SharingStatus.DisputeSettled),
            ["escalated"] = new("逾期已提请协调", a => a.Status == SharingStatus.Escalated),
            ["withdrawn"] = new("已撤回", a => a.Status == SharingStatus.Withdrawn),
        },
    id: a => a.Id,
    submittedAt: a => a.SubmittedAt,
    cases: db => db.SharingApplications)
{
    protected override string? DocumentKindCode => DocumentKind.SharingAnswer.Code;

    protected override Expression<Func<SharingApplication, bool>> Involves(string department) =>
        a => a.RequesterDepartment == department || a.ProviderDepartment == department;

    protected override Expression<Func<SharingApplication, bool>> Mentions(string text)
    {
        var number = text.ToUpperInvariant();
        return a => a.Number.Contains(number) || a.ResourceName.Contains(text);
    }

    protected override CaseRow Describe(SharingApplication a, string? documentNumber) =>
        Row(a.Id, a.Number, SharingApi.WireStatus(a), a.ResourceName, a.SubmittedAt, $"/api/sharing-applications/{a.Id}") with
        {
            DocumentNumber = documentNumber,
            ResourceId = a.ResourceId,
            ResourceName = a.ResourceName,
            ShareType = a.ShareType.ToWireName(),
            RequesterDepartment = a.RequesterDepartment,
            ProviderDepartment = a.ProviderDepartment,
            Items = a.RequestedItems,
            ApprovedItems = a.ApprovedItems,
            Applicant = a.Applicant,
            Decision = a.Decision?.ToString(),
            DecidedAt = a.DecidedAt,
            SystemDecision = a.IsSystemDecision,
        };
}
