import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { ModdleElement } from '../bpmn/moddle';

/**
 * Reading and changing the sf: extension of a diagram element through bpmn-js's modeling, so that every change
 * is one undoable command and the diagram re-renders. `element` is the diagram shape or connection; the values
 * live on its business object, or for timers on its timer event definition.
 */
export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleElement;
  source?: DiagramElement;
}

export interface Services {
  modeling: any;
  bpmnFactory: any;
}

export function businessObject(element: DiagramElement): ModdleElement {
  return element.businessObject;
}

/** A blank value is the attribute's absence. */
function normalise(value: string | undefined | null): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

export function getSf(target: ModdleElement | undefined, name: string): string | undefined {
  return target?.get(`sf:${name}`) ?? undefined;
}

export function setSf(services: Services, element: DiagramElement, target: ModdleElement, name: string, value: string | undefined | null) {
  const properties = { [`sf:${name}`]: normalise(value) };
  if (target === element.businessObject) services.modeling.updateProperties(element, properties);
  else services.modeling.updateModdleProperties(element, target, properties);
}

export function isUserTask(element: DiagramElement): boolean {
  return is(element, 'bpmn:UserTask');
}

/** Service and send tasks run a registered activity. */
export function isActivityTask(element: DiagramElement): boolean {
  return is(element, 'bpmn:ServiceTask') || is(element, 'bpmn:SendTask');
}

/** A plain task or manual task may extend another task's deadline. */
export function isPassThroughTask(element: DiagramElement): boolean {
  return element.businessObject?.$type === 'bpmn:Task' || element.businessObject?.$type === 'bpmn:ManualTask';
}

export function timerDefinition(element: DiagramElement): ModdleElement | undefined {
  const definitions: ModdleElement[] = element.businessObject?.eventDefinitions ?? [];
  return definitions.find((definition) => is(definition, 'bpmn:TimerEventDefinition'));
}

export function isTimerEvent(element: DiagramElement): boolean {
  return is(element, 'bpmn:Event') && timerDefinition(element) !== undefined;
}

/** Boundary timer events attached to a user task may count from its due date. */
export function hostOf(element: DiagramElement): ModdleElement | undefined {
  return is(element, 'bpmn:BoundaryEvent') ? element.businessObject.attachedToRef : undefined;
}

export function isGatewayFlow(element: DiagramElement): boolean {
  return is(element, 'bpmn:SequenceFlow') && is(element.businessObject.sourceRef, 'bpmn:Gateway');
}

export function getCondition(element: DiagramElement): string | undefined {
  return element.businessObject.conditionExpression?.body ?? undefined;
}

export function setCondition(services: Services, element: DiagramElement, value: string | undefined | null) {
  const body = normalise(value);
  const conditionExpression = body === undefined ? undefined : services.bpmnFactory.create('bpmn:FormalExpression', { body });
  services.modeling.updateProperties(element, { conditionExpression });
}

export function isDefaultFlow(element: DiagramElement): boolean {
  const source = element.businessObject.sourceRef;
  return !!source && source.default === element.businessObject;
}

/** Makes the flow its gateway's default (or not); a default flow carries no condition. */
export function setDefaultFlow(services: Services, element: DiagramElement, on: boolean, gateway: DiagramElement) {
  if (on) {
    if (getCondition(element) !== undefined) setCondition(services, element, undefined);
    services.modeling.updateProperties(gateway, { default: element.businessObject });
  } else if (isDefaultFlow(element)) {
    services.modeling.updateProperties(gateway, { default: undefined });
  }
}

export function getInputs(element: DiagramElement): ModdleElement[] {
  const values: ModdleElement[] = element.businessObject.extensionElements?.values ?? [];
  return values.filter((value) => is(value, 'sf:Input'));
}

export function getInput(element: DiagramElement, name: string): string | undefined {
  return getInputs(element).find((input) => input.name === name)?.value ?? undefined;
}

/** Sets an sf:input's value, adding the input (and extensionElements) when missing; a blank value removes it. */
export function setInput(services: Services, element: DiagramElement, name: string, value: string | undefined | null) {
  const bo = element.businessObject;
  const text = value ?? '';
  const existing = getInputs(element).find((input) => input.name === name);
  if (text.trim() === '') {
    if (existing) {
      const extensionElements = bo.extensionElements;
      services.modeling.updateModdleProperties(element, extensionElements, {
        values: extensionElements.values.filter((item: ModdleElement) => item !== existing),
      });
    }
    return;
  }
  if (existing) {
    services.modeling.updateModdleProperties(element, existing, { value: text });
    return;
  }
  const extensionElements = ensureExtensionElements(services, element);
  const input = services.bpmnFactory.create('sf:Input', { name, value: text });
  input.$parent = extensionElements;
  services.modeling.updateModdleProperties(element, extensionElements, { values: [...(extensionElements.values ?? []), input] });
}

