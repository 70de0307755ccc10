using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Tests.Support;

/// <summary>
/// The bodies disputes climb to besides the 市大数据局 (dsj): the leading group (Beijing art. 17), the city government
/// (Shenyang art. 28), and the staffing and secrecy departments the office decides with in Hebei (十); plus the users
/// who act for them and a grant so that the 市民政局 has obtained the household data it objects to.
/// </summary>
internal static class DisputeSupport
{
    public static readonly User LeadingGroupMember = new("ldxz-member", "领导小组成员", "ldxz", [Roles.LeadingGroup]);
    public static readonly User CityGovernmentOfficer = new("szf-officer", "市政府工作人员", "szf", [Roles.CityGovernment]);
    public static readonly User OtherReviewer = new("jiaoyu-reviewer", "教育局审核人", "jiaoyu", [Roles.ProviderReviewer]);

    /// <summary>A resource the 公安局 does not share (《保守国家秘密法》): a need for it is disputed directly.</summary>
    public static readonly FileDispute ClassifiedNeed = new(
        CaseHarness.Classified, ["分区人口"], "救灾物资按人口分配", "灾情研判须掌握分区人口，申请按最小必要范围共享");

    public static async Task SeedCoordinatingBodiesAsync(this CaseHarness harness)
    {
        await using var db = await harness.Database.Factory.CreateDbContextAsync();
        db.Departments.AddRange(
            new Department("ldxz", "市信息化工作领导小组", DepartmentKind.LeadingGroup, "ldxz-chief"),
            new Department("szf", "市人民政府", DepartmentKind.CityGovernment, "szf-chief"),
            new Department("bianban", "市委机构编制委员会办公室", supervisor: "bianban-chief"),
            new Department("baomi", "市国家保密局", supervisor: "baomi-chief"));
        await db.SaveChangesAsync();
    }

    /// <summary>Every joint department's principal agrees at the joint tier, so that the office's step opens.</summary>
    public static async Task AgreeJointlyAsync(this CaseHarness harness, Guid disputeId)
    {
        foreach (var task in (await harness.Engine.GetOpenTasksAsync(disputeId, CancellationToken.None)).Where(t => t.ElementId == Disputes.JointStep))
        {
            var principal = new User($"{task.CandidateDepartment}-chief", "负责人", task.CandidateDepartment!, [Roles.Supervisor]);
            await harness.Disputes.GiveJointOpinionAsync(task.Id, new JointOpinion("agree", "同意"), principal, CancellationToken.None);
        }
    }

    /// <summary>The 市民政局 was granted the household data (as an approved application would).</summary>
    public static async Task GrantHouseholdToMinzhengAsync(this CaseHarness harness)
    {
        await using var db = await harness.Database.Factory.CreateDbContextAsync();
        db.Grants.Add(new Grant(Guid.CreateVersion7(CaseHarness.Start), Guid.CreateVersion7(CaseHarness.Start), CaseHarness.Household, "minzheng",
            ["姓名", "公民身份号码"], new DateOnly(2026, 9, 1), null, null, null, false, CaseHarness.Start));
        await db.SaveChangesAsync();
    }

    public static Task<DataObjection> ObjectAsync(this CaseHarness harness) =>
        harness.Objections.ReportAsync(
            new ReportObjection(CaseHarness.Household, ["公民身份号码"], "部分低保对象的公民身份号码校验位错误，无法比对", "低保批次 2026-09 第 12、37 条", "按户籍原件更正"),
            CaseHarness.Clerk, CancellationToken.None);

    public static async Task<Dispute> DisputeAsync(this CaseHarness harness, Guid id) => await harness.Disputes.GetAsync(id, CancellationToken.None);

    public static async Task<DataObjection> ObjectionAsync(this CaseHarness harness, Guid id) => await harness.Objections.GetAsync(id, CancellationToken.None);

    public static async Task<List<Notice>> NoticesOfKindAsync(this CaseHarness harness, Guid caseId, string kind) =>
        [.. (await harness.NoticesAsync(caseId)).Where(n => n.Kind == kind)];

    public static async Task<string> InstanceStatusAsync(this CaseHarness harness, Guid id) =>
        (await harness.Engine.GetInstanceAsync(id, CancellationToken.None)).Status;

    public static Task<List<Filing>> FilingsAsync(this CaseHarness harness, Guid subjectId) =>
        harness.QueryAsync(db => db.Filings.AsNoTracking().Where(f => f.SubjectId == subjectId).ToListAsync());

    public static Task<List<Grant>> GrantsOfAsync(this CaseHarness harness, Guid caseId) =>
        harness.QueryAsync(db => db.Grants.AsNoTracking().Where(g => g.ApplicationId == caseId).ToListAsync());

    public static async Task<IReadOnlyList<TaskView>> OpenTasksAsync(this CaseHarness harness, Guid instanceId) =>
        await harness.Engine.GetOpenTasksAsync(instanceId, CancellationToken.None);
}
