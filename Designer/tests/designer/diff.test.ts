import { describe, expect, it } from 'vitest';
import { diffXml, type Change } from '../../src/designer/bpmn/diff';
import { shippedXml } from './support/files';

const sharing = shippedXml('sharing-application.bpmn');

function edit(xml: string, ...replacements: [string | RegExp, string][]): string {
  let result = xml;
  for (const [from, to] of replacements) {
    const next = result.replace(from, to);
    if (next === result) throw new Error(`Nothing to replace: ${from}`);
    result = next;
  }
  return result;
}

const summary = (changes: Change[]) => changes.map((change) => [change.category, change.elementId, change.field ?? '', change.before ?? '', change.after ?? ''].join('|'));

describe('comparing two versions', () => {
  it('finds nothing between a version and itself', async () => {
    expect(await diffXml(sharing, sharing)).toEqual([]);
  });

  it('ignores the diagram layout: only the process counts', async () => {
    const withDi = edit(sharing, ['</bpmn:definitions>', '<bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="d"><bpmndi:BPMNPlane id="p" bpmnElement="sharingApplication" /></bpmndi:BPMNDiagram></bpmn:definitions>']);
    expect(await diffXml(sharing, withDi)).toEqual([]);
  });

  it('reports a changed deadline, day kind and reminder offset', async () => {
    const changed = edit(
      sharing,
      ['sf:candidateRole="provider-reviewer" sf:dueDays="sharing.answerDays" />', 'sf:candidateRole="provider-reviewer" sf:dueDays="10" sf:dueDayKind="calendar" />'],
      ['<bpmn:timerEventDefinition sf:anchor="taskDue" sf:offsetDays="-2" />', '<bpmn:timerEventDefinition sf:anchor="taskDue" sf:offsetDays="-3" />'],
    );
    expect(summary(await diffXml(sharing, changed))).toEqual([
      'deadline|review|sf:dueDays|sharing.answerDays|10',
      'deadline|review|sf:dueDayKind||calendar',
      'timer|finalReminder|sf:offsetDays|-2|-3',
    ]);
  });

  it('reports a standard timer replacing a day timer', async () => {
    const changed = edit(sharing, ['<bpmn:timerEventDefinition sf:anchor="taskDue" sf:fraction="0.5" />', '<bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition>']);
    expect(summary(await diffXml(sharing, changed))).toEqual([
      'timer|halfwayReminder|sf:anchor|taskDue|',
      'timer|halfwayReminder|sf:fraction|0.5|',
      'timer|halfwayReminder|timeDuration||P3D',
    ]);
  });

  it('reports assignments, renames, conditions and default flows', async () => {
    const changed = edit(
      sharing,
      ['name="提供部门审核答复" sf:candidateDepartment="${providerDepartment}"', 'name="提供部门审核" sf:candidateDepartment="${officeDepartment}"'],
      ["${shareType == 'unconditional'}", "${shareType == 'open'}"],
      ['id="shareTypeGateway" name="共享类型？" default="toReview"', 'id="shareTypeGateway" name="共享类型？"'],
    );
    expect(summary(await diffXml(sharing, changed))).toEqual([
      'renamed|review|name|提供部门审核答复|提供部门审核',
      'assignment|review|sf:candidateDepartment|${providerDepartment}|${officeDepartment}',
      'condition|shareTypeGateway|default|toReview|',
      "condition|toGrantDirectly|condition|${shareType == 'unconditional'}|${shareType == 'open'}",
    ]);
  });

  it('reports elements added and removed, and a flow led elsewhere', async () => {
    const changed = edit(
      sharing,
      ['<bpmn:endEvent id="reminded" name="已提醒" />', '<bpmn:endEvent id="remindedOnce" name="已提醒" />'],
      ['sourceRef="remindReviewers" targetRef="reminded"', 'sourceRef="remindReviewers" targetRef="remindedOnce"'],
    );
    expect(summary(await diffXml(sharing, changed))).toEqual([
      'added|remindedOnce|||',
      'removed|reminded|||',
      'flow|toReminded|targetRef|reminded|remindedOnce',
    ]);
  });

  it('reports a changed activity and its inputs', async () => {
    const changed = edit(
      sharing,
      ['<sf:input name="subject" value="共享申请 ${applicationNumber} 答复期限已过半" />', '<sf:input name="subject" value="答复期限已过半" />'],
      ['id="register" name="登记申请" sf:activity="sharing.register"', 'id="register" name="登记申请" sf:activity="sharing.registerAgain"'],
    );
    expect(summary(await diffXml(sharing, changed))).toEqual([
      'activity|register|sf:activity|sharing.register|sharing.registerAgain',
      'activity|remindReviewers|input:subject|共享申请 ${applicationNumber} 答复期限已过半|答复期限已过半',
    ]);
  });
});
