using ShareFlow.Domain;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Policy;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;

namespace ShareFlow.Workflows.Tests.Cases;

/// <summary>
/// One test per row of the profile table for data objections (数据异议), named after the article it follows. The
/// 市民政局 obtained the 公安局's household data and reports doubtful identity numbers on Wednesday 2026-09-23; the
/// provider has objection.verifyDays (10) working days, across the Mid-Autumn break and National Day: due 10-14.
/// </summary>
public sealed class DataObjectionConformanceTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task Fuzhou_art20_objection_report_answered_in_writing_by_the_office()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        await h.GrantHouseholdToMinzhengAsync();

        var objection = await h.ObjectAsync();

        Assert.Equal((ObjectionStatus.UnderVerification, "gongan", false), (objection.Status, objection.ProviderDepartment, objection.CopiedToOffice));
        var verify = await h.OpenTaskAsync(objection.Id, "verify");
        Assert.Equal(("gongan", Roles.ProviderReviewer, new DateOnly(2026, 10, 14)), (verify.CandidateDepartment, verify.CandidateRole, verify.DueDate));
        var reported = await h.NoticesAsync(objection.Id);
        Assert.Contains(reported, n => n.Kind == "objection" && n.RecipientDepartment == "gongan" && n.Body.Contains("校验位错误", StringComparison.Ordinal));
        Assert.DoesNotContain(reported, n => n.RecipientDepartment == "dsj"); // Fuzhou: the office hears of it only when the two cannot agree

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 28, 10, 0, 0, China));
        await h.Objections.VerifyAsync(verify.Id, new VerificationAnswer("noError", "经与户籍系统逐条核对，两条记录的身份号码与户籍原件一致"), Reviewer, CancellationToken.None);

        var confirm = await h.OpenTaskAsync(objection.Id, "confirm");
        Assert.Equal(("minzheng", Roles.RequestingClerk, (DateOnly?)null), (confirm.CandidateDepartment, confirm.CandidateRole, confirm.DueDate));
        Assert.Contains(await h.NoticesOfKindAsync(objection.Id, "decision"), n => n.RecipientUser == "minzheng-clerk" && n.Subject.Contains("经核查数据无误", StringComparison.Ordinal));

        // 如无法核对一致，应当及时书面报告: a disagreement without the written report is refused.
        var noReport = await Assert.ThrowsAsync<DomainException>(() => h.Objections.ConfirmAsync(confirm.Id, accept: false, report: null, Clerk, CancellationToken.None));
        Assert.Contains("书面报告", noReport.Message, StringComparison.Ordinal);
        Assert.Equal("report", noReport.Field);
        Assert.Equal(ObjectionStatus.AwaitingConfirmation, (await h.ObjectionAsync(objection.Id)).Status);

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 29, 10, 0, 0, China));
        await h.Objections.ConfirmAsync(confirm.Id, accept: false, "民政部门调取的户籍原件与共享数据不一致，附比对表", Clerk, CancellationToken.None);

        // The office handles it with the provider: ten working days from Tuesday 09-29 end on 10-19.
        var handle = await h.OpenTaskAsync(objection.Id, "handle");
        Assert.Equal(("dsj", Roles.CoordinatingOffice, new DateOnly(2026, 10, 19)), (handle.CandidateDepartment, handle.CandidateRole, handle.DueDate));
        Assert.Contains(await h.NoticesOfKindAsync(objection.Id, "report"), n => n.RecipientDepartment == "dsj" && n.Body.Contains("附比对表", StringComparison.Ordinal));
        Assert.Equal(ObjectionStatus.ReportedToOffice, (await h.ObjectionAsync(objection.Id)).Status);
        await h.AdvanceToAsync(EndOf(10, 12)); // five of ten working days used (10-10 is a make-up Saturday)
        Assert.Contains(await h.NoticesOfKindAsync(objection.Id, "reminder"), n => n.RecipientDepartment == "dsj");

        await Assert.ThrowsAsync<DomainException>(() => h.Objections.HandleAsync(handle.Id, ObjectionFinding.Corrected, " ", Officer, CancellationToken.None));
        await h.Objections.HandleAsync(handle.Id, ObjectionFinding.Corrected, "经会同市公安局核实，两条记录录入有误，已按户籍原件更正", Officer, CancellationToken.None);

        var closed = await h.ObjectionAsync(objection.Id);
        Assert.Equal((ObjectionStatus.Closed, ObjectionResolution.DecidedByOffice, ObjectionFinding.Corrected, "dsj-officer"), (closed.Status, closed.Resolution, closed.Finding, closed.HandledBy));
        var answers = await h.NoticesOfKindAsync(objection.Id, "written-answer");
        Assert.Contains(answers, n => n.RecipientUser == "minzheng-clerk" && n.Body.Contains("已按户籍原件更正", StringComparison.Ordinal) && n.Body.Contains("第二十条", StringComparison.Ordinal));
        Assert.Contains(answers, n => n.RecipientDepartment == "gongan");
        Assert.Equal(InstanceStatus.Completed, await h.InstanceStatusAsync(objection.Id));
    }

    [Fact]
    public async Task Lanzhou_art27_correction_plan_with_committed_date_reviewed_by_the_office()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        await h.GrantHouseholdToMinzhengAsync();
        var objection = await h.ObjectAsync();
        // 使用部门…应及时反馈市大数据局和提供部门: the office gets a copy.
        Assert.True(objection.CopiedToOffice);
        Assert.Contains(await h.NoticesOfKindAsync(objection.Id, "copy"), n => n.RecipientDepartment == "dsj" && n.RecipientRole == Roles.CoordinatingOffice);
        var verify = await h.OpenTaskAsync(objection.Id, "verify");
        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 24, 10, 0, 0, China));

        // A committed date in the past, or today, is no commitment.
        foreach (var date in new[] { new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 24) })
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => h.Objections.VerifyAsync(verify.Id,
                new VerificationAnswer("plan", PlanBasis: "《户口登记条例》", PlanSteps: "调取档案后逐户更正", CommittedDate: date), Reviewer, CancellationToken.None));
            Assert.Contains("not after today", error.Message, StringComparison.Ordinal);
            Assert.Equal("committedDate", error.Field);
        }

        Assert.Equal(ObjectionStatus.UnderVerification, (await h.ObjectionAsync(objection.Id)).Status);
        await h.Objections.VerifyAsync(verify.Id, new VerificationAnswer("plan", PlanBasis: "《户口登记条例》第十八条",
            PlanSteps: "调取纸质户籍档案，逐户核对后更正并重新推送", CommittedDate: new DateOnly(2026, 11, 30)), Reviewer, CancellationToken.None);

        // 经同级政务数据共享主管部门审核后实施: the office reviews within ten working days of Thursday 09-24, i.e. by 10-15.
        var review = await h.OpenTaskAsync(objection.Id, "reviewPlan");
        Assert.Equal(("dsj", Roles.CoordinatingOffice, new DateOnly(2026, 10, 15)), (review.CandidateDepartment, review.CandidateRole, review.DueDate));
        Assert.Contains(await h.NoticesOfKindAsync(objection.Id, "review"), n => n.RecipientDepartment == "dsj" && n.Body.Contains("2026-11-30", StringComparison.Ordinal) && n.Body.Contains("第二十七条", StringComparison.Ordinal));
        Assert.Equal(ObjectionStatus.PlanUnderReview, (await h.ObjectionAsync(objection.Id)).Status);
        await Assert.ThrowsAsync<DomainException>(() => h.Objections.ReviewPlanAsync(review.Id, approve: true, null, Reviewer, CancellationToken.None)); // the provider does not approve its own plan

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 10, 9, 10, 0, 0, China));
        await h.Objections.ReviewPlanAsync(review.Id, approve: true, "同意，按期完成后报告", Officer, CancellationToken.None);

        var correct = await h.OpenTaskAsync(objection.Id, "correct");
        Assert.Equal(("gongan", Roles.ProviderReviewer), (correct.CandidateDepartment, correct.CandidateRole));
        Assert.Equal(new DateOnly(2026, 11, 30), correct.DueDate); // the date the plan commits to (时限承诺)
        Assert.Contains(await h.NoticesAsync(objection.Id), n => n.RecipientUser == "minzheng-clerk" && n.Subject.Contains("2026-11-30", StringComparison.Ordinal));
        var approved = await h.ObjectionAsync(objection.Id);
        Assert.Equal((ObjectionStatus.Correcting, true, new DateOnly(2026, 11, 30), "dsj-officer"), (approved.Status, approved.PlanApproved, approved.CommittedDate, approved.PlanReviewedBy));

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 11, 20, 10, 0, 0, China));
        await h.Objections.ReportCorrectionAsync(correct.Id, "已核对 2 户档案并更正，数据已重新推送", Reviewer, CancellationToken.None);
        await h.Objections.ConfirmAsync((await h.OpenTaskAsync(objection.Id, "confirm")).Id, accept: true, null, Clerk, CancellationToken.None);

        var closed = await h.ObjectionAsync(objection.Id);
        Assert.Equal((ObjectionStatus.Closed, ObjectionResolution.AcceptedByRequester, ObjectionFinding.Corrected), (closed.Status, closed.Resolution, closed.Finding));
        Assert.Equal("已核对 2 户档案并更正，数据已重新推送", closed.VerificationResult);
        Assert.Equal(InstanceStatus.Completed, await h.InstanceStatusAsync(objection.Id));
    }

    [Fact]
    public async Task Beijing_art19_objection_copied_to_the_office()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing);
        await h.GrantHouseholdToMinzhengAsync();

        var objection = await h.ObjectAsync();

        // 反饋提供部門予以校核，並抄送市經濟信息化委 (the office).
        Assert.True(objection.CopiedToOffice);
        var notices = await h.NoticesAsync(objection.Id);
        Assert.Contains(notices, n => n.Kind == "objection" && n.RecipientDepartment == "gongan" && n.RecipientRole == Roles.ProviderReviewer);
        var copy = Assert.Single(notices, n => n.Kind == "copy");
        Assert.Equal(("dsj", Roles.CoordinatingOffice), (copy.RecipientDepartment, copy.RecipientRole));
        Assert.StartsWith("（抄送）", copy.Subject, StringComparison.Ordinal);
        var verify = await h.OpenTaskAsync(objection.Id, "verify");
        Assert.Equal(new DateOnly(2026, 10, 14), verify.DueDate);

        await h.AdvanceToAsync(EndOf(10, 8)); // half of the ten working days used
        Assert.Single(await h.NoticesOfKindAsync(objection.Id, "reminder"), n => n.RecipientDepartment == "gongan" && n.RecipientRole == Roles.ProviderReviewer);

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 10, 9, 10, 0, 0, China));
        await h.Objections.VerifyAsync(verify.Id, new VerificationAnswer("corrected", "两条记录的校验位录入错误，已更正"), Reviewer, CancellationToken.None);
        await h.Objections.ConfirmAsync((await h.OpenTaskAsync(objection.Id, "confirm")).Id, accept: true, null, Clerk, CancellationToken.None);

        var closed = await h.ObjectionAsync(objection.Id);
        Assert.Equal((ObjectionStatus.Closed, ObjectionFinding.Corrected, ObjectionResolution.AcceptedByRequester, "gongan-reviewer"), (closed.Status, closed.Finding, closed.Resolution, closed.VerifiedBy));
        var copies = await h.NoticesOfKindAsync(objection.Id, "copy");
        Assert.Equal(3, copies.Count); // the report, the provider's result and the closing, each copied to the office
        Assert.All(copies, n => Assert.Equal("dsj", n.RecipientDepartment));
        Assert.Equal(InstanceStatus.Completed, await h.InstanceStatusAsync(objection.Id));
    }
}
