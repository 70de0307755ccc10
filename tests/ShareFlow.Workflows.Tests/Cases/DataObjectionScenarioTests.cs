using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Policy;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;
using static ShareFlow.Workflows.Tests.Support.DisputeSupport;

namespace ShareFlow.Workflows.Tests.Cases;

/// <summary>The data objection's other paths, and the input it refuses (with a clear message and no change of state).</summary>
public sealed class DataObjectionScenarioTests
{
    [Fact(DisplayName = "The provider does not verify in time: the office takes the objection over and both principals hear of it")]
    public async Task VerificationOverdue_OfficeTakesOver()
    {
        await using var h = await CreateAsync(PolicyProfiles.Hebei);
        await h.GrantHouseholdToMinzhengAsync();
        var objection = await h.ObjectAsync();
        Assert.False(objection.CopiedToOffice);

        await h.AdvanceToAsync(EndOf(10, 8)); // half used
        await h.AdvanceToAsync(EndOf(10, 12)); // two working days left: the principal too
        await h.AdvanceToAsync(EndOf(10, 14)); // overdue

        var reminders = await h.NoticesOfKindAsync(objection.Id, "reminder");
        Assert.Equal(3, reminders.Count);
        Assert.Contains(reminders, n => n.RecipientUser == "gongan-chief");
        var escalations = await h.NoticesOfKindAsync(objection.Id, "escalation");
        Assert.Contains(escalations, n => n.RecipientUser == "gongan-chief");
        Assert.Contains(escalations, n => n.RecipientDepartment == "dsj" && n.RecipientRole == Roles.CoordinatingOffice);
        Assert.Contains(escalations, n => n.RecipientUser == "minzheng-clerk");
        var lapsed = await h.ObjectionAsync(objection.Id);
        Assert.Equal((ObjectionStatus.ReportedToOffice, true), (lapsed.Status, lapsed.VerificationOverdue));
        Assert.DoesNotContain(await h.OpenTasksAsync(objection.Id), t => t.ElementId == "verify");
        // Counted from Thursday 10-15, the day after the deadline passed: ten working days end on 10-29.
        var handle = await h.OpenTaskAsync(objection.Id, "handle");
        Assert.Equal(("dsj", new DateOnly(2026, 10, 29)), (handle.CandidateDepartment, handle.DueDate));

        await h.Objections.HandleAsync(handle.Id, ObjectionFinding.NoErrorFound, "经会同市公安局核查，数据与户籍原件一致", Officer, CancellationToken.None);
        Assert.Equal(ObjectionStatus.Closed, (await h.ObjectionAsync(objection.Id)).Status);
        Assert.Contains(await h.NoticesOfKindAsync(objection.Id, "written-answer"), n => n.RecipientUser == "minzheng-clerk");
    }

    [Fact(DisplayName = "An approved plan's committed date passes without a correction: the office and the provider's principal are told, and the task stays open")]
    public async Task ApprovedPlan_CommittedDatePasses_OfficeAndPrincipalAreTold()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        await h.GrantHouseholdToMinzhengAsync();
        var objection = await h.ObjectAsync();
        await h.Objections.VerifyAsync((await h.OpenTaskAsync(objection.Id, "verify")).Id,
            new VerificationAnswer("plan", PlanBasis: "《户口登记条例》第十八条", PlanSteps: "调取纸质户籍档案逐户核对", CommittedDate: new DateOnly(2026, 10, 30)), Reviewer, CancellationToken.None);
        await h.Objections.ReviewPlanAsync((await h.OpenTaskAsync(objection.Id, "reviewPlan")).Id, approve: true, "同意", Officer, CancellationToken.None);
        var correct = await h.OpenTaskAsync(objection.Id, "correct");
        Assert.Equal(new DateOnly(2026, 10, 30), correct.DueDate);

        await h.AdvanceToAsync(EndOf(10, 29));
        Assert.Empty(await h.NoticesOfKindAsync(objection.Id, "escalation")); // the day before: nothing yet

        await h.AdvanceToAsync(EndOf(10, 30));

