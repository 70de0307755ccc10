using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.OpenData;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Policy;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;

namespace ShareFlow.Workflows.Tests.Cases;

/// <summary>
/// Open-data requests (开放申请), Beijing art. 20 and Shenyang art. 34, on the real engine with the simulated clock.
/// Requests are filed on Wednesday 2026-09-23 by a company that wants the 市公安局's household data for a relocation
/// service. Working days after it: 09-24, 09-28, 09-29, 09-30, 10-08 (5), 10-09, 10-10 (make-up Saturday), 10-12, 10-13,
/// 10-14 (10), 10-15, 10-16, 10-19, 10-20, 10-21 (15).
/// </summary>
public sealed class OpenDataConformanceTests
{
    private static readonly OpenDataApplicant Company = new("抚州易居科技有限公司", OpenDataApplicantKind.LegalPerson, "service@yiju.example.cn", "91361000MA00000000");

    private static SubmitOpenDataRequest Request(string? purpose = "为迁入居民提供落户办理指引", string? scenario = "搬家服务平台的落户指引模块", string? safeguards = "数据仅在境内服务器存储，脱敏后使用，访问留痕") =>
        new(Company, "户籍人口统计（按街道）", purpose, scenario, safeguards, Household);

    private static Task<OpenDataRequest> FileAsync(CaseHarness h, SubmitOpenDataRequest? request = null) =>
        h.OpenData.SubmitAsync(request ?? Request(), null, CancellationToken.None);

