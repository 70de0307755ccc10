import { layoutProcess } from 'bpmn-auto-layout';
import { allFlowElements, createModdle, executableProcess, parseBpmn, writeBpmn, type ModdleElement } from './moddle';

/**
 * Whether the document already draws its executable process: a BPMN diagram whose plane shows the process, or a
 * collaboration with a participant for it.
 */
export function hasDiagramFor(definitions: ModdleElement): boolean {
  const process = executableProcess(definitions);
  if (!process) return true;
  return (definitions.diagrams ?? []).some((diagram: ModdleElement) => {
    const shown = diagram.plane?.bpmnElement;
    if (!shown) return false;
    if (shown === process) return (diagram.plane.planeElement ?? []).length > 0 || (process.flowElements ?? []).length === 0;
    return shown.$type === 'bpmn:Collaboration' && (shown.participants ?? []).some((participant: ModdleElement) => participant.processRef === process);
  });
}

/**
 * The XML to open in the modeler. The shipped definitions carry no diagram interchange (bpmndi); such a document is
 * laid out automatically with bpmn-auto-layout. Its layouter walks `incoming`/`outgoing`, which bpmn-js writes but
 * hand-written files usually leave out, so they are filled from the flows' source and target first; sub-processes
 * are laid out expanded. A document that already has a diagram is returned unchanged.
 */
export async function withDiagram(xml: string): Promise<{ xml: string; laidOut: boolean }> {
  const moddle = createModdle();
  const { definitions } = await parseBpmn(xml, moddle);
  if (hasDiagramFor(definitions)) return { xml, laidOut: false };
  const process = executableProcess(definitions)!;

  // The layouter draws the first process it finds: put the executable one first.
  const roots: ModdleElement[] = definitions.rootElements;
  const firstProcess = roots.findIndex((root) => root.$type === 'bpmn:Process');
  if (roots[firstProcess] !== process) {
    roots.splice(roots.indexOf(process), 1);
    roots.splice(firstProcess, 0, process);
  }

  linkFlows(process);
  const diagram = moddle.create('bpmndi:BPMNDiagram', {
    id: `BPMNDiagram_${process.id}`,
    plane: moddle.create('bpmndi:BPMNPlane', { id: `BPMNPlane_${process.id}`, bpmnElement: process, planeElement: [] }),
  });
  // An expanded shape for each sub-process tells the layouter to draw its contents inside it.
  for (const element of allFlowElements(process)) {
    if (element.$type === 'bpmn:SubProcess') {
      diagram.plane.planeElement.push(
        moddle.create('bpmndi:BPMNShape', {
          id: `${element.id}_di`,
          bpmnElement: element,
          isExpanded: true,
          bounds: moddle.create('dc:Bounds', { x: 0, y: 0, width: 100, height: 80 }),
        }),
      );
    }
  }
  definitions.diagrams = [diagram];
  const prepared = await writeBpmn(definitions, moddle);
  return { xml: await layoutProcess(prepared), laidOut: true };
}

/** Sets each flow node's `incoming` and `outgoing` from the sequence flows of its scope. */
function linkFlows(container: ModdleElement) {
  const elements: ModdleElement[] = container.flowElements ?? [];
  for (const element of elements) {
    if (element.$type !== 'bpmn:SequenceFlow') {
      element.incoming = [];
      element.outgoing = [];
    }
  }
  for (const flow of elements.filter((element) => element.$type === 'bpmn:SequenceFlow')) {
    flow.sourceRef?.outgoing?.push(flow);
    flow.targetRef?.incoming?.push(flow);
  }
  for (const element of elements) {
    if (element.$type === 'bpmn:SubProcess') linkFlows(element);
  }
}
