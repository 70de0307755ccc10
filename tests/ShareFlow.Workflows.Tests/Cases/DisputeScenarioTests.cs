using Microsoft.EntityFrameworkCore;
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

/// <summary>The sharing dispute's other paths, and the input it refuses (with a clear message and no change of state).</summary>
public sealed class DisputeScenarioTests
{
    [Fact(DisplayName = "A clerk disputes a refusal from the dispute form; the provider agrees in negotiation and access is granted")]
    public async Task FileAsync_RefusedApplication_NegotiatedAgreementGrantsAndFiles()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var application = await h.ApplyAsync("姓名", "公民身份号码", "户籍地址");
        await h.Sharing.AnswerAsync((await h.OpenTaskAsync(application.Id, "review")).Id, new SharingAnswer("refuse", Reasons: "未说明具体用途"), Reviewer, CancellationToken.None);

        var dispute = await h.Disputes.FileAsync(new FileDispute(null, null, null, "低保资格核查须比对户籍信息，已补充用途说明", application.Id), Clerk, CancellationToken.None);

        // Filing the dispute answered the refusal: the application is disputed and its process waits for the dispute.
        Assert.Equal(SharingStatus.Disputed, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
        Assert.Empty(await h.OpenTasksAsync(application.Id));
        Assert.Equal(("低保资格核查须比对户籍信息，已补充用途说明", "minzheng-clerk"), (dispute.Reasons, dispute.Applicant));
        Assert.Equal(["姓名", "公民身份号码", "户籍地址"], dispute.RequestedItems);
        // Fuzhou: answered within the fifteen working days of art. 18, to 10-21.
        var negotiate = await h.OpenTaskAsync(dispute.Id, "negotiate");
        Assert.Equal(new DateOnly(2026, 10, 21), negotiate.DueDate);

        await h.Disputes.NegotiateAsync(negotiate.Id, new NegotiationAnswer(true, ["姓名", "公民身份号码"], "仅限低保审核使用", "户籍地址不属核查所需"), Reviewer, CancellationToken.None);

        var settled = await h.DisputeAsync(dispute.Id);
        Assert.Equal((DisputeStatus.Settled, DisputeOutcome.PartiallyGranted, Dispute.NegotiationStage, "双方协商一致"), (settled.Status, settled.Outcome, settled.SettledAtTier, settled.SettledBy));
        var grant = Assert.Single(await h.GrantsOfAsync(application.Id));
        Assert.Equal(["姓名", "公民身份号码"], grant.Items);
        Assert.Equal("仅限低保审核使用", grant.Conditions);
        var agreement = await h.QueryAsync(db => db.SecurityAgreements.AsNoTracking().SingleAsync(a => a.Id == grant.AgreementId));
        Assert.Contains("仅限低保审核使用", agreement.Terms, StringComparison.Ordinal);
        var filing = Assert.Single(await h.FilingsAsync(dispute.Id));
        Assert.Equal(("dispute-settlement", "gongan"), (filing.Kind, filing.Department));
        Assert.Contains("第十九条", filing.Article, StringComparison.Ordinal);
        Assert.Empty(await h.Engine.GetOpenTasksAsync(dispute.Id, CancellationToken.None));
        Assert.Equal(InstanceStatus.Completed, await h.InstanceStatusAsync(application.Id));
        Assert.Equal(SharingStatus.DisputeSettled, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
        Assert.Contains(await h.NoticesOfKindAsync(dispute.Id, "decision"), n => n.RecipientDepartment == "dsj" && n.RecipientRole == Roles.CoordinatingOffice);
    }

    [Fact]
    public async Task AnswerRefusalAsync_Accepted_StartsNoDispute()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var application = await h.ApplyAsync();
        await h.Sharing.AnswerAsync((await h.OpenTaskAsync(application.Id, "review")).Id, new SharingAnswer("refuse", Reasons: "与职责无关"), Reviewer, CancellationToken.None);

        await h.Sharing.AnswerRefusalAsync((await h.OpenTaskAsync(application.Id, "answerRefusal")).Id, dispute: false, "接受", Clerk, CancellationToken.None);

        Assert.Equal(SharingStatus.RefusalAccepted, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
        Assert.Empty(await h.Disputes.ForApplicationAsync(application.Id, CancellationToken.None));
        Assert.Equal(InstanceStatus.Completed, await h.InstanceStatusAsync(application.Id));
        await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.FileAsync(new FileDispute(null, null, null, "改变主意", application.Id), Clerk, CancellationToken.None));
    }

