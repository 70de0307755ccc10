import { BpmnModdle } from 'bpmn-moddle';
import { moddleExtensions } from './shareflowModdle';

/** A moddle element as bpmn-moddle hands it out: typed properties plus `$type`, `$parent`, `$attrs`. */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  $attrs?: Record<string, string>;
  id?: string;
  name?: string;
  get(name: string): any;
  set(name: string, value: unknown): void;
  [key: string]: any;
}

export interface ParsedDefinitions {
  definitions: ModdleElement;
  elementsById: Record<string, ModdleElement>;
  warnings: { message: string }[];
}

/** A bpmn-moddle instance that knows the `sf:` extension. */
export function createModdle(): any {
  return new BpmnModdle(moddleExtensions);
}

export async function parseBpmn(xml: string, moddle: any = createModdle()): Promise<ParsedDefinitions> {
  const { rootElement, elementsById, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  return { definitions: rootElement, elementsById, warnings };
}

export async function writeBpmn(definitions: ModdleElement, moddle: any = createModdle()): Promise<string> {
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}

/** The process that runs: the one with isExecutable, else the only (or first) process. */
export function executableProcess(definitions: ModdleElement): ModdleElement | undefined {
  const processes = (definitions.rootElements ?? []).filter((element: ModdleElement) => element.$type === 'bpmn:Process');
  return processes.find((process: ModdleElement) => process.isExecutable) ?? processes[0];
}

/** Every flow element of a process, sub-process contents included, in document order. */
export function allFlowElements(container: ModdleElement): ModdleElement[] {
  const result: ModdleElement[] = [];
  for (const element of container.flowElements ?? []) {
    result.push(element);
    if (element.$type === 'bpmn:SubProcess') result.push(...allFlowElements(element));
  }
  return result;
}
