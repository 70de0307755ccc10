using System.Linq.Expressions;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.OpenData;
using ShareFlow.Domain.Projects;
using ShareFlow.Domain.Supervision;
using ShareFlow.Workflows.Cases;

namespace ShareFlow.Host.Cases;

/// <summary>Sharing disputes (争议协调): between the requesting and the providing department.</summary>
internal sealed class DisputeCaseSource() : CaseSource<Dispute>(
    processKey: Disputes.ProcessKey,
    processName: "争议协调",
    kind: "sharing-dispute",
    statuses: EnumStatuses<DisputeStatus>(d => d.Status, new Dictionary<DisputeStatus, string>
        {
            [DisputeStatus.Negotiating] = "协商中",
            [DisputeStatus.Coordinating] = "协调中",
            [DisputeStatus.Settled] = "已处理",
        }),
    id: d => d.Id,
    submittedAt: d => d.FiledAt,
    cases: db => db.Disputes)
{
    protected override Expression<Func<Dispute, bool>> Involves(string department) => d => d.RequesterDepartment == department || d.ProviderDepartment == department;

    protected override Expression<Func<Dispute, bool>> Mentions(string text)
    {
        var number = text.ToUpperInvariant();
        return d => d.Number.Contains(number) || d.ResourceName.Contains(text);
    }

    protected override CaseRow Describe(Dispute d, string? documentNumber) =>
        Row(d.Id, d.Number, WireName(d.Status), d.ResourceName, d.FiledAt, $"/api/disputes/{d.Id}") with
        {
            ResourceId = d.ResourceId,
            ResourceName = d.ResourceName,
            ShareType = d.ShareType.ToWireName(),
            RequesterDepartment = d.RequesterDepartment,
            ProviderDepartment = d.ProviderDepartment,
            Items = d.RequestedItems,
            ApprovedItems = d.GrantedItems,
            Applicant = d.Applicant,
            Decision = d.Outcome?.ToString(),
            DecidedAt = d.DecidedAt,
        };
}

/// <summary>Data objections (数据异议): the requester doubts the provider's data.</summary>
internal sealed class DataObjectionCaseSource() : CaseSource<DataObjection>(
    processKey: DataObjections.ProcessKey,
    processName: "数据异议",
    kind: "data-objection",
    statuses: EnumStatuses<ObjectionStatus>(o => o.Status, new Dictionary<ObjectionStatus, string>
        {
            [ObjectionStatus.UnderVerification] = "核查中",
            [ObjectionStatus.AwaitingConfirmation] = "待确认",
            [ObjectionStatus.PlanUnderReview] = "更正计划审核中",
            [ObjectionStatus.Correcting] = "按计划更正中",
            [ObjectionStatus.ReportedToOffice] = "共享主管部门处理中",
            [ObjectionStatus.Closed] = "已办结",
        }),
    id: o => o.Id,
    submittedAt: o => o.ReportedAt,
    cases: db => db.DataObjections)
{
    protected override Expression<Func<DataObjection, bool>> Involves(string department) => o => o.RequesterDepartment == department || o.ProviderDepartment == department;

    protected override Expression<Func<DataObjection, bool>> Mentions(string text)
    {
        var number = text.ToUpperInvariant();
        return o => o.Number.Contains(number) || o.ResourceName.Contains(text) || o.Description.Contains(text);
    }

    protected override CaseRow Describe(DataObjection o, string? documentNumber) =>
        Row(o.Id, o.Number, WireName(o.Status), o.ResourceName, o.ReportedAt, $"/api/data-objections/{o.Id}") with
        {
            ResourceId = o.ResourceId,
            ResourceName = o.ResourceName,
            RequesterDepartment = o.RequesterDepartment,
            ProviderDepartment = o.ProviderDepartment,
            Applicant = o.Reporter,
            Decision = o.Finding?.ToString(),
            DecidedAt = o.ClosedAt,
        };
}