    [Fact]
    public async Task DecideAsync_SettlementWithoutReasons_IsRejectedAndNothingChanges()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var dispute = await h.Disputes.FileAsync(ClassifiedNeed, Clerk, CancellationToken.None);
        await h.Disputes.NegotiateAsync((await h.OpenTaskAsync(dispute.Id, "negotiate")).Id, new NegotiationAnswer(false, Reasons: "依法不予共享"), Reviewer, CancellationToken.None);
        var office = await h.OpenTaskAsync(dispute.Id, "decideTier");

        foreach (var decision in new[] { "grant", "uphold" })
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => h.Disputes.DecideAsync(office.Id, new DisputeDecision(decision, "  "), Officer, CancellationToken.None));
            Assert.Contains("处理决定须说明理由", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(office.Id, (await h.OpenTaskAsync(dispute.Id, "decideTier")).Id);
        var unchanged = await h.DisputeAsync(dispute.Id);
        Assert.Equal((DisputeStatus.Coordinating, (DisputeOutcome?)null), (unchanged.Status, unchanged.Outcome));
        Assert.Empty(await h.GrantsOfAsync(dispute.Id));
        Assert.Empty(await h.FilingsAsync(dispute.Id));
        await Assert.ThrowsAsync<DomainException>(() => h.Disputes.DecideAsync(office.Id, new DisputeDecision("decline", "理由"), Officer, CancellationToken.None));
        await Assert.ThrowsAsync<DomainException>(() => h.Disputes.DecideAsync(office.Id, new DisputeDecision("grant", "理由", ["银行账户"]), Officer, CancellationToken.None));
    }

    [Fact]
    public async Task NegotiateAsync_DisagreementWithoutReasons_IsRejected()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var dispute = await h.Disputes.FileAsync(ClassifiedNeed, Clerk, CancellationToken.None);
        var negotiate = await h.OpenTaskAsync(dispute.Id, "negotiate");

        await Assert.ThrowsAsync<DomainException>(() => h.Disputes.NegotiateAsync(negotiate.Id, new NegotiationAnswer(false), Reviewer, CancellationToken.None));

        Assert.Equal(DisputeStatus.Negotiating, (await h.DisputeAsync(dispute.Id)).Status);
        Assert.Equal(negotiate.Id, (await h.OpenTaskAsync(dispute.Id, "negotiate")).Id);
    }

    [Fact]
    public async Task Someone_outside_the_two_departments_cannot_act_on_the_dispute()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var dispute = await h.Disputes.FileAsync(ClassifiedNeed, Clerk, CancellationToken.None);
        var negotiate = await h.OpenTaskAsync(dispute.Id, "negotiate");

        // Another department's reviewer, and the requesting clerk itself, cannot answer for the provider.
        await Assert.ThrowsAsync<DomainException>(() => h.Disputes.NegotiateAsync(negotiate.Id, new NegotiationAnswer(true), OtherReviewer, CancellationToken.None));
        await Assert.ThrowsAsync<DomainException>(() => h.Disputes.NegotiateAsync(negotiate.Id, new NegotiationAnswer(true), Clerk, CancellationToken.None));
        Assert.Equal(DisputeStatus.Negotiating, (await h.DisputeAsync(dispute.Id)).Status);
        Assert.Empty(await h.GrantsOfAsync(dispute.Id));

        await h.Disputes.NegotiateAsync(negotiate.Id, new NegotiationAnswer(false, Reasons: "依法不予共享"), Reviewer, CancellationToken.None);
        var office = await h.OpenTaskAsync(dispute.Id, "decideTier");

        // Neither party decides the office's tier, nor does a third department.
        foreach (var user in new[] { Reviewer, Clerk, OtherClerk })
        {
            await Assert.ThrowsAsync<DomainException>(() => h.Disputes.DecideAsync(office.Id, new DisputeDecision("grant", "自行决定"), user, CancellationToken.None));
        }

        Assert.Equal(DisputeStatus.Coordinating, (await h.DisputeAsync(dispute.Id)).Status);

        // Only a requesting clerk (使用部门经办人) opens a dispute.
        await Assert.ThrowsAsync<DomainException>(() => h.Disputes.FileAsync(ClassifiedNeed, Reviewer, CancellationToken.None));
    }

    [Fact]
    public async Task FileAsync_ApplicationOfAnotherDepartment_IsRejected()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var application = await h.ApplyAsync();
        await h.Sharing.AnswerAsync((await h.OpenTaskAsync(application.Id, "review")).Id, new SharingAnswer("refuse", Reasons: "与职责无关"), Reviewer, CancellationToken.None);

        await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.FileAsync(new FileDispute(null, null, null, "教育局代为申请", application.Id), OtherClerk, CancellationToken.None));

        Assert.Equal(SharingStatus.Refused, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
        Assert.Empty(await h.Disputes.ForApplicationAsync(application.Id, CancellationToken.None));
        Assert.Equal("answerRefusal", (await h.OpenTaskAsync(application.Id, "answerRefusal")).ElementId);
    }

    [Fact]
    public async Task FileAsync_DataThatNeedsNoDispute_IsRejected()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);

        var conditional = await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.FileAsync(new FileDispute(Household, ["姓名"], "低保核查", "需要"), Clerk, CancellationToken.None));
        var unconditional = await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.FileAsync(new FileDispute(Map, ["道路"], "选址", "需要"), Clerk, CancellationToken.None));
        var noReasons = await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.FileAsync(ClassifiedNeed with { Reasons = null }, Clerk, CancellationToken.None));
        var unknownItem = await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.FileAsync(ClassifiedNeed with { Items = ["分区人口", "涉密单位名录"] }, Clerk, CancellationToken.None));

        Assert.Contains("apply for it first", conditional.Message, StringComparison.Ordinal);
        Assert.Contains("unconditionally", unconditional.Message, StringComparison.Ordinal);
        Assert.Contains("争议事由", noReasons.Message, StringComparison.Ordinal);
        Assert.Contains("涉密单位名录", unknownItem.Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.QueryAsync(db => db.Disputes.CountAsync()));
        Assert.Equal(0, await h.QueryAsync(db => db.ProcessInstances.CountAsync()));
    }

    [Fact]
    public async Task FileAsync_TierBodyNotRegistered_StopsTheFilingWithItsName()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing); // no leading group registered

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Disputes.FileAsync(ClassifiedNeed, Clerk, CancellationToken.None));

        Assert.Contains("领导小组", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.QueryAsync(db => db.ProcessInstances.CountAsync()));
    }

    [Fact]
    public async Task DecideAsync_PassingOnFromTheTopTier_IsRejected()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);
        await h.SeedCoordinatingBodiesAsync();
        var dispute = await h.Disputes.FileAsync(ClassifiedNeed, Clerk, CancellationToken.None);
        await h.Disputes.NegotiateAsync((await h.OpenTaskAsync(dispute.Id, "negotiate")).Id, new NegotiationAnswer(false, Reasons: "不同意"), Reviewer, CancellationToken.None);
        await h.Disputes.DecideAsync((await h.OpenTaskAsync(dispute.Id, "decideTier")).Id, new DisputeDecision("passOn", "协调不成"), Officer, CancellationToken.None);
        var government = await h.OpenTaskAsync(dispute.Id, "decideTier");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            h.Disputes.DecideAsync(government.Id, new DisputeDecision("passOn", "再议"), CityGovernmentOfficer, CancellationToken.None));

        Assert.Contains("last tier", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, DisputeStatus.Coordinating), ((await h.DisputeAsync(dispute.Id)).TierIndex, (await h.DisputeAsync(dispute.Id)).Status));
        Assert.Equal(government.Id, (await h.OpenTaskAsync(dispute.Id, "decideTier")).Id);
    }
}
