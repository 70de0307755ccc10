using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.Processes;

namespace ShareFlow.Workflows.Tests.Runtime;

/// <summary>Element semantics, on a real SQLite database. Instances start on Monday 2026-11-23, 09:00 Shanghai time.</summary>
public abstract class WorkflowEngineTests(DatabaseProvider provider) : IAsyncLifetime
{
    private EngineHarness _h = null!;

    public async Task InitializeAsync() => _h = await EngineHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>review (provider department, sharing.answerDays working days) → gateway → grant (service) / refused.</summary>
    private static readonly string Sharing = Definition("sharing", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" name="审核" sf:candidateDepartment="${'{'}providerDepartment{'}'}" sf:candidateRole="provider-reviewer" sf:dueDays="sharing.answerDays" />
        <bpmn:exclusiveGateway id="decided" default="toRefused" />
        <bpmn:serviceTask id="grant" sf:activity="notify" />
        <bpmn:endEvent id="granted" />
        <bpmn:endEvent id="refused" />
        {Flow("f1", "start", "review")}
        {Flow("f2", "review", "decided")}
        {Flow("toGrant", "decided", "grant", "${decision == 'approve'}")}
        {Flow("toRefused", "decided", "refused")}
        {Flow("f5", "grant", "granted")}
        """);

    [Fact(DisplayName = "A started application waits at the review task of the provider department, due 10 working days later at 24:00")]
    public async Task Start_CreatesAssignedTaskWithWorkingDayDeadline()
    {
        await _h.PublishAsync(Sharing);

        var instance = await _h.StartAsync("sharing", new Dictionary<string, object?> { ["providerDepartment"] = "市公安局" });

        var task = await _h.OpenTaskAsync(instance.Id, "review");
        Assert.Equal("市公安局", task.CandidateDepartment);
        Assert.Equal("provider-reviewer", task.CandidateRole);
        // Counting starts on Tuesday 11-24; the tenth working day is Monday 12-07.
        Assert.Equal(new DateOnly(2026, 12, 7), task.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.FromHours(8)), task.DueAt);
        Assert.False(task.DueProvisional);
        Assert.Equal(InstanceStatus.Active, instance.Status);
        Assert.Equal(["review"], instance.ActiveElements);
    }

    [Fact(DisplayName = "Approving takes the conditional flow, runs the service task and writes its notice to the outbox")]
    public async Task Complete_Approve_FollowsConditionAndRunsActivity()
    {
        await _h.PublishAsync(Sharing);
        var instance = await _h.StartAsync("sharing", new Dictionary<string, object?> { ["providerDepartment"] = "市公安局" });
        var task = await _h.OpenTaskAsync(instance.Id, "review");

        await _h.CompleteAsync(task.Id, new Dictionary<string, object?> { ["decision"] = "approve" }, "approve");

        var done = await _h.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        var history = await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None);
        Assert.Contains(history, h => h.Kind == "element-completed" && h.ElementId == "grant");
        Assert.Contains(history, h => h.Kind == "task-completed" && h.Actor == "reviewer-1" && h.Outcome == "approve" && h.Comment == "同意");
        Assert.DoesNotContain(history, h => h.ElementId == "refused");
        await using var db = await _h.Database.Factory.CreateDbContextAsync();
        var notice = await db.Outbox.SingleAsync();
        Assert.Equal("notice", notice.Kind);
        Assert.Contains("case-1", notice.Payload, StringComparison.Ordinal);
    }

    [Fact(DisplayName = "Refusing takes the default flow")]
    public async Task Complete_Refuse_TakesDefaultFlow()
    {
        await _h.PublishAsync(Sharing);
        var instance = await _h.StartAsync("sharing", new Dictionary<string, object?> { ["providerDepartment"] = "市公安局" });

        await _h.CompleteAsync((await _h.OpenTaskAsync(instance.Id, "review")).Id, new Dictionary<string, object?> { ["decision"] = "refuse" });

        var history = await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None);
        Assert.Contains(history, h => h.Kind == "element-completed" && h.ElementId == "refused");
        Assert.DoesNotContain(history, h => h.ElementId == "grant");
    }

    [Fact(DisplayName = "A gateway that cannot decide rolls the completion back: the task stays open and nothing is half-written")]
    public async Task Complete_GatewayWithoutMatchingFlow_RollsBack()
    {
        await _h.PublishAsync(Definition("strict", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" sf:candidateRole="reviewer" />
            <bpmn:exclusiveGateway id="decided" />
            <bpmn:endEvent id="a" />
            <bpmn:endEvent id="b" />
            {Flow("f1", "start", "review")}
            {Flow("f2", "review", "decided")}
            {Flow("fa", "decided", "a", "${decision == 'approve'}")}
            {Flow("fb", "decided", "b", "${decision == 'refuse'}")}
            """));
        var instance = await _h.StartAsync("strict");
        var task = await _h.OpenTaskAsync(instance.Id, "review");

        var error = await Assert.ThrowsAsync<ProcessExecutionException>(() => _h.CompleteAsync(task.Id, new Dictionary<string, object?> { ["decision"] = "maybe" }));

        Assert.Equal("decided", error.ElementId);
        Assert.Equal(task.Id, (await _h.OpenTaskAsync(instance.Id, "review")).Id);
        var reloaded = await _h.InstanceAsync(instance.Id);
        Assert.False(reloaded.Variables.ContainsKey("decision"));
        Assert.DoesNotContain(await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None), h => h.Kind == "task-completed");
    }

    [Fact(DisplayName = "A parallel gateway forks two reviews and joins only when both are done")]
    public async Task ParallelGateway_ForksAndJoins()
    {
        await _h.PublishAsync(Definition("parallel", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="legal" sf:candidateRole="legal" />
            <bpmn:userTask id="security" sf:candidateRole="security" />
            <bpmn:parallelGateway id="join" />
            <bpmn:userTask id="sign" sf:candidateRole="head" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "fork")}
            {Flow("f2", "fork", "legal")}
            {Flow("f3", "fork", "security")}
            {Flow("f4", "legal", "join")}
            {Flow("f5", "security", "join")}
            {Flow("f6", "join", "sign")}
            {Flow("f7", "sign", "end")}
            """));
        var instance = await _h.StartAsync("parallel");
        Assert.Equal(2, (await _h.OpenTasksAsync(instance.Id)).Count);

        await _h.CompleteAsync((await _h.OpenTaskAsync(instance.Id, "legal")).Id);
        Assert.Equal(["security"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));

        await _h.CompleteAsync((await _h.OpenTaskAsync(instance.Id, "security")).Id);
        Assert.Equal(["sign"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
        Assert.Single((await _h.InstanceAsync(instance.Id)).ActiveElements);
    }

    /// <summary>Review with a reminder (non-interrupting, 2 working days before the deadline) and an escalation (interrupting, at the deadline).</summary>
    private static string Escalating(string key = "escalating", string extraFlows = "") => Definition(key, $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" sf:candidateRole="provider-reviewer" sf:dueDays="10" />
        <bpmn:boundaryEvent id="reminder" attachedToRef="review" cancelActivity="false">
          <bpmn:timerEventDefinition sf:anchor="taskDue" sf:offsetDays="-2" />
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="overdue" attachedToRef="review">
          <bpmn:timerEventDefinition sf:anchor="taskDue" />
        </bpmn:boundaryEvent>
        <bpmn:sendTask id="remind" sf:activity="notify" />
        <bpmn:userTask id="coordinate" sf:candidateRole="coordinating-office" />
        <bpmn:endEvent id="reminded" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="coordinated" />
        {Flow("f1", "start", "review")}
        {Flow("f2", "review", "end")}
        {Flow("f3", "reminder", "remind")}
        {Flow("f4", "remind", "reminded")}
        {Flow("f5", "overdue", "coordinate")}
        {Flow("f6", "coordinate", "coordinated")}
        {extraFlows}
        """);

    [Fact(DisplayName = "The reminder fires 2 working days before the deadline and the task stays; at the deadline the office takes over")]
    public async Task BoundaryTimers_ReminderThenEscalation()
    {
        await _h.PublishAsync(Escalating());
        var instance = await _h.StartAsync("escalating");
        var waits = await _h.WaitsAsync(instance.Id);
        // Deadline: end of Monday 12-07; eight working days after Monday 11-23 is Thursday 12-03.
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.FromHours(8)), waits.Single(w => w.ElementId == "reminder").DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.FromHours(8)), waits.Single(w => w.ElementId == "overdue").DueAt);
        Assert.All(waits, w => Assert.Equal(w.DueAt, _h.Scheduler.Scheduled[w.Id]));

        Assert.Equal(1, await _h.AdvanceToAsync(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal(["review"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
        var history = await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None);
        Assert.Contains(history, h => h.Kind == "element-completed" && h.ElementId == "remind");

        Assert.Equal(1, await _h.AdvanceToAsync(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal(["coordinate"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
        Assert.Equal(UserTaskStatus.Cancelled, (await _h.AllTasksAsync(instance.Id)).Single(t => t.ElementId == "review").Status);
        Assert.Empty(await _h.WaitsAsync(instance.Id));
        // The history says why the review ended, in the officials' words, naming the event (its id: it has no name).
        var cancelled = Assert.Single(await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None), h => h.Kind == "task-cancelled");
        Assert.Equal(("review", "被“overdue”中断"), (cancelled.ElementId, cancelled.Comment));
    }

    [Fact(DisplayName = "Completing the task in time removes both timers: neither fires later")]
    public async Task CompletingInTime_CancelsTheTimers()
    {
        await _h.PublishAsync(Escalating());
        var instance = await _h.StartAsync("escalating");
        var waitIds = (await _h.WaitsAsync(instance.Id)).Select(w => w.Id).ToList();

        await _h.CompleteAsync((await _h.OpenTaskAsync(instance.Id, "review")).Id);

        Assert.Empty(await _h.WaitsAsync(instance.Id));
        Assert.All(waitIds, id => Assert.False(_h.Scheduler.Scheduled.ContainsKey(id)));
        foreach (var id in waitIds)
        {
            await _h.Engine.FireAsync(id, CancellationToken.None); // a stale trigger: nothing happens
        }

        Assert.Equal(0, await _h.AdvanceAsync(TimeSpan.FromDays(60)));
        Assert.Equal(InstanceStatus.Completed, (await _h.InstanceAsync(instance.Id)).Status);
    }

    [Fact(DisplayName = "A task entered again after a loop gets fresh timers; the old ones never fire")]
    public async Task ReEntry_GetsFreshTimers()
    {
        await _h.PublishAsync(Definition("loop", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" sf:candidateRole="provider-reviewer" sf:dueDays="5" />
            <bpmn:boundaryEvent id="overdue" attachedToRef="review">
              <bpmn:timerEventDefinition sf:anchor="taskDue" />
            </bpmn:boundaryEvent>
            <bpmn:exclusiveGateway id="complete" default="back" />
            <bpmn:userTask id="supplement" sf:candidateRole="requesting-clerk" />
            <bpmn:userTask id="coordinate" sf:candidateRole="coordinating-office" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="coordinated" />
            {Flow("f1", "start", "review")}
            {Flow("f2", "review", "complete")}
            {Flow("done", "complete", "end", "${decision == 'approve'}")}
            {Flow("back", "complete", "supplement")}
            {Flow("f3", "supplement", "review")}
            {Flow("f4", "overdue", "coordinate")}
            {Flow("f5", "coordinate", "coordinated")}
            """));
        var instance = await _h.StartAsync("loop");
        var first = Assert.Single(await _h.WaitsAsync(instance.Id));

        await _h.CompleteAsync((await _h.OpenTaskAsync(instance.Id, "review")).Id, new Dictionary<string, object?> { ["decision"] = "return" });
        await _h.AdvanceAsync(TimeSpan.FromDays(3)); // Thursday 11-26
        await _h.CompleteAsync((await _h.OpenTaskAsync(instance.Id, "supplement")).Id);

        var second = Assert.Single(await _h.WaitsAsync(instance.Id));
        Assert.NotEqual(first.Id, second.Id);
        // Re-entered on Thursday 11-26: five working days run to Thursday 12-03.
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.FromHours(8)), second.DueAt);
        await _h.Engine.FireAsync(first.Id, CancellationToken.None);
        Assert.Equal(["review"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));

        await _h.AdvanceToAsync(second.DueAt!.Value);
        Assert.Equal(["coordinate"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
    }

    [Fact(DisplayName = "An event-based gateway takes the message when it comes first and drops the timer")]
    public async Task EventBasedGateway_MessageWins()
    {
        await _h.PublishAsync(EventRace());
        var instance = await _h.StartAsync("race", businessKey: "SQ-2026-0001");
        Assert.Equal(2, (await _h.WaitsAsync(instance.Id)).Count);

        var delivered = await _h.Engine.CorrelateMessageAsync("materialsSupplied", "SQ-2026-0001", new Dictionary<string, object?> { ["pages"] = 12 }, CancellationToken.None);

        Assert.Equal(1, delivered);
        Assert.Equal(["review"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
        Assert.Empty(await _h.WaitsAsync(instance.Id));
        Assert.Equal(12, (int)(await _h.InstanceAsync(instance.Id)).Variables["pages"]!);
    }

    [Fact(DisplayName = "An event-based gateway takes the timer when the message does not come in time")]
    public async Task EventBasedGateway_TimerWins()
    {
        await _h.PublishAsync(EventRace());
        var instance = await _h.StartAsync("race", businessKey: "SQ-2026-0002");

        Assert.Equal(1, await _h.AdvanceAsync(TimeSpan.FromDays(31)));

        Assert.Equal(InstanceStatus.Completed, (await _h.InstanceAsync(instance.Id)).Status);
        await Assert.ThrowsAsync<MessageNotCorrelatedException>(() => _h.Engine.CorrelateMessageAsync("materialsSupplied", "SQ-2026-0002", null, CancellationToken.None));
    }

    private static string EventRace() => Definition("race", $"""
        <bpmn:startEvent id="start" />
        <bpmn:eventBasedGateway id="wait" />
        <bpmn:intermediateCatchEvent id="supplied"><bpmn:messageEventDefinition messageRef="msgSupplied" /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="expired"><bpmn:timerEventDefinition sf:days="30" sf:dayKind="calendar" /></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="review" sf:candidateRole="provider-reviewer" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="withdrawn" />
        {Flow("f1", "start", "wait")}
        {Flow("f2", "wait", "supplied")}
        {Flow("f3", "wait", "expired")}
        {Flow("f4", "supplied", "review")}
        {Flow("f5", "expired", "withdrawn")}
        {Flow("f6", "review", "end")}
        """, """<bpmn:message id="msgSupplied" name="materialsSupplied" />""");

    [Fact(DisplayName = "A message start event starts an instance with the message's business key")]
    public async Task MessageStart_StartsAnInstance()
    {
        await _h.PublishAsync(Definition("objection", $"""
            <bpmn:startEvent id="reported"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
            <bpmn:userTask id="verify" sf:candidateRole="provider-reviewer" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "reported", "verify")}
            {Flow("f2", "verify", "end")}
            """, """<bpmn:message id="m" name="dataObjection" />"""));

        Assert.Equal(1, await _h.Engine.CorrelateMessageAsync("dataObjection", "YY-7", new Dictionary<string, object?> { ["item"] = "人口信息" }, CancellationToken.None));

        await using var db = await _h.Database.Factory.CreateDbContextAsync();
        var instance = await db.ProcessInstances.SingleAsync();
        Assert.Equal("YY-7", instance.BusinessKey);
        Assert.Single(await _h.OpenTasksAsync(instance.Id));
    }

    [Fact(DisplayName = "An interrupting timer on a sub-process cancels the tasks inside it")]
    public async Task SubProcess_BoundaryTimerCancelsInnerWork()
    {
        await _h.PublishAsync(Definition("negotiation", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="negotiate">
              <bpmn:startEvent id="innerStart" />
              <bpmn:userTask id="talk" sf:candidateRole="provider-reviewer" />
              <bpmn:endEvent id="innerEnd" />
              {Flow("i1", "innerStart", "talk")}
              {Flow("i2", "talk", "innerEnd")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="stalled" attachedToRef="negotiate"><bpmn:timerEventDefinition sf:days="15" /></bpmn:boundaryEvent>
            <bpmn:userTask id="coordinate" sf:candidateRole="coordinating-office" />
            <bpmn:endEvent id="agreed" />
            <bpmn:endEvent id="coordinated" />
            {Flow("f1", "start", "negotiate")}
            {Flow("f2", "negotiate", "agreed")}
            {Flow("f3", "stalled", "coordinate")}
            {Flow("f4", "coordinate", "coordinated")}
            """));
        var instance = await _h.StartAsync("negotiation");
        Assert.Equal(["talk"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));

        Assert.Equal(1, await _h.AdvanceAsync(TimeSpan.FromDays(25)));

        Assert.Equal(["coordinate"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
        Assert.Equal(UserTaskStatus.Cancelled, (await _h.AllTasksAsync(instance.Id)).Single(t => t.ElementId == "talk").Status);
    }

    [Fact(DisplayName = "A sub-process completes when its inner path ends and the outer flow goes on")]
    public async Task SubProcess_CompletesNormally()
    {
        await _h.PublishAsync(Definition("inner", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="verify">
              <bpmn:startEvent id="s" />
              <bpmn:userTask id="check" sf:candidateRole="provider-reviewer" />
              <bpmn:endEvent id="e" />
              {Flow("i1", "s", "check")}
              {Flow("i2", "check", "e")}
            </bpmn:subProcess>
            <bpmn:userTask id="answer" sf:candidateRole="coordinating-office" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "verify")}
            {Flow("f2", "verify", "answer")}
            {Flow("f3", "answer", "end")}
            """));
        var instance = await _h.StartAsync("inner");

        await _h.CompleteAsync((await _h.OpenTaskAsync(instance.Id, "check")).Id);

        Assert.Equal(["answer"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
    }

    [Fact(DisplayName = "A call activity runs the called definition with mapped variables and continues with its results")]
    public async Task CallActivity_MapsVariablesInAndOut()
    {
        await _h.PublishAsync(Definition("filing", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="record" sf:candidateRole="coordinating-office" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "record")}
            {Flow("f2", "record", "end")}
            """));
        await _h.PublishAsync(Definition("decision", $"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="file" calledElement="filing">
              <bpmn:extensionElements>
                <sf:in source="decision" target="filedDecision" />
                <sf:out source="filingNumber" target="filingNumber" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:userTask id="inform" sf:candidateRole="requesting-clerk" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "file")}
            {Flow("f2", "file", "inform")}
            {Flow("f3", "inform", "end")}
            """));
        var parent = await _h.StartAsync("decision", new Dictionary<string, object?> { ["decision"] = "approve", ["secret"] = "not passed" });

        await using var db = await _h.Database.Factory.CreateDbContextAsync();
        var child = await db.ProcessInstances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == parent.Id);
        var childView = await _h.InstanceAsync(child.Id);
        Assert.Equal("approve", (string)childView.Variables["filedDecision"]!);
        Assert.False(childView.Variables.ContainsKey("secret"));

        await _h.CompleteAsync((await _h.OpenTaskAsync(child.Id, "record")).Id, new Dictionary<string, object?> { ["filingNumber"] = "备-2026-018" });

        Assert.Equal(InstanceStatus.Completed, (await _h.InstanceAsync(child.Id)).Status);
        Assert.Equal("备-2026-018", (string)(await _h.InstanceAsync(parent.Id)).Variables["filingNumber"]!);
        Assert.Equal(["inform"], (await _h.OpenTasksAsync(parent.Id)).Select(t => t.ElementId));
    }

    [Fact(DisplayName = "Cancelling an instance cancels its open tasks, its timers and the instances it called")]
    public async Task Cancel_EndsEverything()
    {
        await _h.PublishAsync(Escalating("child-escalating"));
        await _h.PublishAsync(Definition("caller", $"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="call" calledElement="child-escalating" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "call")}
            {Flow("f2", "call", "end")}
            """));
        var parent = await _h.StartAsync("caller");
        await using var db = await _h.Database.Factory.CreateDbContextAsync();
        var child = await db.ProcessInstances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == parent.Id);

        await _h.Engine.CancelAsync(parent.Id, "申请人撤回", "clerk", CancellationToken.None);

        Assert.Equal(InstanceStatus.Cancelled, (await _h.InstanceAsync(parent.Id)).Status);
        Assert.Equal("申请人撤回", (await _h.InstanceAsync(parent.Id)).EndReason);
        Assert.Equal(InstanceStatus.Cancelled, (await _h.InstanceAsync(child.Id)).Status);
        Assert.Empty(await _h.OpenTasksAsync(child.Id));
        Assert.Empty(await _h.WaitsAsync(child.Id));
        Assert.Empty(_h.Scheduler.Scheduled);
        await Assert.ThrowsAsync<IllegalStateException>(() => _h.Engine.CancelAsync(parent.Id, "again", "clerk", CancellationToken.None));
    }

    [Fact(DisplayName = "会签: three reviewers in parallel; two approvals complete the countersign and the third task is cancelled")]
    public async Task MultiInstance_Parallel_CompletionCondition()
    {
        await _h.PublishAsync(Definition("countersign", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="sign" sf:candidateRole="reviewer" sf:assignee="${'{'}reviewer{'}'}">
              <bpmn:multiInstanceLoopCharacteristics sf:collection="${'{'}reviewers{'}'}" sf:elementVariable="reviewer">
                <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${'{'}nrOfCompletedInstances &gt;= 2{'}'}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:userTask id="file" sf:candidateRole="coordinating-office" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "sign")}
            {Flow("f2", "sign", "file")}
            {Flow("f3", "file", "end")}
            """));
        var instance = await _h.StartAsync("countersign", new Dictionary<string, object?> { ["reviewers"] = new[] { "张三", "李四", "王五" } });
        var tasks = (await _h.OpenTasksAsync(instance.Id)).OrderBy(t => t.LoopIndex).ToList();
        Assert.Equal(["张三", "李四", "王五"], tasks.Select(t => t.Assignee));

        await _h.CompleteAsync(tasks[0].Id, actor: "张三");
        Assert.Equal(2, (await _h.OpenTasksAsync(instance.Id)).Count(t => t.ElementId == "sign"));
        await _h.CompleteAsync(tasks[2].Id, actor: "王五");

        Assert.Equal(["file"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
        Assert.Equal(UserTaskStatus.Cancelled, (await _h.AllTasksAsync(instance.Id)).Single(t => t.Id == tasks[1].Id).Status);
    }

    [Fact(DisplayName = "A sequential multi-instance task gives the next reviewer a task only when the previous one is done")]
    public async Task MultiInstance_Sequential()
    {
        await _h.PublishAsync(Definition("chain", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="sign" sf:candidateRole="reviewer" sf:assignee="${'{'}reviewer{'}'}">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" sf:collection="${'{'}reviewers{'}'}" sf:elementVariable="reviewer" />
            </bpmn:userTask>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "sign")}
            {Flow("f2", "sign", "end")}
            """));
        var instance = await _h.StartAsync("chain", new Dictionary<string, object?> { ["reviewers"] = new[] { "科长", "处长" } });

        Assert.Equal(["科长"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.Assignee));
        await _h.CompleteAsync((await _h.OpenTasksAsync(instance.Id))[0].Id);
        Assert.Equal(["处长"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.Assignee));
        await _h.CompleteAsync((await _h.OpenTasksAsync(instance.Id))[0].Id);

        Assert.Equal(InstanceStatus.Completed, (await _h.InstanceAsync(instance.Id)).Status);
    }

    [Fact(DisplayName = "A terminate end event ends the other branch's open task")]
    public async Task TerminateEnd_EndsOtherBranches()
    {
        await _h.PublishAsync(Definition("terminate", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="a" sf:candidateRole="r" />
            <bpmn:userTask id="b" sf:candidateRole="r" />
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "fork")}
            {Flow("f2", "fork", "a")}
            {Flow("f3", "fork", "b")}
            {Flow("f4", "a", "stop")}
            {Flow("f5", "b", "end")}
            """));
        var instance = await _h.StartAsync("terminate");

        await _h.CompleteAsync((await _h.OpenTaskAsync(instance.Id, "a")).Id);

        Assert.Equal(InstanceStatus.Completed, (await _h.InstanceAsync(instance.Id)).Status);
        Assert.Equal(UserTaskStatus.Cancelled, (await _h.AllTasksAsync(instance.Id)).Single(t => t.ElementId == "b").Status);
    }

    [Fact(DisplayName = "A timeCycle reminder repeats as often as R says, then stops")]
    public async Task CycleTimer_RepeatsThenStops()
    {
        await _h.PublishAsync(Definition("nagging", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" sf:candidateRole="r" />
            <bpmn:boundaryEvent id="nag" attachedToRef="review" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R2/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="nagged" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "review")}
            {Flow("f2", "review", "end")}
            {Flow("f3", "nag", "nagged")}
            """));
        var instance = await _h.StartAsync("nagging");

        Assert.Equal(1, await _h.AdvanceAsync(TimeSpan.FromDays(1)));
        Assert.Equal(1, await _h.AdvanceAsync(TimeSpan.FromDays(1)));
        Assert.Equal(0, await _h.AdvanceAsync(TimeSpan.FromDays(5)));

        var fired = (await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None)).Count(h => h.Kind == "timer-fired");
        Assert.Equal(2, fired);
        Assert.Single(await _h.OpenTasksAsync(instance.Id));
    }

    [Fact(DisplayName = "A timeDuration catch event fires after its ISO 8601 duration")]
    public async Task DurationTimer_FiresAfterDuration()
    {
        await _h.PublishAsync(Definition("pause", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="cool"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "cool")}
            {Flow("f2", "cool", "end")}
            """));
        var instance = await _h.StartAsync("pause");
        Assert.Equal(EngineHarness.Monday.AddHours(2), Assert.Single(await _h.WaitsAsync(instance.Id)).DueAt);

        Assert.Equal(0, await _h.AdvanceAsync(TimeSpan.FromMinutes(119)));
        Assert.Equal(1, await _h.AdvanceAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(InstanceStatus.Completed, (await _h.InstanceAsync(instance.Id)).Status);
    }

    [Fact(DisplayName = "Publishing again makes version 2; a running instance stays on version 1")]
    public async Task Versioning_RunningInstancesKeepTheirVersion()
    {
        var v1 = await _h.Engine.Definitions.PublishAsync(Sharing, "admin", CancellationToken.None);
        var old = await _h.StartAsync("sharing", new Dictionary<string, object?> { ["providerDepartment"] = "A" });
        var v2 = await _h.Engine.Definitions.PublishAsync(Sharing.Replace("sf:dueDays=\"sharing.answerDays\"", "sf:dueDays=\"5\"", StringComparison.Ordinal), "admin", CancellationToken.None);
        var fresh = await _h.StartAsync("sharing", new Dictionary<string, object?> { ["providerDepartment"] = "A" });

        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.Equal(1, old.DefinitionVersion);
        Assert.Equal(2, fresh.DefinitionVersion);
        Assert.Equal(10, (await _h.OpenTaskAsync(old.Id, "review")).DueDays);
        Assert.Equal(5, (await _h.OpenTaskAsync(fresh.Id, "review")).DueDays);
        Assert.Equal([1, 2], (await _h.Engine.Definitions.ListVersionsAsync("sharing", CancellationToken.None)).Select(v => v.Version));
        Assert.Contains("sharing.answerDays", await _h.Engine.Definitions.GetXmlAsync("sharing", 1, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact(DisplayName = "A version published on another host is the one this host starts next")]
    public async Task Versioning_AVersionPublishedElsewhere_IsStartedNext()
    {
        await _h.PublishAsync(Sharing);
        var before = await _h.StartAsync("sharing", new Dictionary<string, object?> { ["providerDepartment"] = "A" });
        var otherHost = _h.NewEngine();
        await otherHost.Definitions.PublishAsync(Sharing.Replace("sf:dueDays=\"sharing.answerDays\"", "sf:dueDays=\"5\"", StringComparison.Ordinal), "admin", CancellationToken.None);

        var after = await _h.StartAsync("sharing", new Dictionary<string, object?> { ["providerDepartment"] = "A" });
        var again = await _h.StartAsync("sharing", new Dictionary<string, object?> { ["providerDepartment"] = "B" });

        Assert.Equal((1, 2, 2), (before.DefinitionVersion, after.DefinitionVersion, again.DefinitionVersion));
        Assert.Equal(5, (await _h.OpenTaskAsync(after.Id, "review")).DueDays);
        Assert.Equal(3, await CountInstancesAsync());
    }

    [Fact(DisplayName = "Starting an instance answers with the tasks it opened, as reading the instance does")]
    public async Task Start_AnswersWithItsOpenTasks()
    {
        await _h.PublishAsync(Sharing);

        var started = await _h.StartAsync("sharing", new Dictionary<string, object?> { ["providerDepartment"] = "A" });

        var review = Assert.Single(started.OpenTasks);
        var stored = await _h.OpenTaskAsync(started.Id, "review");
        Assert.Equal((stored.Id, "review", "A", stored.DueDate, UserTaskStatus.Open), (review.Id, review.ElementId, review.CandidateDepartment, review.DueDate, review.Status));
        Assert.Equal(started.OpenTasks, (await _h.InstanceAsync(started.Id)).OpenTasks);
        await _h.CompleteAsync(review.Id, new Dictionary<string, object?> { ["decision"] = "approve" }, "approve");
        Assert.Empty((await _h.InstanceAsync(started.Id)).OpenTasks);
    }

    private async Task<int> CountInstancesAsync()
    {
        await using var db = await _h.Database.Factory.CreateDbContextAsync();
        return await db.ProcessInstances.CountAsync();
    }

    [Fact(DisplayName = "An invalid definition is not published and its errors name the elements")]
    public async Task Publish_Invalid_IsRejectedWithElementIds()
    {
        var invalid = Definition("broken", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="orphanTask" />
            <bpmn:serviceTask id="grant" sf:activity="no-such-activity" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "grant")}
            {Flow("f2", "grant", "end")}
            """);

        var error = await Assert.ThrowsAsync<DefinitionInvalidException>(() => _h.PublishAsync(invalid));

        Assert.Contains(error.Errors, e => e.ElementId == "grant" && e.Code == ValidationCodes.UnknownActivity);
        Assert.Contains(error.Errors, e => e.ElementId == "orphanTask");
        Assert.Empty(await _h.Engine.Definitions.ListVersionsAsync("broken", CancellationToken.None));
        await Assert.ThrowsAsync<EngineNotFoundException>(() => _h.StartAsync("broken"));
    }

    [Fact(DisplayName = "补正: a suspended task's clock stops; on resubmission it resumes with the working days that were left")]
    public async Task SuspendAndResume_PausesTheDeadline()
    {
        await _h.PublishAsync(Escalating());
        var instance = await _h.StartAsync("escalating");
        var task = await _h.OpenTaskAsync(instance.Id, "review");
        await _h.AdvanceAsync(TimeSpan.FromDays(3)); // Thursday 11-26

        var remaining = await _h.Engine.SuspendTaskAsync(task.Id, "reviewer-1", "材料不全", CancellationToken.None);

        // Due Monday 12-07; from Thursday 11-26 that leaves 11-27, 11-30, 12-01..12-04 and 12-07: seven working days.
        Assert.Equal(7, remaining);
        Assert.Empty(await _h.WaitsAsync(instance.Id));
        Assert.Equal(0, await _h.AdvanceAsync(TimeSpan.FromDays(11))); // Monday 12-07: nothing fires while suspended
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _h.CompleteAsync(task.Id));

        await _h.Engine.ResumeTaskAsync(task.Id, "clerk", CancellationToken.None);

        var resumed = await _h.OpenTaskAsync(instance.Id, "review");
        Assert.Equal(new DateOnly(2026, 12, 16), resumed.DueDate); // seven working days after Monday 12-07
        var waits = await _h.WaitsAsync(instance.Id);
        Assert.Equal(resumed.DueAt, waits.Single(w => w.ElementId == "overdue").DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 0, 0, 0, TimeSpan.FromHours(8)), waits.Single(w => w.ElementId == "reminder").DueAt);
        var history = await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None);
        Assert.Contains(history, h => h.Kind == "task-suspended" && h.Comment == "材料不全");
        Assert.Contains(history, h => h.Kind == "task-resumed" && h.Actor == "clerk");
    }

    [Fact(DisplayName = "An instance counts with the profile version it started under, not the engine's default")]
    public async Task PolicySnapshot_DecidesTheDays()
    {
        await _h.PublishAsync(Sharing);
        var policy = new JsonObject { ["code"] = "shenyang", ["version"] = 1, ["parameters"] = new JsonObject { ["sharing.answerDays"] = 5 } };

        var shenyang = await _h.StartAsync("sharing", new Dictionary<string, object?> { ["providerDepartment"] = "A", ["policy"] = policy });
        var fallback = await _h.StartAsync("sharing", new Dictionary<string, object?> { ["providerDepartment"] = "A" });

        Assert.Equal(5, (await _h.OpenTaskAsync(shenyang.Id, "review")).DueDays);
        Assert.Equal(new DateOnly(2026, 11, 30), (await _h.OpenTaskAsync(shenyang.Id, "review")).DueDate);
        Assert.Equal(10, (await _h.OpenTaskAsync(fallback.Id, "review")).DueDays);
    }

    [Fact(DisplayName = "An activity that rejects its input rolls the completion back with the error; nothing is retried")]
    public async Task ActivityRejection_IsTheCallersError()
    {
        await _h.PublishAsync(Definition("checked", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" sf:candidateRole="provider-reviewer" />
            <bpmn:serviceTask id="decide" sf:activity="check" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "review")}
            {Flow("f2", "review", "decide")}
            {Flow("f3", "decide", "end")}
            """));
        var instance = await _h.StartAsync("checked");
        var task = await _h.OpenTaskAsync(instance.Id, "review");

        var error = await Assert.ThrowsAsync<ShareFlow.Domain.DomainException>(() => _h.CompleteAsync(task.Id));

        Assert.Equal("A refusal needs written reasons.", error.Message);
        Assert.Equal(task.Id, (await _h.OpenTaskAsync(instance.Id, "review")).Id);
        Assert.Empty(await _h.WaitsAsync(instance.Id));
        await _h.CompleteAsync(task.Id, new Dictionary<string, object?> { ["reasons"] = "无共享依据" });
        Assert.Equal(InstanceStatus.Completed, (await _h.InstanceAsync(instance.Id)).Status);
    }

    [Fact(DisplayName = "Importing a calendar year moves the pending deadlines that depend on it")]
    public async Task CalendarChange_RecomputesPendingDeadlines()
    {
        await _h.PublishAsync(Escalating());
        _h.Clock.AdvanceTo(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.FromHours(8)));
        var instance = await _h.StartAsync("escalating");
        var before = await _h.OpenTaskAsync(instance.Id, "review");
        // Provisionally: ten working days after Monday 12-21, skipping 1 January 2027, is Tuesday 2027-01-05.
        Assert.Equal(new DateOnly(2027, 1, 5), before.DueDate);
        Assert.True(before.DueProvisional);

        // The 2027 notice (illustrative) gives 31 December 2026 and 4 January 2027 off as well.
        var notice = YearArrangement.FromDocument(new YearArrangementDocument
        {
            Year = 2027,
            Days = [new() { Name = "元旦", Date = "2027-01-01", IsOffDay = true }, new() { Name = "元旦", Date = "2027-01-04", IsOffDay = true }],
        });
        var notice2026 = _h.Current.Arrangements.Single(a => a.Year == 2026);
        _h.Current = _h.Current.WithYear(notice);
        var moved = await _h.Engine.RecomputeDeadlinesAsync(new CalendarChange([2026, 2027], null, _h.Current), CancellationToken.None);

        var after = await _h.OpenTaskAsync(instance.Id, "review");
        Assert.Equal(new DateOnly(2027, 1, 6), after.DueDate);
        Assert.False(after.DueProvisional);
        var overdue = (await _h.WaitsAsync(instance.Id)).Single(w => w.ElementId == "overdue");
        Assert.Equal(after.DueAt, overdue.DueAt);
        Assert.Equal(overdue.DueAt, _h.Scheduler.Scheduled[overdue.Id]);
        Assert.Equal(3, moved);
        Assert.NotNull(notice2026);
    }
}

public sealed class WorkflowEngineTestsOnSqlite() : WorkflowEngineTests(DatabaseProvider.Sqlite);

public sealed class WorkflowEngineTestsOnPostgres() : WorkflowEngineTests(DatabaseProvider.Postgres);
