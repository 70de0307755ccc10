using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Tests.Model;

public class DefinitionValidatorTests
{
    private const string Start = """
        <bpmn:startEvent id="start" />
        <bpmn:endEvent id="end" />
        """;

    // ---- Valid definitions -----------------------------------------------------------------------------------------

    [Fact]
    public void Validate_BenchmarkWorkloadWithDefaults_HasNoFindings()
    {
        var definition = new BpmnParser().Parse(BenchmarkWorkload.ApprovalBpmn);

        var errors = DefinitionValidator.Validate(definition, Contexts.WithDefaults);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_BenchmarkWorkloadWithoutDefaults_ReportsUnboundTasksAndUnassignedUserTasks()
    {
        var definition = new BpmnParser().Parse(BenchmarkWorkload.ApprovalBpmn);

        var errors = DefinitionValidator.Validate(definition, Contexts.Strict);

        Assert.Equal(
            [
                (ValidationCodes.UnassignedUserTask, "review"),
                (ValidationCodes.UnboundActivity, "remind"),
                (ValidationCodes.UnassignedUserTask, "coordinate"),
                (ValidationCodes.UnboundActivity, "grant"),
            ],
            errors.Select(e => (e.Code, e.ElementId)));
    }

    [Fact]
    public void Validate_MinimalProcess_HasNoFindings()
    {
        Assert.Empty(Contexts.Validate(Bpmn.MinimalBody));
    }

    [Fact]
    public void Validate_FullFeaturedProcess_HasNoFindings()
    {
        var errors = Contexts.Validate(
            """
            <bpmn:startEvent id="start" />
            <bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="review" sf:candidateDepartment="${providerDepartment}" sf:candidateRole="reviewer" sf:dueDays="sharing.answerDays">
              <bpmn:multiInstanceLoopCharacteristics sf:collection="${departments}" sf:elementVariable="department">
                <bpmn:completionCondition>${nrOfCompletedInstances == nrOfInstances}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:boundaryEvent id="warn" attachedToRef="review" cancelActivity="false">
              <bpmn:timerEventDefinition sf:anchor="taskDue" sf:offsetDays="-2" />
            </bpmn:boundaryEvent>
            <bpmn:sendTask id="notify" sf:activity="notify"><bpmn:extensionElements><sf:input name="to" value="${providerDepartment}" /></bpmn:extensionElements></bpmn:sendTask>
            <bpmn:subProcess id="prepare">
              <bpmn:startEvent id="prepareStart" />
              <bpmn:manualTask id="check" />
              <bpmn:endEvent id="prepareEnd" />
              <bpmn:sequenceFlow id="p1" sourceRef="prepareStart" targetRef="check" />
              <bpmn:sequenceFlow id="p2" sourceRef="check" targetRef="prepareEnd" />
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="withdrawn" attachedToRef="prepare"><bpmn:messageEventDefinition messageRef="W" /></bpmn:boundaryEvent>
            <bpmn:parallelGateway id="join" />
            <bpmn:exclusiveGateway id="decide" default="no" />
            <bpmn:callActivity id="call" calledElement="subFlow" />
            <bpmn:eventBasedGateway id="race" />
            <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition sf:days="5" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateThrowEvent id="milestone" />
            <bpmn:serviceTask id="grant" sf:activity="grantAccess" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="cancelled"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:sequenceFlow id="s1" sourceRef="start" targetRef="fork" />
            <bpmn:sequenceFlow id="s2" sourceRef="byMessage" targetRef="fork" />
            <bpmn:sequenceFlow id="s3" sourceRef="fork" targetRef="review" />
            <bpmn:sequenceFlow id="s4" sourceRef="fork" targetRef="prepare" />
            <bpmn:sequenceFlow id="s5" sourceRef="warn" targetRef="notify" />
            <bpmn:sequenceFlow id="s6" sourceRef="notify" targetRef="end" />
            <bpmn:sequenceFlow id="s7" sourceRef="review" targetRef="join" />
            <bpmn:sequenceFlow id="s8" sourceRef="prepare" targetRef="join" />
            <bpmn:sequenceFlow id="s9" sourceRef="withdrawn" targetRef="cancelled" />
            <bpmn:sequenceFlow id="s10" sourceRef="join" targetRef="decide" />
            <bpmn:sequenceFlow id="yes" sourceRef="decide" targetRef="call"><bpmn:conditionExpression>${approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="no" sourceRef="decide" targetRef="end" />
            <bpmn:sequenceFlow id="s11" sourceRef="call" targetRef="race" />
            <bpmn:sequenceFlow id="s12" sourceRef="race" targetRef="reply" />
            <bpmn:sequenceFlow id="s13" sourceRef="race" targetRef="wait" />
            <bpmn:sequenceFlow id="s14" sourceRef="reply" targetRef="milestone" />
            <bpmn:sequenceFlow id="s15" sourceRef="wait" targetRef="end" />
            <bpmn:sequenceFlow id="s16" sourceRef="milestone" targetRef="grant" />
            <bpmn:sequenceFlow id="s17" sourceRef="grant" targetRef="end" />
            """,
            rootExtras: """
            <bpmn:message id="M" name="materialsSupplemented" />
            <bpmn:message id="W" name="applicationWithdrawn" />
            """);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_OnlyTheExecutableProcess_IsChecked()
    {
        var errors = Contexts.Validate(Bpmn.MinimalBody, rootExtras: """
            <bpmn:process id="pool" isExecutable="false"><bpmn:userTask id="lonely" /></bpmn:process>
            """);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_Expressions_ArePassedUnwrapped()
    {
        var seen = new List<string>();
        var context = Contexts.Strict with { CheckExpressionSyntax = body => { seen.Add(body); return null; } };

        DefinitionValidator.Validate(Bpmn.Parse(Bpmn.Definitions("""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" default="no" />
            <bpmn:userTask id="t" sf:candidateDepartment="${ dept }" sf:candidateRole="literal" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
            <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="t"><bpmn:conditionExpression>${ a &amp;&amp; b }</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="no" sourceRef="gw" targetRef="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="t" targetRef="end" />
            """)), context);

        Assert.Equal(["a && b", "dept"], seen);
    }

    // ---- Start events ----------------------------------------------------------------------------------------------

    [Fact]
    public void Validate_ProcessWithoutStartEvent_ReportsNoStartEvent()
    {
        var errors = Contexts.Validate("""
            <bpmn:userTask id="review" sf:candidateRole="r" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f" sourceRef="review" targetRef="end" />
            """);

        Contexts.AssertOnly(errors, ValidationCodes.NoStartEvent, "p");
    }

    [Fact]
    public void Validate_SubProcessWithoutStartEvent_ReportsNoStartEvent()
    {
        var errors = Contexts.Validate(Start + """
            <bpmn:subProcess id="sub"><bpmn:endEvent id="subEnd" /></bpmn:subProcess>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="end" />
            """);

        Contexts.AssertOnly(errors, ValidationCodes.NoStartEvent, "sub");
    }

    [Fact]
    public void Validate_TwoNoneStartEvents_ReportsTheSecond()
    {
        var errors = Contexts.Validate(Start + """
            <bpmn:startEvent id="start2" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
            <bpmn:sequenceFlow id="f2" sourceRef="start2" targetRef="end" />
            """);

        Contexts.AssertOnly(errors, ValidationCodes.BadStartEvent, "start2");
    }

    [Fact]
    public void Validate_MessageStartInSubProcess_ReportsBadStartEvent()
    {
        var errors = Contexts.Validate(
            Start + """
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>
              <bpmn:endEvent id="subEnd" />
              <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="subEnd" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="end" />
            """,
            rootExtras: """<bpmn:message id="M" name="m" />""");

        Contexts.AssertOnly(errors, ValidationCodes.BadStartEvent, "subStart");
    }

    [Fact]
    public void Validate_TwoStartsInSubProcess_ReportsBadStartEvent()
    {
        var errors = Contexts.Validate(Start + """
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="s1" />
              <bpmn:startEvent id="s2" />
              <bpmn:endEvent id="subEnd" />
              <bpmn:sequenceFlow id="a" sourceRef="s1" targetRef="subEnd" />
              <bpmn:sequenceFlow id="b" sourceRef="s2" targetRef="subEnd" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="end" />
            """);

        Contexts.AssertOnly(errors, ValidationCodes.BadStartEvent, "s2");
    }

    [Fact]
    public void Validate_FlowIntoStartEvent_ReportsBadEventFlow()
    {
        var errors = Contexts.Validate(Bpmn.MinimalBody + """<bpmn:sequenceFlow id="back" sourceRef="review" targetRef="start" />""");

        Contexts.AssertOnly(errors, ValidationCodes.BadEventFlow, "start");
    }

    [Fact]
    public void Validate_FlowOutOfEndEvent_ReportsBadEventFlow()
    {
        var errors = Contexts.Validate(Bpmn.MinimalBody + """<bpmn:sequenceFlow id="again" sourceRef="end" targetRef="review" />""");

        Contexts.AssertOnly(errors, ValidationCodes.BadEventFlow, "end");
    }

    [Fact]
    public void Validate_FlowIntoBoundaryEvent_ReportsBadEventFlow()
    {
        var errors = Contexts.Validate(Bpmn.BoundaryTimer("""<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>""")
            + """<bpmn:sequenceFlow id="into" sourceRef="start" targetRef="timer" />""");

        Contexts.AssertOnly(errors, ValidationCodes.BadEventFlow, "timer");
    }

    // ---- Reachability and dead ends ----------------------------------------------------------------------------------

    [Fact]
    public void Validate_OrphanTask_ReportsUnreachable()
    {
        var errors = Contexts.Validate(Bpmn.MinimalBody + """
            <bpmn:userTask id="orphan" sf:candidateRole="r" />
            <bpmn:sequenceFlow id="f3" sourceRef="orphan" targetRef="end" />
            """);

        Contexts.AssertOnly(errors, ValidationCodes.Unreachable, "orphan");
    }

    [Fact]
    public void Validate_BoundaryEventOnReachedTask_IsReachable()
    {
        var errors = Contexts.Validate(Bpmn.BoundaryTimer("""<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>"""));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_BoundaryEventOnUnreachedTask_IsUnreachable()
    {
        var errors = Contexts.Validate(Bpmn.MinimalBody + """
            <bpmn:userTask id="orphan" sf:candidateRole="r" />
            <bpmn:boundaryEvent id="b" attachedToRef="orphan"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f3" sourceRef="orphan" targetRef="end" />
            <bpmn:sequenceFlow id="f4" sourceRef="b" targetRef="end" />
            """);

        Assert.Equal([("orphan", ValidationCodes.Unreachable), ("b", ValidationCodes.Unreachable)], errors.Select(e => (e.ElementId, e.Code)));
    }

    [Fact]
    public void Validate_SubProcessContents_AreReachedFromTheirStart()
    {
        var errors = Contexts.Validate(Start + """
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:manualTask id="inside" />
              <bpmn:manualTask id="stray" />
              <bpmn:endEvent id="subEnd" />
              <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="inside" />
              <bpmn:sequenceFlow id="s2" sourceRef="inside" targetRef="subEnd" />
              <bpmn:sequenceFlow id="s3" sourceRef="stray" targetRef="subEnd" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="end" />
            """);

        Contexts.AssertOnly(errors, ValidationCodes.Unreachable, "stray");
    }

    [Fact]
    public void Validate_TaskWithoutOutgoingFlow_ReportsDeadEnd()
    {
        var errors = Contexts.Validate("""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" sf:candidateRole="r" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            """);

        Contexts.AssertOnly(errors, ValidationCodes.DeadEnd, "review");
    }

    [Fact]
    public void Validate_BoundaryEventWithoutOutgoingFlow_ReportsDeadEnd()
    {
        var errors = Contexts.Validate(Bpmn.MinimalBody + """
            <bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            """);

        Contexts.AssertOnly(errors, ValidationCodes.DeadEnd, "late");
    }

    [Fact]
    public void Validate_PathAfterBoundaryEventEndingInTask_ReportsDeadEnd()
    {
        var errors = Contexts.Validate(Bpmn.MinimalBody + """
            <bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:userTask id="escalate" sf:candidateRole="office" />
            <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="escalate" />
            """);

        Contexts.AssertOnly(errors, ValidationCodes.DeadEnd, "escalate");
    }

    [Fact]
    public void Validate_LoopWithoutExit_ReportsNoPathToEnd()
    {
        var errors = Contexts.Validate(Bpmn.MinimalBody + """
            <bpmn:userTask id="a" sf:candidateRole="r" />
            <bpmn:userTask id="b" sf:candidateRole="r" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="fork" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="a" />
            <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="b" />
            <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="a" />
            """.Replace("""<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />""", string.Empty, StringComparison.Ordinal)
              + """<bpmn:sequenceFlow id="f6" sourceRef="fork" targetRef="review" />""");

        Assert.Equal(
            [(ValidationCodes.NoPathToEnd, "a"), (ValidationCodes.NoPathToEnd, "b")],
            errors.Select(e => (e.Code, e.ElementId)));
    }

    // ---- Gateways --------------------------------------------------------------------------------------------------

    private static string Gateway(string gatewayAttributes, string yesCondition, string noCondition, string kind = "exclusiveGateway") => $"""
        <bpmn:startEvent id="start" />
        <bpmn:{kind} id="gw" {gatewayAttributes} />
        <bpmn:serviceTask id="grant" sf:activity="grantAccess" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
        <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="grant">{yesCondition}</bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="no" sourceRef="gw" targetRef="end">{noCondition}</bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="f1" sourceRef="grant" targetRef="end" />
        """;

    private const string Approved = "<bpmn:conditionExpression>${approved}</bpmn:conditionExpression>";
    private const string Refused = "<bpmn:conditionExpression>${!approved}</bpmn:conditionExpression>";

    [Fact]
    public void Validate_ConditionAndDefault_HasNoFindings()
    {
        Assert.Empty(Contexts.Validate(Gateway("default=\"no\"", Approved, string.Empty)));
    }

    [Fact]
    public void Validate_GatewayWithoutConditionsOrDefault_ReportsGatewayWithoutCondition()
    {
        var error = Contexts.AssertOnly(Contexts.Validate(Gateway(string.Empty, string.Empty, string.Empty)), ValidationCodes.GatewayWithoutCondition, "gw");

        Assert.Contains("'yes', 'no'", error.Message, StringComparison.Ordinal);
        Assert.Equal(ValidationSeverity.Error, error.Severity);
    }

    [Fact]
    public void Validate_OneConditionNoDefault_ReportsTheUnconditionalFlow()
    {
        var error = Contexts.AssertOnly(Contexts.Validate(Gateway(string.Empty, Approved, string.Empty)), ValidationCodes.GatewayWithoutCondition, "gw");

        Assert.Contains("'no'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'yes'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultAndAnotherUnconditionalFlow_ReportsGatewayWithoutCondition()
    {
        Contexts.AssertOnly(Contexts.Validate(Gateway("default=\"no\"", string.Empty, string.Empty)), ValidationCodes.GatewayWithoutCondition, "gw");
    }

    [Fact]
    public void Validate_AllConditionalNoDefault_WarnsGatewayWithoutDefault()
    {
        var warning = Contexts.AssertOnly(Contexts.Validate(Gateway(string.Empty, Approved, Refused)), ValidationCodes.GatewayWithoutDefault, "gw");

        Assert.Equal(ValidationSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void Validate_DefaultNotAnOutgoingFlow_ReportsBadDefaultFlow()
    {
        Contexts.AssertOnly(Contexts.Validate(Gateway("default=\"f1\"", Approved, Refused)), ValidationCodes.BadDefaultFlow, "gw");
    }

    [Fact]
    public void Validate_DefaultFlowWithCondition_ReportsBadDefaultFlowOnTheFlow()
    {
        Contexts.AssertOnly(Contexts.Validate(Gateway("default=\"no\"", Approved, Refused)), ValidationCodes.BadDefaultFlow, "no");
    }

    [Fact]
    public void Validate_ConditionOutOfParallelGateway_ReportsConditionOnParallelFlow()
    {
        var errors = Contexts.Validate(Gateway(string.Empty, Approved, string.Empty, kind: "parallelGateway"));

        Contexts.AssertOnly(errors, ValidationCodes.ConditionOnParallelFlow, "yes");
    }

    [Fact]
    public void Validate_ConditionOutOfTask_ReportsUnexpectedCondition()
    {
        var errors = Contexts.Validate(Bpmn.MinimalBody.Replace(
            """<bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />""",
            """<bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"><bpmn:conditionExpression>${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>""",
            StringComparison.Ordinal));

        Contexts.AssertOnly(errors, ValidationCodes.UnexpectedCondition, "f2");
    }

    private static string EventGateway(string targets, string flows) => $"""
        <bpmn:startEvent id="start" />
        <bpmn:eventBasedGateway id="race" />
        {targets}
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="race" />
        {flows}
        """;

    [Fact]
    public void Validate_EventGatewayToTask_ReportsBadEventGateway()
    {
        var errors = Contexts.Validate(EventGateway(
            """
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="task" sf:candidateRole="r" />
            """,
            """
            <bpmn:sequenceFlow id="a" sourceRef="race" targetRef="wait" />
            <bpmn:sequenceFlow id="b" sourceRef="race" targetRef="task" />
            <bpmn:sequenceFlow id="c" sourceRef="wait" targetRef="end" />
            <bpmn:sequenceFlow id="d" sourceRef="task" targetRef="end" />
            """));

        var error = Contexts.AssertOnly(errors, ValidationCodes.BadEventGateway, "race");
        Assert.Contains("'task'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EventGatewayWithOneFlow_ReportsBadEventGateway()
    {
        var errors = Contexts.Validate(EventGateway(
            """<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""",
            """
            <bpmn:sequenceFlow id="a" sourceRef="race" targetRef="wait" />
            <bpmn:sequenceFlow id="c" sourceRef="wait" targetRef="end" />
            """));

        Contexts.AssertOnly(errors, ValidationCodes.BadEventGateway, "race");
    }

    // ---- Tasks -----------------------------------------------------------------------------------------------------

    private static string Around(string element, string id) => $"""
        <bpmn:startEvent id="start" />
        {element}
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="{id}" />
        <bpmn:sequenceFlow id="f2" sourceRef="{id}" targetRef="end" />
        """;

    [Fact]
    public void Validate_UnknownActivity_ReportsUnknownActivity()
    {
        var errors = Contexts.Validate(Around("""<bpmn:serviceTask id="grant" sf:activity="deleteEverything" />""", "grant"));

        var error = Contexts.AssertOnly(errors, ValidationCodes.UnknownActivity, "grant");
        Assert.Contains("deleteEverything", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SendTaskWithoutActivityOrDefault_ReportsUnboundActivity()
    {
        Contexts.AssertOnly(Contexts.Validate(Around("""<bpmn:sendTask id="remind" />""", "remind")), ValidationCodes.UnboundActivity, "remind");
    }

    [Fact]
    public void Validate_TaskWithoutActivityWithDefault_HasNoFindings()
    {
        Assert.Empty(Contexts.Validate(Around("""<bpmn:serviceTask id="grant" />""", "grant"), Contexts.Strict with { DefaultActivity = "noop" }));
    }

    [Fact]
    public void Validate_BadInputExpression_ReportsBadExpression()
    {
        var errors = Contexts.Validate(Around("""
            <bpmn:serviceTask id="grant" sf:activity="grantAccess"><bpmn:extensionElements><sf:input name="grantee" value="${(requester}" /></bpmn:extensionElements></bpmn:serviceTask>
            """, "grant"));

        var error = Contexts.AssertOnly(errors, ValidationCodes.BadExpression, "grant");
        Assert.Contains("sf:input 'grantee'", error.Message, StringComparison.Ordinal);
        Assert.Contains("unbalanced parentheses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UserTaskWithoutAssignment_ReportsUnassignedUserTask()
    {
        Contexts.AssertOnly(Contexts.Validate(Around("""<bpmn:userTask id="review" />""", "review")), ValidationCodes.UnassignedUserTask, "review");
    }

    [Fact]
    public void Validate_UserTaskWithoutAssignmentWhenAllowed_HasNoFindings()
    {
        Assert.Empty(Contexts.Validate(Around("""<bpmn:userTask id="review" />""", "review"), Contexts.Strict with { AllowUnassignedUserTasks = true }));
    }

    [Theory]
    [InlineData("""sf:candidateDepartment="dept-1" """)]
    [InlineData("""sf:candidateRole="reviewer" """)]
    [InlineData("""sf:assignee="${initiator}" """)]
    public void Validate_UserTaskWithAnyAssignment_HasNoFindings(string attribute)
    {
        Assert.Empty(Contexts.Validate(Around($"""<bpmn:userTask id="review" {attribute}/>""", "review")));
    }

    [Theory]
    [InlineData("sf:candidateDepartment", "${@@}")]
    [InlineData("sf:candidateRole", "${role(}")]
    [InlineData("sf:assignee", "${}")]
    [InlineData("sf:candidateDepartment", "dept-${x}")]
    public void Validate_BadUserTaskExpression_ReportsBadExpression(string attribute, string value)
    {
        var errors = Contexts.Validate(Around($"""<bpmn:userTask id="review" {attribute}="{value}" />""", "review"));

        var error = Contexts.AssertOnly(errors, ValidationCodes.BadExpression, "review");
        Assert.Contains(attribute, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${a @@ b}")]
    [InlineData("(approved")]
    [InlineData("${}")]
    [InlineData("   ")]
    public void Validate_BadCondition_ReportsBadExpressionOnTheFlow(string condition)
    {
        var errors = Contexts.Validate(Gateway("default=\"no\"", $"<bpmn:conditionExpression>{condition}</bpmn:conditionExpression>", string.Empty));

        Contexts.AssertOnly(errors, ValidationCodes.BadExpression, "yes");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    public void Validate_DueDaysOutOfRange_ReportsBadDuration(string days)
    {
        var errors = Contexts.Validate(Around($"""<bpmn:userTask id="review" sf:candidateRole="r" sf:dueDays="{days}" />""", "review"));

        Contexts.AssertOnly(errors, ValidationCodes.BadDuration, "review");
    }

    [Fact]
    public void Validate_UnknownDueDaysParameter_ReportsUnknownProfileParameter()
    {
        var errors = Contexts.Validate(Around("""<bpmn:userTask id="review" sf:candidateRole="r" sf:dueDays="sharing.unknownDays" />""", "review"));

        var error = Contexts.AssertOnly(errors, ValidationCodes.UnknownProfileParameter, "review");
        Assert.Contains("sharing.unknownDays", error.Message, StringComparison.Ordinal);
    }

    private static string MultiInstance(string loop) => Around($"""
        <bpmn:userTask id="sign" sf:candidateDepartment="${"{"}department{"}"}">{loop}</bpmn:userTask>
        """, "sign");

    [Theory]
    [InlineData("""<bpmn:multiInstanceLoopCharacteristics />""", "needs sf:collection or loopCardinality")]
    [InlineData("""<bpmn:multiInstanceLoopCharacteristics sf:collection="${list}"><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>""", "both")]
    [InlineData("""<bpmn:multiInstanceLoopCharacteristics sf:elementVariable="department"><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>""", "without sf:collection")]
    [InlineData("""<bpmn:multiInstanceLoopCharacteristics sf:collection="${list}" sf:elementVariable="1department" />""", "not a valid variable name")]
    [InlineData("""<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>0</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>""", "at least 1")]
    public void Validate_BadMultiInstance_ReportsBadMultiInstance(string loop, string reason)
    {
        var error = Contexts.AssertOnly(Contexts.Validate(MultiInstance(loop)), ValidationCodes.BadMultiInstance, "sign");

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<bpmn:multiInstanceLoopCharacteristics sf:collection="${(list}" />""", "sf:collection")]
    [InlineData("""<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>${count(}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>""", "loopCardinality")]
    [InlineData("""<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality><bpmn:completionCondition>${@@}</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>""", "completionCondition")]
    public void Validate_BadMultiInstanceExpression_ReportsBadExpression(string loop, string what)
    {
        var error = Contexts.AssertOnly(Contexts.Validate(MultiInstance(loop)), ValidationCodes.BadExpression, "sign");

        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CardinalityExpression_IsChecked()
    {
        Assert.Empty(Contexts.Validate(MultiInstance("""<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>${count}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>""")));
    }

    [Fact]
    public void Validate_CallToUnknownKey_ReportsUnknownCalledElement()
    {
        var errors = Contexts.Validate(Around("""<bpmn:callActivity id="call" calledElement="nowhere" />""", "call"));

        Contexts.AssertOnly(errors, ValidationCodes.UnknownCalledElement, "call");
    }

    [Fact]
    public void Validate_CallWithoutCalledElement_ReportsUnknownCalledElement()
    {
        var errors = Contexts.Validate(Around("""<bpmn:callActivity id="call" />""", "call"));

        Contexts.AssertOnly(errors, ValidationCodes.UnknownCalledElement, "call");
    }

    [Fact]
    public void Validate_CallToKnownKey_HasNoFindings()
    {
        Assert.Empty(Contexts.Validate(Around("""<bpmn:callActivity id="call" calledElement="subFlow" />""", "call")));
    }

    // ---- Events ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Validate_MessageRefToUndefinedMessage_ReportsUnknownMessage()
    {
        var errors = Contexts.Validate(Around(
            """<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="Nope" /></bpmn:intermediateCatchEvent>""",
            "wait"));

        Contexts.AssertOnly(errors, ValidationCodes.UnknownMessage, "wait");
    }

    [Fact]
    public void Validate_MessageEventWithoutRef_ReportsUnknownMessage()
    {
        var errors = Contexts.Validate("""
            <bpmn:startEvent id="start"><bpmn:messageEventDefinition /></bpmn:startEvent>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
            """);

        Contexts.AssertOnly(errors, ValidationCodes.UnknownMessage, "start");
    }

    [Fact]
    public void Validate_BoundaryOnUnknownElement_ReportsBadAttachment()
    {
        var errors = Contexts.Validate(Bpmn.BoundaryTimer("""<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>""")
            .Replace("attachedToRef=\"review\"", "attachedToRef=\"ghost\"", StringComparison.Ordinal));

        Assert.Equal(
            [(ValidationCodes.BadAttachment, "timer"), (ValidationCodes.Unreachable, "timer"), (ValidationCodes.Unreachable, "timedOut")],
            errors.Select(e => (e.Code, e.ElementId)));
    }

    [Fact]
    public void Validate_BoundaryOnGateway_ReportsBadAttachment()
    {
        var errors = Contexts.Validate(Gateway("default=\"no\"", Approved, string.Empty) + """
            <bpmn:boundaryEvent id="b" attachedToRef="gw"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="fb" sourceRef="b" targetRef="end" />
            """);

        Assert.Contains(errors, e => e.Code == ValidationCodes.BadAttachment && e.ElementId == "b");
    }

    [Fact]
    public void Validate_BoundaryAcrossScopes_ReportsBadAttachment()
    {
        var errors = Contexts.Validate(Start + """
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:manualTask id="inside" />
              <bpmn:endEvent id="subEnd" />
              <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="inside" />
              <bpmn:sequenceFlow id="s2" sourceRef="inside" targetRef="subEnd" />
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="b" attachedToRef="inside"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="end" />
            <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="end" />
            """);

        Assert.Contains(errors, e => e.Code == ValidationCodes.BadAttachment && e.ElementId == "b");
    }

    [Fact]
    public void Validate_TaskDueAnchorOnTaskWithoutDueDays_ReportsAnchorWithoutDueDays()
    {
        var errors = Contexts.Validate(Bpmn.BoundaryTimer("""<bpmn:timerEventDefinition sf:anchor="taskDue" sf:offsetDays="-2" />"""));

        Contexts.AssertOnly(errors, ValidationCodes.AnchorWithoutDueDays, "timer");
    }

    [Fact]
    public void Validate_TaskDueFractionOnServiceTask_ReportsAnchorWithoutDueDays()
    {
        var errors = Contexts.Validate(Around("""<bpmn:serviceTask id="grant" sf:activity="grantAccess" />""", "grant") + """
            <bpmn:boundaryEvent id="half" attachedToRef="grant"><bpmn:timerEventDefinition sf:anchor="taskDue" sf:fraction="0.5" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f3" sourceRef="half" targetRef="end" />
            """);

        Contexts.AssertOnly(errors, ValidationCodes.AnchorWithoutDueDays, "half");
    }

    [Theory]
    [InlineData("""sf:anchor="taskDue" sf:offsetDays="-2" """)]
    [InlineData("""sf:anchor="taskDue" sf:fraction="0.5" """)]
    [InlineData("""sf:anchor="taskDue" sf:days="1" """)]
    public void Validate_TaskDueAnchorOnTaskWithDueDays_HasNoFindings(string attributes)
    {
        var errors = Contexts.Validate(Bpmn.BoundaryTimer(
            $"""<bpmn:timerEventDefinition {attributes}/>""",
            "sf:candidateRole=\"r\" sf:dueDays=\"sharing.answerDays\""));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""<bpmn:timerEventDefinition sf:days="3651" />""")]
    [InlineData("""<bpmn:timerEventDefinition sf:days="3" sf:offsetDays="-4" />""")]
    [InlineData("""<bpmn:timerEventDefinition sf:days="3" sf:offsetDays="4000" />""")]
    [InlineData("""<bpmn:timerEventDefinition><bpmn:timeDuration>P11Y</bpmn:timeDuration></bpmn:timerEventDefinition>""")]
    [InlineData("""<bpmn:timerEventDefinition><bpmn:timeDuration>P999999999D</bpmn:timeDuration></bpmn:timerEventDefinition>""")]
    [InlineData("""<bpmn:timerEventDefinition><bpmn:timeCycle>R/PT0S</bpmn:timeCycle></bpmn:timerEventDefinition>""")]
    [InlineData("""<bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT30S</bpmn:timeCycle></bpmn:timerEventDefinition>""")]
    [InlineData("""<bpmn:timerEventDefinition><bpmn:timeCycle>R3/P20Y</bpmn:timeCycle></bpmn:timerEventDefinition>""")]
    public void Validate_TimerOutOfRange_ReportsBadDuration(string timer)
    {
        Contexts.AssertOnly(Contexts.Validate(Bpmn.BoundaryTimer(timer)), ValidationCodes.BadDuration, "timer");
    }

    [Fact]
    public void Validate_TimerDaysUnknownParameter_ReportsUnknownProfileParameter()
    {
        var errors = Contexts.Validate(Bpmn.BoundaryTimer("""<bpmn:timerEventDefinition sf:days="sharing.reminderDays" />"""));

        Contexts.AssertOnly(errors, ValidationCodes.UnknownProfileParameter, "timer");
    }

    [Fact]
    public void Validate_TimerDaysKnownParameter_HasNoFindings()
    {
        Assert.Empty(Contexts.Validate(Bpmn.BoundaryTimer("""<bpmn:timerEventDefinition sf:days="sharing.answerDays" sf:offsetDays="-1" />""")));
    }

    // ---- Sequence flows --------------------------------------------------------------------------------------------

    [Fact]
    public void Validate_FlowFromMissingElement_ReportsUnknownFlowSource()
    {
        var errors = Contexts.Validate(Bpmn.MinimalBody + """<bpmn:sequenceFlow id="ghostFlow" sourceRef="ghost" targetRef="end" />""");

        Contexts.AssertOnly(errors, ValidationCodes.UnknownFlowSource, "ghostFlow");
    }

    [Fact]
    public void Validate_FlowToMissingElement_ReportsUnknownFlowTarget()
    {
        var errors = Contexts.Validate(Bpmn.MinimalBody + """<bpmn:sequenceFlow id="ghostFlow" sourceRef="review" targetRef="ghost" />""");

        Contexts.AssertOnly(errors, ValidationCodes.UnknownFlowTarget, "ghostFlow");
    }

    [Fact]
    public void Validate_FlowIntoSubProcess_ReportsFlowCrossesScope()
    {
        var errors = Contexts.Validate(Start + """
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:manualTask id="inside" />
              <bpmn:endEvent id="subEnd" />
              <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="inside" />
              <bpmn:sequenceFlow id="s2" sourceRef="inside" targetRef="subEnd" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="end" />
            <bpmn:sequenceFlow id="jump" sourceRef="start" targetRef="inside" />
            """);

        Contexts.AssertOnly(errors, ValidationCodes.FlowCrossesScope, "jump");
    }

    [Fact]
    public void Validate_NullArguments_Throw()
    {
        var definition = Bpmn.Parse(Bpmn.Definitions(Bpmn.MinimalBody));

        Assert.Throws<ArgumentNullException>(() => DefinitionValidator.Validate(null!, Contexts.Strict));
        Assert.Throws<ArgumentNullException>(() => DefinitionValidator.Validate(definition, null!));
    }
}
