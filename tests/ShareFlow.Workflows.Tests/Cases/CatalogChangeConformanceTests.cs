using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Policy;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;

namespace ShareFlow.Workflows.Tests.Cases;

/// <summary>
/// 目录变更: one test per row of the profile table, named after the article it follows, on the real engine with the
/// simulated clock. The law changes on Monday 2026-09-21; the case is opened two days later, on Wednesday 09-23, so a
/// deadline counted from the case rather than from the event would be visibly later. The working days after 09-21 are
/// 09-22, 09-23, 09-24 (3), 09-28, 09-29, 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12 (10), 10-13 ... 10-19 (15):
/// the Mid-Autumn break (09-25..27) and National Day (10-01..07) are skipped.
/// </summary>
public sealed class CatalogChangeConformanceTests
{
    private static readonly DateOnly LawChanged = new(2026, 9, 21);

    /// <summary>The 户籍人口信息 entry without 出生日期: a change that keeps the conditional share type and its legal basis.</summary>
    private static readonly CatalogChangeSubmission DropBirthDate = new("modify", Household, Items: ["姓名", "公民身份号码", "户籍地址"], Reasons: "出生日期改由卫健部门提供");

    private static CatalogChanges Changes(CaseHarness h) => h.Service<CatalogChanges>();

    /// <summary>The office opens a change of 市公安局's catalog after the law changed on 09-21.</summary>
    private static Task<CatalogChange> OpenAsync(CaseHarness h, User? opener = null, DateOnly? eventDate = null) =>
        Changes(h).OpenAsync(new OpenCatalogChange("gongan", "law-change", eventDate ?? LawChanged, "《某某户籍管理条例》修订施行"), opener ?? Officer, CancellationToken.None);

    private static async Task SubmitAsync(CaseHarness h, CatalogChange change, CatalogChangeSubmission submission, User? clerk = null) =>
        await Changes(h).SubmitAsync((await h.OpenTaskAsync(change.Id, "submit")).Id, submission, clerk ?? Reviewer, CancellationToken.None);

    private static async Task ReviewAsync(CaseHarness h, CatalogChange change, bool approve, string? opinion = null) =>
        await Changes(h).ReviewAsync((await h.OpenTaskAsync(change.Id, "review")).Id, approve, opinion, Officer, CancellationToken.None);

    private static Task<List<CatalogResource>> VersionsAsync(CaseHarness h, string code) =>
        h.QueryAsync(db => db.CatalogResources.AsNoTracking().Where(r => r.Code == code).OrderBy(r => r.Version).ToListAsync());

    private static Task<List<Filing>> FilingsAsync(CaseHarness h, Guid changeId) =>
        h.QueryAsync(db => db.Filings.AsNoTracking().Where(f => f.SubjectId == changeId).ToListAsync());

    private static async Task<List<string>> OpenStepsAsync(CaseHarness h, Guid changeId) =>
        [.. (await h.Engine.GetOpenTasksAsync(changeId, CancellationToken.None)).Select(t => t.ElementId).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Fuzhou_art14_change_reported_within_3_working_days()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);

        var change = await OpenAsync(h);

        // Three working days after Monday 09-21 end on Thursday 09-24; counted from the case (09-23) they would end on 09-29.
        var submit = await h.OpenTaskAsync(change.Id, "submit");
        Assert.Equal(new DateOnly(2026, 9, 24), submit.DueDate);
        Assert.Equal(("gongan", Roles.ProviderReviewer), (submit.CandidateDepartment, submit.CandidateRole));
        Assert.Equal(CatalogChangeStatus.AwaitingSubmission, change.Status);
        Assert.Contains(await h.NoticesAsync(change.Id), n => n.Kind == "assignment" && n.RecipientDepartment == "gongan" && n.Body.Contains("第十四条", StringComparison.Ordinal));

        // Half of three days (two) ends with 09-23 and two days before the end is 09-22, already past: both remind now.
        await h.AdvanceToAsync(EndOf(9, 23));
        var reminders = (await h.NoticesAsync(change.Id)).Where(n => n.Kind == "reminder").ToList();
        Assert.Equal(3, reminders.Count);
        Assert.Contains(reminders, n => n.RecipientUser == "gongan-chief");

        await h.AdvanceToAsync(EndOf(9, 24));