        var escalation = Assert.Single(await h.NoticesOfKindAsync(objection.Id, "escalation"));
        Assert.Equal(("dsj", Roles.CoordinatingOffice), (escalation.RecipientDepartment, escalation.RecipientRole));
        Assert.Contains("2026-10-30", escalation.Body, StringComparison.Ordinal);
        Assert.Contains(await h.NoticesOfKindAsync(objection.Id, "reminder"), n => n.RecipientUser == "gongan-chief" && n.Subject.Contains("承诺的更正时限", StringComparison.Ordinal));
        // The provider still owes the correction: the task is open, now overdue, and can be reported.
        Assert.Equal(correct.Id, (await h.OpenTaskAsync(objection.Id, "correct")).Id);
        await h.Objections.ReportCorrectionAsync(correct.Id, "已逐户核对并更正", Reviewer, CancellationToken.None);
        Assert.Equal(ObjectionStatus.AwaitingConfirmation, (await h.ObjectionAsync(objection.Id)).Status);
    }

    [Fact(DisplayName = "The office sends a correction plan back: the provider verifies again or revises the plan")]
    public async Task PlanRejected_BackToTheProvider()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou);
        await h.GrantHouseholdToMinzhengAsync();
        var objection = await h.ObjectAsync();
        var verify = await h.OpenTaskAsync(objection.Id, "verify");
        await h.Objections.VerifyAsync(verify.Id, new VerificationAnswer("plan", PlanBasis: "系统升级", PlanSteps: "升级后统一更正", CommittedDate: new DateOnly(2027, 6, 30)), Reviewer, CancellationToken.None);
        var review = await h.OpenTaskAsync(objection.Id, "reviewPlan");

        var noOpinion = await Assert.ThrowsAsync<DomainException>(() => h.Objections.ReviewPlanAsync(review.Id, approve: false, null, Officer, CancellationToken.None));
        Assert.Contains("审核意见", noOpinion.Message, StringComparison.Ordinal);
        Assert.Equal("opinion", noOpinion.Field);
        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 29, 10, 0, 0, TimeSpan.FromHours(8)));
        await h.Objections.ReviewPlanAsync(review.Id, approve: false, "两条记录可手工更正，无须等待系统升级", Officer, CancellationToken.None);

        var again = await h.OpenTaskAsync(objection.Id, "verify");
        Assert.NotEqual(verify.Id, again.Id);
        Assert.Equal(("gongan", new DateOnly(2026, 10, 19)), (again.CandidateDepartment, again.DueDate)); // a new period from Tuesday 09-29
        var rejected = await h.ObjectionAsync(objection.Id);
        Assert.Equal((ObjectionStatus.UnderVerification, false, 1), (rejected.Status, rejected.PlanApproved, rejected.PlansRejected));
        Assert.Contains(await h.NoticesOfKindAsync(objection.Id, "decision"), n => n.RecipientDepartment == "gongan" && n.Body.Contains("手工更正", StringComparison.Ordinal));

        await h.Objections.VerifyAsync(again.Id, new VerificationAnswer("corrected", "已手工更正两条记录"), Reviewer, CancellationToken.None);
        Assert.Equal(ObjectionStatus.AwaitingConfirmation, (await h.ObjectionAsync(objection.Id)).Status);
    }

    [Fact]
    public async Task Someone_outside_the_two_departments_cannot_act_on_the_objection()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        await h.GrantHouseholdToMinzhengAsync();
        var objection = await h.ObjectAsync();
        var verify = await h.OpenTaskAsync(objection.Id, "verify");

        foreach (var user in new[] { OtherReviewer, Clerk, Officer })
        {
            await Assert.ThrowsAsync<DomainException>(() => h.Objections.VerifyAsync(verify.Id, new VerificationAnswer("noError", "无误"), user, CancellationToken.None));
        }

        Assert.Equal(ObjectionStatus.UnderVerification, (await h.ObjectionAsync(objection.Id)).Status);
        await h.Objections.VerifyAsync(verify.Id, new VerificationAnswer("noError", "无误"), Reviewer, CancellationToken.None);
        var confirm = await h.OpenTaskAsync(objection.Id, "confirm");

        foreach (var user in new[] { OtherClerk, Reviewer })
        {
            await Assert.ThrowsAsync<DomainException>(() => h.Objections.ConfirmAsync(confirm.Id, accept: true, null, user, CancellationToken.None));
        }

        Assert.Equal(ObjectionStatus.AwaitingConfirmation, (await h.ObjectionAsync(objection.Id)).Status);
        // A task of another kind of case is not an objection step.
        await Assert.ThrowsAsync<DomainException>(() => h.Objections.HandleAsync(confirm.Id, ObjectionFinding.Corrected, "越权", Officer, CancellationToken.None));
    }

    [Fact]
    public async Task ReportAsync_DataNotObtainedOrOwnOrVague_IsRejected()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing);

        var notObtained = await Assert.ThrowsAsync<DomainException>(() => h.ObjectAsync());
        await h.GrantHouseholdToMinzhengAsync();
        var own = await Assert.ThrowsAsync<DomainException>(() => h.Objections.ReportAsync(
            new ReportObjection(Household, ["姓名"], "姓名有误"), new User("gongan-clerk", "公安局经办人", "gongan", [Roles.RequestingClerk]), CancellationToken.None));
        var vague = await Assert.ThrowsAsync<DomainException>(() => h.Objections.ReportAsync(new ReportObjection(Household, ["姓名"], " "), Clerk, CancellationToken.None));
        var unknownItem = await Assert.ThrowsAsync<DomainException>(() => h.Objections.ReportAsync(new ReportObjection(Household, ["婚姻状况"], "有误"), Clerk, CancellationToken.None));

        Assert.Contains("through sharing", notObtained.Message, StringComparison.Ordinal);
        Assert.Contains("own data", own.Message, StringComparison.Ordinal);
        Assert.Contains("问题描述", vague.Message, StringComparison.Ordinal);
        Assert.Contains("婚姻状况", unknownItem.Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.QueryAsync(db => db.DataObjections.CountAsync()));
        Assert.Equal(0, await h.QueryAsync(db => db.ProcessInstances.CountAsync()));
    }

    [Fact]
    public async Task ReportAsync_UnconditionalData_NeedsNoGrant()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing);

        var objection = await h.Objections.ReportAsync(new ReportObjection(Map, ["道路"], "新建道路未上图"), Clerk, CancellationToken.None);

        Assert.Equal(ObjectionStatus.UnderVerification, objection.Status);
        Assert.Equal("gongan", (await h.OpenTaskAsync(objection.Id, "verify")).CandidateDepartment);
    }
}
