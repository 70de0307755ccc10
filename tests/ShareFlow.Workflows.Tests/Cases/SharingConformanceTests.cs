using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Policy;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Runtime;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;

namespace ShareFlow.Workflows.Tests.Cases;

/// <summary>
/// One test per row of the profile table for the sharing answer, named after the article it follows, on the real engine
/// with the simulated clock. Applications are filed on Wednesday 2026-09-23; the working days after it are
/// 09-24, 09-28, 09-29, 09-30, 10-08 (5), 10-09, 10-10 (make-up Saturday), 10-12, 10-13, 10-14 (10), 10-15, 10-16, 10-19,
/// 10-20, 10-21 (15): the Mid-Autumn break and National Day are skipped, the make-up Saturday counts.
/// </summary>
public sealed class SharingConformanceTests
{
    [Fact]
    public async Task Fuzhou_art18_answer_within_15_working_days_then_the_office_takes_over()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var application = await h.ApplyAsync();

        var review = await h.OpenTaskAsync(application.Id, "review");
        Assert.Equal(new DateOnly(2026, 10, 21), review.DueDate);
        Assert.Equal(("gongan", Roles.ProviderReviewer), (review.CandidateDepartment, review.CandidateRole));

        // Half of fifteen working days (eight) is used at the end of 10-12; two working days before the end is 10-19.
        await h.AdvanceToAsync(EndOf(10, 12));
        await h.AdvanceToAsync(EndOf(10, 19));
        var reminders = (await h.NoticesAsync(application.Id)).Where(n => n.Kind == "reminder").ToList();
        Assert.Equal(3, reminders.Count);
        Assert.All(reminders, n => Assert.Equal("gongan", n.RecipientDepartment));
        Assert.Contains(reminders, n => n.RecipientUser == "gongan-chief");
        Assert.Equal(UserTaskStatusOpen, (await h.OpenTaskAsync(application.Id, "review")).Status);

        await h.AdvanceToAsync(EndOf(10, 21));

        var coordinate = await h.OpenTaskAsync(application.Id, "coordinate");
        Assert.Equal(("dsj", Roles.CoordinatingOffice), (coordinate.CandidateDepartment, coordinate.CandidateRole));
        Assert.DoesNotContain(await h.Engine.GetOpenTasksAsync(application.Id, CancellationToken.None), t => t.ElementId == "review");
        Assert.Equal(SharingStatus.Escalated, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
        var escalations = (await h.NoticesAsync(application.Id)).Where(n => n.Kind == "escalation").ToList();
        Assert.Contains(escalations, n => n.RecipientUser == "gongan-chief");
        Assert.Contains(escalations, n => n.RecipientUser == "minzheng-chief");
        Assert.Contains(escalations, n => n.RecipientDepartment == "dsj" && n.RecipientRole == Roles.CoordinatingOffice);
    }

    [Theory]
    [InlineData(PolicyProfiles.Lanzhou)] // 兰州 art. 20: 10 working days
    [InlineData(PolicyProfiles.Beijing)] // 北京 art. 17: 10 working days
    [InlineData(PolicyProfiles.Hebei)] // 河北 (十) sets none: the default, 10 working days
    public async Task Lanzhou_art20_Beijing_art17_Hebei_default_answer_within_10_working_days(string profile)
    {
        await using var h = await CreateAsync(profile);
        var application = await h.ApplyAsync();

        Assert.Equal(new DateOnly(2026, 10, 14), (await h.OpenTaskAsync(application.Id, "review")).DueDate);
        Assert.Empty(await h.NoticesAsync(application.Id));
        await h.AdvanceToAsync(EndOf(10, 14));
        Assert.Equal("coordinate", (await h.OpenTaskAsync(application.Id, "coordinate")).ElementId);
    }