    [Fact]
    public async Task Beijing_art20_open_data_answered_within_15_working_days()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing);

        var request = await FileAsync(h);

        var answer = await h.OpenTaskAsync(request.Id, "answer");
        Assert.Equal(new DateOnly(2026, 10, 21), answer.DueDate);
        Assert.Equal(("gongan", Roles.ProviderReviewer), (answer.CandidateDepartment, answer.CandidateRole));
        Assert.Equal("working", await h.QueryAsync(db => db.UserTasks.Where(t => t.Id == answer.Id).Select(t => t.DueDayKind).SingleAsync()));
        Assert.Equal((OpenDataStatus.UnderEvaluation, "gongan", "online"), (request.Status, request.ProviderDepartment, request.ReceivedVia));

        // Half of fifteen working days (eight) is used at the end of 10-12; two working days before the end is 10-19.
        await h.AdvanceToAsync(EndOf(10, 12));
        await h.AdvanceToAsync(EndOf(10, 19));
        var reminders = (await h.NoticesAsync(request.Id)).Where(n => n.Kind == "reminder").ToList();
        Assert.Equal(3, reminders.Count);
        Assert.Contains(reminders, n => n.RecipientUser == "gongan-chief");

        await h.AdvanceToAsync(EndOf(10, 21));

        // Overdue: the principal and the office are told; the request stays with the department, which must still answer.
        var escalations = (await h.NoticesAsync(request.Id)).Where(n => n.Kind == "escalation").ToList();
        Assert.Contains(escalations, n => n.RecipientUser == "gongan-chief");
        Assert.Contains(escalations, n => n.RecipientDepartment == "dsj" && n.RecipientRole == Roles.CoordinatingOffice);
        Assert.All(escalations, n => Assert.Contains("第二十条", n.Body, StringComparison.Ordinal));
        Assert.True((await h.OpenData.GetAsync(request.Id, CancellationToken.None)).Overdue);
        Assert.Equal(answer.Id, (await h.OpenTaskAsync(request.Id, "answer")).Id);

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 10, 22, 10, 0, 0, TimeSpan.FromHours(8)));
        await h.OpenData.AnswerAsync(answer.Id, new OpenDataAnswer("open", Conditions: "注明数据来源"), Reviewer, CancellationToken.None);

        var answered = await h.OpenData.GetAsync(request.Id, CancellationToken.None);
        Assert.Equal((OpenDataStatus.Answered, OpenDataDecision.Open, "户籍人口统计（按街道）"), (answered.Status, answered.Decision, answered.OpenedScope));
        var feedback = Assert.Single(await h.NoticesAsync(request.Id), n => n.Kind == "decision");
        Assert.Equal("dsj", feedback.RecipientDepartment);
        Assert.Contains("逾期后答复", feedback.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shenyang_art34_open_data_answered_within_10_calendar_days()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);

        var request = await FileAsync(h);

        // Filed on Wednesday 09-23: the tenth calendar day is Saturday 10-03, inside the National Day break (10-01..07), so
        // the period ends on the next working day, Thursday 10-08 (Civil Code art. 203) — not on the tenth working day (10-14).
        var answer = await h.OpenTaskAsync(request.Id, "answer");
        Assert.Equal(new DateOnly(2026, 10, 8), answer.DueDate);
        Assert.Equal("calendar", await h.QueryAsync(db => db.UserTasks.Where(t => t.Id == answer.Id).Select(t => t.DueDayKind).SingleAsync()));

        // Half of ten calendar days is used at the end of Monday 09-28 (the fifth day); the department answers on 09-30.
        await h.AdvanceToAsync(EndOf(9, 28));
        Assert.Single(await h.NoticesAsync(request.Id), n => n.Kind == "reminder" && n.RecipientRole == Roles.ProviderReviewer);
        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 30, 15, 0, 0, TimeSpan.FromHours(8)));
        await h.OpenData.AnswerAsync(answer.Id, new OpenDataAnswer(
            "partial", OpenedScope: "按街道汇总的户籍人口数", Conditions: "不得用于识别个人",
            Reasons: "按户明细涉及个人信息，不予开放", LegalBasis: "《中华人民共和国个人信息保护法》第十三条"), Reviewer, CancellationToken.None);

        var answered = await h.OpenData.GetAsync(request.Id, CancellationToken.None);
        Assert.Equal((OpenDataDecision.PartiallyOpen, "按街道汇总的户籍人口数", "不得用于识别个人"), (answered.Decision, answered.OpenedScope, answered.Conditions));
        Assert.Contains("部分同意开放", answered.ApplicantNoticeBody, StringComparison.Ordinal);
        Assert.Contains("按户明细涉及个人信息", answered.ApplicantNoticeBody, StringComparison.Ordinal);
        Assert.Contains("第三十四条", answered.ApplicantNoticeBody, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 15, 0, 0, TimeSpan.FromHours(8)), answered.ApplicantNotifiedAt);
        var sent = await h.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.InstanceId == request.Id && o.Kind == "applicant-notice").Select(o => o.Payload).SingleAsync());
        var payload = JsonNode.Parse(sent)!;
        Assert.Equal(("service@yiju.example.cn", answered.ApplicantNoticeBody), (payload["contact"]?.GetValue<string>(), payload["body"]?.GetValue<string>()));
        Assert.Contains(await h.NoticesAsync(request.Id), n => n.Kind == "decision" && n.RecipientDepartment == "dsj");
        Assert.Equal(InstanceStatus.Completed, (await h.Engine.GetInstanceAsync(request.Id, CancellationToken.None)).Status);
        Assert.Equal(0, await h.AdvanceToAsync(EndOf(10, 31))); // the answer removed the ladder: nothing fires later
    }

    [Fact]
    public async Task Shenyang_art34_overdue_calendar_day_answer_is_reported_after_the_holiday()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);
        var request = await FileAsync(h);

        // Nothing is overdue during the National Day break: the period ends at 24:00 on 10-08.
        await h.AdvanceToAsync(EndOf(10, 7));
        Assert.DoesNotContain(await h.NoticesAsync(request.Id), n => n.Kind == "escalation");
        await h.AdvanceToAsync(EndOf(10, 8));

        Assert.Contains(await h.NoticesAsync(request.Id), n => n.Kind == "escalation" && n.RecipientUser == "gongan-chief");
        Assert.True((await h.OpenData.GetAsync(request.Id, CancellationToken.None)).Overdue);
    }

    [Theory]
    [InlineData(PolicyProfiles.Fuzhou)]
    [InlineData(PolicyProfiles.Lanzhou)]
    [InlineData(PolicyProfiles.Hebei)]
    public async Task Profiles_without_an_open_data_rule_answer_within_the_default_15_working_days(string profile)
    {
        await using var h = await CreateAsync(profile);

        var request = await FileAsync(h, Request(scenario: null, safeguards: null));

        Assert.Equal(new DateOnly(2026, 10, 21), (await h.OpenTaskAsync(request.Id, "answer")).DueDate);
    }

    [Fact]
    public async Task Shenyang_art34_application_states_scenario_and_safeguards()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);

        var noSafeguards = await Assert.ThrowsAsync<DomainException>(() => FileAsync(h, Request(safeguards: " ")));
        var noScenario = await Assert.ThrowsAsync<DomainException>(() => FileAsync(h, Request(scenario: null)));

        Assert.Contains("安全保障措施", noSafeguards.Message, StringComparison.Ordinal);
        Assert.Contains("应用场景", noScenario.Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.QueryAsync(db => db.OpenDataRequests.CountAsync()));
    }

    [Fact]
    public async Task Beijing_art20_a_public_demand_needs_no_scenario_or_safeguards_and_may_name_a_department()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing);

        var request = await h.OpenData.SubmitAsync(
            new SubmitOpenDataRequest(new OpenDataApplicant("李某", OpenDataApplicantKind.Citizen, "13800000000"), "全市中小学名录及地址", "为子女择校查询学校位置", null, null, ProviderDepartment: "jiaoyu"),
            Officer, CancellationToken.None);

        Assert.Equal(("jiaoyu", "dsj-officer", OpenDataApplicantKind.Citizen), (request.ProviderDepartment, request.ReceivedVia, request.ApplicantKind));
        Assert.Equal("jiaoyu", (await h.OpenTaskAsync(request.Id, "answer")).CandidateDepartment);
    }

    [Theory]
    [InlineData(PolicyProfiles.Beijing)]
    [InlineData(PolicyProfiles.Shenyang)]
    public async Task Request_without_purpose_is_rejected_and_nothing_is_stored(string profile)
    {
        await using var h = await CreateAsync(profile);

        var error = await Assert.ThrowsAsync<DomainException>(() => FileAsync(h, Request(purpose: "")));

        Assert.Contains("申请用途", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.QueryAsync(db => db.OpenDataRequests.CountAsync()));
        Assert.Equal(0, await h.QueryAsync(db => db.ProcessInstances.CountAsync()));
    }

    [Fact]
    public async Task Request_without_contact_or_for_an_unknown_department_is_rejected()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing);

        var noContact = await Assert.ThrowsAsync<DomainException>(() => FileAsync(h, Request() with { Applicant = Company with { Contact = "" } }));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => FileAsync(h, Request() with { ResourceId = null, ProviderDepartment = "weijian" }));

        Assert.Contains("contact", noContact.Message, StringComparison.Ordinal);
        Assert.Contains("weijian", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.QueryAsync(db => db.OpenDataRequests.CountAsync()));
    }

    [Fact]
    public async Task Refusal_without_explanation_or_by_another_department_is_rejected_and_the_task_stays()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);
        var request = await FileAsync(h);
        var answer = await h.OpenTaskAsync(request.Id, "answer");

        var bare = await Assert.ThrowsAsync<DomainException>(() => h.OpenData.AnswerAsync(answer.Id, new OpenDataAnswer("refuse"), Reviewer, CancellationToken.None));
        var partialWithoutScope = await Assert.ThrowsAsync<DomainException>(() =>
            h.OpenData.AnswerAsync(answer.Id, new OpenDataAnswer("partial", Reasons: "部分涉密"), Reviewer, CancellationToken.None));
        var reviewerOfJiaoyu = new User("jiaoyu-reviewer", "教育局审核人", "jiaoyu", [Roles.ProviderReviewer]);
        var other = await Assert.ThrowsAsync<DomainException>(() =>
            h.OpenData.AnswerAsync(answer.Id, new OpenDataAnswer("open"), reviewerOfJiaoyu, CancellationToken.None));

        Assert.Contains("相关说明", bare.Message, StringComparison.Ordinal);
        Assert.Contains("which part", partialWithoutScope.Message, StringComparison.Ordinal);
        Assert.Equal(("reasons", "openedScope", (string?)null), (bare.Field, partialWithoutScope.Field, other.Field));
        Assert.Contains("gongan", other.Message, StringComparison.Ordinal);
        Assert.Equal(answer.Id, (await h.OpenTaskAsync(request.Id, "answer")).Id);
        var unchanged = await h.OpenData.GetAsync(request.Id, CancellationToken.None);
        Assert.Equal((OpenDataStatus.UnderEvaluation, (OpenDataDecision?)null, (string?)null), (unchanged.Status, unchanged.Decision, unchanged.ApplicantNoticeBody));

        await h.OpenData.AnswerAsync(answer.Id, new OpenDataAnswer("refuse", Reasons: "涉及个人信息", LegalBasis: "《中华人民共和国个人信息保护法》第十三条"), Reviewer, CancellationToken.None);
        var refused = await h.OpenData.GetAsync(request.Id, CancellationToken.None);
        Assert.Equal((OpenDataDecision.Refused, (string?)null), (refused.Decision, refused.OpenedScope));
        Assert.Contains("不予开放，说明：涉及个人信息；依据：《中华人民共和国个人信息保护法》第十三条", refused.ApplicantNoticeBody, StringComparison.Ordinal);
    }
}