/// <summary>Catalog changes (目录变更): the department that changes its catalog brings the case.</summary>
internal sealed class CatalogChangeCaseSource() : CaseSource<CatalogChange>(
    processKey: CatalogChanges.ProcessKey,
    processName: "目录变更",
    kind: "catalog-change",
    statuses: EnumStatuses<CatalogChangeStatus>(c => c.Status, new Dictionary<CatalogChangeStatus, string>
        {
            [CatalogChangeStatus.AwaitingSubmission] = "待提交",
            [CatalogChangeStatus.UnderReview] = "审核中",
            [CatalogChangeStatus.Returned] = "退回修改",
            [CatalogChangeStatus.Approved] = "审核通过",
            [CatalogChangeStatus.Withdrawn] = "已撤回",
        }),
    id: c => c.Id,
    submittedAt: c => c.OpenedAt,
    cases: db => db.CatalogChanges)
{
    protected override Expression<Func<CatalogChange, bool>> Involves(string department) => c => c.Department == department;

    protected override Expression<Func<CatalogChange, bool>> Mentions(string text)
    {
        var number = text.ToUpperInvariant();
        return c => c.Number.Contains(number) || c.EventDescription.Contains(text) || c.ProposedName!.Contains(text);
    }

    protected override CaseRow Describe(CatalogChange c, string? documentNumber) =>
        Row(c.Id, c.Number, WireName(c.Status), $"{c.Trigger.ToChineseName()}：{Shorten(c.ProposedName ?? c.EventDescription)}", c.OpenedAt, $"/api/catalog-changes/{c.Id}") with
        {
            ResourceId = c.ResourceId,
            ResourceName = c.ProposedName,
            RequesterDepartment = c.Department,
            Applicant = c.OpenedBy,
            DecidedAt = c.ReviewedAt,
        };
}

/// <summary>Project-acceptance data submissions (项目验收数据汇交): the building department brings the data.</summary>
internal sealed class AcceptanceCaseSource() : CaseSource<AcceptanceSubmission>(
    processKey: Projects.ProcessKey,
    processName: "项目验收数据汇交",
    kind: "acceptance-submission",
    statuses: EnumStatuses<AcceptanceStatus>(a => a.Status, new Dictionary<AcceptanceStatus, string>
        {
            [AcceptanceStatus.AwaitingData] = "待提交",
            [AcceptanceStatus.UnderReview] = "审查中",
            [AcceptanceStatus.Failed] = "审查不合格，整改中",
            [AcceptanceStatus.Passed] = "审查通过",
        }),
    id: a => a.Id,
    submittedAt: a => a.OpenedAt,
    cases: db => db.AcceptanceSubmissions)
{
    protected override Expression<Func<AcceptanceSubmission, bool>> Involves(string department) => a => a.BuildingDepartment == department;

    protected override Expression<Func<AcceptanceSubmission, bool>> Mentions(string text)
    {
        var number = text.ToUpperInvariant();
        return a => a.Number.Contains(number) || a.ProjectName.Contains(text) || a.ProjectCode.Contains(text);
    }

    protected override CaseRow Describe(AcceptanceSubmission a, string? documentNumber) =>
        Row(a.Id, a.Number, WireName(a.Status), a.ProjectName, a.OpenedAt, $"/api/projects/{a.ProjectId}") with
        {
            RequesterDepartment = a.BuildingDepartment,
            Applicant = a.SubmittedBy,
            Decision = a.Opinion?.ToString(),
            DecidedAt = a.ReviewedAt,
        };
}

