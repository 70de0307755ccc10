import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModdle, parseBpmn, writeBpmn, type ModdleElement } from '../../src/designer/bpmn/moddle';
import { shareflowNamespace } from '../../src/designer/bpmn/shareflowModdle';

const processesFolder = join(__dirname, '../../../Workflows/Processes');
const shipped = readdirSync(processesFolder).filter((name) => name.endsWith('.bpmn'));

/**
 * The sf: content of a document in document order: for each element carrying sf: attributes, and for each sf: element,
 * one line naming where it is (the nearest id, then the path below it) and its attributes sorted by name (the order
 * of attributes carries no meaning in XML; the order of elements does).
 */
function sfContent(xml: string): string[] {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const lines: string[] = [];
  const walk = (element: Element, place: string) => {
    const isSf = element.namespaceURI === shareflowNamespace;
    const attributes = Array.from(element.attributes)
      .filter((attribute) => isSf ? !attribute.name.startsWith('xmlns') : attribute.namespaceURI === shareflowNamespace)
      .map((attribute) => `${attribute.localName}=${attribute.value}`)
      .sort();
    if (isSf || attributes.length > 0) lines.push(`${place}${isSf ? ` <sf:${element.localName}>` : ''} ${attributes.join(' ')}`);
    const counts: Record<string, number> = {};
    for (const child of Array.from(element.children)) {
      const index = (counts[child.localName] = (counts[child.localName] ?? 0) + 1);
      walk(child, child.getAttribute('id') ?? `${place}/${child.localName}[${index}]`);
    }
  };
  walk(document.documentElement, '');
  return lines;
}

/** sf: attributes that landed in `$attrs` and sf: elements read as generic (untyped) elements. */
function untypedSf(definitions: ModdleElement): string[] {
  const problems: string[] = [];
  const seen = new Set<unknown>();
  const visit = (element: any) => {
    if (!element || typeof element !== 'object' || seen.has(element)) return;
    seen.add(element);
    for (const key of Object.keys(element.$attrs ?? {})) {
      if (key.startsWith('sf:')) problems.push(`${element.id ?? element.$type}: ${key}`);
    }
    if (element.$descriptor?.isGeneric) problems.push(`generic element ${element.$type}`);
    for (const key of Object.keys(element)) {
      if (key.startsWith('$')) continue;
      const value = element[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && value.$type) visit(value);
    }
  };
  visit(definitions);
  return problems;
}

describe('the sf: moddle extension', () => {
  it('finds the shipped process files', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(7);
  });

  it.each(shipped)('reads every sf: attribute of %s as a typed property', async (file) => {
    const xml = readFileSync(join(processesFolder, file), 'utf8');
    const { definitions, warnings } = await parseBpmn(xml);
    expect(warnings.map((warning) => warning.message)).toEqual([]);
    expect(untypedSf(definitions)).toEqual([]);
  });

  it.each(shipped)('writes every sf: attribute and element of %s back unchanged', async (file) => {
    const xml = readFileSync(join(processesFolder, file), 'utf8');
    const moddle = createModdle();
    const { definitions } = await parseBpmn(xml, moddle);
    const exported = await writeBpmn(definitions, moddle);
    const before = sfContent(xml);
    expect(before.length).toBeGreaterThan(0);
    expect(sfContent(exported)).toEqual(before);
  });

  it('types the attributes of user tasks, timers, service tasks and call activities', async () => {
    const xml = readFileSync(join(processesFolder, 'sharing-application.bpmn'), 'utf8');
    const { elementsById } = await parseBpmn(xml);
    const review = elementsById.review;
    expect(review.get('sf:candidateDepartment')).toBe('${providerDepartment}');
    expect(review.get('sf:dueDays')).toBe('sharing.answerDays');
    const reminder = elementsById.finalReminder.eventDefinitions[0];
    expect(reminder.get('sf:anchor')).toBe('taskDue');
    expect(reminder.get('sf:offsetDays')).toBe('-2');
    const notice = elementsById.remindReviewers;
    expect(notice.get('sf:activity')).toBe('notice');
    const inputs = notice.extensionElements.values;
    expect(inputs[0].$type).toBe('sf:Input');
    expect(inputs[0].name).toBe('kind');
    const rectify = elementsById.rectify;
    expect(rectify.extensionElements.values[0].$type).toBe('sf:In');
    expect(rectify.extensionElements.values[0].source).toBe('rectificationDepartment');
  });

  it('keeps attributes the shipped files do not use: multi-instance, day timers, deadline extensions, sf:out', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sf="${shareflowNamespace}" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:userTask id="u" sf:formKey="sharing/review" sf:dueDayKind="calendar">
      <bpmn:multiInstanceLoopCharacteristics sf:collection="\${departments}" sf:elementVariable="department" />
    </bpmn:userTask>
    <bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition sf:days="5" sf:dayKind="calendar" /></bpmn:intermediateCatchEvent>
    <bpmn:manualTask id="x" sf:extendDeadlineOf="u" sf:extendDays="catalog.extensionDays" />
    <bpmn:callActivity id="c" calledElement="k"><bpmn:extensionElements><sf:in variables="all" /><sf:out source="a" target="b" /></bpmn:extensionElements></bpmn:callActivity>
  </bpmn:process>
</bpmn:definitions>`;
    const moddle = createModdle();
    const { definitions, elementsById } = await parseBpmn(xml, moddle);
    expect(untypedSf(definitions)).toEqual([]);
    expect(elementsById.u.loopCharacteristics.get('sf:collection')).toBe('${departments}');
    expect(elementsById.x.get('sf:extendDays')).toBe('catalog.extensionDays');
    expect(elementsById.c.extensionElements.values[1].$type).toBe('sf:Out');
    expect(sfContent(await writeBpmn(definitions, moddle))).toEqual(sfContent(xml));
  });

  it('tells a misspelt attribute or element apart from a typed one', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sf="${shareflowNamespace}" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:userTask id="u" sf:candidateDepartmnt="psb" />
    <bpmn:serviceTask id="s"><bpmn:extensionElements><sf:inptu name="a" value="b" /></bpmn:extensionElements></bpmn:serviceTask>
  </bpmn:process>
</bpmn:definitions>`;
    const { definitions, warnings } = await parseBpmn(xml);
    expect(untypedSf(definitions)).toEqual(['u: sf:candidateDepartmnt']);
    expect(warnings.map((warning) => warning.message).join()).toContain('unknown type <sf:Inptu>');
  });
});