/** The element's extensionElements, added when it has none. */
function ensureExtensionElements(services: Services, element: DiagramElement): ModdleElement {
  const bo = element.businessObject;
  if (bo.extensionElements) return bo.extensionElements;
  const extensionElements = services.bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
  extensionElements.$parent = bo;
  services.modeling.updateProperties(element, { extensionElements });
  return extensionElements;
}

/** The user tasks of the diagram that have a deadline, for a deadline extension's target. */
export function userTasksWithDeadline(elementRegistry: any): ModdleElement[] {
  return elementRegistry
    .filter((element: DiagramElement) => is(element, 'bpmn:UserTask') && !!getSf(element.businessObject, 'dueDays'))
    .map((element: DiagramElement) => element.businessObject);
}

export function isCallActivity(element: DiagramElement): boolean {
  return is(element, 'bpmn:CallActivity');
}

/** The called process's key (`calledElement`); a blank value removes it. */
export function setCalledElement(services: Services, element: DiagramElement, value: string | undefined | null) {
  services.modeling.updateProperties(element, { calledElement: normalise(value) });
}

/** `In`: variables copied into the called process (sf:in); `Out`: copied back when it ends (sf:out). */
export type MappingDirection = 'In' | 'Out';

/** One variable mapping: a variable copied under another name, or every variable (`all`). */
export type Mapping = { source: string; target: string } | { all: true };

const variableName = /^[A-Za-z_][A-Za-z0-9_]*$/;

function mappingElements(element: DiagramElement, direction: MappingDirection): ModdleElement[] {
  const values: ModdleElement[] = element.businessObject.extensionElements?.values ?? [];
  return values.filter((value) => is(value, `sf:${direction}`));
}

/** The call activity's mappings in one direction, one per line as the panel shows them: `source=target`, or `*`. */
export function getMappings(element: DiagramElement, direction: MappingDirection): string {
  return mappingElements(element, direction)
    .map((mapping) => (mapping.variables === 'all' ? '*' : `${mapping.source ?? ''}=${mapping.target ?? ''}`))
    .join('\n');
}

/**
 * Reads mappings written one per line (`source=target`, or `*` for every variable; blank lines skipped). Returns the
 * 1-based number of the first line that is neither, with both sides variable names.
 */
export function parseMappings(text: string | undefined): { mappings: Mapping[] } | { badLine: number } {
  const mappings: Mapping[] = [];
  const lines = (text ?? '').split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (!line) continue;
    if (line === '*') {
      mappings.push({ all: true });
      continue;
    }
    const parts = line.split('=').map((part) => part.trim());
    if (parts.length !== 2 || !variableName.test(parts[0]) || !variableName.test(parts[1])) return { badLine: index + 1 };
    mappings.push({ source: parts[0], target: parts[1] });
  }
  return { mappings };
}

/**
 * Replaces the call activity's mappings in one direction with those written in `text` (see {@link parseMappings}), in
 * one undoable command, keeping its other extension elements; text that does not read changes nothing.
 */
export function setMappings(services: Services, element: DiagramElement, direction: MappingDirection, text: string | undefined) {
  const parsed = parseMappings(text);
  if ('badLine' in parsed) return;
  if (!element.businessObject.extensionElements && parsed.mappings.length === 0) return;
  const extensionElements = ensureExtensionElements(services, element);
  const created = parsed.mappings.map((mapping) => {
    const attributes = 'all' in mapping ? { variables: 'all' } : { source: mapping.source, target: mapping.target };
    const moddle = services.bpmnFactory.create(`sf:${direction}`, attributes);
    moddle.$parent = extensionElements;
    return moddle;
  });
  // The new mappings take the place of the first old one, so sf:in stay before sf:out as they were written.
  const values: ModdleElement[] = extensionElements.values ?? [];
  const first = values.findIndex((value) => is(value, `sf:${direction}`));
  const kept = values.filter((value) => !is(value, `sf:${direction}`));
  // Everything before the first old mapping is kept, so it stands at the same place among the kept values.
  const at = first < 0 ? kept.length : first;
  services.modeling.updateModdleProperties(element, extensionElements, { values: [...kept.slice(0, at), ...created, ...kept.slice(at)] });
}
