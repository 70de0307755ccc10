using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Policy;
using ShareFlow.Domain.Projects;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;
using static ShareFlow.Workflows.Tests.Support.ProjectCases;

namespace ShareFlow.Workflows.Tests.Cases;

/// <summary>
/// Project-acceptance data (项目验收数据汇交), Fuzhou arts. 40 and 34, on the real engine with the simulated clock, which
/// starts on Wednesday 2026-09-23 09:00. The 市教育局 builds the 智慧教育平台; the 市大数据局 is the coordinating office,
/// the 市财政局 pays. Working days around the start: 09-21, 09-22, 09-23, 09-24, 09-28, 09-29, 09-30, 10-08, 10-09,
/// 10-10 (make-up Saturday), 10-12, 10-13, 10-14, 10-15, 10-16... (Mid-Autumn 09-25..27 and National Day 10-01..07 off).
/// </summary>
public sealed class AcceptanceConformanceTests
{
    [Fact]
    public async Task Fuzhou_art40_acceptance_data_due_10_working_days_after_completion()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);

        // Completed on Monday 09-21, declared on Wednesday 09-23: the period counts from the completion date, so the tenth
        // working day is Monday 10-12 (from the declaration it would have been 10-14).
        var submission = await h.CompletedProjectAsync(new DateOnly(2026, 9, 21));

        var submit = await h.OpenTaskAsync(submission.Id, "submit");
        Assert.Equal(new DateOnly(2026, 10, 12), submit.DueDate);
        Assert.Equal(("jiaoyu", Roles.RequestingClerk), (submit.CandidateDepartment, submit.CandidateRole));
        Assert.Equal((AcceptanceStatus.AwaitingData, new DateOnly(2026, 9, 21)), (submission.Status, submission.CompletionDate));

        // Half of ten working days (five) is used at the end of Tuesday 09-29; two working days before the end is Friday 10-09.
        await h.AdvanceToAsync(EndOf(9, 29));
        Assert.Single(await h.NoticesAsync(submission.Id), n => n.Kind == "reminder" && n.RecipientDepartment == "jiaoyu" && n.RecipientRole == Roles.RequestingClerk);
        await h.AdvanceToAsync(EndOf(10, 9));
        var reminders = (await h.NoticesAsync(submission.Id)).Where(n => n.Kind == "reminder").ToList();
        Assert.Equal(3, reminders.Count);
        Assert.Contains(reminders, n => n.RecipientUser == "jiaoyu-chief");
        Assert.DoesNotContain(await h.NoticesAsync(submission.Id), n => n.Kind == "escalation");

        await h.AdvanceToAsync(EndOf(10, 12));

        // Overdue: the principal and the office are told; the data is still the department's to submit, and no money moves.
        var escalations = (await h.NoticesAsync(submission.Id)).Where(n => n.Kind == "escalation").ToList();
        Assert.Contains(escalations, n => n.RecipientUser == "jiaoyu-chief");
        Assert.Contains(escalations, n => n.RecipientDepartment == "dsj" && n.RecipientRole == Roles.CoordinatingOffice);
        Assert.All(escalations, n => Assert.Contains("第四十条", n.Body, StringComparison.Ordinal));
        Assert.Equal(submit.Id, (await h.OpenTaskAsync(submission.Id, "submit")).Id);
        Assert.Equal(1, (await h.SubmissionAsync(submission.Id)).LateSubmissions);
        var gate = await h.GateAsync(submission.ProjectId);
        Assert.Equal((false, "awaiting-data"), (gate.IsOpen, gate.State));
    }

    [Fact]
    public async Task Fuzhou_art40_a_completion_declared_after_the_period_is_overdue_at_once_without_stale_reminders()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);

        // Completed on Monday 09-07: the tenth working day after it is Sunday 09-20 (the make-up working day before
        // Mid-Autumn), three days before the declaration.
        var submission = await h.CompletedProjectAsync(new DateOnly(2026, 9, 7));
        Assert.Equal(new DateOnly(2026, 9, 20), (await h.OpenTaskAsync(submission.Id, "submit")).DueDate);

        await h.Engine.FireDueAsync(CancellationToken.None);

        var notices = await h.NoticesAsync(submission.Id);
        Assert.DoesNotContain(notices, n => n.Kind == "reminder");
        Assert.Contains(notices, n => n.Kind == "escalation" && n.RecipientUser == "jiaoyu-chief");
        Assert.Equal("submit", (await h.OpenTaskAsync(submission.Id, "submit")).ElementId);
    }

    [Fact]
    public async Task Fuzhou_art40_office_reviews_within_10_working_days()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var submission = await h.CompletedProjectAsync(new DateOnly(2026, 9, 22));

        await h.SubmitAsync(submission.Id);

        // Submitted on Wednesday 09-23: the office's ten working days end on Wednesday 10-14.
        var review = await h.OpenTaskAsync(submission.Id, "review");
        Assert.Equal(new DateOnly(2026, 10, 14), review.DueDate);
        Assert.Equal(("dsj", Roles.CoordinatingOffice), (review.CandidateDepartment, review.CandidateRole));
        var submitted = await h.SubmissionAsync(submission.Id);
        Assert.Equal((AcceptanceStatus.UnderReview, 1), (submitted.Status, submitted.Round));
        Assert.Equal(Catalog, submitted.SubmittedEntries);
        Assert.Contains(await h.NoticesAsync(submission.Id), n => n.Kind == "submission" && n.RecipientDepartment == "dsj");

        // Five working days used at the end of Thursday 10-08; two before the end is Monday 10-12.
        await h.AdvanceToAsync(EndOf(10, 8));
        await h.AdvanceToAsync(EndOf(10, 12));
        var reminders = (await h.NoticesAsync(submission.Id)).Where(n => n.Kind == "reminder").ToList();
        Assert.Equal(3, reminders.Count);
        Assert.All(reminders, n => Assert.Equal("dsj", n.RecipientDepartment));
        Assert.Contains(reminders, n => n.RecipientUser == "dsj-chief");

        await h.AdvanceToAsync(EndOf(10, 14));

        // Not reviewed in time: the office's principal is told, the building department learns why nothing moves, the
        // review stays with the office and the gate stays closed.
        var escalations = (await h.NoticesAsync(submission.Id)).Where(n => n.Kind == "escalation").ToList();
        Assert.Contains(escalations, n => n.RecipientUser == "dsj-chief");
        Assert.Contains(escalations, n => n.RecipientDepartment == "jiaoyu");
        Assert.Equal(review.Id, (await h.OpenTaskAsync(submission.Id, "review")).Id);
        Assert.Equal(1, (await h.SubmissionAsync(submission.Id)).LateReviews);
        var gate = await h.GateAsync(submission.ProjectId);
        Assert.Equal((false, "under-review"), (gate.IsOpen, gate.State));

        h.Clock.AdvanceTo(At(10, 16));
        await h.ReviewAsync(submission.Id, "passed");
        Assert.True((await h.GateAsync(submission.ProjectId)).IsOpen);
    }

    [Fact]
    public async Task Fuzhou_art40_failed_review_keeps_payment_closed_until_resubmission_passes()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var submission = await h.CompletedProjectAsync(new DateOnly(2026, 9, 22));
        await h.SubmitAsync(submission.Id, "submit", "学籍信息");
        Assert.Equal(["学校基本信息"], (await h.SubmissionAsync(submission.Id)).MissingEntries);

        h.Clock.AdvanceTo(At(9, 24));
        await h.ReviewAsync(submission.Id, "failed", "缺少学校基本信息，学籍信息未按目录字段汇交");

        // Failed on Thursday 09-24: correction within rectification.days (10) working days, i.e. by Thursday 10-15.
        var failed = await h.SubmissionAsync(submission.Id);
        Assert.Equal((AcceptanceStatus.Failed, AcceptanceOpinion.Failed), (failed.Status, failed.Opinion));
        var correct = await h.OpenTaskAsync(submission.Id, "correct");
        Assert.Equal(new DateOnly(2026, 10, 15), correct.DueDate);
        Assert.Equal("jiaoyu", correct.CandidateDepartment);
        var gate = await h.GateAsync(submission.ProjectId);
        Assert.Equal((false, "correcting"), (gate.IsOpen, gate.State));
        Assert.Contains("缺少学校基本信息", gate.Explanation, StringComparison.Ordinal);
        var told = Assert.Single(await h.NoticesAsync(submission.Id), n => n.Kind == "decision");
        Assert.Equal(("jiaoyu", EducationClerk.UserName), (told.RecipientDepartment, told.RecipientUser));
        Assert.Contains("10 个工作日内整改", told.Body, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainException>(() => h.Projects.GoLiveAsync(submission.ProjectId, EducationClerk, CancellationToken.None));

        // Resubmitted on Friday 10-09: a new review period of ten working days, to Thursday 10-22.
        h.Clock.AdvanceTo(At(10, 9));
        await h.SubmitAsync(submission.Id, "correct");
        var review = await h.OpenTaskAsync(submission.Id, "review");
        Assert.Equal(new DateOnly(2026, 10, 22), review.DueDate);
        Assert.Equal((AcceptanceStatus.UnderReview, 2), ((await h.SubmissionAsync(submission.Id)).Status, (await h.SubmissionAsync(submission.Id)).Round));
        Assert.False((await h.GateAsync(submission.ProjectId)).IsOpen);

        h.Clock.AdvanceTo(At(10, 13));
        await h.ReviewAsync(submission.Id, "passed");

        gate = await h.GateAsync(submission.ProjectId);
        Assert.Equal((true, "open", 2, AcceptanceOpinion.Passed), (gate.IsOpen, gate.State, gate.Rounds, gate.LatestOpinion));
        var reviews = await h.Projects.ReviewsAsync(submission.Id, CancellationToken.None);
        Assert.Equal([(1, AcceptanceOpinion.Failed), (2, AcceptanceOpinion.Passed)], reviews.Select(r => (r.Round, r.Opinion)));
        Assert.Equal(["学籍信息"], reviews[0].SubmittedEntries);
        Assert.Equal(InstanceStatus.Completed, (await h.Engine.GetInstanceAsync(submission.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Fuzhou_art34_payment_gate_opens_only_on_a_passed_review()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var project = await h.RegisterProjectAsync();
        Assert.Equal((false, "under-construction"), ((await h.GateAsync(project.Id)).IsOpen, (await h.GateAsync(project.Id)).State));

        var submission = await h.Projects.DeclareCompletionAsync(project.Id, new DateOnly(2026, 9, 22), EducationClerk, CancellationToken.None);
        Assert.Equal((false, "awaiting-data"), ((await h.GateAsync(project.Id)).IsOpen, (await h.GateAsync(project.Id)).State));
        await h.SubmitAsync(submission.Id);
        Assert.Equal((false, "under-review"), ((await h.GateAsync(project.Id)).IsOpen, (await h.GateAsync(project.Id)).State));

        // The project may not go live, and the domain refuses to open the gate, while the review has not passed.
        var early = await Assert.ThrowsAsync<DomainException>(() => h.Projects.GoLiveAsync(project.Id, EducationClerk, CancellationToken.None));
        Assert.Contains("项目不得投入使用", early.Message, StringComparison.Ordinal);
        var underReview = await h.SubmissionAsync(submission.Id);
        var stored = await h.Projects.GetProjectAsync(project.Id, CancellationToken.None);
        Assert.Throws<DomainException>(() => stored.OpenPaymentGate(underReview, "第四十条", Start));

        // Only the coordinating office reviews.
        var review = await h.OpenTaskAsync(submission.Id, "review");
        await Assert.ThrowsAsync<DomainException>(() => h.Projects.ReviewAsync(review.Id, new AcceptanceReviewOpinion("passed"), Reviewer, CancellationToken.None));

        await h.ReviewAsync(submission.Id, "passed");

        var gate = await h.GateAsync(project.Id);
        Assert.Equal((true, "open"), (gate.IsOpen, gate.State));
        Assert.Contains("第四十条", gate.Article, StringComparison.Ordinal);
        Assert.Equal(Start, gate.OpenedAt);
        var finance = Assert.Single(await h.NoticesAsync(submission.Id), n => n.Kind == "payment-gate");
        Assert.Equal(("czj", Roles.Finance), (finance.RecipientDepartment, finance.RecipientRole));
        Assert.Contains(await h.Projects.PaymentGatesAsync(CancellationToken.None), g => g.ProjectId == project.Id && g.IsOpen);

        var live = await h.Projects.GoLiveAsync(project.Id, EducationClerk, CancellationToken.None);
        Assert.Equal((ProjectStatus.Live, new DateOnly(2026, 9, 23)), (live.Status, live.LiveSince));
        Assert.True((await h.GateAsync(project.Id)).IsLive);
    }

    [Theory]
    [InlineData(PolicyProfiles.Lanzhou, "第四条")] // 兰州 art. 4: the bureau reviews projects that involve sharing
    [InlineData(PolicyProfiles.Beijing, "第三十一条")] // 北京 art. 31: evaluation results decide project investment
    [InlineData(PolicyProfiles.Shenyang, "第十条")] // 沈阳 art. 10: no approval or funding without sharing
    [InlineData(PolicyProfiles.Hebei, "（九）")] // 河北 (九): no approval or funds for a project that does not share
    public async Task Beijing_art31_Shenyang_art10_Hebei_9_acceptance_runs_with_the_default_10_working_days(string profile, string article)
    {
        await using var h = await CreateAsync(profile);

        var submission = await h.CompletedProjectAsync(new DateOnly(2026, 9, 21));

        Assert.Equal(new DateOnly(2026, 10, 12), (await h.OpenTaskAsync(submission.Id, "submit")).DueDate);
        await h.AdvanceToAsync(EndOf(10, 12));
        var escalation = Assert.Single(await h.NoticesAsync(submission.Id), n => n.Kind == "escalation" && n.RecipientUser == "jiaoyu-chief");
        Assert.Contains(article, escalation.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submission_by_another_department_is_rejected_and_changes_nothing()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var submission = await h.CompletedProjectAsync(new DateOnly(2026, 9, 22));
        var submit = await h.OpenTaskAsync(submission.Id, "submit");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            h.Projects.SubmitDataAsync(submit.Id, new AcceptanceData(Catalog), Clerk, CancellationToken.None));

        Assert.Contains("building department", error.Message, StringComparison.Ordinal);
        Assert.Equal(submit.Id, (await h.OpenTaskAsync(submission.Id, "submit")).Id);
        var unchanged = await h.SubmissionAsync(submission.Id);
        Assert.Equal((AcceptanceStatus.AwaitingData, 0), (unchanged.Status, unchanged.Round));
        Assert.Empty(unchanged.SubmittedEntries);
    }

    [Fact]
    public async Task Submission_without_catalog_entries_is_rejected()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var submission = await h.CompletedProjectAsync(new DateOnly(2026, 9, 22));
        var submit = await h.OpenTaskAsync(submission.Id, "submit");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            h.Projects.SubmitDataAsync(submit.Id, new AcceptanceData([" "]), EducationClerk, CancellationToken.None));

        Assert.Equal(("entries", true), (error.Field, error.Message.Contains("资源目录", StringComparison.Ordinal)));
        Assert.Equal(AcceptanceStatus.AwaitingData, (await h.SubmissionAsync(submission.Id)).Status);
    }

    [Fact]
    public async Task Failed_review_without_reasons_is_rejected_and_the_review_stays_open()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var submission = await h.CompletedProjectAsync(new DateOnly(2026, 9, 22));
        await h.SubmitAsync(submission.Id);
        var review = await h.OpenTaskAsync(submission.Id, "review");

        var error = await Assert.ThrowsAsync<DomainException>(() => h.ReviewAsync(submission.Id, "failed", "  "));

        Assert.Equal(("reasons", true), (error.Field, error.Message.Contains("审查意见须说明理由", StringComparison.Ordinal)));
        Assert.Equal(review.Id, (await h.OpenTaskAsync(submission.Id, "review")).Id);
        Assert.Equal(AcceptanceStatus.UnderReview, (await h.SubmissionAsync(submission.Id)).Status);
        Assert.Empty(await h.Projects.ReviewsAsync(submission.Id, CancellationToken.None));
        Assert.DoesNotContain(await h.NoticesAsync(submission.Id), n => n.Kind == "decision");
        await Assert.ThrowsAsync<DomainException>(() => h.ReviewAsync(submission.Id, "maybe"));
    }

    [Fact]
    public async Task Completion_date_in_the_future_is_rejected_and_nothing_is_stored()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var project = await h.RegisterProjectAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            h.Projects.DeclareCompletionAsync(project.Id, new DateOnly(2026, 9, 24), EducationClerk, CancellationToken.None));

        Assert.Equal(("completionDate", true), (error.Field, error.Message.Contains("2026-09-24 is in the future", StringComparison.Ordinal)));
        Assert.Equal(ProjectStatus.UnderConstruction, (await h.Projects.GetProjectAsync(project.Id, CancellationToken.None)).Status);
        Assert.Equal(0, await h.QueryAsync(db => db.ProcessInstances.CountAsync()));
        Assert.Equal(0, await h.QueryAsync(db => db.AcceptanceSubmissions.CountAsync()));
    }

    [Fact]
    public async Task Completion_is_declared_once_and_only_by_the_building_department_or_the_office()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var project = await h.RegisterProjectAsync();

        await Assert.ThrowsAsync<DomainException>(() => h.Projects.DeclareCompletionAsync(project.Id, new DateOnly(2026, 9, 22), Reviewer, CancellationToken.None));
        var submission = await h.Projects.DeclareCompletionAsync(project.Id, new DateOnly(2026, 9, 22), Officer, CancellationToken.None);
        var again = await Assert.ThrowsAsync<DomainException>(() =>
            h.Projects.DeclareCompletionAsync(project.Id, new DateOnly(2026, 9, 21), EducationClerk, CancellationToken.None));

        Assert.Contains("already declared completed on 2026-09-22", again.Message, StringComparison.Ordinal);
        Assert.Equal(submission.Id, (await h.Projects.GetProjectAsync(project.Id, CancellationToken.None)).AcceptanceSubmissionId);
        Assert.Equal(1, await h.QueryAsync(db => db.AcceptanceSubmissions.CountAsync()));
    }

    [Fact]
    public async Task Project_registration_needs_a_sharing_catalog_and_a_unique_number()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        await h.RegisterProjectAsync("FZ-JY-2026-017");

        var duplicate = await Assert.ThrowsAsync<DomainException>(() => h.RegisterProjectAsync("FZ-JY-2026-017"));
        var noCatalog = await Assert.ThrowsAsync<DomainException>(() => h.Projects.RegisterAsync(
            new RegisterProject("FZ-JY-2026-018", "校园安防平台", "jiaoyu", ProjectFunding.SelfRaised, ConstructionKind.Renovation, []), EducationClerk, CancellationToken.None));
        var otherDepartment = await Assert.ThrowsAsync<DomainException>(() => h.Projects.RegisterAsync(
            new RegisterProject("FZ-JY-2026-019", "校园安防平台", "jiaoyu", ProjectFunding.SelfRaised, ConstructionKind.Renovation, ["安防设备"]), Clerk, CancellationToken.None));

        Assert.Contains("already registered", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal("code", duplicate.Field);
        Assert.Contains("信息共享目录", noCatalog.Message, StringComparison.Ordinal);
        Assert.Contains("building department", otherDepartment.Message, StringComparison.Ordinal);
        Assert.Equal(1, await h.QueryAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task Scenario_late_correction_is_reported_then_the_passed_resubmission_opens_the_gate()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var submission = await h.CompletedProjectAsync(new DateOnly(2026, 9, 22));
        await h.SubmitAsync(submission.Id);
        await h.ReviewAsync(submission.Id, "failed", "学校基本信息字段不全");

        // Correction due on Wednesday 10-14 (ten working days after 09-23); the reminder two working days before goes to
        // the clerks and the principal, then the deadline passes.
        Assert.Equal(new DateOnly(2026, 10, 14), (await h.OpenTaskAsync(submission.Id, "correct")).DueDate);
        await h.AdvanceToAsync(EndOf(10, 12));
        Assert.Contains(await h.NoticesAsync(submission.Id), n => n.Kind == "reminder" && n.RecipientUser == "jiaoyu-chief");
        await h.AdvanceToAsync(EndOf(10, 14));
        var late = Assert.Single(await h.NoticesAsync(submission.Id), n => n.Kind == "escalation" && n.RecipientUser == "jiaoyu-chief");
        Assert.Contains("整改后重新提交", late.Subject, StringComparison.Ordinal);
        Assert.Equal(1, (await h.SubmissionAsync(submission.Id)).LateSubmissions);
        Assert.False((await h.GateAsync(submission.ProjectId)).IsOpen);

        h.Clock.AdvanceTo(At(10, 16));
        await h.SubmitAsync(submission.Id, "correct");
        await h.ReviewAsync(submission.Id, "passed");

        Assert.True((await h.GateAsync(submission.ProjectId)).IsOpen);
        Assert.Empty(await h.Engine.GetOpenTasksAsync(submission.Id, CancellationToken.None));
        Assert.Equal(0, await h.AdvanceToAsync(EndOf(12, 31))); // every timer went with its task: nothing fires later
    }
}