/// <summary>Open-data requests (开放申请): brought by the public to the providing department.</summary>
internal sealed class OpenDataCaseSource() : CaseSource<OpenDataRequest>(
    processKey: OpenDataRequests.ProcessKey,
    processName: "开放申请",
    kind: "open-data-request",
    statuses: EnumStatuses<OpenDataStatus>(r => r.Status, new Dictionary<OpenDataStatus, string>
        {
            [OpenDataStatus.UnderEvaluation] = "评估中",
            [OpenDataStatus.Answered] = "已答复",
        }),
    id: r => r.Id,
    submittedAt: r => r.ReceivedAt,
    cases: db => db.OpenDataRequests)
{
    protected override Expression<Func<OpenDataRequest, bool>> Involves(string department) => r => r.ProviderDepartment == department;

    protected override Expression<Func<OpenDataRequest, bool>> Mentions(string text)
    {
        var number = text.ToUpperInvariant();
        return r => r.Number.Contains(number) || r.RequestedData.Contains(text) || r.ResourceName!.Contains(text) || r.ApplicantName.Contains(text);
    }

    protected override CaseRow Describe(OpenDataRequest r, string? documentNumber) =>
        Row(r.Id, r.Number, WireName(r.Status), r.ResourceName ?? Shorten(r.RequestedData), r.ReceivedAt, $"/api/open-data-requests/{r.Id}") with
        {
            ResourceId = r.ResourceId,
            ResourceName = r.ResourceName,
            ProviderDepartment = r.ProviderDepartment,
            Applicant = r.ApplicantName,
            Decision = r.Decision?.ToString(),
        };
}

/// <summary>Rectification orders (限期整改): the office orders a department to correct.</summary>
internal sealed class RectificationCaseSource() : CaseSource<RectificationOrder>(
    processKey: RectificationOrders.ProcessKey,
    processName: "限期整改",
    kind: "rectification-order",
    statuses: EnumStatuses<RectificationStatus>(o => o.Status, new Dictionary<RectificationStatus, string>
        {
            [RectificationStatus.Issued] = "限期整改中",
            [RectificationStatus.CorrectionReported] = "整改情况核查中",
            [RectificationStatus.Rectified] = "已整改",
            [RectificationStatus.Escalated] = "逾期未整改，已报上级",
            [RectificationStatus.Concluded] = "已处理",
        }),
    id: o => o.Id,
    submittedAt: o => o.IssuedAt,
    cases: db => db.RectificationOrders)
{
    protected override Expression<Func<RectificationOrder, bool>> Involves(string department) => o => o.Department == department;

    protected override Expression<Func<RectificationOrder, bool>> Mentions(string text)
    {
        var number = text.ToUpperInvariant();
        return o => o.Number.Contains(number) || o.SubjectNumber!.Contains(number) || o.Reasons.Contains(text);
    }

    protected override CaseRow Describe(RectificationOrder o, string? documentNumber) =>
        Row(o.Id, o.Number, WireName(o.Status), Shorten(o.Reasons), o.IssuedAt, $"/api/rectification-orders/{o.Id}") with
        {
            ProviderDepartment = o.Department,
            Applicant = o.IssuedBy,
            DecidedAt = o.ConcludedAt ?? o.VerifiedAt,
        };
}

/// <summary>Registers the case sources of every shipped process and the listing over them.</summary>
internal static class CaseSources
{
    public static IServiceCollection AddShareFlowCaseSources(this IServiceCollection services)
    {
        services.AddSingleton<ICaseSource, SharingCaseSource>();
        services.AddSingleton<ICaseSource, DisputeCaseSource>();
        services.AddSingleton<ICaseSource, DataObjectionCaseSource>();
        services.AddSingleton<ICaseSource, CatalogChangeCaseSource>();
        services.AddSingleton<ICaseSource, AcceptanceCaseSource>();
        services.AddSingleton<ICaseSource, OpenDataCaseSource>();
        services.AddSingleton<ICaseSource, RectificationCaseSource>();
        services.AddSingleton<CaseListing>();
        services.AddSingleton<TaskCases>();
        services.AddSingleton<Supervision>();
        services.AddSingleton<CalendarPreview>();
        return services;
    }
}
