namespace ShareFlow.Workflows.Tests.Model;

/// <summary>The repository's benchmark workload (bench/approval.bpmn), verbatim.</summary>
internal static class BenchmarkWorkload
{
    public const string ApprovalBpmn = """
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Benchmark workload: sharing-application approval.

  Semantics every engine under test must implement identically:
  - "review" is a user task (provider department). Completing it sets the
    process variable `decision` (benchmark completes it with decision = 'approve').
  - "reminderTimer": NON-interrupting timer boundary event on "review", PT1H,
    -> send task "remind" -> end "reminderSent". The review task stays active.
  - "deadlineTimer": INTERRUPTING timer boundary event on "review", PT2H,
    -> user task "coordinate" (coordinating office) -> end "coordinated".
    The review task is cancelled.
  - After "review": exclusive gateway "decisionGateway".
    decision == 'approve' -> service task "grant" -> end "granted";
    otherwise (default flow) -> end "refused".
  - Service/send tasks carry no engine-specific implementation attribute; engines
    bind a no-op handler by element id ("grant", "remind").
  - The condition is written in the common Camunda 7 / JUEL form; it compares the
    process variable `decision` with the string literal 'approve'.
  Both timers must be cancelled when "review" completes before they fire.
-->
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  id="approvalDefinitions"
                  targetNamespace="http://example.org/bpmn/sharing-approval"
                  exporter="hand-written"
                  exporterVersion="1.0">
  <bpmn:process id="sharingApproval" name="Sharing application approval" isExecutable="true">
    <bpmn:startEvent id="start" name="Application submitted">
      <bpmn:outgoing>flow_start_review</bpmn:outgoing>
    </bpmn:startEvent>

    <bpmn:userTask id="review" name="Review application (provider department)">
      <bpmn:incoming>flow_start_review</bpmn:incoming>
      <bpmn:outgoing>flow_review_decision</bpmn:outgoing>
    </bpmn:userTask>

    <bpmn:boundaryEvent id="reminderTimer" name="Reminder after 1h" attachedToRef="review" cancelActivity="false">
      <bpmn:outgoing>flow_reminder_remind</bpmn:outgoing>
      <bpmn:timerEventDefinition id="reminderTimerDefinition">
        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration>
      </bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>

    <bpmn:sendTask id="remind" name="Send reminder to provider department">
      <bpmn:incoming>flow_reminder_remind</bpmn:incoming>
      <bpmn:outgoing>flow_remind_end</bpmn:outgoing>
    </bpmn:sendTask>

    <bpmn:endEvent id="reminderSent" name="Reminder sent">
      <bpmn:incoming>flow_remind_end</bpmn:incoming>
    </bpmn:endEvent>

    <bpmn:boundaryEvent id="deadlineTimer" name="Deadline after 2h" attachedToRef="review" cancelActivity="true">
      <bpmn:outgoing>flow_deadline_coordinate</bpmn:outgoing>
      <bpmn:timerEventDefinition id="deadlineTimerDefinition">
        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT2H</bpmn:timeDuration>
      </bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>

    <bpmn:userTask id="coordinate" name="Coordinate application (coordinating office)">
      <bpmn:incoming>flow_deadline_coordinate</bpmn:incoming>
      <bpmn:outgoing>flow_coordinate_end</bpmn:outgoing>
    </bpmn:userTask>

    <bpmn:endEvent id="coordinated" name="Coordinated">
      <bpmn:incoming>flow_coordinate_end</bpmn:incoming>
    </bpmn:endEvent>

    <bpmn:exclusiveGateway id="decisionGateway" name="Decision?" default="flow_refused">
      <bpmn:incoming>flow_review_decision</bpmn:incoming>
      <bpmn:outgoing>flow_approved</bpmn:outgoing>
      <bpmn:outgoing>flow_refused</bpmn:outgoing>
    </bpmn:exclusiveGateway>

    <bpmn:serviceTask id="grant" name="Grant access">
      <bpmn:incoming>flow_approved</bpmn:incoming>
      <bpmn:outgoing>flow_grant_end</bpmn:outgoing>
    </bpmn:serviceTask>

    <bpmn:endEvent id="granted" name="Access granted">
      <bpmn:incoming>flow_grant_end</bpmn:incoming>
    </bpmn:endEvent>

    <bpmn:endEvent id="refused" name="Application refused">
      <bpmn:incoming>flow_refused</bpmn:incoming>
    </bpmn:endEvent>

    <bpmn:sequenceFlow id="flow_start_review" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="flow_reminder_remind" sourceRef="reminderTimer" targetRef="remind" />
    <bpmn:sequenceFlow id="flow_remind_end" sourceRef="remind" targetRef="reminderSent" />
    <bpmn:sequenceFlow id="flow_deadline_coordinate" sourceRef="deadlineTimer" targetRef="coordinate" />
    <bpmn:sequenceFlow id="flow_coordinate_end" sourceRef="coordinate" targetRef="coordinated" />
    <bpmn:sequenceFlow id="flow_review_decision" sourceRef="review" targetRef="decisionGateway" />
    <bpmn:sequenceFlow id="flow_approved" name="approve" sourceRef="decisionGateway" targetRef="grant">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${decision == 'approve'}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="flow_refused" name="otherwise" sourceRef="decisionGateway" targetRef="refused" />
    <bpmn:sequenceFlow id="flow_grant_end" sourceRef="grant" targetRef="granted" />
  </bpmn:process>

  <bpmndi:BPMNDiagram id="approvalDiagram">
    <bpmndi:BPMNPlane id="approvalPlane" bpmnElement="sharingApproval">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
        <dc:Bounds x="152" y="202" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="128" y="245" width="84" height="27" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="review_di" bpmnElement="review">
        <dc:Bounds x="240" y="180" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="remind_di" bpmnElement="remind">
        <dc:Bounds x="380" y="40" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="reminderSent_di" bpmnElement="reminderSent">
        <dc:Bounds x="532" y="62" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="516" y="105" width="68" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="coordinate_di" bpmnElement="coordinate">
        <dc:Bounds x="380" y="340" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="coordinated_di" bpmnElement="coordinated">
        <dc:Bounds x="532" y="362" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="520" y="405" width="60" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="decisionGateway_di" bpmnElement="decisionGateway" isMarkerVisible="true">
        <dc:Bounds x="405" y="195" width="50" height="50" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="405" y="172" width="50" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="grant_di" bpmnElement="grant">
        <dc:Bounds x="510" y="180" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="granted_di" bpmnElement="granted">
        <dc:Bounds x="662" y="202" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="642" y="245" width="76" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="refused_di" bpmnElement="refused">
        <dc:Bounds x="662" y="282" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="630" y="325" width="100" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="reminderTimer_di" bpmnElement="reminderTimer">
        <dc:Bounds x="272" y="162" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="196" y="140" width="90" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="deadlineTimer_di" bpmnElement="deadlineTimer">
        <dc:Bounds x="272" y="242" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="196" y="285" width="88" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="flow_start_review_di" bpmnElement="flow_start_review">
        <di:waypoint x="188" y="220" />
        <di:waypoint x="240" y="220" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="flow_reminder_remind_di" bpmnElement="flow_reminder_remind">
        <di:waypoint x="290" y="162" />
        <di:waypoint x="290" y="80" />
        <di:waypoint x="380" y="80" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="flow_remind_end_di" bpmnElement="flow_remind_end">
        <di:waypoint x="480" y="80" />
        <di:waypoint x="532" y="80" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="flow_deadline_coordinate_di" bpmnElement="flow_deadline_coordinate">
        <di:waypoint x="290" y="278" />
        <di:waypoint x="290" y="380" />
        <di:waypoint x="380" y="380" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="flow_coordinate_end_di" bpmnElement="flow_coordinate_end">
        <di:waypoint x="480" y="380" />
        <di:waypoint x="532" y="380" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="flow_review_decision_di" bpmnElement="flow_review_decision">
        <di:waypoint x="340" y="220" />
        <di:waypoint x="405" y="220" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="flow_approved_di" bpmnElement="flow_approved">
        <di:waypoint x="455" y="220" />
        <di:waypoint x="510" y="220" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="flow_refused_di" bpmnElement="flow_refused">
        <di:waypoint x="430" y="245" />
        <di:waypoint x="430" y="300" />
        <di:waypoint x="662" y="300" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="flow_grant_end_di" bpmnElement="flow_grant_end">
        <di:waypoint x="610" y="220" />
        <di:waypoint x="662" y="220" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
""";
}
