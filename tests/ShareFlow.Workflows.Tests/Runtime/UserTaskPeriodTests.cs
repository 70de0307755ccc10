using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.Processes;

namespace ShareFlow.Workflows.Tests.Runtime;

/// <summary>
/// Where a user task's period starts (<c>sf:dueFrom</c>) and how it is counted when the profile decides
/// (<c>sf:dueDayKind="${…}"</c>). Instances start on Monday 2026-11-23, 09:00 Shanghai time, far from any holiday.
/// </summary>
public sealed class UserTaskPeriodTests : IAsyncLifetime
{
    private EngineHarness _h = null!;

    public async Task InitializeAsync() => _h = await EngineHarness.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>submit (5 working days from <c>completionDate</c>) with a reminder 1 day before and an interrupting overdue timer.</summary>
    private static string Submission(string dueFrom = "${completionDate}") => Definition("submission", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="submit" sf:candidateRole="requesting-clerk" sf:dueDays="5" sf:dueFrom="{dueFrom}" />
        <bpmn:boundaryEvent id="dueSoon" attachedToRef="submit" cancelActivity="false">
          <bpmn:timerEventDefinition sf:anchor="taskDue" sf:offsetDays="-1" />
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="overdue" attachedToRef="submit">
          <bpmn:timerEventDefinition sf:anchor="taskDue" />
        </bpmn:boundaryEvent>
        <bpmn:userTask id="urge" sf:candidateRole="coordinating-office" />
        <bpmn:endEvent id="reminded" />
        <bpmn:endEvent id="submitted" />
        <bpmn:endEvent id="urged" />
        {Flow("f1", "start", "submit")}
        {Flow("f2", "submit", "submitted")}
        {Flow("f3", "dueSoon", "reminded")}
        {Flow("f4", "overdue", "urge")}
        {Flow("f5", "urge", "urged")}
        """);

    [Fact(DisplayName = "sf:dueFrom counts the period from the event's date, not from the day the task is created")]
    public async Task DueFrom_CountsFromTheGivenDate()
    {
        await _h.PublishAsync(Submission());

        // Completed on Wednesday 11-18: 11-19, 11-20, 11-23, 11-24, 11-25 are the five working days (from the day the
        // task is created, Monday 11-23, it would have been Monday 11-30).
        var instance = await _h.StartAsync("submission", new Dictionary<string, object?> { ["completionDate"] = "2026-11-18" });

        var task = await _h.OpenTaskAsync(instance.Id, "submit");
        Assert.Equal(new DateOnly(2026, 11, 25), task.DueDate);
        Assert.Equal(new DateOnly(2026, 11, 18), task.DueBasisDate);
        var waits = await _h.WaitsAsync(instance.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(8)), waits.Single(w => w.ElementId == "dueSoon").DueAt);
        Assert.Equal(task.DueAt, waits.Single(w => w.ElementId == "overdue").DueAt);
    }

    [Fact(DisplayName = "A period that ended before the task was created fires its timers at once")]
    public async Task DueFrom_AlreadyPast_FiresAtOnce()
    {
        await _h.PublishAsync(Submission());

        // Completed on Monday 11-02: the fifth working day after it is Monday 11-09, two weeks before the task exists.
        var instance = await _h.StartAsync("submission", new Dictionary<string, object?> { ["completionDate"] = "2026-11-02" });
        Assert.Equal(new DateOnly(2026, 11, 9), (await _h.OpenTaskAsync(instance.Id, "submit")).DueDate);

        Assert.Equal(2, await _h.Engine.FireDueAsync(CancellationToken.None));

        Assert.Equal(["urge"], (await _h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
    }

    [Fact(DisplayName = "A date written in the expression itself is a yyyy-MM-dd string too")]
    public async Task DueFrom_LiteralDateInExpression()
    {
        await _h.PublishAsync(Submission("${'2026-11-18'}"));

        var instance = await _h.StartAsync("submission");

        Assert.Equal(new DateOnly(2026, 11, 25), (await _h.OpenTaskAsync(instance.Id, "submit")).DueDate);
    }

    [Theory(DisplayName = "sf:dueFrom that gives no date refuses the start and stores nothing")]
    [InlineData("下周一")]
    [InlineData("2026/11/18")]
    [InlineData(null)]
    [InlineData("1900-01-01")]
    public async Task DueFrom_NotADate_RefusesTheStart(string? completionDate)
    {
        await _h.PublishAsync(Submission());

        var error = await Assert.ThrowsAsync<ProcessExecutionException>(() =>
            _h.StartAsync("submission", new Dictionary<string, object?> { ["completionDate"] = completionDate }));

        Assert.Equal("submit", error.ElementId);
        Assert.Contains("sf:dueFrom", error.Message, StringComparison.Ordinal);
        await using var db = await _h.Database.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.ProcessInstances.CountAsync());
    }

    [Fact(DisplayName = "A suspended task with sf:dueFrom resumes with the working days that were left, counted from the resumption")]
    public async Task DueFrom_SuspendAndResume_KeepsTheDaysLeft()
    {
        await _h.PublishAsync(Submission());
        var instance = await _h.StartAsync("submission", new Dictionary<string, object?> { ["completionDate"] = "2026-11-18" });
        var task = await _h.OpenTaskAsync(instance.Id, "submit");

        // Due 11-25 and suspended on Monday 11-23: 11-24 and 11-25 are left.
        Assert.Equal(2, await _h.Engine.SuspendTaskAsync(task.Id, "clerk", "材料不全", CancellationToken.None));
        _h.Clock.AdvanceTo(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8)));
        await _h.Engine.ResumeTaskAsync(task.Id, "clerk", CancellationToken.None);

        // Resumed on Monday 11-30: Tuesday 12-01 and Wednesday 12-02.
        Assert.Equal(new DateOnly(2026, 12, 2), (await _h.OpenTaskAsync(instance.Id, "submit")).DueDate);
    }

    /// <summary>answer: 10 days, working or calendar as the instance's <c>calendarDays</c> says; a reminder 2 days before.</summary>
    private static readonly string Answering = Definition("answering", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="answer" sf:candidateRole="provider-reviewer" sf:dueDays="10" sf:dueDayKind="${'{'}calendarDays ? 'calendar' : 'working'{'}'}" />
        <bpmn:boundaryEvent id="dueSoon" attachedToRef="answer" cancelActivity="false">
          <bpmn:timerEventDefinition sf:anchor="taskDue" sf:offsetDays="-2" />
        </bpmn:boundaryEvent>
        <bpmn:endEvent id="answered" />
        <bpmn:endEvent id="reminded" />
        {Flow("f1", "start", "answer")}
        {Flow("f2", "answer", "answered")}
        {Flow("f3", "dueSoon", "reminded")}
        """);

