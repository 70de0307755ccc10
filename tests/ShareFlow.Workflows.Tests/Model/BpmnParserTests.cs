using System.Text;
using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Tests.Model;

public class BpmnParserTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    // ---- The benchmark workload -------------------------------------------------------------------------------

    [Fact]
    public void Parse_BenchmarkWorkload_ReadsEveryElement()
    {
        var definition = Bpmn.Parse(BenchmarkWorkload.ApprovalBpmn);
        var process = definition.ExecutableProcess;

        Assert.Equal("approvalDefinitions", definition.Id);
        Assert.Equal("http://example.org/bpmn/sharing-approval", definition.TargetNamespace);
        Assert.Equal("sharingApproval", process.Id);
        Assert.Equal("Sharing application approval", process.Name);
        Assert.True(process.IsExecutable);
        Assert.Equal(12, process.Elements.Count);
        Assert.Equal(9, process.SequenceFlows.Count);
        Assert.IsType<StartEvent>(process.Elements["start"]);
        Assert.IsType<UserTask>(process.Elements["review"]);
        Assert.IsType<SendTask>(process.Elements["remind"]);
        Assert.IsType<ServiceTask>(process.Elements["grant"]);
        Assert.IsType<UserTask>(process.Elements["coordinate"]);
        Assert.Equal("flow_refused", Assert.IsType<ExclusiveGateway>(process.Elements["decisionGateway"]).DefaultFlowId);
        Assert.Equal("decision == 'approve'", process.SequenceFlows["flow_approved"].Condition!.Body);
        Assert.Null(process.SequenceFlows["flow_refused"].Condition);
        Assert.All(process.Elements.Values.OfType<EndEvent>(), end => Assert.False(end.IsTerminate));
        Assert.Equal(["reminderSent", "coordinated", "granted", "refused"], process.Elements.Values.OfType<EndEvent>().Select(e => e.Id));
    }

    [Fact]
    public void Parse_BenchmarkWorkload_ReadsBothBoundaryTimers()
    {
        var process = Bpmn.Parse(BenchmarkWorkload.ApprovalBpmn).ExecutableProcess;

        var reminder = Assert.IsType<BoundaryEvent>(process.Elements["reminderTimer"]);
        var deadline = Assert.IsType<BoundaryEvent>(process.Elements["deadlineTimer"]);

        Assert.Equal("review", reminder.AttachedToRef);
        Assert.False(reminder.CancelActivity);
        Assert.True(deadline.CancelActivity);
        var reminderDefinition = Assert.IsType<TimerEventDefinition>(reminder.Trigger);
        Assert.Equal("reminderTimerDefinition", reminderDefinition.Id);
        Assert.Equal(TimeSpan.FromHours(1), Assert.IsType<DurationTimer>(reminderDefinition.Timer).Duration.FixedLength);
        Assert.Equal(TimeSpan.FromHours(2), Assert.IsType<DurationTimer>(Assert.IsType<TimerEventDefinition>(deadline.Trigger).Timer).Duration.FixedLength);
        Assert.Equal(["reminderTimer", "deadlineTimer"], process.BoundaryEventsOf("review").Select(b => b.Id));
    }

    // ---- Documents, processes, messages ------------------------------------------------------------------------

    [Fact]
    public void Parse_SeveralProcesses_UsesTheExecutableOne()
    {
        var xml = Bpmn.Definitions(Bpmn.MinimalBody, rootExtras: """
            <bpmn:process id="other" isExecutable="false">
              <bpmn:startEvent id="otherStart" />
            </bpmn:process>
            """);

        var definition = Bpmn.Parse(xml);

        Assert.Equal(2, definition.Processes.Count);
        Assert.Equal("p", definition.ExecutableProcess.Id);
        Assert.Equal(["other", "p"], definition.Processes.Select(p => p.Id));
    }

    [Fact]
    public void Parse_SingleProcessNotMarkedExecutable_UsesIt()
    {
        var definition = Bpmn.Parse(Bpmn.Definitions(Bpmn.MinimalBody, processAttributes: "isExecutable=\"false\""));

        Assert.Equal("p", definition.ExecutableProcess.Id);
        Assert.False(definition.ExecutableProcess.IsExecutable);
    }

    [Fact]
    public void Parse_TwoExecutableProcesses_Throws()
    {
        var xml = Bpmn.Definitions(Bpmn.MinimalBody, rootExtras: """<bpmn:process id="other" isExecutable="true" />""");

        var ex = Bpmn.ParseFails(xml);

        Assert.Contains("several executable processes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'other'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoProcessesNoneExecutable_Throws()
    {
        var xml = Bpmn.Definitions(Bpmn.MinimalBody, rootExtras: """<bpmn:process id="other" />""", processAttributes: string.Empty);

        var ex = Bpmn.ParseFails(xml);

        Assert.Contains("none is marked isExecutable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoProcess_Throws()
    {
        const string Xml = """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><message id="m" name="x" /></definitions>""";

        var ex = Bpmn.ParseFails(Xml);

        Assert.Contains("no process", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Messages_AreIndexedById()
    {
        var definition = Bpmn.Parse(Bpmn.Definitions(Bpmn.MinimalBody, rootExtras: """
            <bpmn:message id="Message_1" name="materialsSupplemented" />
            <bpmn:message id="Message_2" name="applicationWithdrawn" />
            """));

        Assert.Equal(2, definition.Messages.Count);
        Assert.Equal("materialsSupplemented", definition.Messages["Message_1"]);
        Assert.Equal("applicationWithdrawn", definition.Messages["Message_2"]);
    }

    [Fact]
    public void Parse_MessageWithoutName_Throws()
    {
        var ex = Bpmn.ParseFails(Bpmn.Definitions(Bpmn.MinimalBody, rootExtras: """<bpmn:message id="Message_1" />"""));

        Assert.Equal("Message_1", ex.ElementId);
    }

    [Fact]
    public void Parse_CollaborationWithParticipants_IsIgnored()
    {
        var definition = Bpmn.Parse(Bpmn.Definitions(Bpmn.MinimalBody, rootExtras: """
            <bpmn:collaboration id="collab">
              <bpmn:participant id="provider" name="Provider" processRef="p" />
              <bpmn:participant id="requester" name="Requester" processRef="missingProcess" />
              <bpmn:messageFlow id="mf" sourceRef="provider" targetRef="requester" />
            </bpmn:collaboration>
            """));

        Assert.Equal("p", definition.ExecutableProcess.Id);
    }

    [Fact]
    public void Parse_DefaultNamespaceWithoutPrefix_IsRead()
    {
        const string Xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:shareflow="urn:shareflow:bpmn:1" id="d">
              <process id="p" isExecutable="true">
                <startEvent id="start" />
                <userTask id="review" shareflow:candidateRole="reviewer" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
              </process>
            </definitions>
            """;

        var process = Bpmn.Parse(Xml).ExecutableProcess;

        Assert.Equal("reviewer", Assert.IsType<UserTask>(process.Elements["review"]).CandidateRole!.Literal);
    }

    [Fact]
    public void Parse_Bpmn2Prefix_IsRead()
    {
        const string Xml = """
            <bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
              <bpmn2:process id="p"><bpmn2:startEvent id="start" /></bpmn2:process>
            </bpmn2:definitions>
            """;

        Assert.IsType<StartEvent>(Bpmn.Parse(Xml).ExecutableProcess.Elements["start"]);
    }

    [Fact]
    public void Parse_Stream_DetectsEncoding()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Bpmn.Definitions("""<bpmn:startEvent id="start" name="申请提交" />"""))).ToArray();
        using var stream = new MemoryStream(bytes);

        var definition = new BpmnParser().Parse(stream);

        Assert.Equal("申请提交", definition.ExecutableProcess.Elements["start"].Name);
    }

    [Fact]
    public void Parse_IgnorableContent_IsSkipped()
    {
        var process = Bpmn.Process("""
            <bpmn:documentation>Approval</bpmn:documentation>
            <bpmn:extensionElements><camunda:properties xmlns:camunda="http://camunda.org/schema/1.0/bpmn" /></bpmn:extensionElements>
            <bpmn:laneSet id="lanes"><bpmn:lane id="lane1"><bpmn:flowNodeRef>start</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
            <bpmn:startEvent id="start"><bpmn:documentation>go</bpmn:documentation></bpmn:startEvent>
            <bpmn:textAnnotation id="note"><bpmn:text>hello</bpmn:text></bpmn:textAnnotation>
            <bpmn:association id="assoc" sourceRef="start" targetRef="note" />
            <bpmn:dataObjectReference id="dataRef" dataObjectRef="data" />
            <bpmn:dataObject id="data" />
            <bpmn:group id="group1" />
            <other:thing xmlns:other="urn:other" id="foreign" />
            """);

        Assert.Equal(["start"], process.Elements.Keys);
    }

    [Fact]
    public void Parse_CamundaAttributes_AreIgnored()
    {
        var task = Bpmn.Element<ServiceTask>("""
            <bpmn:serviceTask id="grant" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" camunda:asyncBefore="true" camunda:delegateExpression="${x}" sf:activity="grantAccess" />
            """, "grant");

        Assert.Equal("grantAccess", task.ActivityName);
    }

    // ---- Events ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Parse_StartEventWithoutDefinition_IsNoneStart()
    {
        var start = Bpmn.Element<StartEvent>("""<bpmn:startEvent id="start" name="Submitted" />""", "start");

        Assert.Null(start.Message);
        Assert.Equal("Submitted", start.Name);
        Assert.Equal("p", start.ScopeId);
        Assert.Equal("startEvent", start.Kind);
    }

    [Fact]
    public void Parse_MessageStartEvent_ResolvesMessageName()
    {
        var start = Bpmn.Element<StartEvent>(
            """<bpmn:startEvent id="start"><bpmn:messageEventDefinition id="def" messageRef="Message_1" /></bpmn:startEvent>""",
            "start",
            rootExtras: """<bpmn:message id="Message_1" name="applicationReceived" />""");

        Assert.Equal("Message_1", start.Message!.MessageRef);
        Assert.Equal("applicationReceived", start.Message.MessageName);
        Assert.Equal("def", start.Message.Id);
    }

    [Fact]
    public void Parse_MessageRefToUnknownMessage_KeepsReferenceWithoutName()
    {
        var start = Bpmn.Element<StartEvent>(
            """<bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="Nope" /></bpmn:startEvent>""",
            "start");

        Assert.Equal("Nope", start.Message!.MessageRef);
        Assert.Null(start.Message.MessageName);
    }

    [Fact]
    public void Parse_TimerStartEvent_ThrowsNamingTheEvent()
    {
        var ex = Bpmn.ProcessFails("""
            <bpmn:startEvent id="start"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
            """);

        Assert.Contains("timerEventDefinition in startEvent 'start'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("start", ex.ElementId);
    }

    [Fact]
    public void Parse_NoneEndEvent_IsNotTerminate()
    {
        Assert.False(Bpmn.Element<EndEvent>("""<bpmn:endEvent id="end" />""", "end").IsTerminate);
    }

    [Fact]
    public void Parse_TerminateEndEvent_IsTerminate()
    {
        var end = Bpmn.Element<EndEvent>("""<bpmn:endEvent id="end"><bpmn:terminateEventDefinition id="t" /></bpmn:endEvent>""", "end");

        Assert.True(end.IsTerminate);
    }

    [Fact]
    public void Parse_IntermediateTimerCatchEvent_ReadsTimer()
    {
        var catchEvent = Bpmn.Element<IntermediateCatchEvent>("""
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P3D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            """, "wait");

        var timer = Assert.IsType<DurationTimer>(Assert.IsType<TimerEventDefinition>(catchEvent.Trigger).Timer);
        Assert.Equal(3m, timer.Duration.Days);
    }

    [Fact]
    public void Parse_IntermediateMessageCatchEvent_ReadsMessage()
    {
        var catchEvent = Bpmn.Element<IntermediateCatchEvent>(
            """<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>""",
            "wait",
            rootExtras: """<bpmn:message id="M" name="materialsSupplemented" />""");

        Assert.Equal("materialsSupplemented", Assert.IsType<MessageEventDefinition>(catchEvent.Trigger).MessageName);
    }

    [Fact]
    public void Parse_IntermediateCatchEventWithoutDefinition_Throws()
    {
        var ex = Bpmn.ProcessFails("""<bpmn:intermediateCatchEvent id="wait" />""");

        Assert.Equal("wait", ex.ElementId);
    }

    [Fact]
    public void Parse_NoneIntermediateThrowEvent_IsPassThrough()
    {
        var milestone = Bpmn.Element<IntermediateThrowEvent>("""<bpmn:intermediateThrowEvent id="milestone" name="Checked" />""", "milestone");

        Assert.Equal("Checked", milestone.Name);
    }

    [Fact]
    public void Parse_MessageThrowEvent_Throws()
    {
        var ex = Bpmn.ProcessFails("""<bpmn:intermediateThrowEvent id="send"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>""");

        Assert.Contains("messageEventDefinition in intermediateThrowEvent 'send'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BoundaryEventWithoutCancelActivity_IsInterrupting()
    {
        var boundary = Bpmn.Element<BoundaryEvent>("""
            <bpmn:userTask id="review" />
            <bpmn:boundaryEvent id="b" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            """, "b");

        Assert.True(boundary.CancelActivity);
        Assert.Equal("review", boundary.AttachedToRef);
    }

    [Fact]
    public void Parse_MessageBoundaryEvent_ReadsMessage()
    {
        var boundary = Bpmn.Element<BoundaryEvent>(
            """
            <bpmn:userTask id="review" />
            <bpmn:boundaryEvent id="b" attachedToRef="review" cancelActivity="false"><bpmn:messageEventDefinition messageRef="M" /></bpmn:boundaryEvent>
            """,
            "b",
            rootExtras: """<bpmn:message id="M" name="withdrawn" />""");

        Assert.False(boundary.CancelActivity);
        Assert.Equal("withdrawn", Assert.IsType<MessageEventDefinition>(boundary.Trigger).MessageName);
    }

    [Fact]
    public void Parse_BoundaryEventWithoutAttachedToRef_Throws()
    {
        var ex = Bpmn.ProcessFails("""<bpmn:boundaryEvent id="b"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""");

        Assert.Contains("attachedToRef", ex.Message, StringComparison.Ordinal);
        Assert.Equal("b", ex.ElementId);
    }

    [Fact]
    public void Parse_BadCancelActivity_Throws()
    {
        var ex = Bpmn.ProcessFails("""<bpmn:boundaryEvent id="b" attachedToRef="t" cancelActivity="maybe"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""");

        Assert.Contains("cancelActivity='maybe'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<bpmn:boundaryEvent id="e" attachedToRef="t"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>""", "errorEventDefinition")]
    [InlineData("""<bpmn:boundaryEvent id="e" attachedToRef="t"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent>""", "escalationEventDefinition")]
    [InlineData("""<bpmn:boundaryEvent id="e" attachedToRef="t"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>""", "compensateEventDefinition")]
    [InlineData("""<bpmn:intermediateCatchEvent id="e"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>""", "signalEventDefinition")]
    [InlineData("""<bpmn:intermediateCatchEvent id="e"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>""", "conditionalEventDefinition")]
    [InlineData("""<bpmn:intermediateCatchEvent id="e"><bpmn:linkEventDefinition /></bpmn:intermediateCatchEvent>""", "linkEventDefinition")]
    [InlineData("""<bpmn:endEvent id="e"><bpmn:errorEventDefinition /></bpmn:endEvent>""", "errorEventDefinition")]
    [InlineData("""<bpmn:endEvent id="e"><bpmn:messageEventDefinition /></bpmn:endEvent>""", "messageEventDefinition")]
    [InlineData("""<bpmn:startEvent id="e"><bpmn:signalEventDefinition /></bpmn:startEvent>""", "signalEventDefinition")]
    [InlineData("""<bpmn:startEvent id="e"><bpmn:eventDefinitionRef>x</bpmn:eventDefinitionRef></bpmn:startEvent>""", "eventDefinitionRef")]
    public void Parse_UnsupportedEventDefinition_ThrowsNamingTheEvent(string element, string definition)
    {
        var ex = Bpmn.ProcessFails(element);

        Assert.Contains($"Unsupported element {definition}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'e'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("e", ex.ElementId);
    }

    [Fact]
    public void Parse_EventWithTwoDefinitions_Throws()
    {
        var ex = Bpmn.ProcessFails("""
            <bpmn:intermediateCatchEvent id="e">
              <bpmn:messageEventDefinition />
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            """);

        Assert.Contains("several event definitions", ex.Message, StringComparison.Ordinal);
        Assert.Equal("e", ex.ElementId);
    }

    // ---- Tasks -----------------------------------------------------------------------------------------------------

    [Fact]
    public void Parse_UserTask_ReadsExtensionAttributes()
    {
        var task = Bpmn.Element<UserTask>("""
            <bpmn:userTask id="review" name="Review"
                           sf:candidateDepartment="${providerDepartment}" sf:candidateRole="reviewer" sf:assignee="${initiator}"
                           sf:dueDays="15" sf:dueDayKind="calendar" sf:formKey="forms/review" />
            """, "review");

        Assert.Equal("Review", task.Name);
        Assert.Equal("providerDepartment", task.CandidateDepartment!.Expression!.Body);
        Assert.Equal("reviewer", task.CandidateRole!.Literal);
        Assert.Equal("initiator", task.Assignee!.Expression!.Body);
        Assert.Equal(DayAmount.Fixed(15), task.DueDays);
        Assert.Equal(DayCountKind.Calendar, task.DueDayKind);
        Assert.Equal("forms/review", task.FormKey);
        Assert.Null(task.MultiInstance);
        Assert.True(task.HasAssignment);
    }

    [Fact]
    public void Parse_UserTaskWithoutAttributes_HasDefaults()
    {
        var task = Bpmn.Element<UserTask>("""<bpmn:userTask id="review" />""", "review");

        Assert.Null(task.CandidateDepartment);
        Assert.Null(task.CandidateRole);
        Assert.Null(task.Assignee);
        Assert.Null(task.DueDays);
        Assert.Equal(DayCountKind.Working, task.DueDayKind);
        Assert.Null(task.FormKey);
        Assert.False(task.HasAssignment);
    }

    [Fact]
    public void Parse_UserTaskDueDaysParameter_IsParameter()
    {
        var task = Bpmn.Element<UserTask>("""<bpmn:userTask id="review" sf:dueDays="sharing.answerDays" sf:dueDayKind="working" />""", "review");

        Assert.Equal("sharing.answerDays", task.DueDays!.Parameter);
        Assert.Equal(DayCountKind.Working, task.DueDayKind);
    }

    [Fact]
    public void Parse_BlankExtensionAttribute_IsAbsent()
    {
        var task = Bpmn.Element<UserTask>("""<bpmn:userTask id="review" sf:candidateRole=" " sf:formKey="" />""", "review");

        Assert.Null(task.CandidateRole);
        Assert.Null(task.FormKey);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("fifteen")]
    [InlineData("Sharing.answerDays")]
    [InlineData("${days}")]
    public void Parse_UserTaskBadDueDays_ThrowsNamingTheTask(string value)
    {
        var ex = Bpmn.ProcessFails($"""<bpmn:userTask id="review" sf:dueDays="{value}" />""");

        Assert.Contains("sf:dueDays", ex.Message, StringComparison.Ordinal);
        Assert.Equal("review", ex.ElementId);
    }

    [Fact]
    public void Parse_UserTaskBadDueDayKind_Throws()
    {
        var ex = Bpmn.ProcessFails("""<bpmn:userTask id="review" sf:dueDays="3" sf:dueDayKind="natural" />""");

        Assert.Contains("sf:dueDayKind 'natural'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("review", ex.ElementId);
    }

    [Fact]
    public void Parse_UnknownExtensionAttribute_ThrowsNamingIt()
    {
        var ex = Bpmn.ProcessFails("""<bpmn:userTask id="review" sf:candidateDepartmnt="x" />""");

        Assert.Contains("sf:candidateDepartmnt", ex.Message, StringComparison.Ordinal);
        Assert.Equal("review", ex.ElementId);
    }

    [Fact]
    public void Parse_UnknownExtensionElement_ThrowsNamingIt()
    {
        var ex = Bpmn.ProcessFails("""
            <bpmn:userTask id="review"><bpmn:extensionElements><sf:input name="a" value="b" /></bpmn:extensionElements></bpmn:userTask>
            """);

        Assert.Contains("sf:input", ex.Message, StringComparison.Ordinal);
        Assert.Equal("review", ex.ElementId);
    }

    [Fact]
    public void Parse_MultiInstanceUserTask_ReadsLoop()
    {
        var task = Bpmn.Element<UserTask>("""
            <bpmn:userTask id="countersign" sf:candidateDepartment="${department}">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" sf:collection="${departments}" sf:elementVariable="department">
                <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${nrOfCompletedInstances >= 2}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            """, "countersign");

        var loop = task.MultiInstance!;
        Assert.True(loop.IsSequential);
        Assert.Equal("departments", loop.Collection!.Body);
        Assert.Equal("department", loop.ElementVariable);
        Assert.Equal("nrOfCompletedInstances >= 2", loop.CompletionCondition!.Body);
        Assert.Null(loop.LoopCardinality);
    }

    [Fact]
    public void Parse_MultiInstanceWithCardinality_IsParallelByDefault()
    {
        var task = Bpmn.Element<UserTask>("""
            <bpmn:userTask id="vote"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
            """, "vote");

        Assert.False(task.MultiInstance!.IsSequential);
        Assert.Equal("3", task.MultiInstance.LoopCardinality!.Body);
    }

    [Theory]
    [InlineData("serviceTask")]
    [InlineData("sendTask")]
    [InlineData("subProcess")]
    [InlineData("callActivity")]
    [InlineData("task")]
    public void Parse_MultiInstanceOnOtherActivity_Throws(string kind)
    {
        var ex = Bpmn.ProcessFails($"""<bpmn:{kind} id="a"><bpmn:multiInstanceLoopCharacteristics /></bpmn:{kind}>""");

        Assert.Contains("only user tasks can be multi-instance", ex.Message, StringComparison.Ordinal);
        Assert.Equal("a", ex.ElementId);
    }

    [Fact]
    public void Parse_StandardLoop_Throws()
    {
        var ex = Bpmn.ProcessFails("""<bpmn:userTask id="a"><bpmn:standardLoopCharacteristics /></bpmn:userTask>""");

        Assert.Contains("standardLoopCharacteristics", ex.Message, StringComparison.Ordinal);
        Assert.Equal("a", ex.ElementId);
    }

    [Fact]
    public void Parse_ServiceTask_ReadsActivityAndInputs()
    {
        var task = Bpmn.Element<ServiceTask>("""
            <bpmn:serviceTask id="grant" name="Grant" sf:activity="grantAccess">
              <bpmn:extensionElements>
                <sf:input name="grantee" value="${requesterDepartment}" />
                <sf:input name="scope" value="read-only" />
                <sf:input name="note" value="" />
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            """, "grant");

        Assert.Equal("Grant", task.Name);
        Assert.Equal("grantAccess", task.ActivityName);
        Assert.Equal(["grantee", "scope", "note"], task.Inputs.Select(i => i.Name));
        Assert.Equal("requesterDepartment", task.Inputs[0].Value.Expression!.Body);
        Assert.Equal("read-only", task.Inputs[1].Value.Literal);
        Assert.Equal(string.Empty, task.Inputs[2].Value.Literal);
    }

    [Fact]
    public void Parse_SendTask_ReadsActivity()
    {
        var task = Bpmn.Element<SendTask>("""<bpmn:sendTask id="remind" sf:activity="notify" />""", "remind");

        Assert.Equal("notify", task.ActivityName);
        Assert.Empty(task.Inputs);
        Assert.Equal("sendTask", task.Kind);
    }

    [Fact]
    public void Parse_ServiceTaskWithoutActivity_HasNoActivityName()
    {
        Assert.Null(Bpmn.Element<ServiceTask>("""<bpmn:serviceTask id="grant" />""", "grant").ActivityName);
    }

    [Theory]
    [InlineData("""<sf:input value="x" />""", "has no name")]
    [InlineData("""<sf:input name="a" />""", "has no value")]
    [InlineData("""<sf:input name="a" value="1" /><sf:input name="a" value="2" />""", "appears twice")]
    [InlineData("""<sf:in source="a" target="b" />""", "sf:in")]
    public void Parse_BadServiceTaskInputs_Throws(string inputs, string reason)
    {
        var ex = Bpmn.ProcessFails($"""<bpmn:serviceTask id="grant"><bpmn:extensionElements>{inputs}</bpmn:extensionElements></bpmn:serviceTask>""");

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal("grant", ex.ElementId);
    }

    [Theory]
    [InlineData("manualTask")]
    [InlineData("task")]
    public void Parse_ManualOrPlainTask_IsPassThrough(string kind)
    {
        var task = Bpmn.Element<PassThroughTask>($"""<bpmn:{kind} id="check" name="Check paper file" />""", "check");

        Assert.Equal(kind, task.ElementKind);
        Assert.Equal(kind, task.Kind);
    }

    [Theory]
    [InlineData("scriptTask")]
    [InlineData("businessRuleTask")]
    [InlineData("receiveTask")]
    [InlineData("inclusiveGateway")]
    [InlineData("complexGateway")]
    [InlineData("transaction")]
    [InlineData("adHocSubProcess")]
    [InlineData("subChoreography")]
    public void Parse_UnsupportedElement_ThrowsNamingElementAndId(string kind)
    {
        var ex = Bpmn.ProcessFails($"""
            <bpmn:startEvent id="start" />
            <bpmn:{kind} id="Thing_1" />
            """);

        Assert.Contains($"Unsupported element {kind} 'Thing_1'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Thing_1", ex.ElementId);
        Assert.NotNull(ex.LineNumber);
        Assert.Contains("(line ", ex.Message, StringComparison.Ordinal);
    }

    // ---- Gateways --------------------------------------------------------------------------------------------------

    [Fact]
    public void Parse_ExclusiveGateway_ReadsDefault()
    {
        var gateway = Bpmn.Element<ExclusiveGateway>("""<bpmn:exclusiveGateway id="gw" name="OK?" default="no" />""", "gw");

        Assert.Equal("no", gateway.DefaultFlowId);
        Assert.Equal("OK?", gateway.Name);
    }

    [Fact]
    public void Parse_ParallelGateway_IsRead()
    {
        Assert.Equal("parallelGateway", Bpmn.Element<ParallelGateway>("""<bpmn:parallelGateway id="fork" />""", "fork").Kind);
    }

    [Fact]
    public void Parse_EventBasedGateway_IsRead()
    {
        Assert.Equal("eventBasedGateway", Bpmn.Element<EventBasedGateway>("""<bpmn:eventBasedGateway id="race" eventGatewayType="Exclusive" />""", "race").Kind);
    }

    [Fact]
    public void Parse_InstantiatingEventBasedGateway_Throws()
    {
        var ex = Bpmn.ProcessFails("""<bpmn:eventBasedGateway id="race" instantiate="true" />""");

        Assert.Equal("race", ex.ElementId);
    }

    // ---- Sub-processes and call activities --------------------------------------------------------------------------

    [Fact]
    public void Parse_NestedSubProcesses_BuildScopeTree()
    {
        var process = Bpmn.Process("""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="outer">
              <bpmn:startEvent id="outerStart" />
              <bpmn:subProcess id="inner">
                <bpmn:startEvent id="innerStart" />
                <bpmn:endEvent id="innerEnd" />
                <bpmn:sequenceFlow id="fi" sourceRef="innerStart" targetRef="innerEnd" />
              </bpmn:subProcess>
              <bpmn:sequenceFlow id="fo" sourceRef="outerStart" targetRef="inner" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="outer" />
            """);

        Assert.Equal(["p", "outer", "inner"], process.Scopes.Keys);
        Assert.Same(process.Scopes["p"], process.RootScope);
        Assert.True(process.RootScope.IsRoot);
        Assert.Equal("p", process.Scopes["outer"].ParentId);
        Assert.Equal("outer", process.Scopes["inner"].ParentId);
        Assert.Equal(["start", "outer"], process.RootScope.Elements.Select(e => e.Id));
        Assert.Equal(["outerStart", "inner"], process.Scopes["outer"].Elements.Select(e => e.Id));
        Assert.Equal(["innerStart"], process.Scopes["inner"].StartEvents.Select(e => e.Id));
        Assert.Equal(["outer"], process.RootScope.SubProcesses.Select(s => s.Id));
        Assert.Equal("inner", process.Elements["innerEnd"].ScopeId);
        Assert.Equal("inner", process.SequenceFlows["fi"].ScopeId);
        Assert.Equal(["fo"], process.Scopes["outer"].SequenceFlows.Select(f => f.Id));
        Assert.Equal(6, process.Elements.Count);
    }

    [Fact]
    public void Parse_EventSubProcess_Throws()
    {
        var ex = Bpmn.ProcessFails("""<bpmn:subProcess id="onWithdraw" triggeredByEvent="true" />""");

        Assert.Contains("event sub-processes", ex.Message, StringComparison.Ordinal);
        Assert.Equal("onWithdraw", ex.ElementId);
    }

    [Fact]
    public void Parse_SubProcessesNestedTooDeep_Throws()
    {
        var xml = Bpmn.Definitions("""<bpmn:subProcess id="a"><bpmn:subProcess id="b"><bpmn:subProcess id="c" /></bpmn:subProcess></bpmn:subProcess>""");

        var ex = Assert.Throws<BpmnParseException>(() => new BpmnParser(new BpmnParserOptions { MaxSubProcessDepth = 2 }).Parse(xml));

        Assert.Equal("c", ex.ElementId);
        Assert.Contains("nested more than 2 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CallActivity_ReadsCalledElementAndMappings()
    {
        var call = Bpmn.Element<CallActivity>("""
            <bpmn:callActivity id="call" calledElement="subFlow">
              <bpmn:extensionElements>
                <sf:in source="applicationId" target="parentApplicationId" />
                <sf:in variables="all" />
                <sf:out source="result" target="subResult" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
            """, "call");

        Assert.Equal("subFlow", call.CalledElement);
        Assert.Equal([new VariableMapping("applicationId", "parentApplicationId")], call.Inputs);
        Assert.Equal([new VariableMapping("result", "subResult")], call.Outputs);
        Assert.True(call.CopyAllIn);
        Assert.False(call.CopyAllOut);
    }

    [Fact]
    public void Parse_CallActivityOutAll_CopiesAllOut()
    {
        var call = Bpmn.Element<CallActivity>("""
            <bpmn:callActivity id="call" calledElement="subFlow"><bpmn:extensionElements><sf:out variables="all" /></bpmn:extensionElements></bpmn:callActivity>
            """, "call");

        Assert.True(call.CopyAllOut);
        Assert.Empty(call.Inputs);
    }

    [Theory]
    [InlineData("""<sf:in source="a" />""", "needs both source and target")]
    [InlineData("""<sf:out target="a" />""", "needs both source and target")]
    [InlineData("""<sf:in variables="some" />""", "must be 'all'")]
    [InlineData("""<sf:input name="a" value="b" />""", "sf:input")]
    public void Parse_BadCallActivityMapping_Throws(string mapping, string reason)
    {
        var ex = Bpmn.ProcessFails($"""<bpmn:callActivity id="call" calledElement="x"><bpmn:extensionElements>{mapping}</bpmn:extensionElements></bpmn:callActivity>""");

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal("call", ex.ElementId);
    }

    // ---- Sequence flows ---------------------------------------------------------------------------------------------

    [Fact]
    public void Parse_SequenceFlow_ReadsEndsAndCondition()
    {
        var process = Bpmn.Process("""
            <bpmn:sequenceFlow id="yes" name="approved" sourceRef="gw" targetRef="grant">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[${amount < 100 && approved}]]></bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="plain" sourceRef="a" targetRef="b" />
            """);

        var flow = process.SequenceFlows["yes"];
        Assert.Equal(("gw", "grant", "approved"), (flow.SourceRef, flow.TargetRef, flow.Name));
        Assert.Equal("amount < 100 && approved", flow.Condition!.Body);
        Assert.True(flow.Condition.IsWrapped);
        Assert.Null(process.SequenceFlows["plain"].Condition);
        Assert.Equal([flow], process.Outgoing("gw"));
        Assert.Equal([flow], process.Incoming("grant"));
    }

    [Fact]
    public void Parse_BareCondition_IsTheExpression()
    {
        var flow = Bpmn.Process("""<bpmn:sequenceFlow id="f" sourceRef="a" targetRef="b"><bpmn:conditionExpression>approved</bpmn:conditionExpression></bpmn:sequenceFlow>""")
            .SequenceFlows["f"];

        Assert.Equal("approved", flow.Condition!.Body);
        Assert.False(flow.Condition.IsWrapped);
    }

    [Theory]
    [InlineData("""<bpmn:sequenceFlow id="f" targetRef="b" />""", "sourceRef")]
    [InlineData("""<bpmn:sequenceFlow id="f" sourceRef="a" />""", "targetRef")]
    public void Parse_SequenceFlowWithoutEnd_Throws(string flow, string missing)
    {
        var ex = Bpmn.ProcessFails(flow);

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Equal("f", ex.ElementId);
    }

    // ---- Identifiers -----------------------------------------------------------------------------------------------

    [Fact]
    public void Parse_DuplicateIds_ThrowsNamingTheId()
    {
        var ex = Bpmn.ProcessFails("""
            <bpmn:startEvent id="same" />
            <bpmn:userTask id="same" />
            """);

        Assert.Contains("Duplicate id 'same'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("same", ex.ElementId);
    }

    [Fact]
    public void Parse_FlowSharingAnElementId_Throws()
    {
        var ex = Bpmn.ProcessFails("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="start" sourceRef="start" targetRef="start" />
            """);

        Assert.Equal("start", ex.ElementId);
    }

    [Fact]
    public void Parse_ElementWithoutId_Throws()
    {
        var ex = Bpmn.ProcessFails("""<bpmn:userTask name="anonymous" />""");

        Assert.Contains("userTask element has no id", ex.Message, StringComparison.Ordinal);
    }

    // ---- Timers ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Parse_TimeDuration_IsDurationTimer()
    {
        var timer = Bpmn.Timer("""<bpmn:timerEventDefinition><bpmn:timeDuration>P1DT2H</bpmn:timeDuration></bpmn:timerEventDefinition>""");

        Assert.Equal(new IsoDuration(0, 0, 0, 1, 2, 0, 0), Assert.IsType<DurationTimer>(timer).Duration);
    }

    [Fact]
    public void Parse_TimeDurationWithWhitespace_IsTrimmed()
    {
        var timer = Bpmn.Timer("""
            <bpmn:timerEventDefinition><bpmn:timeDuration>
                PT1H
            </bpmn:timeDuration></bpmn:timerEventDefinition>
            """);

        Assert.Equal(TimeSpan.FromHours(1), Assert.IsType<DurationTimer>(timer).Duration.FixedLength);
    }

    [Fact]
    public void Parse_TimeDateWithOffset_KeepsOffset()
    {
        var timer = Bpmn.Timer("""<bpmn:timerEventDefinition><bpmn:timeDate>2026-10-08T09:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>""");

        Assert.Equal(new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.Zero), Assert.IsType<DateTimer>(timer).DueAt);
    }

    [Fact]
    public void Parse_TimeDateWithoutOffset_IsAsiaShanghai()
    {
        var timer = Bpmn.Timer("""<bpmn:timerEventDefinition><bpmn:timeDate>2026-10-08T09:00:00</bpmn:timeDate></bpmn:timerEventDefinition>""");

        var dueAt = Assert.IsType<DateTimer>(timer).DueAt;
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 9, 0, 0, Shanghai), dueAt);
        Assert.Equal(Shanghai, dueAt.Offset);
    }

    [Theory]
    [InlineData("R3/PT1H", 3, false)]
    [InlineData("R/P1D", null, false)]
    [InlineData("R5/2026-01-01T09:00:00+08:00/P1D", 5, true)]
    public void Parse_TimeCycle_IsCycleTimer(string text, int? repetitions, bool hasStart)
    {
        var timer = Bpmn.Timer($"""<bpmn:timerEventDefinition><bpmn:timeCycle>{text}</bpmn:timeCycle></bpmn:timerEventDefinition>""");

        var cycle = Assert.IsType<CycleTimer>(timer).Cycle;
        Assert.Equal(repetitions, cycle.Repetitions);
        Assert.Equal(hasStart, cycle.Start.HasValue);
    }

    [Theory]
    [InlineData("timeDuration", "P")]
    [InlineData("timeDuration", "PT")]
    [InlineData("timeDuration", "-P1D")]
    [InlineData("timeDuration", "1 hour")]
    [InlineData("timeDate", "next monday")]
    [InlineData("timeDate", "2026-02-30T09:00:00")]
    [InlineData("timeCycle", "R0/PT1H")]
    [InlineData("timeCycle", "0 0 9 * * ?")]
    public void Parse_UnparseableTimer_ThrowsNamingTheEvent(string kind, string text)
    {
        var ex = Assert.Throws<BpmnParseException>(() => Bpmn.Timer($"""<bpmn:timerEventDefinition><bpmn:{kind}>{text}</bpmn:{kind}></bpmn:timerEventDefinition>"""));

        Assert.Contains($"Invalid {kind} of the timer of boundaryEvent 'timer'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("timer", ex.ElementId);
    }

    [Theory]
    [InlineData("${reminderDelay}")]
    [InlineData("#{reminderDelay}")]
    public void Parse_TimerExpression_Throws(string text)
    {
        var ex = Assert.Throws<BpmnParseException>(() => Bpmn.Timer($"""<bpmn:timerEventDefinition><bpmn:timeDuration>{text}</bpmn:timeDuration></bpmn:timerEventDefinition>"""));

        Assert.Contains("is an expression", ex.Message, StringComparison.Ordinal);
        Assert.Equal("timer", ex.ElementId);
    }

    [Fact]
    public void Parse_EmptyTimeDuration_Throws()
    {
        var ex = Assert.Throws<BpmnParseException>(() => Bpmn.Timer("""<bpmn:timerEventDefinition><bpmn:timeDuration /></bpmn:timerEventDefinition>"""));

        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoStandardTimerChildren_Throws()
    {
        var ex = Assert.Throws<BpmnParseException>(() => Bpmn.Timer("""
            <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration><bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>
            """));

        Assert.Contains("more than one", ex.Message, StringComparison.Ordinal);
        Assert.Equal("timer", ex.ElementId);
    }

    [Fact]
    public void Parse_TimerDays_IsWorkingDayPeriodFromEntry()
    {
        var timer = Bpmn.Timer("""<bpmn:timerEventDefinition sf:days="5" />""");

        Assert.Equal(new WorkingDayPeriod(DayAmount.Fixed(5), DayCountKind.Working, 0, TimerAnchor.Entry, null), timer);
    }

    [Fact]
    public void Parse_TimerDaysParameterCalendarWithOffset_ReadsAll()
    {
        var timer = Bpmn.Timer("""<bpmn:timerEventDefinition sf:days="sharing.answerDays" sf:dayKind="calendar" sf:offsetDays="-1" sf:anchor="entry" />""");

        Assert.Equal(new WorkingDayPeriod(DayAmount.FromParameter("sharing.answerDays"), DayCountKind.Calendar, -1, TimerAnchor.Entry, null), timer);
    }

    [Fact]
    public void Parse_TimerAnchoredOnTaskDue_NeedsNoDays()
    {
        var timer = Bpmn.Timer("""<bpmn:timerEventDefinition sf:anchor="taskDue" sf:offsetDays="-2" />""", "sf:dueDays=\"15\"");

        Assert.Equal(new WorkingDayPeriod(null, DayCountKind.Working, -2, TimerAnchor.TaskDue, null), timer);
    }

    [Fact]
    public void Parse_TimerFraction_ReadsFraction()
    {
        var timer = Bpmn.Timer("""<bpmn:timerEventDefinition sf:anchor="taskDue" sf:fraction="0.5" />""", "sf:dueDays=\"15\"");

        Assert.Equal(new WorkingDayPeriod(null, DayCountKind.Working, 0, TimerAnchor.TaskDue, 0.5m), timer);
    }

    [Theory]
    [InlineData("""sf:days="3" """, "both timeDuration and sf:days")]
    [InlineData("""sf:anchor="taskDue" """, "both timeDuration and sf:anchor")]
    public void Parse_StandardChildAndExtension_Throws(string attributes, string reason)
    {
        var ex = Assert.Throws<BpmnParseException>(() => Bpmn.Timer($"""
            <bpmn:timerEventDefinition {attributes}><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            """));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal("timer", ex.ElementId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("""sf:dayKind="calendar" """)]
    [InlineData("""sf:offsetDays="2" """)]
    public void Parse_TimerWithNeitherStandardChildNorDays_Throws(string attributes)
    {
        var ex = Assert.Throws<BpmnParseException>(() => Bpmn.Timer($"""<bpmn:timerEventDefinition id="td" {attributes}/>"""));

        Assert.Contains("neither timeDuration, timeDate, timeCycle nor sf:days", ex.Message, StringComparison.Ordinal);
        Assert.Equal("timer", ex.ElementId);
    }

    [Theory]
    [InlineData("""sf:days="x.y.Z" """, "sf:days 'x.y.Z'")]
    [InlineData("""sf:days="-3" """, "sf:days '-3'")]
    [InlineData("""sf:days="3" sf:dayKind="lunar" """, "sf:dayKind 'lunar'")]
    [InlineData("""sf:days="3" sf:offsetDays="one" """, "sf:offsetDays 'one'")]
    [InlineData("""sf:days="3" sf:offsetDays="1.5" """, "sf:offsetDays '1.5'")]
    [InlineData("""sf:days="3" sf:anchor="start" """, "sf:anchor 'start'")]
    [InlineData("""sf:anchor="taskDue" sf:fraction="0" """, "sf:fraction '0'")]
    [InlineData("""sf:anchor="taskDue" sf:fraction="1" """, "sf:fraction '1'")]
    [InlineData("""sf:anchor="taskDue" sf:fraction="1.5" """, "sf:fraction '1.5'")]
    [InlineData("""sf:anchor="taskDue" sf:fraction="half" """, "sf:fraction 'half'")]
    [InlineData("""sf:anchor="taskDue" sf:fraction="-0.5" """, "sf:fraction '-0.5'")]
    [InlineData("""sf:days="3" sf:fraction="0.5" """, "requires sf:anchor=\"taskDue\"")]
    [InlineData("""sf:anchor="taskDue" sf:days="3" sf:fraction="0.5" """, "cannot be combined with sf:days")]
    [InlineData("""sf:anchor="taskDue" sf:offsetDays="-1" sf:fraction="0.5" """, "cannot be combined with sf:days or sf:offsetDays")]
    [InlineData("""sf:days="3" sf:unit="hours" """, "Unknown attribute sf:unit")]
    public void Parse_BadTimerExtension_ThrowsNamingTheEvent(string attributes, string reason)
    {
        var ex = Assert.Throws<BpmnParseException>(() => Bpmn.Timer($"""<bpmn:timerEventDefinition {attributes}/>""", "sf:dueDays=\"10\""));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal("timer", ex.ElementId);
    }

    [Fact]
    public void Parse_TaskDueAnchorOnCatchEvent_Throws()
    {
        var ex = Bpmn.ProcessFails("""
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition sf:anchor="taskDue" sf:offsetDays="-2" /></bpmn:intermediateCatchEvent>
            """);

        Assert.Contains("only allowed on a boundary event", ex.Message, StringComparison.Ordinal);
        Assert.Equal("wait", ex.ElementId);
    }

    [Fact]
    public void Parse_CatchEventWithWorkingDays_IsWorkingDayPeriod()
    {
        var wait = Bpmn.Element<IntermediateCatchEvent>("""
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition sf:days="3" sf:dayKind="calendar" /></bpmn:intermediateCatchEvent>
            """, "wait");

        Assert.Equal(
            new WorkingDayPeriod(DayAmount.Fixed(3), DayCountKind.Calendar, 0, TimerAnchor.Entry, null),
            Assert.IsType<TimerEventDefinition>(wait.Trigger).Timer);
    }

    // ---- Malformed, hostile and foreign input ------------------------------------------------------------------------

    [Fact]
    public void Parse_Dtd_IsRejected()
    {
        const string Xml = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ELEMENT definitions ANY> ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p" /></definitions>
            """;

        var ex = Bpmn.ParseFails(Xml);

        Assert.Contains("document type declaration (DTD)", ex.Message, StringComparison.Ordinal);
        Assert.IsType<System.Xml.XmlException>(ex.InnerException);
    }

    [Fact]
    public void Parse_ExternalEntity_IsRejected()
    {
        const string Xml = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
              <process id="p"><startEvent id="s" name="&xxe;" /></process>
            </definitions>
            """;

        var ex = Bpmn.ParseFails(Xml);

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BillionLaughs_IsRejected()
    {
        const string Xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p" name="&lol9;" /></definitions>
            """;

        var ex = Bpmn.ParseFails(Xml);

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OversizedString_IsRejected()
    {
        var xml = Bpmn.Definitions(Bpmn.MinimalBody);
        var parser = new BpmnParser(new BpmnParserOptions { MaxCharactersInDocument = xml.Length - 1 });

        var ex = Assert.Throws<BpmnParseException>(() => parser.Parse(xml));

        Assert.Contains("more than the limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OversizedStream_IsRejected()
    {
        var padding = new string(' ', 5000);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Bpmn.Definitions(Bpmn.MinimalBody + $"<!-- {padding} -->")));
        var parser = new BpmnParser(new BpmnParserOptions { MaxCharactersInDocument = 2000 });

        var ex = Assert.Throws<BpmnParseException>(() => parser.Parse(stream));

        Assert.Contains("larger than the limit of 2000 characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DefaultLimit_IsTwoMebibytes()
    {
        var xml = Bpmn.Definitions(Bpmn.MinimalBody + $"<!-- {new string('x', 2 * 1024 * 1024)} -->");

        var ex = Bpmn.ParseFails(xml);

        Assert.Equal(2 * 1024 * 1024, BpmnParserOptions.Default.MaxCharactersInDocument);
        Assert.Contains("2097152", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">", 1)]
    [InlineData("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"p\"></definitions>", 2)]
    [InlineData("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"a\" id=\"b\" />", 1)]
    [InlineData("not xml at all", 1)]
    public void Parse_MalformedXml_ThrowsWithPosition(string xml, int line)
    {
        var ex = Bpmn.ParseFails(xml);

        Assert.StartsWith("The BPMN document is not well-formed XML", ex.Message, StringComparison.Ordinal);
        Assert.Equal(line, ex.LineNumber);
        Assert.NotNull(ex.LinePosition);
        Assert.Contains($"(line {line}, position", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public void Parse_EmptyDocument_Throws()
    {
        Bpmn.ParseFails(string.Empty);
    }

    [Fact]
    public void Parse_WrongRoot_SaysItIsNotBpmn()
    {
        var ex = Bpmn.ParseFails("""<html xmlns="http://www.w3.org/1999/xhtml"><body /></html>""");

        Assert.Contains("Not a BPMN 2.0 document", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'html'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DefinitionsInWrongNamespace_SaysItIsNotBpmn()
    {
        var ex = Bpmn.ParseFails("""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/DI"><process id="p" /></definitions>""");

        Assert.Contains("Not a BPMN 2.0 document", ex.Message, StringComparison.Ordinal);
        Assert.Contains("http://www.omg.org/spec/BPMN/20100524/DI", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadIsExecutable_Throws()
    {
        var ex = Bpmn.ParseFails(Bpmn.Definitions(Bpmn.MinimalBody, processAttributes: "isExecutable=\"yes\""));

        Assert.Contains("isExecutable='yes'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullOptions_UsesDefaults()
    {
        Assert.NotNull(new BpmnParser(null).Parse(Bpmn.Definitions(Bpmn.MinimalBody)));
    }

    [Fact]
    public void Constructor_ZeroLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BpmnParser(new BpmnParserOptions { MaxCharactersInDocument = 0 }));
    }
}
