using ShareFlow.Domain;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Policy;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;
using static ShareFlow.Workflows.Tests.Support.DisputeSupport;

namespace ShareFlow.Workflows.Tests.Cases;

/// <summary>
/// One test per row of the profile table for the dispute tiers, named after the article it follows. Disputes are filed on
/// Wednesday 2026-09-23; every period is in working days and crosses the Mid-Autumn break (09-25..27), National Day
/// (10-01..07) or the make-up Saturday 10-10, which counts. The negotiation has the profile's sharing answer period
/// (Beijing art. 17: 提供部门应在10个工作日内予以答复); each tier has dispute.tierDays (10).
/// </summary>
public sealed class DisputeConformanceTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task Beijing_art17_dispute_goes_to_the_office_then_the_leading_group()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing);
        await h.SeedCoordinatingBodiesAsync();

        var dispute = await h.Disputes.FileAsync(ClassifiedNeed, Clerk, CancellationToken.None);

        Assert.Equal((DisputeStatus.Negotiating, "gongan", (Guid?)null), (dispute.Status, dispute.ProviderDepartment, dispute.SharingApplicationId));
        Assert.Equal(["dsj", "ldxz"], dispute.TierDepartments);
        var negotiate = await h.OpenTaskAsync(dispute.Id, "negotiate");
        Assert.Equal(("gongan", Roles.ProviderReviewer, new DateOnly(2026, 10, 14)), (negotiate.CandidateDepartment, negotiate.CandidateRole, negotiate.DueDate));
        Assert.Contains(await h.NoticesOfKindAsync(dispute.Id, "dispute"), n => n.RecipientDepartment == "gongan" && n.RecipientRole == Roles.ProviderReviewer);

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 24, 10, 0, 0, China));
        await h.Disputes.NegotiateAsync(negotiate.Id, new NegotiationAnswer(false, Reasons: "属涉密统计数据，依法不予共享"), Reviewer, CancellationToken.None);

        // 领导小组办公室协调: ten working days from Thursday 09-24 are 09-28, 29, 30, 10-08, 09, 10 (make-up), 12, 13, 14, 15.
        var office = await h.OpenTaskAsync(dispute.Id, "decideTier");
        Assert.Equal(("dsj", Roles.CoordinatingOffice, new DateOnly(2026, 10, 15)), (office.CandidateDepartment, office.CandidateRole, office.DueDate));
        var atOffice = await h.DisputeAsync(dispute.Id);
        Assert.Equal((DisputeStatus.Coordinating, 0, "属涉密统计数据，依法不予共享"), (atOffice.Status, atOffice.TierIndex, atOffice.NegotiationReply));
        Assert.Contains(await h.NoticesOfKindAsync(dispute.Id, "dispute"), n => n.RecipientDepartment == "dsj" && n.RecipientRole == Roles.CoordinatingOffice && n.Subject.Contains("领导小组办公室协调", StringComparison.Ordinal));

        // Half of the ten days is used at the end of 10-09; two working days before the end is 10-13 (then the principal too).
        await h.AdvanceToAsync(EndOf(10, 9));
        Assert.Single(await h.NoticesOfKindAsync(dispute.Id, "reminder"));
        await h.AdvanceToAsync(EndOf(10, 13));
        var reminders = await h.NoticesOfKindAsync(dispute.Id, "reminder");
        Assert.Equal(3, reminders.Count);
        Assert.All(reminders, n => Assert.Equal("dsj", n.RecipientDepartment));
        Assert.Contains(reminders, n => n.RecipientUser == "dsj-chief");

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 10, 14, 10, 0, 0, China));
        await h.Disputes.DecideAsync(office.Id, new DisputeDecision("passOn", "经协调双方仍未达成一致，报领导小组审议"), Officer, CancellationToken.None);

        // 报领导小组审议: ten working days from Wednesday 10-14 end on 10-28.
        var group = await h.OpenTaskAsync(dispute.Id, "decideTier");
        Assert.NotEqual(office.Id, group.Id);
        Assert.Equal(("ldxz", Roles.LeadingGroup, new DateOnly(2026, 10, 28)), (group.CandidateDepartment, group.CandidateRole, group.DueDate));
        Assert.Contains(await h.NoticesOfKindAsync(dispute.Id, "dispute"), n => n.RecipientDepartment == "ldxz" && n.RecipientRole == Roles.LeadingGroup);
        await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.DecideAsync(group.Id, new DisputeDecision("grant", "办公室代为决定"), Officer, CancellationToken.None)); // the office no longer holds it

        await h.Disputes.DecideAsync(group.Id, new DisputeDecision("grant", "救灾工作确需，限定用途后共享", Conditions: "仅限救灾物资分配使用，用后销毁"), LeadingGroupMember, CancellationToken.None);

        var settled = await h.DisputeAsync(dispute.Id);
        Assert.Equal((DisputeStatus.Settled, DisputeOutcome.Granted, 1, "领导小组"), (settled.Status, settled.Outcome, settled.SettledAtTier, settled.SettledBy));
        Assert.Equal(["经协调双方仍未达成一致，报领导小组审议"], settled.PassOnReasons);
        var grant = Assert.Single(await h.GrantsOfAsync(dispute.Id));
        Assert.Equal(("minzheng", Classified, "仅限救灾物资分配使用，用后销毁"), (grant.GranteeDepartment, grant.ResourceId, grant.Conditions));
        Assert.Equal(["分区人口"], grant.Items);
        Assert.NotNull(grant.AgreementId); // not-shared data granted by decision is bound by a security agreement
        var filing = Assert.Single(await h.FilingsAsync(dispute.Id));
        Assert.Equal(("dispute-settlement", "ldxz"), (filing.Kind, filing.Department));
        Assert.Contains("第十七条", filing.Article, StringComparison.Ordinal);
        var decisions = await h.NoticesOfKindAsync(dispute.Id, "decision");
        Assert.Contains(decisions, n => n.RecipientUser == "minzheng-clerk");
        Assert.Contains(decisions, n => n.RecipientDepartment == "gongan" && n.RecipientRole == Roles.ProviderReviewer);
        Assert.Contains(decisions, n => n.RecipientDepartment == "dsj" && n.RecipientRole == Roles.CoordinatingOffice);
        Assert.Equal(InstanceStatus.Completed, await h.InstanceStatusAsync(dispute.Id));
    }

    [Fact]
    public async Task Shenyang_art28_big_data_bureau_then_city_government_decides()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);
        await h.SeedCoordinatingBodiesAsync();
        var dispute = await h.Disputes.FileAsync(ClassifiedNeed, Clerk, CancellationToken.None);

        // Shenyang's answer period is five working days: 09-24, 09-28, 09-29, 09-30, 10-08. Both reminders fall on 09-29.
        Assert.Equal(new DateOnly(2026, 10, 8), (await h.OpenTaskAsync(dispute.Id, "negotiate")).DueDate);
        await h.AdvanceToAsync(EndOf(9, 29));
        Assert.Equal(3, (await h.NoticesOfKindAsync(dispute.Id, "reminder")).Count);

        // No answer by the end of 10-08: the negotiation has failed and the 市大数据局 coordinates (art. 28).
        await h.AdvanceToAsync(EndOf(10, 8));

        var lapsed = await h.DisputeAsync(dispute.Id);
        Assert.Equal((DisputeStatus.Coordinating, 0, true), (lapsed.Status, lapsed.TierIndex, lapsed.NegotiationLapsed));
        var escalations = await h.NoticesOfKindAsync(dispute.Id, "escalation");
        Assert.Contains(escalations, n => n.RecipientUser == "gongan-chief");
        Assert.Contains(escalations, n => n.RecipientDepartment == "minzheng" && n.RecipientRole == Roles.RequestingClerk);
        Assert.DoesNotContain(await h.OpenTasksAsync(dispute.Id), t => t.ElementId == "negotiate");
        // Counted from Friday 10-09: 10-10 (make-up Saturday), 12, 13, 14, 15, 16, 19, 20, 21, 22.
        var bureau = await h.OpenTaskAsync(dispute.Id, "decideTier");
        Assert.Equal(("dsj", Roles.CoordinatingOffice, new DateOnly(2026, 10, 22)), (bureau.CandidateDepartment, bureau.CandidateRole, bureau.DueDate));

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 10, 12, 15, 0, 0, China));
        await h.Disputes.DecideAsync(bureau.Id, new DisputeDecision("passOn", "协调处理不成，报市政府决定"), Officer, CancellationToken.None);

        // 报市政府决定: from Monday 10-12, ten working days end on 10-26.
        var government = await h.OpenTaskAsync(dispute.Id, "decideTier");
        Assert.Equal(("szf", Roles.CityGovernment, new DateOnly(2026, 10, 26)), (government.CandidateDepartment, government.CandidateRole, government.DueDate));
        Assert.Contains(await h.NoticesOfKindAsync(dispute.Id, "dispute"), n => n.RecipientDepartment == "szf" && n.RecipientRole == Roles.CityGovernment);

        await h.Disputes.DecideAsync(government.Id, new DisputeDecision("uphold", "该数据属国家秘密，依《保守国家秘密法》不予共享；可通过统计部门公开数据满足需要"), CityGovernmentOfficer, CancellationToken.None);

        var settled = await h.DisputeAsync(dispute.Id);
        Assert.Equal((DisputeStatus.Settled, DisputeOutcome.RefusalUpheld, 1, "市政府"), (settled.Status, settled.Outcome, settled.SettledAtTier, settled.SettledBy));
        Assert.Empty(settled.GrantedItems);
        Assert.Empty(await h.GrantsOfAsync(dispute.Id));
        var filing = Assert.Single(await h.FilingsAsync(dispute.Id));
        Assert.Equal("szf", filing.Department);
        Assert.Contains("第二十八条", filing.Article, StringComparison.Ordinal);
        Assert.Contains("维持不予共享", filing.Summary, StringComparison.Ordinal);
        Assert.Contains(await h.NoticesOfKindAsync(dispute.Id, "decision"), n => n.RecipientUser == "minzheng-clerk" && n.Body.Contains("保守国家秘密法", StringComparison.Ordinal));
        Assert.Equal(InstanceStatus.Completed, await h.InstanceStatusAsync(dispute.Id));
    }

    [Fact]
    public async Task Lanzhou_art20_office_decides_the_dispute()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        var application = await h.ApplyAsync();
        await h.Sharing.AnswerAsync((await h.OpenTaskAsync(application.Id, "review")).Id, new SharingAnswer("refuse", Reasons: "涉及个人信息，超出低保核查所需"), Reviewer, CancellationToken.None);

        // The requester chooses a dispute when answering the refusal: the application's process starts the dispute.
        await h.Sharing.AnswerRefusalAsync((await h.OpenTaskAsync(application.Id, "answerRefusal")).Id, dispute: true, "申请协调", Clerk, CancellationToken.None);

        var dispute = Assert.Single(await h.Disputes.ForApplicationAsync(application.Id, CancellationToken.None));
        Assert.Equal(((Guid?)application.Id, "minzheng", "gongan"), (dispute.SharingApplicationId, dispute.RequesterDepartment, dispute.ProviderDepartment));
        Assert.Equal(["姓名", "公民身份号码"], dispute.RequestedItems);
        Assert.Equal("最低生活保障资格核查", dispute.Duty);
        Assert.Contains("超出低保核查所需", dispute.Reasons, StringComparison.Ordinal);
        Assert.Equal(["dsj"], dispute.TierDepartments);
        var parent = await h.Engine.GetInstanceAsync(application.Id, CancellationToken.None);
        Assert.Equal(InstanceStatus.Active, parent.Status);
        Assert.Equal(["dispute"], parent.ActiveElements);
        Assert.Equal(application.Id, (await h.Engine.GetInstanceAsync(dispute.Id, CancellationToken.None)).ParentInstanceId);

        var negotiate = await h.OpenTaskAsync(dispute.Id, "negotiate");
        Assert.Equal(new DateOnly(2026, 10, 14), negotiate.DueDate);
        await h.Disputes.NegotiateAsync(negotiate.Id, new NegotiationAnswer(false, Reasons: "维持原答复"), Reviewer, CancellationToken.None);

        // 协商未果的，由同级政务数据共享主管部门协调解决: the office's ten working days from 09-23 end on 10-14.
        var office = await h.OpenTaskAsync(dispute.Id, "decideTier");
        Assert.Equal(("dsj", Roles.CoordinatingOffice, new DateOnly(2026, 10, 14)), (office.CandidateDepartment, office.CandidateRole, office.DueDate));
        await h.AdvanceToAsync(EndOf(10, 8)); // half used
        await h.AdvanceToAsync(EndOf(10, 12)); // two working days left
        await h.AdvanceToAsync(EndOf(10, 14)); // overdue

        Assert.Equal(3, (await h.NoticesOfKindAsync(dispute.Id, "reminder")).Count);
        var escalations = await h.NoticesOfKindAsync(dispute.Id, "escalation");
        Assert.Contains(escalations, n => n.RecipientUser == "dsj-chief");
        Assert.Contains(escalations, n => n.RecipientDepartment == "minzheng");
        Assert.Contains(escalations, n => n.RecipientDepartment == "gongan");
        Assert.Equal(office.Id, (await h.OpenTaskAsync(dispute.Id, "decideTier")).Id); // only the office can settle it: the task stays
        Assert.Equal(1, (await h.DisputeAsync(dispute.Id)).OverdueTiers);

        // The office is the only tier: it cannot pass the dispute on.
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.DecideAsync(office.Id, new DisputeDecision("passOn", "请上级决定"), Officer, CancellationToken.None));
        Assert.Contains("last tier", error.Message, StringComparison.Ordinal);
        var unchanged = await h.DisputeAsync(dispute.Id);
        Assert.Equal((DisputeStatus.Coordinating, 0, 0), (unchanged.Status, unchanged.TierIndex, unchanged.PassOnReasons.Count));

        // Only what was disputed can be granted; the refusal names the item beside the items chosen.
        var outside = await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.DecideAsync(office.Id, new DisputeDecision("grant", "一并共享住址", ["姓名", "住址"]), Officer, CancellationToken.None));
        Assert.Equal(("items", "住址 are not in dispute."), (outside.Field, outside.Message));
        Assert.Equal(DisputeStatus.Coordinating, (await h.DisputeAsync(dispute.Id)).Status);

        await h.Disputes.DecideAsync(office.Id, new DisputeDecision("grant", "低保核查仅需核对姓名，公民身份号码由申请人自行提供", ["姓名"]), Officer, CancellationToken.None);

        var settled = await h.DisputeAsync(dispute.Id);
        Assert.Equal((DisputeOutcome.PartiallyGranted, 0, "共享主管部门"), (settled.Outcome, settled.SettledAtTier, settled.SettledBy));
        var grant = Assert.Single(await h.GrantsOfAsync(application.Id));
        Assert.Equal(["姓名"], grant.Items);
        Assert.NotNull(grant.AgreementId);
        Assert.Contains("第二十条", Assert.Single(await h.FilingsAsync(dispute.Id)).Article, StringComparison.Ordinal);
        // The application no longer reads "in dispute": its refusal stands, and the settlement is the dispute's.
        Assert.Equal(SharingStatus.DisputeSettled, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
        Assert.Equal(InstanceStatus.Completed, await h.InstanceStatusAsync(dispute.Id));
        Assert.Equal(InstanceStatus.Completed, await h.InstanceStatusAsync(application.Id)); // the application's process ends with its dispute
    }

    [Fact]
    public async Task Fuzhou_art19_the_office_is_the_only_tier_and_settles_in_writing()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var application = await h.ApplyAsync();
        await h.Sharing.AnswerAsync((await h.OpenTaskAsync(application.Id, "review")).Id, new SharingAnswer("refuse", Reasons: "数据项超出核查所需"), Reviewer, CancellationToken.None);
        await h.Sharing.AnswerRefusalAsync((await h.OpenTaskAsync(application.Id, "answerRefusal")).Id, dispute: true, "申请协调", Clerk, CancellationToken.None);
        var dispute = Assert.Single(await h.Disputes.ForApplicationAsync(application.Id, CancellationToken.None));
        Assert.Equal(["dsj"], dispute.TierDepartments);
        await h.Disputes.NegotiateAsync((await h.OpenTaskAsync(dispute.Id, "negotiate")).Id, new NegotiationAnswer(false, Reasons: "维持原答复"), Reviewer, CancellationToken.None);

        var office = await h.OpenTaskAsync(dispute.Id, "decideTier");
        Assert.Equal(("dsj", Roles.CoordinatingOffice), (office.CandidateDepartment, office.CandidateRole));
        await Assert.ThrowsAsync<DomainException>(() => h.Disputes.DecideAsync(office.Id, new DisputeDecision("passOn", "请上级决定"), Officer, CancellationToken.None));
        await h.Disputes.DecideAsync(office.Id, new DisputeDecision("uphold", "申请数据项确超出低保核查所需，维持提供部门答复"), Officer, CancellationToken.None);

        Assert.Contains("第十九条", Assert.Single(await h.FilingsAsync(dispute.Id)).Article, StringComparison.Ordinal);
        Assert.Empty(await h.GrantsOfAsync(application.Id));
        Assert.Equal(SharingStatus.DisputeSettled, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
        Assert.Equal(InstanceStatus.Completed, await h.InstanceStatusAsync(dispute.Id));
    }

    [Fact]
    public async Task Hebei_ten_office_then_office_with_staffing_and_secrecy_departments()
    {
        await using var h = await CreateAsync(PolicyProfiles.Hebei);
        await h.SeedCoordinatingBodiesAsync();
        var dispute = await h.Disputes.FileAsync(ClassifiedNeed, Clerk, CancellationToken.None);
        Assert.Equal(["dsj", "dsj"], dispute.TierDepartments);
        await h.Disputes.NegotiateAsync((await h.OpenTaskAsync(dispute.Id, "negotiate")).Id, new NegotiationAnswer(false, Reasons: "不能协商一致"), Reviewer, CancellationToken.None);
        var first = await h.OpenTaskAsync(dispute.Id, "decideTier");
        Assert.Equal(("dsj", Roles.CoordinatingOffice, new DateOnly(2026, 10, 14)), (first.CandidateDepartment, first.CandidateRole, first.DueDate));

        // The office decides together with the staffing and secrecy departments: passing on needs them named.
        var unnamed = await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.DecideAsync(first.Id, new DisputeDecision("passOn", "经协调仍不能达成一致"), Officer, CancellationToken.None));
        Assert.Contains("机构编制", unnamed.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.DecideAsync(first.Id, new DisputeDecision("passOn", "经协调仍不能达成一致", JointDepartments: ["bianban", "gongan"]), Officer, CancellationToken.None));

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 28, 10, 0, 0, China));
        await h.Disputes.DecideAsync(first.Id, new DisputeDecision("passOn", "经协调仍不能达成一致", JointDepartments: ["bianban", "baomi"]), Officer, CancellationToken.None);

        // 会同: each joint department's principal gives its opinion first, within the tier's period; the office's step
        // opens once every one has.
        var open = await h.Engine.GetOpenTasksAsync(dispute.Id, CancellationToken.None);
        Assert.DoesNotContain(open, t => t.ElementId == "decideTier");
        var opinions = open.Where(t => t.ElementId == "jointOpinion").ToDictionary(t => t.CandidateDepartment!);
        Assert.Equal(["baomi", "bianban"], opinions.Keys.Order(StringComparer.Ordinal));
        Assert.All(opinions.Values, t => Assert.Equal((Roles.Supervisor, new DateOnly(2026, 10, 16)), (t.CandidateRole, t.DueDate)));
        var bianbanChief = new User("bianban-chief", "编办主任", "bianban", [Roles.Supervisor]);
        var baomiChief = new User("baomi-chief", "保密局局长", "baomi", [Roles.Supervisor]);
        await Assert.ThrowsAnyAsync<DomainException>(() =>
            h.Disputes.GiveJointOpinionAsync(opinions["bianban"].Id, new JointOpinion("agree", "同意"), baomiChief, CancellationToken.None));
        var bare = await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.GiveJointOpinionAsync(opinions["baomi"].Id, new JointOpinion("disagree", " "), baomiChief, CancellationToken.None));
        Assert.Equal("opinion", bare.Field);
        await h.Disputes.GiveJointOpinionAsync(opinions["bianban"].Id, new JointOpinion("agree", "同意，限于汇总数"), bianbanChief, CancellationToken.None);
        Assert.DoesNotContain(await h.Engine.GetOpenTasksAsync(dispute.Id, CancellationToken.None), t => t.ElementId == "decideTier");
        await h.Disputes.GiveJointOpinionAsync(opinions["baomi"].Id, new JointOpinion("agree", "须先脱密处理"), baomiChief, CancellationToken.None);
        var said = (await h.Engine.GetHistoryAsync(dispute.Id, CancellationToken.None)).Where(e => e.Kind == "task-completed" && e.ElementId == "jointOpinion");
        Assert.Equal([("bianban-chief", "agree", "同意，限于汇总数"), ("baomi-chief", "agree", "须先脱密处理")], said.Select(e => (e.Actor, e.Outcome, e.Comment)));

        // From Monday 09-28: 09-29, 30, 10-08, 09, 10, 12, 13, 14, 15, 16.
        var joint = await h.OpenTaskAsync(dispute.Id, "decideTier");
        Assert.NotEqual(first.Id, joint.Id);
        Assert.Equal(("dsj", Roles.CoordinatingOffice, new DateOnly(2026, 10, 16)), (joint.CandidateDepartment, joint.CandidateRole, joint.DueDate));
        var asked = (await h.NoticesOfKindAsync(dispute.Id, "dispute")).Where(n => n.Subject.StartsWith("请会同", StringComparison.Ordinal)).ToList();
        Assert.Equal(["baomi", "baomi", "bianban", "bianban"], asked.Select(n => n.RecipientDepartment).Order(StringComparer.Ordinal));
        Assert.Contains(asked, n => n.RecipientUser == "bianban-chief");
        Assert.Contains(asked, n => n.RecipientUser == "baomi-chief");

        await h.Disputes.DecideAsync(joint.Id, new DisputeDecision("grant", "经会同编制、保密部门协商，脱密处理后可共享", Conditions: "仅共享脱密后的汇总数"), Officer, CancellationToken.None);

        var settled = await h.DisputeAsync(dispute.Id);
        Assert.Equal((DisputeOutcome.Granted, 1, "共享主管部门会同机构编制和保密部门"), (settled.Outcome, settled.SettledAtTier, settled.SettledBy));
        Assert.Equal(["bianban", "baomi"], settled.JointDepartments);
        var filing = Assert.Single(await h.FilingsAsync(dispute.Id));
        Assert.Contains("会同 bianban、baomi", filing.Summary, StringComparison.Ordinal);
        Assert.Contains("（十）", filing.Article, StringComparison.Ordinal);
        var told = (await h.NoticesOfKindAsync(dispute.Id, "decision")).Select(n => n.RecipientDepartment).ToHashSet();
        Assert.Superset(new HashSet<string> { "minzheng", "gongan", "bianban", "baomi" }, told);
        Assert.Single(await h.GrantsOfAsync(dispute.Id));
    }

    [Fact]
    public async Task Hebei_ten_joint_departments_yet_to_give_their_opinion_are_reminded_and_the_office_told_when_it_is_late()
    {
        await using var h = await CreateAsync(PolicyProfiles.Hebei);
        await h.SeedCoordinatingBodiesAsync();
        var dispute = await h.Disputes.FileAsync(ClassifiedNeed, Clerk, CancellationToken.None);
        await h.Disputes.NegotiateAsync((await h.OpenTaskAsync(dispute.Id, "negotiate")).Id, new NegotiationAnswer(false, Reasons: "不能协商一致"), Reviewer, CancellationToken.None);
        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 28, 10, 0, 0, China));
        await h.Disputes.DecideAsync((await h.OpenTaskAsync(dispute.Id, "decideTier")).Id, new DisputeDecision("passOn", "经协调仍不能达成一致", JointDepartments: ["bianban", "baomi"]), Officer, CancellationToken.None);
        var opinions = (await h.Engine.GetOpenTasksAsync(dispute.Id, CancellationToken.None)).Where(t => t.ElementId == "jointOpinion").ToDictionary(t => t.CandidateDepartment!);
        var bianbanChief = new User("bianban-chief", "编办主任", "bianban", [Roles.Supervisor]);

        // 编办 answers on 10-09; 保密局 does not. Ten working days from Monday 09-28: half are used at the end of 10-10 (the
        // make-up Saturday), two are left at the end of 10-14, and the period ends with 10-16.
        await h.AdvanceToAsync(new DateTimeOffset(2026, 10, 9, 10, 0, 0, China));
        Assert.Empty(await h.NoticesOfKindAsync(dispute.Id, "reminder"));
        await h.Disputes.GiveJointOpinionAsync(opinions["bianban"].Id, new JointOpinion("agree", "同意"), bianbanChief, CancellationToken.None);

        await h.AdvanceToAsync(EndOf(10, 10));
        var halfway = Assert.Single(await h.NoticesOfKindAsync(dispute.Id, "reminder"));
        Assert.Equal(("baomi", Roles.Supervisor, (string?)null), (halfway.RecipientDepartment, halfway.RecipientRole, halfway.RecipientUser));
        Assert.Contains("会同意见期限已过半", halfway.Subject, StringComparison.Ordinal);

        // Once the principal has taken the task, the reminder goes to the principal in person.
        await h.Engine.ClaimTaskAsync(opinions["baomi"].Id, "baomi-chief", CancellationToken.None);
        await h.AdvanceToAsync(EndOf(10, 14));
        var reminders = await h.NoticesOfKindAsync(dispute.Id, "reminder");
        Assert.Equal(2, reminders.Count);
        var dueSoon = Assert.Single(reminders, n => n.Subject.Contains("两个工作日后到期", StringComparison.Ordinal));
        Assert.Equal(("baomi", "baomi-chief"), (dueSoon.RecipientDepartment, dueSoon.RecipientUser));
        Assert.DoesNotContain(reminders, n => n.RecipientDepartment == "bianban");

        // The period ends with an opinion missing: the office is told which department is late, 保密局's principal is told
        // to answer, the task stays with 保密局, and no reminder follows.
        await h.AdvanceToAsync(EndOf(10, 16));
        var late = (await h.NoticesOfKindAsync(dispute.Id, "escalation")).Where(n => n.Subject.Contains("会同意见逾期", StringComparison.Ordinal)).ToList();
        var office = Assert.Single(late, n => n.RecipientDepartment == "dsj");
        Assert.Equal(Roles.CoordinatingOffice, office.RecipientRole);
        Assert.Contains("市国家保密局未在期限内提出会同意见", office.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("编制", office.Body, StringComparison.Ordinal);
        var principal = Assert.Single(late, n => n.RecipientDepartment != "dsj");
        Assert.Equal(("baomi", "baomi-chief"), (principal.RecipientDepartment, principal.RecipientUser));
        Assert.Equal(2, (await h.NoticesOfKindAsync(dispute.Id, "reminder")).Count);
        Assert.Equal(opinions["baomi"].Id, (await h.OpenTaskAsync(dispute.Id, "jointOpinion")).Id);
        Assert.DoesNotContain(await h.Engine.GetOpenTasksAsync(dispute.Id, CancellationToken.None), t => t.ElementId == "decideTier");

        await h.Disputes.GiveJointOpinionAsync(opinions["baomi"].Id, new JointOpinion("agree", "须先脱密处理"), new User("baomi-chief", "保密局局长", "baomi", [Roles.Supervisor]), CancellationToken.None);
        Assert.Equal("dsj", (await h.OpenTaskAsync(dispute.Id, "decideTier")).CandidateDepartment);
    }
}
