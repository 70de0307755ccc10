using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Policy;
using ShareFlow.Domain.Sharing;
using ShareFlow.Domain.Supervision;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;

namespace ShareFlow.Workflows.Tests.Cases;

/// <summary>
/// 限期整改: one test per jurisdiction's rule (Fuzhou art. 38, Lanzhou art. 41, Beijing art. 33, Shenyang art. 47), named
/// after the article, on the real engine with the simulated clock. Orders issued on Wednesday 2026-09-23 have ten working
/// days: 09-24, 09-28, 09-29, 09-30, 10-08 (5), 10-09, 10-10 (make-up Saturday), 10-12, 10-13, 10-14 (10).
/// </summary>
public sealed class RectificationConformanceTests
{
    private const string Reasons = "无正当理由拖延答复民政局的共享申请";
    private static readonly User GonganChief = new("gongan-chief", "公安局局长", "gongan", [Roles.Supervisor]);
    private static readonly User OfficeChief = new("dsj-chief", "大数据局局长", "dsj", [Roles.Supervisor]);

    private static RectificationOrders Orders(CaseHarness h) => h.Service<RectificationOrders>();

    /// <summary>The office orders 市公安局 to correct its handling of a sharing application.</summary>
    private static async Task<(SharingApplication Application, RectificationOrder Order)> IssueAsync(CaseHarness h)
    {
        var application = await h.ApplyAsync();
        return (application, await Orders(h).IssueAsync(application.Id, "gongan", Reasons, Officer, CancellationToken.None));
    }

    private static async Task<List<string>> OpenStepsAsync(CaseHarness h, Guid instanceId) =>
        [.. (await h.Engine.GetOpenTasksAsync(instanceId, CancellationToken.None)).Select(t => t.ElementId).Order(StringComparer.Ordinal)];

