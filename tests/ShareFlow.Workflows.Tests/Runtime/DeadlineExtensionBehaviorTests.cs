using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.Processes;

namespace ShareFlow.Workflows.Tests.Runtime;

/// <summary>
/// <c>sf:dueFrom</c> and <c>sf:extendDeadlineOf</c> on the real engine and SQLite. Instances start on Monday 2026-11-23,
/// 09:00; the triggering event is a week earlier, Monday 11-16. November and December 2026 have no holidays, so the
/// working days after 11-16 are 11-17..11-20 (4), 11-23..11-27 (9), 11-30 (10), 12-01..12-04 (14), 12-07 (15) ... 12-28 (30).
/// </summary>
public sealed class DeadlineExtensionBehaviorTests : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private EngineHarness _h = null!;

    public async Task InitializeAsync() =>
        _h = await EngineHarness.CreateAsync(DatabaseProvider.Sqlite, parameters: new Dictionary<string, int> { ["catalog.changeDays"] = 10, ["catalog.extensionDays"] = 20 });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>submit: due catalog.changeDays after ${eventDate}, with the reminder ladder; a message asks for more time.</summary>
    private static string Changing(string extendDays = "catalog.extensionDays") => Definition("changing", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="submit" sf:candidateRole="clerk" sf:dueDays="catalog.changeDays" sf:dueFrom="${'{'}eventDate{'}'}" />
        <bpmn:boundaryEvent id="half" attachedToRef="submit" cancelActivity="false"><bpmn:timerEventDefinition sf:anchor="taskDue" sf:fraction="0.5" /></bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="soon" attachedToRef="submit" cancelActivity="false"><bpmn:timerEventDefinition sf:anchor="taskDue" sf:offsetDays="-2" /></bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="overdue" attachedToRef="submit" cancelActivity="false"><bpmn:timerEventDefinition sf:anchor="taskDue" /></bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="asked" attachedToRef="submit" cancelActivity="false"><bpmn:messageEventDefinition messageRef="M" /></bpmn:boundaryEvent>
        <bpmn:sendTask id="remindHalf" sf:activity="notify" />
        <bpmn:sendTask id="remindSoon" sf:activity="notify" />
        <bpmn:sendTask id="late" sf:activity="notify" />
        <bpmn:task id="extend" name="延长提交期限" sf:extendDeadlineOf="submit" sf:extendDays="{extendDays}" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="halfEnd" />
        <bpmn:endEvent id="soonEnd" />
        <bpmn:endEvent id="lateEnd" />
        <bpmn:endEvent id="extended" />
        {Flow("f1", "start", "submit")}
        {Flow("f2", "submit", "end")}
        {Flow("f3", "half", "remindHalf")}
        {Flow("f4", "remindHalf", "halfEnd")}
        {Flow("f5", "soon", "remindSoon")}
        {Flow("f6", "remindSoon", "soonEnd")}
        {Flow("f7", "overdue", "late")}
        {Flow("f8", "late", "lateEnd")}
        {Flow("f9", "asked", "extend")}
        {Flow("f10", "extend", "extended")}
        """, """<bpmn:message id="M" name="extensionRequested" />""");

    private static DateTimeOffset Midnight(int month, int day) => new(2026, month, day, 0, 0, 0, Shanghai);

    private Task<InstanceView> StartAsync(object? eventDate) =>
        _h.StartAsync("changing", new Dictionary<string, object?> { ["eventDate"] = eventDate });

    private async Task<Dictionary<string, DateTimeOffset?>> TimersAsync(Guid instanceId) =>
        (await _h.WaitsAsync(instanceId)).Where(w => w.Kind == WaitKind.Timer).ToDictionary(w => w.ElementId, w => w.DueAt);

    [Fact(DisplayName = "sf:dueFrom: the period counts from the event's date, not from the day the task is created; the ladder follows")]
    public async Task DueFrom_CountsFromTheEventDate()
    {
        await _h.PublishAsync(Changing());

        var instance = await StartAsync("2026-11-16");

        var task = await _h.OpenTaskAsync(instance.Id, "submit");
        // Ten working days after Monday 11-16 end on Monday 11-30; counted from the task's creation they would end on 12-07.
        Assert.Equal(new DateOnly(2026, 11, 16), task.DueBasisDate);
        Assert.Equal(new DateOnly(2026, 11, 30), task.DueDate);
        var timers = await TimersAsync(instance.Id);
        Assert.Equal(Midnight(11, 24), timers["half"]); // the 5th working day after the event is 11-23
        Assert.Equal(Midnight(11, 27), timers["soon"]); // the 8th is 11-26
        Assert.Equal(Midnight(12, 1), timers["overdue"]);
    }

    [Fact(DisplayName = "sf:dueFrom given as a literal date or an instant counts from that (Shanghai) date")]
    public async Task DueFrom_AcceptsInstantsAndLiterals()
    {
        await _h.PublishAsync(Changing());
        await _h.PublishAsync(Definition("fixedBasis", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="submit" sf:candidateRole="clerk" sf:dueDays="3" sf:dueFrom="2026-11-16" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "submit")}
            {Flow("f2", "submit", "end")}
            """));

        // 2026-11-16T20:30Z is already Tuesday 11-17 in Shanghai.
        var fromInstant = await StartAsync("2026-11-16T20:30:00Z");
        var fromLiteral = await _h.StartAsync("fixedBasis");

        Assert.Equal(new DateOnly(2026, 12, 1), (await _h.OpenTaskAsync(fromInstant.Id, "submit")).DueDate);
        Assert.Equal(new DateOnly(2026, 11, 19), (await _h.OpenTaskAsync(fromLiteral.Id, "submit")).DueDate);
    }

    [Fact(DisplayName = "A period that ran out before the task was created is overdue at once: the whole ladder fires on the next sweep")]
    public async Task DueFrom_InThePast_FiresAtOnce()
    {
        await _h.PublishAsync(Changing());

        // Ten working days after Monday 10-26 ended on Monday 11-09.
        var instance = await StartAsync("2026-10-26");

        Assert.Equal(new DateOnly(2026, 11, 9), (await _h.OpenTaskAsync(instance.Id, "submit")).DueDate);
        Assert.Equal(3, await _h.AdvanceAsync(TimeSpan.Zero));
        var fired = (await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None)).Where(e => e.Kind == "timer-fired").Select(e => e.ElementId).Order().ToList();
        Assert.Equal(["half", "overdue", "soon"], fired);
        Assert.Equal("submit", (await _h.OpenTaskAsync(instance.Id, "submit")).ElementId);
    }

    [Theory(DisplayName = "sf:dueFrom that is absent or not a date stops the start with an error naming the task; nothing is stored")]
    [InlineData(null)]
    [InlineData("next Monday")]
    [InlineData(20261116)]
    public async Task DueFrom_NotADate_IsAnError(object? eventDate)
    {
        await _h.PublishAsync(Changing());

        var error = await Assert.ThrowsAsync<ProcessExecutionException>(() => StartAsync(eventDate));

        Assert.Equal("submit", error.ElementId);
        Assert.Contains("sf:dueFrom", error.Message, StringComparison.Ordinal);
        await using var db = await _h.Database.Factory.CreateDbContextAsync();
        Assert.Empty(db.ProcessInstances);
    }

    [Fact(DisplayName = "延期: the extension moves the due date by 20 working days from the same basis and the ladder moves with it")]
    public async Task Extension_MovesTheDeadlineAndTheLadder()
    {
        await _h.PublishAsync(Changing());
        var instance = await StartAsync("2026-11-16");
        await _h.AdvanceToAsync(Midnight(11, 24)); // the halfway reminder is given

        await _h.Engine.CorrelateMessageAsync("extensionRequested", "case-1", null, CancellationToken.None);

        var task = await _h.OpenTaskAsync(instance.Id, "submit");
        // Thirty working days after 11-16 end on Monday 12-28.
        Assert.Equal((30, new DateOnly(2026, 12, 28), Midnight(12, 29)), (task.DueDays, task.DueDate, task.DueAt));
        var timers = await TimersAsync(instance.Id);
        Assert.Equal(Midnight(12, 8), timers["half"]); // half of the longer period (15th working day, 12-07) is still ahead
        Assert.Equal(Midnight(12, 25), timers["soon"]); // the 28th working day is 12-24
        Assert.Equal(Midnight(12, 29), timers["overdue"]);
        Assert.Equal(timers["overdue"], _h.Scheduler.Scheduled[(await _h.WaitsAsync(instance.Id)).Single(w => w.ElementId == "overdue").Id]);
        var history = await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None);
        Assert.Contains(history, e => e.Kind == "deadline-extended" && e.TaskId == task.Id);

        Assert.Equal(0, await _h.AdvanceToAsync(Midnight(12, 1))); // the old deadline passes quietly
        Assert.Equal("submit", (await _h.OpenTaskAsync(instance.Id, "submit")).ElementId);
    }

    [Fact(DisplayName = "延期: a reminder already given is not repeated when its new moment has passed; the deadline timer still moves")]
    public async Task Extension_DoesNotRepeatPassedReminders()
    {
        await _h.PublishAsync(Changing(extendDays: "1"));
        var instance = await StartAsync("2026-11-16");
        await _h.AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 10, 0, 0, Shanghai)); // the last day: both reminders were given

        await _h.Engine.CorrelateMessageAsync("extensionRequested", "case-1", null, CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 12, 1), (await _h.OpenTaskAsync(instance.Id, "submit")).DueDate);
        // Eleven days: half is the 6th working day (11-24) and two before the end the 9th (11-27), both past.
        Assert.Equal(new Dictionary<string, DateTimeOffset?> { ["overdue"] = Midnight(12, 2) }, await TimersAsync(instance.Id));
    }

    [Fact(DisplayName = "延期 while suspended (补正): the days are added to what was left and count from the resumption")]
    public async Task Extension_OfASuspendedTask_AddsToTheDaysLeft()
    {
        await _h.PublishAsync(Changing());
        var instance = await StartAsync("2026-11-16");
        var task = await _h.OpenTaskAsync(instance.Id, "submit");
        _h.Clock.AdvanceTo(new DateTimeOffset(2026, 11, 26, 9, 0, 0, Shanghai));
        Assert.Equal(2, await _h.Engine.SuspendTaskAsync(task.Id, "office", "材料不全", CancellationToken.None)); // 11-27 and 11-30 were left

        await _h.Engine.CorrelateMessageAsync("extensionRequested", "case-1", null, CancellationToken.None);
        _h.Clock.AdvanceTo(new DateTimeOffset(2026, 11, 30, 9, 0, 0, Shanghai));
        await _h.Engine.ResumeTaskAsync(task.Id, "clerk", CancellationToken.None);

        // Twenty-two working days after Monday 11-30 end on Wednesday 12-30.
        Assert.Equal(new DateOnly(2026, 12, 30), (await _h.OpenTaskAsync(instance.Id, "submit")).DueDate);
    }

    [Fact(DisplayName = "An extension of 0 days (a profile without extensions) changes nothing and says so in the history")]
    public async Task Extension_OfZeroDays_ChangesNothing()
    {
        await _h.PublishAsync(Changing());
        var policy = new System.Text.Json.Nodes.JsonObject { ["parameters"] = new System.Text.Json.Nodes.JsonObject { ["catalog.changeDays"] = 3, ["catalog.extensionDays"] = 0 } };
        var instance = await _h.StartAsync("changing", new Dictionary<string, object?> { ["eventDate"] = "2026-11-16", ["policy"] = policy });
        var before = await TimersAsync(instance.Id);

        await _h.Engine.CorrelateMessageAsync("extensionRequested", "case-1", null, CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 11, 19), (await _h.OpenTaskAsync(instance.Id, "submit")).DueDate);
        Assert.Equal(before, await TimersAsync(instance.Id));
        Assert.Contains(await _h.Engine.GetHistoryAsync(instance.Id, CancellationToken.None), e => e.Kind == "deadline-not-extended");
    }
}