    [Fact]
    public async Task Shenyang_art25_overdue_answer_counts_as_consent()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);
        var application = await h.ApplyAsync("姓名", "公民身份号码", "户籍地址");
        Assert.Equal(new DateOnly(2026, 10, 8), (await h.OpenTaskAsync(application.Id, "review")).DueDate);

        await h.AdvanceToAsync(EndOf(10, 8));

        var decided = await h.Sharing.GetAsync(application.Id, CancellationToken.None);
        Assert.Equal((SharingStatus.Approved, SharingDecision.DeemedConsent, true), (decided.Status, decided.Decision, decided.IsSystemDecision));
        Assert.Contains("第二十五条", decided.Article, StringComparison.Ordinal);
        Assert.Equal(["姓名", "公民身份号码", "户籍地址"], decided.ApprovedItems);
        var grant = await h.QueryAsync(db => db.Grants.AsNoTracking().SingleAsync(g => g.ApplicationId == application.Id));
        Assert.True(grant.IsSystemDecision);
        Assert.Equal("minzheng", grant.GranteeDepartment);
        var told = (await h.NoticesAsync(application.Id)).Where(n => n.Kind == "system-decision").Select(n => n.RecipientDepartment).Order().ToList();
        Assert.Equal(["dsj", "gongan", "minzheng"], told);
        Assert.Empty(await h.Engine.GetOpenTasksAsync(application.Id, CancellationToken.None));
        Assert.Equal(InstanceStatus.Completed, (await h.Engine.GetInstanceAsync(application.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Fuzhou_art18_refusal_needs_written_reasons_and_is_filed()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var application = await h.ApplyAsync();
        var review = await h.OpenTaskAsync(application.Id, "review");

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Sharing.AnswerAsync(review.Id, new SharingAnswer("refuse"), Reviewer, CancellationToken.None));

        Assert.Contains("书面理由", error.Message, StringComparison.Ordinal);
        Assert.Equal(review.Id, (await h.OpenTaskAsync(application.Id, "review")).Id);
        Assert.Equal(SharingStatus.UnderReview, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);

        await h.Sharing.AnswerAsync(review.Id, new SharingAnswer("refuse", Reasons: "申请事项与所述职责无关"), Reviewer, CancellationToken.None);

        var refused = await h.Sharing.GetAsync(application.Id, CancellationToken.None);
        Assert.Equal((SharingStatus.Refused, "申请事项与所述职责无关", "gongan-reviewer"), (refused.Status, refused.Reasons, refused.DecidedBy));
        var filing = await h.QueryAsync(db => db.Filings.AsNoTracking().SingleAsync(f => f.SubjectId == application.Id));
        Assert.Contains("第十八条", filing.Article, StringComparison.Ordinal);
        Assert.Contains((await h.NoticesAsync(application.Id)), n => n.Kind == "decision" && n.RecipientUser == "minzheng-clerk");
        var answer = await h.OpenTaskAsync(application.Id, "answerRefusal");
        Assert.Equal("minzheng", answer.CandidateDepartment);

        await h.Sharing.AnswerRefusalAsync(answer.Id, dispute: true, "申请协调", Clerk, CancellationToken.None);
        Assert.Equal(SharingStatus.Disputed, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Shenyang_art25_refusal_needs_a_legal_basis()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);
        var application = await h.ApplyAsync();
        var review = await h.OpenTaskAsync(application.Id, "review");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            h.Sharing.AnswerAsync(review.Id, new SharingAnswer("refuse", Reasons: "涉及个人隐私"), Reviewer, CancellationToken.None));
        Assert.Contains("法律、法规或规章依据", error.Message, StringComparison.Ordinal);

        await h.Sharing.AnswerAsync(review.Id, new SharingAnswer("refuse", Reasons: "涉及个人隐私", LegalBasis: "《中华人民共和国个人信息保护法》第三十四条"), Reviewer, CancellationToken.None);
        Assert.Equal(SharingStatus.Refused, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Lanzhou_art20_refusal_must_say_why()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        var application = await h.ApplyAsync();
        var review = await h.OpenTaskAsync(application.Id, "review");

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Sharing.AnswerAsync(review.Id, new SharingAnswer("refuse", Reasons: " "), Reviewer, CancellationToken.None));

        Assert.Equal("reasons", error.Field);
        Assert.Equal(SharingStatus.UnderReview, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
        await h.Sharing.AnswerAsync(review.Id, new SharingAnswer("refuse", Reasons: "该数据正在更新，暂不具备共享条件"), Reviewer, CancellationToken.None);
        Assert.Equal(SharingStatus.Refused, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
    }

    [Theory]
    [InlineData(PolicyProfiles.Beijing)] // 北京 art. 17 prescribes no form for the answer
    [InlineData(PolicyProfiles.Hebei)] // 河北 (十) neither
    public async Task Beijing_art17_Hebei_ten_set_no_form_for_a_refusal(string profile)
    {
        await using var h = await CreateAsync(profile);
        var application = await h.ApplyAsync();

        await h.Sharing.AnswerAsync((await h.OpenTaskAsync(application.Id, "review")).Id, new SharingAnswer("refuse"), Reviewer, CancellationToken.None);

        Assert.Equal(SharingStatus.Refused, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Fuzhou_art18_art31_approval_grants_records_the_agreement_and_files()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var application = await h.ApplyAsync("姓名", "公民身份号码", "户籍地址");

        await h.Sharing.AnswerAsync((await h.OpenTaskAsync(application.Id, "review")).Id,
            new SharingAnswer("approve", ["姓名", "公民身份号码"], "仅限低保审核使用", "户籍地址超出低保核查所需"), Reviewer, CancellationToken.None);

        var approved = await h.Sharing.GetAsync(application.Id, CancellationToken.None);
        Assert.Equal((SharingStatus.Approved, SharingDecision.PartiallyApproved), (approved.Status, approved.Decision));
        var grant = await h.QueryAsync(db => db.Grants.AsNoTracking().SingleAsync(g => g.ApplicationId == application.Id));
        Assert.Equal(["姓名", "公民身份号码"], grant.Items);
        Assert.Equal("仅限低保审核使用", grant.Conditions);
        var agreement = await h.QueryAsync(db => db.SecurityAgreements.AsNoTracking().SingleAsync(a => a.ApplicationId == application.Id));
        Assert.Equal(agreement.Id, grant.AgreementId);
        Assert.Single(await h.QueryAsync(db => db.Filings.AsNoTracking().Where(f => f.SubjectId == application.Id).ToListAsync()));
        Assert.Equal(InstanceStatus.Completed, (await h.Engine.GetInstanceAsync(application.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Fuzhou_art5_unconditional_data_is_granted_at_once_as_a_system_decision()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);

        var application = await h.Sharing.SubmitAsync(new SubmitSharingApplication(Map, ["行政区划"], "救助站点选址", "地图展示"), Clerk, CancellationToken.None);

        Assert.Equal((SharingStatus.Approved, SharingDecision.AutomaticGrant, true), (application.Status, application.Decision, application.IsSystemDecision));
        Assert.Contains("第五条", application.Article, StringComparison.Ordinal);
        Assert.Empty(await h.Engine.GetOpenTasksAsync(application.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Fuzhou_art5_not_shared_data_cannot_be_applied_for()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            h.Sharing.SubmitAsync(new SubmitSharingApplication(Classified, ["分区人口"], "统计分析", null), Clerk, CancellationToken.None));

        Assert.Contains("dispute", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.QueryAsync(db => db.SharingApplications.CountAsync()));
        Assert.Equal(0, await h.QueryAsync(db => db.ProcessInstances.CountAsync()));
    }

    [Fact]
    public async Task Lanzhou_art26_items_the_resource_does_not_have_are_rejected()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);

        var error = await Assert.ThrowsAsync<DomainException>(() => h.ApplyAsync("姓名", "银行账户"));

        Assert.Contains("银行账户", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.QueryAsync(db => db.ProcessInstances.CountAsync()));
    }

    [Fact]
    public async Task Fuzhou_art18_supplement_stops_the_clock_and_resumes_with_the_days_left()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var application = await h.ApplyAsync();
        var review = await h.OpenTaskAsync(application.Id, "review");
        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 29, 10, 0, 0, TimeSpan.FromHours(8))); // Tuesday: 09-24, 09-28, 09-29 used

        await h.Sharing.ReturnForSupplementAsync(review.Id, "请补充低保申请人名单", Reviewer, CancellationToken.None);

        Assert.Equal(SharingStatus.ReturnedForSupplement, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
        Assert.Equal(0, await h.AdvanceToAsync(EndOf(10, 30))); // a month passes: nothing fires while the case is with the requester
        await Assert.ThrowsAsync<DomainException>(() => h.Sharing.ResubmitAsync(application.Id, null, OtherClerk, CancellationToken.None));

        await h.Sharing.ResubmitAsync(application.Id, "名单已补充", Clerk, CancellationToken.None);

        // Due 10-21 and returned on 09-29: 09-30 .. 10-21 leaves twelve working days, counted from Saturday 10-31.
        var resumed = await h.OpenTaskAsync(application.Id, "review");
        Assert.Equal(new DateOnly(2026, 11, 17), resumed.DueDate);
        Assert.Equal(SharingStatus.UnderReview, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Profile_change_applies_to_applications_filed_afterwards()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var before = await h.ApplyAsync();

        var v2 = await h.Profiles.ChangeDaysAsync(PolicyProfiles.Fuzhou, new Dictionary<string, int> { [PolicyProfile.Parameters.SharingAnswerDays] = 12 }, "policy-admin", CancellationToken.None);
        var after = await h.ApplyAsync();

        Assert.Equal(2, v2.Version);
        Assert.Equal(new DateOnly(2026, 10, 21), (await h.OpenTaskAsync(before.Id, "review")).DueDate);
        Assert.Equal(new DateOnly(2026, 10, 16), (await h.OpenTaskAsync(after.Id, "review")).DueDate);
        await Assert.ThrowsAsync<DomainException>(() => h.Profiles.ChangeDaysAsync(PolicyProfiles.Fuzhou, new Dictionary<string, int> { ["sharing.answerWeeks"] = 2 }, "policy-admin", CancellationToken.None));
        Assert.Equal(2, (await h.Profiles.ActiveAsync(CancellationToken.None)).Version);
    }

    private const string UserTaskStatusOpen = "open";
}
