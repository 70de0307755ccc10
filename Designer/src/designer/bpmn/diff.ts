import { allFlowElements, executableProcess, parseBpmn, type ModdleElement } from './moddle';

/**
 * What changed between two versions of a definition, element by element (matched by id), in the terms a policy
 * admin reviews: elements added and removed, names, deadlines and timers, who a task goes to, conditions, the
 * activity a task runs, and where flows lead.
 */
export type ChangeCategory = 'added' | 'removed' | 'renamed' | 'type' | 'deadline' | 'timer' | 'assignment' | 'condition' | 'activity' | 'flow';

export interface Change {
  category: ChangeCategory;
  elementId: string;
  elementName: string | null;
  elementType: string;
  /** What changed, e.g. `sf:dueDays`, `timeDuration`, `input:subject`, `default`. */
  field?: string;
  before?: string | null;
  after?: string | null;
}

const deadlineAttributes = ['dueDays', 'dueDayKind', 'dueFrom', 'extendDeadlineOf', 'extendDays'];
const timerAttributes = ['days', 'dayKind', 'offsetDays', 'anchor', 'fraction'];
const assignmentAttributes = ['candidateDepartment', 'candidateRole', 'assignee', 'formKey'];
const standardTimers = ['timeDuration', 'timeDate', 'timeCycle'];

function text(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  return String(value);
}

function timerOf(element: ModdleElement): ModdleElement | undefined {
  return (element.eventDefinitions ?? []).find((definition: ModdleElement) => definition.$type === 'bpmn:TimerEventDefinition');
}

function inputsOf(element: ModdleElement): Map<string, string> {
  const inputs = new Map<string, string>();
  for (const value of element.extensionElements?.values ?? []) {
    if (value.$type === 'sf:Input') inputs.set(value.name, value.value ?? '');
  }
  return inputs;
}

function mappingsOf(element: ModdleElement): string[] {
  return (element.extensionElements?.values ?? [])
    .filter((value: ModdleElement) => value.$type === 'sf:In' || value.$type === 'sf:Out')
    .map((value: ModdleElement) => `${value.$type === 'sf:In' ? 'in' : 'out'} ${value.variables === 'all' ? 'all' : `${value.source} → ${value.target}`}`);
}

function compareElement(before: ModdleElement, after: ModdleElement): Change[] {
  const changes: Change[] = [];
  const base = { elementId: after.id!, elementName: text(after.name) ?? text(before.name), elementType: after.$type };
  const push = (category: ChangeCategory, field: string, old: unknown, now: unknown) => {
    const a = text(old);
    const b = text(now);
    if (a !== b) changes.push({ ...base, category, field, before: a, after: b });
  };
  if (before.$type !== after.$type) changes.push({ ...base, category: 'type', field: 'type', before: before.$type, after: after.$type });
  push('renamed', 'name', before.name, after.name);
  for (const name of deadlineAttributes) push('deadline', `sf:${name}`, before.get?.(`sf:${name}`), after.get?.(`sf:${name}`));
  for (const name of assignmentAttributes) push('assignment', `sf:${name}`, before.get?.(`sf:${name}`), after.get?.(`sf:${name}`));

  const timerBefore = timerOf(before);
  const timerAfter = timerOf(after);
  if (timerBefore || timerAfter) {
    for (const name of timerAttributes) push('timer', `sf:${name}`, timerBefore?.get(`sf:${name}`), timerAfter?.get(`sf:${name}`));
    for (const name of standardTimers) push('timer', name, timerBefore?.[name]?.body, timerAfter?.[name]?.body);
  }
  if (before.$type === 'bpmn:BoundaryEvent' || after.$type === 'bpmn:BoundaryEvent') {
    push('timer', 'cancelActivity', before.cancelActivity === false ? 'false' : 'true', after.cancelActivity === false ? 'false' : 'true');
    push('flow', 'attachedToRef', before.attachedToRef?.id, after.attachedToRef?.id);
  }

  push('activity', 'sf:activity', before.get?.('sf:activity'), after.get?.('sf:activity'));
  const inputsBefore = inputsOf(before);
  const inputsAfter = inputsOf(after);
  for (const name of new Set([...inputsBefore.keys(), ...inputsAfter.keys()])) push('activity', `input:${name}`, inputsBefore.get(name), inputsAfter.get(name));
  push('activity', 'calledElement', before.calledElement, after.calledElement);
  push('activity', 'mappings', mappingsOf(before).join('; '), mappingsOf(after).join('; '));

  if (after.$type === 'bpmn:SequenceFlow') {
    push('condition', 'condition', before.conditionExpression?.body?.trim(), after.conditionExpression?.body?.trim());
    push('flow', 'sourceRef', before.sourceRef?.id, after.sourceRef?.id);
    push('flow', 'targetRef', before.targetRef?.id, after.targetRef?.id);
  }
  if (before.default !== undefined || after.default !== undefined) push('condition', 'default', before.default?.id, after.default?.id);

  const loopBefore = before.loopCharacteristics;
  const loopAfter = after.loopCharacteristics;
  if (loopBefore || loopAfter) {
    push('assignment', 'sf:collection', loopBefore?.get('sf:collection'), loopAfter?.get('sf:collection'));
    push('assignment', 'loopCardinality', loopBefore?.loopCardinality?.body, loopAfter?.loopCardinality?.body);
    push('condition', 'completionCondition', loopBefore?.completionCondition?.body, loopAfter?.completionCondition?.body);
  }
  return changes;
}

const order: ChangeCategory[] = ['added', 'removed', 'renamed', 'type', 'deadline', 'timer', 'assignment', 'condition', 'activity', 'flow'];

/** Compares the executable processes of two parsed definitions. */
export function compareDefinitions(before: ModdleElement, after: ModdleElement): Change[] {
  const processBefore = executableProcess(before);
  const processAfter = executableProcess(after);
  const elementsBefore = new Map(allFlowElements(processBefore ?? ({} as ModdleElement)).map((element) => [element.id!, element]));
  const elementsAfter = new Map(allFlowElements(processAfter ?? ({} as ModdleElement)).map((element) => [element.id!, element]));
  const changes: Change[] = [];
  if (processBefore && processAfter && text(processBefore.name) !== text(processAfter.name)) {
    changes.push({ category: 'renamed', elementId: processAfter.id!, elementName: text(processAfter.name), elementType: 'bpmn:Process', field: 'name', before: text(processBefore.name), after: text(processAfter.name) });
  }
  for (const [id, element] of elementsAfter) {
    const old = elementsBefore.get(id);
    if (!old) changes.push({ category: 'added', elementId: id, elementName: text(element.name), elementType: element.$type });
    else changes.push(...compareElement(old, element));
  }
  for (const [id, element] of elementsBefore) {
    if (!elementsAfter.has(id)) changes.push({ category: 'removed', elementId: id, elementName: text(element.name), elementType: element.$type });
  }
  return changes.sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
}

/** Parses both documents and compares them. */
export async function diffXml(beforeXml: string, afterXml: string): Promise<Change[]> {
  const [before, after] = await Promise.all([parseBpmn(beforeXml), parseBpmn(afterXml)]);
  return compareDefinitions(before.definitions, after.definitions);
}