    private static Task<int> SeedAsync(CaseHarness h, Department department) => h.QueryAsync(async db =>
    {
        db.Departments.Add(department);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Fuzhou_art38_rectification_overdue_goes_up()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var (application, order) = await IssueAsync(h);

        Assert.Equal((RectificationStatus.Issued, application.Id, application.Number, "dsj-officer"), (order.Status, order.SubjectCaseId, order.SubjectNumber, order.IssuedBy));
        Assert.Contains("第三十八条", order.Article, StringComparison.Ordinal);
        var correct = await h.OpenTaskAsync(order.Id, "correct");
        Assert.Equal(("gongan", Roles.Supervisor, new DateOnly(2026, 10, 14)), (correct.CandidateDepartment, correct.CandidateRole, correct.DueDate));
        var told = (await h.NoticesAsync(order.Id)).Where(n => n.Kind == "rectification").ToList();
        Assert.Contains(told, n => n.RecipientUser == "gongan-chief" && n.Body.Contains(Reasons, StringComparison.Ordinal));
        Assert.Contains(told, n => n.RecipientDepartment == "gongan" && n.RecipientRole == Roles.Supervisor);

        // Half of ten working days is used at the end of 10-08; two working days before the end is 10-12.
        await h.AdvanceToAsync(EndOf(10, 12));
        Assert.Equal(3, (await h.NoticesAsync(order.Id)).Count(n => n.Kind == "reminder"));

        await h.AdvanceToAsync(EndOf(10, 14));

        // 逾期不改正的，提请市政府给予通报批评: a notice of criticism, and single-tier Fuzhou's top tier is the office's principal.
        var criticism = (await h.NoticesAsync(order.Id)).Where(n => n.Kind == "criticism").ToList();
        Assert.Contains(criticism, n => n.RecipientUser == "gongan-chief");
        Assert.Contains(criticism, n => n.RecipientDepartment == "dsj" && n.RecipientRole == Roles.CoordinatingOffice);
        Assert.All(criticism, n => Assert.Contains("通报批评", n.Body, StringComparison.Ordinal));
        Assert.Contains(await h.NoticesAsync(order.Id), n => n.Kind == "escalation" && n.RecipientUser == "dsj-chief");
        Assert.Equal(["decideAbove"], await OpenStepsAsync(h, order.Id));
        var above = await h.OpenTaskAsync(order.Id, "decideAbove");
        Assert.Equal(("dsj", Roles.Supervisor, "dsj-chief"), (above.CandidateDepartment, above.CandidateRole, above.Assignee));
        var escalated = await Orders(h).GetAsync(order.Id, CancellationToken.None);
        Assert.Equal((RectificationStatus.Escalated, "市大数据局主要负责人"), (escalated.Status, escalated.TopTier));

        await Assert.ThrowsAsync<DomainException>(() => Orders(h).ConcludeAsync(above.Id, "通报批评", Officer, CancellationToken.None));
        await Orders(h).ConcludeAsync(above.Id, "予以通报批评，限期五个工作日内答复该共享申请", OfficeChief, CancellationToken.None);

        var concluded = await Orders(h).GetAsync(order.Id, CancellationToken.None);
        Assert.Equal((RectificationStatus.Concluded, "dsj-chief"), (concluded.Status, concluded.ConcludedBy));
        Assert.Contains(await h.NoticesAsync(order.Id), n => n.Kind == "decision" && n.RecipientUser == "gongan-chief" && n.Body.Contains("限期五个工作日", StringComparison.Ordinal));
        Assert.Equal(InstanceStatus.Completed, (await h.Engine.GetInstanceAsync(order.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Beijing_art33_overdue_order_goes_to_the_leading_group()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing);
        await SeedAsync(h, new Department("ldxz", "市政务信息资源管理领导小组", DepartmentKind.LeadingGroup));
        var member = new User("ldxz-member", "领导小组成员", "ldxz", [Roles.LeadingGroup]);
        var (_, order) = await IssueAsync(h);
        Assert.Contains("第三十三条", order.Article, StringComparison.Ordinal);

        await h.AdvanceToAsync(EndOf(10, 14));

        // 未在規定時限內完成整改的，領導小組辦公室要及時將有關情況報領導小組.
        var above = await h.OpenTaskAsync(order.Id, "decideAbove");
        Assert.Equal(("ldxz", Roles.LeadingGroup, (string?)null), (above.CandidateDepartment, above.CandidateRole, above.Assignee));
        Assert.Equal("领导小组", (await Orders(h).GetAsync(order.Id, CancellationToken.None)).TopTier);
        Assert.Contains(await h.NoticesAsync(order.Id), n => n.Kind == "escalation" && n.RecipientDepartment == "ldxz" && n.RecipientRole == Roles.LeadingGroup);

        await Assert.ThrowsAsync<DomainException>(() => Orders(h).ConcludeAsync(above.Id, "通报", Officer, CancellationToken.None));
        await Orders(h).ConcludeAsync(above.Id, "责成市公安局作出书面检查", member, CancellationToken.None);
        Assert.Equal(RectificationStatus.Concluded, (await Orders(h).GetAsync(order.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Shenyang_art47_overdue_order_goes_to_the_city_government()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);
        var (_, order) = await IssueAsync(h);
        Assert.Contains("第四十七条", order.Article, StringComparison.Ordinal);

        await h.AdvanceToAsync(EndOf(10, 14));

        // No 市政府 department is configured: the task goes to whoever holds the city-government role.
        var above = await h.OpenTaskAsync(order.Id, "decideAbove");
        Assert.Equal(((string?)null, Roles.CityGovernment), (above.CandidateDepartment, above.CandidateRole));
        Assert.Equal("市政府", (await Orders(h).GetAsync(order.Id, CancellationToken.None)).TopTier);
        Assert.Contains(await h.NoticesAsync(order.Id), n => n.Kind == "criticism" && n.RecipientUser == "gongan-chief");
    }

    [Fact]
    public async Task Lanzhou_art41_correction_reported_and_accepted()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        var (_, order) = await IssueAsync(h);
        Assert.Contains("第四十一条", order.Article, StringComparison.Ordinal);

        await Orders(h).ReportCorrectionAsync((await h.OpenTaskAsync(order.Id, "correct")).Id, "已于9月28日答复该申请并同意共享", GonganChief, CancellationToken.None);

        var verify = await h.OpenTaskAsync(order.Id, "verify");
        Assert.Equal(("dsj", Roles.CoordinatingOffice), (verify.CandidateDepartment, verify.CandidateRole));
        Assert.Equal(RectificationStatus.CorrectionReported, (await Orders(h).GetAsync(order.Id, CancellationToken.None)).Status);
        Assert.Contains(await h.NoticesAsync(order.Id), n => n.Kind == "review" && n.RecipientDepartment == "dsj");

        await Orders(h).VerifyAsync(verify.Id, accept: true, "经核查已整改到位", Officer, CancellationToken.None);

        var rectified = await Orders(h).GetAsync(order.Id, CancellationToken.None);
        Assert.Equal((RectificationStatus.Rectified, "gongan-chief", "dsj-officer"), (rectified.Status, rectified.ReportedBy, rectified.VerifiedBy));
        Assert.Equal(InstanceStatus.Completed, (await h.Engine.GetInstanceAsync(order.Id, CancellationToken.None)).Status);
        Assert.Empty(await h.QueryAsync(db => db.Waits.AsNoTracking().Where(w => w.InstanceId == order.Id).ToListAsync())); // its reminders are gone
    }

    [Fact]
    public async Task Lanzhou_art41_rejected_correction_goes_back_with_a_fresh_period()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        var (_, order) = await IssueAsync(h);
        await Orders(h).ReportCorrectionAsync((await h.OpenTaskAsync(order.Id, "correct")).Id, "已安排专人处理", GonganChief, CancellationToken.None);
        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 29, 10, 0, 0, TimeSpan.FromHours(8)));
        var verify = await h.OpenTaskAsync(order.Id, "verify");

        await Assert.ThrowsAsync<DomainException>(() => Orders(h).VerifyAsync(verify.Id, accept: false, null, Officer, CancellationToken.None));
        await Orders(h).VerifyAsync(verify.Id, accept: false, "申请仍未答复", Officer, CancellationToken.None);

        // Rejected on 09-29: ten working days again, to 10-19.
        var correct = await h.OpenTaskAsync(order.Id, "correct");
        Assert.Equal(new DateOnly(2026, 10, 19), correct.DueDate);
        var rejected = await Orders(h).GetAsync(order.Id, CancellationToken.None);
        Assert.Equal((RectificationStatus.Issued, 1, "申请仍未答复"), (rejected.Status, rejected.RejectionCount, rejected.VerificationOpinion));
        Assert.Contains(await h.NoticesAsync(order.Id), n => n.Kind == "decision" && n.RecipientUser == "gongan-chief" && n.Body.Contains("申请仍未答复", StringComparison.Ordinal));
    }

    [Fact(DisplayName = "Fuzhou art. 38 from the sharing process: the office's coordination orders the provider to correct, then decides once the order is closed")]
    public async Task Fuzhou_art38_coordination_orders_the_provider_to_correct_then_decides()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var application = await h.ApplyAsync();
        await Assert.ThrowsAsync<DomainException>(async () =>
            await Orders(h).OrderFromCoordinationAsync((await h.OpenTaskAsync(application.Id, "review")).Id, Reasons, Officer, CancellationToken.None));
        await h.AdvanceToAsync(EndOf(10, 21)); // fifteen working days without an answer: the office takes over
        var coordinate = await h.OpenTaskAsync(application.Id, "coordinate");

        var noReasons = await Assert.ThrowsAsync<DomainException>(() => Orders(h).OrderFromCoordinationAsync(coordinate.Id, " ", Officer, CancellationToken.None));
        Assert.Contains("in writing", noReasons.Message, StringComparison.Ordinal);
        Assert.Equal(coordinate.Id, (await h.OpenTaskAsync(application.Id, "coordinate")).Id);

        await Orders(h).OrderFromCoordinationAsync(coordinate.Id, Reasons, Officer, CancellationToken.None);

        var order = Assert.Single(await Orders(h).ForCaseAsync(application.Id, CancellationToken.None));
        Assert.Equal(("gongan", application.Number, "dsj-officer", RectificationStatus.Issued), (order.Department, order.SubjectNumber, order.IssuedBy, order.Status));
        Assert.Equal(application.Id, (await h.Engine.GetInstanceAsync(order.Id, CancellationToken.None)).ParentInstanceId);
        Assert.Empty(await h.Engine.GetOpenTasksAsync(application.Id, CancellationToken.None));
        Assert.Equal(["rectify"], (await h.Engine.GetInstanceAsync(application.Id, CancellationToken.None)).ActiveElements);
        Assert.Equal(SharingStatus.Escalated, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);

        await Orders(h).ReportCorrectionAsync((await h.OpenTaskAsync(order.Id, "correct")).Id, "已明确专人，三日内答复", GonganChief, CancellationToken.None);
        await Orders(h).VerifyAsync((await h.OpenTaskAsync(order.Id, "verify")).Id, accept: true, null, Officer, CancellationToken.None);

        // The order is closed: the application is back with the office, which now answers it.
        Assert.Equal(RectificationStatus.Rectified, (await Orders(h).GetAsync(order.Id, CancellationToken.None)).Status);
        var again = await h.OpenTaskAsync(application.Id, "coordinate");
        Assert.NotEqual(coordinate.Id, again.Id);
        await h.Sharing.AnswerAsync(again.Id, new SharingAnswer("approve"), Officer, CancellationToken.None);
        var decided = await h.Sharing.GetAsync(application.Id, CancellationToken.None);
        Assert.Equal((SharingStatus.Approved, "dsj-officer"), (decided.Status, decided.DecidedBy));
        Assert.Equal(InstanceStatus.Completed, (await h.Engine.GetInstanceAsync(application.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Only_the_office_issues_an_order_once_with_written_reasons_about_a_known_case()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var application = await h.ApplyAsync();

        var notOffice = await Assert.ThrowsAsync<DomainException>(() => Orders(h).IssueAsync(application.Id, "gongan", Reasons, Clerk, CancellationToken.None));
        var noReasons = await Assert.ThrowsAsync<DomainException>(() => Orders(h).IssueAsync(application.Id, "gongan", "", Officer, CancellationToken.None));
        var noCase = await Assert.ThrowsAsync<DomainException>(() => Orders(h).IssueAsync(Guid.CreateVersion7(), "gongan", Reasons, Officer, CancellationToken.None));
        var noDepartment = await Assert.ThrowsAsync<DomainException>(() => Orders(h).IssueAsync(application.Id, "waijiao", Reasons, Officer, CancellationToken.None));
        var itself = await Assert.ThrowsAsync<DomainException>(() => Orders(h).IssueAsync(application.Id, "dsj", Reasons, Officer, CancellationToken.None));

        Assert.Contains("coordinating office", notOffice.Message, StringComparison.Ordinal);
        Assert.Contains("in writing", noReasons.Message, StringComparison.Ordinal);
        Assert.Contains("no case", noCase.Message, StringComparison.Ordinal);
        Assert.Contains("waijiao", noDepartment.Message, StringComparison.Ordinal);
        Assert.Contains("itself", itself.Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.QueryAsync(db => db.RectificationOrders.CountAsync()));

        var order = await Orders(h).IssueAsync(application.Id, "gongan", Reasons, Officer, CancellationToken.None);
        var twice = await Assert.ThrowsAsync<DomainException>(() => Orders(h).IssueAsync(application.Id, "gongan", Reasons, Officer, CancellationToken.None));

        Assert.Contains(order.Number, twice.Message, StringComparison.Ordinal);
        Assert.Equal(1, await h.QueryAsync(db => db.RectificationOrders.CountAsync()));
    }

    [Fact]
    public async Task Another_department_cannot_report_the_correction()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var (_, order) = await IssueAsync(h);
        var correct = await h.OpenTaskAsync(order.Id, "correct");
        var jiaoyuChief = new User("jiaoyu-chief", "教育局局长", "jiaoyu", [Roles.Supervisor]);

        var error = await Assert.ThrowsAsync<DomainException>(() => Orders(h).ReportCorrectionAsync(correct.Id, "已整改", jiaoyuChief, CancellationToken.None));
        var empty = await Assert.ThrowsAsync<DomainException>(() => Orders(h).ReportCorrectionAsync(correct.Id, "", GonganChief, CancellationToken.None));

        Assert.Contains("jiaoyu", error.Message, StringComparison.Ordinal);
        Assert.Contains("整改情况", empty.Message, StringComparison.Ordinal);
        Assert.Equal(correct.Id, (await h.OpenTaskAsync(order.Id, "correct")).Id);
        Assert.Equal(RectificationStatus.Issued, (await Orders(h).GetAsync(order.Id, CancellationToken.None)).Status);
    }
}