    [Theory(DisplayName = "sf:dueDayKind as an expression counts working or calendar days as the instance decides; its reminders follow")]
    [InlineData(false, "2026-12-07", "working", "2026-12-03")] // ten working days after Monday 11-23; two working days earlier is Thursday 12-03
    [InlineData(true, "2026-12-03", "calendar", "2026-12-01")] // ten calendar days after 11-23 is Thursday 12-03; two calendar days earlier is 12-01
    public async Task DueDayKindExpression_ChoosesTheKind(bool calendarDays, string due, string kind, string reminder)
    {
        await _h.PublishAsync(Answering);

        var instance = await _h.StartAsync("answering", new Dictionary<string, object?> { ["calendarDays"] = calendarDays });

        var task = await _h.OpenTaskAsync(instance.Id, "answer");
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), task.DueDate);
        Assert.Equal(kind, task.DueDayKind);
        var dueSoon = (await _h.WaitsAsync(instance.Id)).Single(w => w.ElementId == "dueSoon");
        Assert.Equal(ShareFlow.Domain.Calendar.ChinaTime.EndOfDay(DateOnly.Parse(reminder, System.Globalization.CultureInfo.InvariantCulture)), dueSoon.DueAt);
    }

    [Fact(DisplayName = "A calendar-day period whose last day is a rest day ends on the next working day, also when the kind comes from an expression")]
    public async Task DueDayKindExpression_Calendar_MovesOffARestDay()
    {
        await _h.PublishAsync(Answering);
        _h.Clock.AdvanceTo(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8)));

        // Ten calendar days after Wednesday 11-25 is Saturday 12-05: the period ends on Monday 12-07 (Civil Code art. 203).
        var instance = await _h.StartAsync("answering", new Dictionary<string, object?> { ["calendarDays"] = true });

        Assert.Equal(new DateOnly(2026, 12, 7), (await _h.OpenTaskAsync(instance.Id, "answer")).DueDate);
    }

    [Fact(DisplayName = "sf:dueDayKind giving neither 'working' nor 'calendar' refuses the start, naming the task")]
    public async Task DueDayKindExpression_OtherValue_RefusesTheStart()
    {
        await _h.PublishAsync(Answering.Replace("'calendar' : 'working'", "'calender' : 'working'", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ProcessExecutionException>(() =>
            _h.StartAsync("answering", new Dictionary<string, object?> { ["calendarDays"] = true }));

        Assert.Equal("answer", error.ElementId);
        Assert.Contains("'calender'", error.Message, StringComparison.Ordinal);
    }
}