        // The office gets a task, the principals a notice, and the department still owes its submission.
        Assert.Equal(["followUp", "submit"], await OpenStepsAsync(h, change.Id));
        var followUp = await h.OpenTaskAsync(change.Id, "followUp");
        Assert.Equal(("dsj", Roles.CoordinatingOffice), (followUp.CandidateDepartment, followUp.CandidateRole));
        var escalations = (await h.NoticesAsync(change.Id)).Where(n => n.Kind == "escalation").ToList();
        Assert.Contains(escalations, n => n.RecipientUser == "gongan-chief");
        Assert.Contains(escalations, n => n.RecipientDepartment == "dsj" && n.RecipientRole == Roles.CoordinatingOffice);
        Assert.NotNull((await Changes(h).GetAsync(change.Id, CancellationToken.None)).OverdueSince);
    }

    [Fact]
    public async Task Lanzhou_art17_change_due_10_working_days_after_the_event()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);

        var change = await OpenAsync(h, opener: Reviewer); // the department opens its own change

        // Ten working days after 09-21 end on Monday 10-12 (counted from the case, 09-23, they would end on 10-14).
        var submit = await h.OpenTaskAsync(change.Id, "submit");
        Assert.Equal(new DateOnly(2026, 10, 12), submit.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 0, 0, 0, TimeSpan.FromHours(8)), submit.DueAt);
        Assert.Equal((LawChanged, CatalogChangeTrigger.LawChange, "gongan-reviewer"), (change.EventDate, change.Trigger, change.OpenedBy));
        Assert.StartsWith("ML-20260923-", change.Number, StringComparison.Ordinal);

        await h.AdvanceToAsync(EndOf(10, 9));
        Assert.Equal(["submit"], await OpenStepsAsync(h, change.Id));
        await h.AdvanceToAsync(EndOf(10, 12));
        Assert.Equal(["followUp", "submit"], await OpenStepsAsync(h, change.Id));
    }

    [Fact]
    public async Task Lanzhou_art17_extension_adds_20_working_days()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        var change = await OpenAsync(h);
        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 28, 10, 0, 0, TimeSpan.FromHours(8)));

        await Changes(h).RequestExtensionAsync(change.Id, "机构改革后职责划转尚未完成", Reviewer, CancellationToken.None);

        var review = await h.OpenTaskAsync(change.Id, "reviewExtension");
        Assert.Equal(("dsj", Roles.CoordinatingOffice), (review.CandidateDepartment, review.CandidateRole));
        Assert.Equal(ExtensionStatus.Requested, (await Changes(h).GetAsync(change.Id, CancellationToken.None)).Extension);
        Assert.Contains(await h.NoticesAsync(change.Id), n => n.Kind == "extension" && n.RecipientDepartment == "dsj" && n.Body.Contains("2026-10-12", StringComparison.Ordinal));

        await Changes(h).DecideExtensionAsync(review.Id, approve: true, "同意延期", Officer, CancellationToken.None);

        // Twenty more working days after 10-12 end on Monday 11-09 (thirty after the event).
        Assert.Equal(new DateOnly(2026, 11, 9), (await h.OpenTaskAsync(change.Id, "submit")).DueDate);
        var extended = await Changes(h).GetAsync(change.Id, CancellationToken.None);
        Assert.Equal((ExtensionStatus.Granted, 20, "dsj-officer"), (extended.Extension, extended.ExtensionDays, extended.ExtensionDecidedBy));
        Assert.Contains(await h.NoticesAsync(change.Id), n => n.Kind == "decision" && n.RecipientUser == "gongan-reviewer" && n.Body.Contains("20 个工作日", StringComparison.Ordinal));

        // The original deadline passes without escalation; the extended one does not.
        await h.AdvanceToAsync(EndOf(10, 12));
        Assert.Equal(["submit"], await OpenStepsAsync(h, change.Id));
        await h.AdvanceToAsync(EndOf(11, 9));
        Assert.Equal(["followUp", "submit"], await OpenStepsAsync(h, change.Id));
    }

    [Fact]
    public async Task Lanzhou_art17_office_reviews_within_10_working_days()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        var change = await OpenAsync(h);

        await SubmitAsync(h, change, DropBirthDate);

        // Submitted on Wednesday 09-23: ten working days end on Wednesday 10-14.
        var review = await h.OpenTaskAsync(change.Id, "review");
        Assert.Equal(new DateOnly(2026, 10, 14), review.DueDate);
        Assert.Equal(("dsj", Roles.CoordinatingOffice), (review.CandidateDepartment, review.CandidateRole));
        var submitted = await Changes(h).GetAsync(change.Id, CancellationToken.None);
        Assert.Equal((CatalogChangeStatus.UnderReview, CatalogChangeKind.Modify, false), (submitted.Status, submitted.Kind, submitted.SubmittedLate));
        Assert.Contains(await h.NoticesAsync(change.Id), n => n.Kind == "review" && n.RecipientDepartment == "dsj");

        // Two working days before (10-12) the office is reminded; at the end its principal is told. The task stays with the office.
        await h.AdvanceToAsync(EndOf(10, 12));
        Assert.Contains(await h.NoticesAsync(change.Id), n => n.Kind == "reminder" && n.RecipientDepartment == "dsj");
        await h.AdvanceToAsync(EndOf(10, 14));
        Assert.Contains(await h.NoticesAsync(change.Id), n => n.Kind == "escalation" && n.RecipientUser == "dsj-chief");
        Assert.Equal(["review"], await OpenStepsAsync(h, change.Id));

        await ReviewAsync(h, change, approve: true, "同意调整");

        var versions = await VersionsAsync(h, "GA-001");
        Assert.Equal([(1, CatalogStatus.Superseded), (2, CatalogStatus.Published)], versions.Select(v => (v.Version, v.Status)));
        Assert.Equal(["姓名", "公民身份号码", "户籍地址"], versions[1].DataItems);
        Assert.Equal(versions[0].LegalBasis, versions[1].LegalBasis); // conditional stays conditional on the same basis
        var approved = await Changes(h).GetAsync(change.Id, CancellationToken.None);
        Assert.Equal((CatalogChangeStatus.Approved, versions[1].Id), (approved.Status, approved.NewResourceId));
        Assert.Equal(InstanceStatus.Completed, (await h.Engine.GetInstanceAsync(change.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Beijing_art9_catalog_updated_within_15_working_days()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing);
        var change = await OpenAsync(h);

        // Fifteen working days after 09-21 end on Monday 10-19.
        Assert.Equal(new DateOnly(2026, 10, 19), (await h.OpenTaskAsync(change.Id, "submit")).DueDate);

        await SubmitAsync(h, change, DropBirthDate);
        await ReviewAsync(h, change, approve: true);

        var current = await Changes(h).CurrentVersionAsync("GA-001", CancellationToken.None);
        Assert.Equal((2, CatalogStatus.Published, "gongan"), (current.Version, current.Status, current.ProviderDepartment));
        Assert.Empty(await FilingsAsync(h, change.Id)); // Beijing reports the change; it sets no filing
        Assert.Contains(await h.NoticesAsync(change.Id), n => n.Kind == "decision" && n.RecipientUser == "gongan-reviewer" && n.Body.Contains("第 2 版", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shenyang_art27_stopping_needs_reasons_and_prior_filing()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);
        await h.QueryAsync(async db =>
        {
            db.Grants.Add(new Grant(Guid.CreateVersion7(), Guid.CreateVersion7(), Household, "minzheng", ["姓名"], new DateOnly(2026, 1, 1), null, null, null, false, Start));
            return await db.SaveChangesAsync();
        });
        var change = await OpenAsync(h);
        var submit = await h.OpenTaskAsync(change.Id, "submit");

        var error = await Assert.ThrowsAsync<DomainException>(() => SubmitAsync(h, change, new CatalogChangeSubmission("stop", Household)));

        Assert.Contains("正当理由", error.Message, StringComparison.Ordinal);
        Assert.Equal(submit.Id, (await h.OpenTaskAsync(change.Id, "submit")).Id);
        Assert.Empty(await FilingsAsync(h, change.Id));
        Assert.Equal(CatalogChangeStatus.AwaitingSubmission, (await Changes(h).GetAsync(change.Id, CancellationToken.None)).Status);

        await SubmitAsync(h, change, new CatalogChangeSubmission("stop", Household, Reasons: "户籍数据改由省级平台统一提供"));

        // Filed with the office at submission, before the office decides and before the entry stops.
        var filing = Assert.Single(await FilingsAsync(h, change.Id));
        Assert.Equal(("catalog-stop", "gongan"), (filing.Kind, filing.Department));
        Assert.Contains("第二十七条", filing.Article, StringComparison.Ordinal);
        Assert.Contains("户籍数据改由省级平台统一提供", filing.Summary, StringComparison.Ordinal);
        Assert.Equal(CatalogStatus.Published, Assert.Single(await VersionsAsync(h, "GA-001")).Status);

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 24, 15, 0, 0, TimeSpan.FromHours(8)));
        await ReviewAsync(h, change, approve: true);

        var versions = await VersionsAsync(h, "GA-001");
        Assert.Equal([(1, CatalogStatus.Superseded), (2, CatalogStatus.Stopped)], versions.Select(v => (v.Version, v.Status)));
        Assert.True(filing.FiledAt < (await Changes(h).GetAsync(change.Id, CancellationToken.None)).ReviewedAt);
        Assert.Contains(await h.NoticesAsync(change.Id), n => n.Kind == "catalog-update" && n.RecipientDepartment == "minzheng" && n.Subject.Contains("停止提供", StringComparison.Ordinal));
        var refused = await Assert.ThrowsAsync<DomainException>(() => h.ApplyAsync());
        Assert.Contains("no longer in the catalog", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shenyang_art23_conditional_entry_needs_legal_basis()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);
        var change = await OpenAsync(h);

        // 政务电子地图 was shared unconditionally; making it conditional needs the law it rests on.
        var error = await Assert.ThrowsAsync<DomainException>(() => SubmitAsync(h, change, new CatalogChangeSubmission("modify", Map, ShareType: "conditional")));

        Assert.Contains("法律、法规、规章依据", error.Message, StringComparison.Ordinal);
        Assert.Empty(await FilingsAsync(h, change.Id));

        await SubmitAsync(h, change, new CatalogChangeSubmission("modify", Map, ShareType: "conditional", LegalBasis: "《测绘成果管理条例》第十七条"));

        var filing = Assert.Single(await FilingsAsync(h, change.Id));
        Assert.Equal("catalog-change", filing.Kind);
        Assert.Contains("第二十三条", filing.Article, StringComparison.Ordinal);
        Assert.Contains("《测绘成果管理条例》第十七条", filing.Summary, StringComparison.Ordinal);
        await ReviewAsync(h, change, approve: true);
        var current = await Changes(h).CurrentVersionAsync("ZR-001", CancellationToken.None);
        Assert.Equal((ShareType.Conditional, "《测绘成果管理条例》第十七条"), (current.ShareType, current.LegalBasis));
    }

    [Fact]
    public async Task Hebei_13_updated_catalog_is_filed_with_the_office()
    {
        await using var h = await CreateAsync(PolicyProfiles.Hebei);
        var change = await OpenAsync(h, eventDate: new DateOnly(2026, 9, 22));

        await SubmitAsync(h, change, new CatalogChangeSubmission("add", Code: "GA-010", Name: "出入境证件信息", ShareType: "conditional", Items: ["姓名", "证件号码"], LegalBasis: "《中华人民共和国出境入境管理法》"));

        Assert.Contains("（十三）", Assert.Single(await FilingsAsync(h, change.Id)).Article, StringComparison.Ordinal);
        await ReviewAsync(h, change, approve: true);
        var added = await Changes(h).CurrentVersionAsync("GA-010", CancellationToken.None);
        Assert.Equal((1, CatalogStatus.Published, ShareType.Conditional), (added.Version, added.Status, added.ShareType));
    }

    [Fact(DisplayName = "Scenario: overdue, urged, submitted late, returned with reasons, corrected, approved")]
    public async Task Scenario_overdue_urged_late_returned_corrected_approved()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var change = await OpenAsync(h);
        await h.AdvanceToAsync(EndOf(9, 24)); // overdue

        await Changes(h).FollowUpAsync((await h.OpenTaskAsync(change.Id, "followUp")).Id, "urge", "请于本周内提交", Officer, CancellationToken.None);

        var urges = (await h.NoticesAsync(change.Id)).Where(n => n.Kind == "urge").ToList();
        Assert.Contains(urges, n => n.RecipientDepartment == "gongan" && n.RecipientRole == Roles.ProviderReviewer && n.Body.Contains("请于本周内提交", StringComparison.Ordinal));
        Assert.Contains(urges, n => n.RecipientUser == "gongan-chief");
        Assert.Equal(["submit"], await OpenStepsAsync(h, change.Id));

        // Monday 09-28: submitted late; the office reviews within its ten working days, to 10-16.
        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8)));
        await SubmitAsync(h, change, new CatalogChangeSubmission("modify", Household, ShareType: "unconditional"));
        Assert.True((await Changes(h).GetAsync(change.Id, CancellationToken.None)).SubmittedLate);
        Assert.Equal(new DateOnly(2026, 10, 16), (await h.OpenTaskAsync(change.Id, "review")).DueDate);

        var noReasons = await Assert.ThrowsAsync<DomainException>(() => ReviewAsync(h, change, approve: false));
        Assert.Contains("reasons", noReasons.Message, StringComparison.Ordinal);
        Assert.Equal("reviewOpinion", noReasons.Field);
        Assert.Equal(["review"], await OpenStepsAsync(h, change.Id));

        await ReviewAsync(h, change, approve: false, "户籍信息含个人信息，不宜改为无条件共享");

        // Returned on 09-28: a fresh three working days to correct — 09-29, 09-30 and, after National Day, 10-08.
        var returned = await Changes(h).GetAsync(change.Id, CancellationToken.None);
        Assert.Equal((CatalogChangeStatus.Returned, 1), (returned.Status, returned.ReturnCount));
        Assert.Equal(new DateOnly(2026, 10, 8), (await h.OpenTaskAsync(change.Id, "submit")).DueDate);
        Assert.Contains(await h.NoticesAsync(change.Id), n => n.Kind == "decision" && n.RecipientUser == "gongan-reviewer" && n.Body.Contains("不宜改为无条件共享", StringComparison.Ordinal));

        await SubmitAsync(h, change, DropBirthDate);
        await ReviewAsync(h, change, approve: true);

        var approved = await Changes(h).GetAsync(change.Id, CancellationToken.None);
        Assert.Equal((CatalogChangeStatus.Approved, 2, ShareType.Conditional), (approved.Status, approved.SubmissionCount, approved.ProposedShareType));
        Assert.Equal(2, (await Changes(h).CurrentVersionAsync("GA-001", CancellationToken.None)).Version);
        Assert.Empty(await FilingsAsync(h, change.Id)); // Fuzhou art. 14: the change is reported, not filed
        Assert.Equal(InstanceStatus.Completed, (await h.Engine.GetInstanceAsync(change.Id, CancellationToken.None)).Status);
    }

    [Fact(DisplayName = "Scenario: the office answers an overdue change with an order to correct; submitting ends the follow-up but not the order")]
    public async Task Fuzhou_art14_art38_overdue_change_can_lead_to_an_order_to_correct()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var change = await OpenAsync(h);
        await h.AdvanceToAsync(EndOf(9, 24));
        var followUp = await h.OpenTaskAsync(change.Id, "followUp");

        var noReasons = await Assert.ThrowsAsync<DomainException>(() => Changes(h).FollowUpAsync(followUp.Id, "rectify", null, Officer, CancellationToken.None));
        Assert.Contains("in writing", noReasons.Message, StringComparison.Ordinal);

        var order = await Changes(h).FollowUpAsync(followUp.Id, "rectify", "逾期未报告目录变更", Officer, CancellationToken.None);

        Assert.NotNull(order);
        Assert.Equal((change.Id, change.Number, "gongan"), (order.SubjectCaseId, order.SubjectNumber, order.Department));
        Assert.Equal("supervisor", (await h.OpenTaskAsync(order.Id, "correct")).CandidateRole);
        Assert.Equal(["submit"], await OpenStepsAsync(h, change.Id));

        await SubmitAsync(h, change, DropBirthDate);

        Assert.Equal(["review"], await OpenStepsAsync(h, change.Id));
        Assert.Equal("correct", (await h.OpenTaskAsync(order.Id, "correct")).ElementId); // the order still needs its report
    }

    [Fact(DisplayName = "Scenario: the department finds no change is needed and withdraws, with reasons; the office is told")]
    public async Task Scenario_withdrawn_with_reasons()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        var change = await OpenAsync(h);
        var submit = await h.OpenTaskAsync(change.Id, "submit");

        await Assert.ThrowsAsync<DomainException>(() => Changes(h).WithdrawAsync(submit.Id, " ", Reviewer, CancellationToken.None));
        await Changes(h).WithdrawAsync(submit.Id, "修订内容不涉及本部门目录", Reviewer, CancellationToken.None);

        Assert.Equal(CatalogChangeStatus.Withdrawn, (await Changes(h).GetAsync(change.Id, CancellationToken.None)).Status);
        Assert.Contains(await h.NoticesAsync(change.Id), n => n.RecipientDepartment == "dsj" && n.Body.Contains("修订内容不涉及本部门目录", StringComparison.Ordinal));
        Assert.Equal(InstanceStatus.Completed, (await h.Engine.GetInstanceAsync(change.Id, CancellationToken.None)).Status);
        Assert.Single(await VersionsAsync(h, "GA-001"));
    }

    [Fact]
    public async Task Lanzhou_art17_extension_after_the_deadline_is_rejected()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        var change = await OpenAsync(h);
        await h.AdvanceToAsync(EndOf(10, 12));

        var error = await Assert.ThrowsAsync<DomainException>(() => Changes(h).RequestExtensionAsync(change.Id, "人手不足", Reviewer, CancellationToken.None));

        Assert.Contains("2026-10-12", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExtensionStatus.None, (await Changes(h).GetAsync(change.Id, CancellationToken.None)).Extension);
        Assert.Equal(["followUp", "submit"], await OpenStepsAsync(h, change.Id));
        Assert.DoesNotContain(await h.NoticesAsync(change.Id), n => n.Kind == "extension");
    }

    [Theory]
    [InlineData(PolicyProfiles.Fuzhou)]
    [InlineData(PolicyProfiles.Beijing)]
    public async Task Extension_in_a_profile_without_extensions_is_rejected(string profile)
    {
        await using var h = await CreateAsync(profile);
        var change = await OpenAsync(h);

        var error = await Assert.ThrowsAsync<DomainException>(() => Changes(h).RequestExtensionAsync(change.Id, "人手不足", Reviewer, CancellationToken.None));

        Assert.Contains("no extension", error.Message, StringComparison.Ordinal);
        Assert.Equal(["submit"], await OpenStepsAsync(h, change.Id));
        Assert.Equal(ExtensionStatus.None, (await Changes(h).GetAsync(change.Id, CancellationToken.None)).Extension);
    }

    [Fact]
    public async Task Lanzhou_art17_extension_is_asked_for_once_by_the_department_with_reasons()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        var change = await OpenAsync(h);

        await Assert.ThrowsAsync<DomainException>(() => Changes(h).RequestExtensionAsync(change.Id, "", Reviewer, CancellationToken.None));
        var other = await Assert.ThrowsAsync<DomainException>(() => Changes(h).RequestExtensionAsync(change.Id, "人手不足", Clerk, CancellationToken.None));
        Assert.Contains("minzheng", other.Message, StringComparison.Ordinal);

        await Changes(h).RequestExtensionAsync(change.Id, "机构改革后职责划转尚未完成", Reviewer, CancellationToken.None);
        await Changes(h).DecideExtensionAsync((await h.OpenTaskAsync(change.Id, "reviewExtension")).Id, approve: false, "变更内容简单，无需延期", Officer, CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 10, 12), (await h.OpenTaskAsync(change.Id, "submit")).DueDate);
        Assert.Equal(ExtensionStatus.Refused, (await Changes(h).GetAsync(change.Id, CancellationToken.None)).Extension);
        var again = await Assert.ThrowsAsync<DomainException>(() => Changes(h).RequestExtensionAsync(change.Id, "再次申请", Reviewer, CancellationToken.None));
        Assert.Contains("once", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_from_another_department_cannot_submit_or_open_the_change()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var change = await OpenAsync(h);
        var submit = await h.OpenTaskAsync(change.Id, "submit");

        var error = await Assert.ThrowsAsync<DomainException>(() => SubmitAsync(h, change, DropBirthDate, Clerk));

        Assert.Contains("Only gongan", error.Message, StringComparison.Ordinal);
        Assert.Equal(submit.Id, (await h.OpenTaskAsync(change.Id, "submit")).Id);
        Assert.Equal(CatalogChangeStatus.AwaitingSubmission, (await Changes(h).GetAsync(change.Id, CancellationToken.None)).Status);
        Assert.DoesNotContain(await h.NoticesAsync(change.Id), n => n.Kind == "review");

        await Assert.ThrowsAsync<DomainException>(() => OpenAsync(h, opener: Clerk));
        Assert.Equal(1, await h.QueryAsync(db => db.CatalogChanges.CountAsync()));
    }

    [Fact]
    public async Task A_change_that_is_no_change_or_names_another_departments_entry_is_rejected()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing);
        var change = await Changes(h).OpenAsync(new OpenCatalogChange(null, "duty-change", LawChanged, "民政职责调整"), Clerk, CancellationToken.None);

        var nothing = await Assert.ThrowsAsync<DomainException>(() => SubmitAsync(h, change, new CatalogChangeSubmission("modify", Household), Clerk));
        Assert.Contains("provided by gongan", nothing.Message, StringComparison.Ordinal);
        var duplicate = await Assert.ThrowsAsync<DomainException>(() =>
            SubmitAsync(h, change, new CatalogChangeSubmission("add", Code: "GA-001", Name: "低保对象信息", ShareType: "unconditional", Items: ["姓名"]), Clerk));
        Assert.Contains("GA-001", duplicate.Message, StringComparison.Ordinal);

        var own = await OpenAsync(h);
        var unchanged = await Assert.ThrowsAsync<DomainException>(() => SubmitAsync(h, own, new CatalogChangeSubmission("modify", Household)));
        Assert.Contains("changes nothing", unchanged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_in_the_future_or_an_unknown_trigger_opens_nothing()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);

        var future = await Assert.ThrowsAsync<DomainException>(() => OpenAsync(h, eventDate: new DateOnly(2026, 9, 30)));
        var unknown = await Assert.ThrowsAsync<DomainException>(() =>
            Changes(h).OpenAsync(new OpenCatalogChange("gongan", "rumour", LawChanged, "传闻"), Officer, CancellationToken.None));

        Assert.Contains("future", future.Message, StringComparison.Ordinal);
        Assert.Contains("rumour", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.QueryAsync(db => db.ProcessInstances.CountAsync()));
    }

    [Fact(DisplayName = "Two changes of one entry: the later approval cannot overwrite the earlier one; returned, it is resubmitted on the new version")]
    public async Task Concurrent_changes_of_one_entry_do_not_overwrite_each_other()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        var first = await OpenAsync(h);
        var second = await OpenAsync(h);
        await SubmitAsync(h, first, DropBirthDate);
        await SubmitAsync(h, second, new CatalogChangeSubmission("modify", Household, ShareType: "unconditional"));
        await ReviewAsync(h, first, approve: true);

        var error = await Assert.ThrowsAsync<DomainException>(() => ReviewAsync(h, second, approve: true));

        Assert.Contains("changed since the submission", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await VersionsAsync(h, "GA-001")).Count);
        Assert.Equal(["review"], await OpenStepsAsync(h, second.Id));

        await ReviewAsync(h, second, approve: false, "该目录已更新为第2版，请在新版本基础上重新提交");
        var v2 = await Changes(h).CurrentVersionAsync("GA-001", CancellationToken.None);
        await SubmitAsync(h, second, new CatalogChangeSubmission("modify", v2.Id, ShareType: "unconditional"));
        await ReviewAsync(h, second, approve: true);

        var v3 = await Changes(h).CurrentVersionAsync("GA-001", CancellationToken.None);
        Assert.Equal((3, ShareType.Unconditional, (string?)null), (v3.Version, v3.ShareType, v3.LegalBasis));
        Assert.Equal(["姓名", "公民身份号码", "户籍地址"], v3.DataItems); // the first change is kept
    }

    [Fact]
    public async Task Only_the_office_reviews_a_change()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        var change = await OpenAsync(h);
        await SubmitAsync(h, change, DropBirthDate);
        var review = await h.OpenTaskAsync(change.Id, "review");

        var error = await Assert.ThrowsAsync<DomainException>(() => Changes(h).ReviewAsync(review.Id, approve: true, null, Reviewer, CancellationToken.None));

        Assert.Contains("coordinating office", error.Message, StringComparison.Ordinal);
        Assert.Single(await VersionsAsync(h, "GA-001"));
        Assert.Equal(review.Id, (await h.OpenTaskAsync(change.Id, "review")).Id);
    }
}
