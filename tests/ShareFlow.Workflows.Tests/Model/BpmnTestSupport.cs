using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Model;

/// <summary>Builds small BPMN documents around a process body and parses them.</summary>
internal static class Bpmn
{
    public const string MinimalBody = """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" sf:candidateRole="reviewer" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
        """;

    /// <summary>A document whose one process, <c>p</c>, has the given body (see <see cref="Processes.Definition"/>).</summary>
    public static string Definitions(string processBody, string rootExtras = "", string processAttributes = "isExecutable=\"true\"") =>
        Processes.Definition("p", processBody, rootExtras, processAttributes);

    public static BpmnDefinition Parse(string xml) => new BpmnParser().Parse(xml);

    public static ProcessModel Process(string processBody, string rootExtras = "") => Parse(Definitions(processBody, rootExtras)).ExecutableProcess;

    public static T Element<T>(string processBody, string id, string rootExtras = "")
        where T : FlowElement =>
        Assert.IsType<T>(Process(processBody, rootExtras).Elements[id]);

    public static BpmnParseException ParseFails(string xml) => Assert.Throws<BpmnParseException>(() => Parse(xml));

    public static BpmnParseException ProcessFails(string processBody, string rootExtras = "") => ParseFails(Definitions(processBody, rootExtras));

    /// <summary>A body with one timer boundary event on a user task, the timer definition given as XML.</summary>
    public static string BoundaryTimer(string timerDefinition, string taskAttributes = "sf:candidateRole=\"reviewer\"") => $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" {taskAttributes} />
        <bpmn:boundaryEvent id="timer" attachedToRef="review" cancelActivity="false">
          {timerDefinition}
        </bpmn:boundaryEvent>
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="timedOut" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
        <bpmn:sequenceFlow id="f3" sourceRef="timer" targetRef="timedOut" />
        """;

    /// <summary>The timer of the boundary event <c>timer</c> of <see cref="BoundaryTimer"/>.</summary>
    public static TimerSpec Timer(string timerDefinition, string taskAttributes = "sf:candidateRole=\"reviewer\"") =>
        Assert.IsType<TimerEventDefinition>(Element<BoundaryEvent>(BoundaryTimer(timerDefinition, taskAttributes), "timer").Trigger).Timer;
}

/// <summary>Validation contexts with a fake expression checker and small registries.</summary>
internal static class Contexts
{
    /// <summary>Known: activities notify, grantAccess; definition key subFlow; profile parameter sharing.answerDays.</summary>
    public static ValidationContext Strict { get; } = new(
        CheckSyntax,
        activity => activity is "notify" or "grantAccess",
        key => key is "subFlow",
        parameter => parameter is "sharing.answerDays");

    /// <summary>What the benchmark runs with: every service task bound to a default activity, unassigned user tasks allowed.</summary>
    public static ValidationContext WithDefaults { get; } = Strict with { DefaultActivity = "noop", AllowUnassignedUserTasks = true };

    /// <summary>Rejects '@@' and unbalanced parentheses, like a real parser would reject garbage.</summary>
    public static string? CheckSyntax(string body)
    {
        if (body.Contains("@@", StringComparison.Ordinal))
        {
            return "unexpected '@@'";
        }

        var depth = 0;
        foreach (var c in body)
        {
            depth += c switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0)
            {
                return "unbalanced parentheses";
            }
        }

        return depth == 0 ? null : "unbalanced parentheses";
    }

    public static IReadOnlyList<ValidationError> Validate(string processBody, ValidationContext? context = null, string rootExtras = "") =>
        DefinitionValidator.Validate(Bpmn.Parse(Bpmn.Definitions(processBody, rootExtras)), context ?? Strict);

    /// <summary>Asserts that the findings are exactly one, with that code and element id, and returns it.</summary>
    public static ValidationError AssertOnly(IReadOnlyList<ValidationError> errors, string code, string elementId)
    {
        var error = Assert.Single(errors);
        Assert.Equal((code, elementId), (error.Code, error.ElementId));
        return error;
    }

    /// <summary>Asserts that a finding with that code and element id is present, and returns it.</summary>
    public static ValidationError AssertHas(IReadOnlyList<ValidationError> errors, string code, string elementId) =>
        Assert.Single(errors, e => e.Code == code && e.ElementId == elementId);
}
