using System.Text.Json.Nodes;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.Processes;

namespace ShareFlow.Workflows.Tests.Runtime;

/// <summary>Each completed step records the sequence flows its token took, so a viewer can draw the path an instance went.</summary>
public abstract class TakenFlowsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private EngineHarness _h = null!;

    public async Task InitializeAsync() => _h = await EngineHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>The gateway leads to the check directly, or through a detour that ends at the check as well.</summary>
    private static readonly string Detour = Definition("detour", $"""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="route" default="toDetour" />
        <bpmn:task id="around" />
        <bpmn:userTask id="check" sf:candidateRole="coordinating-office" />
        <bpmn:endEvent id="end" />
        {Flow("toRoute", "start", "route")}
        {Flow("direct", "route", "check", "${shortcut == true}")}
        {Flow("toDetour", "route", "around")}
        {Flow("fromDetour", "around", "check")}
        {Flow("toEnd", "check", "end")}
        """);

    private async Task<List<string>> TakenAsync(Guid instanceId) =>
        [.. (await _h.Engine.GetHistoryAsync(instanceId, CancellationToken.None))
            .Where(h => h.Kind == "element-completed" && h.Data is not null)
            .SelectMany(h => JsonNode.Parse(h.Data!)!["flows"]!.AsArray().Select(f => f!.GetValue<string>()))];

    [Fact(DisplayName = "The flows recorded are the ones taken, not every flow between elements the instance reached")]
    public async Task Detour_RecordsTheDetourNotTheShortcut()
    {
        await _h.PublishAsync(Detour);

        var instance = await _h.StartAsync("detour", new Dictionary<string, object?> { ["shortcut"] = false });
        await _h.CompleteAsync((await _h.OpenTaskAsync(instance.Id, "check")).Id);

        Assert.Equal(["toRoute", "toDetour", "fromDetour", "toEnd"], await TakenAsync(instance.Id));
    }

    [Fact(DisplayName = "An event-based gateway records the flow to the event that happened")]
    public async Task EventGateway_RecordsTheFlowToTheEventThatFired()
    {
        await _h.PublishAsync(Definition("waiting", $"""
            <bpmn:startEvent id="start" />
            <bpmn:eventBasedGateway id="wait" />
            <bpmn:intermediateCatchEvent id="answer"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="answeredEnd" />
            <bpmn:endEvent id="timedOut" />
            {Flow("toWait", "start", "wait")}
            {Flow("toAnswer", "wait", "answer")}
            {Flow("toTimeout", "wait", "timeout")}
            {Flow("fromAnswer", "answer", "answeredEnd")}
            {Flow("fromTimeout", "timeout", "timedOut")}
            """, """<bpmn:message id="m" name="answered" />"""));

        var instance = await _h.StartAsync("waiting");
        await _h.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Equal(["toWait", "toTimeout", "fromTimeout"], await TakenAsync(instance.Id));
    }
}

public sealed class TakenFlowsTestsOnSqlite() : TakenFlowsTests(DatabaseProvider.Sqlite);

public sealed class TakenFlowsTestsOnPostgres() : TakenFlowsTests(DatabaseProvider.Postgres);
