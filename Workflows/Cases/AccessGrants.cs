using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Activities;

namespace ShareFlow.Workflows.Cases;

/// <summary>What a decision that grants access gives: which items of which resource, to whom, for what, on which terms.</summary>
/// <param name="CaseId">The case the grant comes from (stored as the grant's application id): the sharing application, or a dispute without one.</param>
internal sealed record AccessGrant(
    Guid CaseId,
    Guid ResourceId,
    string ResourceName,
    ShareType ShareType,
    string RequesterDepartment,
    string ProviderDepartment,
    string Duty,
    IReadOnlyList<string> Items,
    string? Conditions,
    DateOnly? UseFrom,
    DateOnly? UseUntil,
    bool IsSystemDecision);

/// <summary>Grants and filings, shared by the cases whose decisions give access (sharing applications, dispute settlements).</summary>
internal static class AccessGrants
{
    /// <summary>
    /// Grants the items from today (or the later start of use) and, for data that is not shared unconditionally, records
    /// the security and confidentiality agreement the use is bound to (Fuzhou art. 31).
    /// </summary>
    public static Grant Grant(ActivityContext context, AccessGrant access)
    {
        var now = context.Clock.GetUtcNow();
        Guid? agreementId = null;
        if (access.ShareType != ShareType.Unconditional)
        {
            var agreement = new SecurityAgreement(
                Guid.CreateVersion7(now), access.CaseId, access.RequesterDepartment, access.ProviderDepartment, access.ResourceId,
                $"安全保密协议：{access.RequesterDepartment} 仅为“{access.Duty}”使用 {access.ResourceName} 的 {string.Join("、", access.Items)}，不得擅自扩散。"
                + (access.Conditions is null ? string.Empty : $" 附加条件：{access.Conditions}"),
                now);
            context.Database.SecurityAgreements.Add(agreement);
            agreementId = agreement.Id;
        }

        var today = ChinaTime.DateOf(now);
        var grant = new Grant(
            Guid.CreateVersion7(now), access.CaseId, access.ResourceId, access.RequesterDepartment, access.Items,
            access.UseFrom is { } from && from > today ? from : today, access.UseUntil, agreementId, access.Conditions, access.IsSystemDecision, now);
        context.Database.Grants.Add(grant);
        return grant;
    }

    /// <summary>Files (备案) a decision with the coordinating office.</summary>
    /// <param name="kind">A stable name, e.g. <c>sharing-decision</c>, <c>dispute-settlement</c>.</param>
    public static void File(ActivityContext context, string kind, Guid subjectId, string department, string summary, string article) =>
        context.Database.Filings.Add(new Filing(Guid.CreateVersion7(context.Clock.GetUtcNow()), kind, subjectId, department, summary, article, context.Clock.GetUtcNow()));
}
