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
  return { xml: await spreadBoundaryEvents(await layoutProcess(prepared)), laidOut: true };
}

const eventSize = 36;
const eventPitch = 40;
/** The widest a task may grow in its layout cell (150 wide) without touching its neighbours. */
const widestHost = 140;

/**
 * bpmn-auto-layout spreads a task's boundary events evenly along its bottom edge, so three or more on one task
 * overlap and cannot be told apart or clicked. Widen such a task (centred in its cell) and put its events 40 px apart,
 * moving the ends of the flows that touch them.
 */
export async function spreadBoundaryEvents(xml: string): Promise<string> {
  const moddle = createModdle();
  const { definitions } = await parseBpmn(xml, moddle);
  const shapes = new Map<string, ModdleElement>();
  const edges: ModdleElement[] = [];
  for (const diagram of definitions.diagrams ?? []) {
    for (const di of diagram.plane?.planeElement ?? []) {
      if (di.$type === 'bpmndi:BPMNShape') shapes.set(di.bpmnElement.id, di);
      else if (di.$type === 'bpmndi:BPMNEdge') edges.push(di);
    }
  }
  const attachers = new Map<string, ModdleElement[]>();
  for (const process of definitions.rootElements.filter((root: ModdleElement) => root.$type === 'bpmn:Process')) {
    for (const element of allFlowElements(process)) {
      if (element.$type === 'bpmn:BoundaryEvent' && element.attachedToRef) {
        attachers.set(element.attachedToRef.id, [...(attachers.get(element.attachedToRef.id) ?? []), element]);
      }
    }
  }
  let changed = false;
  for (const [hostId, events] of attachers) {
    const host = shapes.get(hostId)?.bounds;
    if (!host || events.length < 2) continue;
    const needed = Math.min(widestHost, (events.length - 1) * eventPitch + eventSize + 8);
    if (host.width < needed) {
      const left = host.x;
      const right = host.x + host.width;
      host.x -= (needed - host.width) / 2;
      host.width = needed;
      for (const edge of edges) {
        const points = edge.waypoint ?? [];
        if (edge.bpmnElement?.targetRef?.id === hostId) moveBorderPoint(points[points.length - 1], left, right, host);
        if (edge.bpmnElement?.sourceRef?.id === hostId) moveBorderPoint(points[0], left, right, host);
      }
    }
    const centre = host.x + host.width / 2;
    events.forEach((event, index) => {
      const shape = shapes.get(event.id ?? '');
      const bounds = shape?.bounds;
      if (!bounds) return;
      const oldCentre = bounds.x + bounds.width / 2;
      const dx = centre + (index - (events.length - 1) / 2) * eventPitch - oldCentre;
      if (Math.abs(dx) < 0.5) return;
      changed = true;
      bounds.x += dx;
      const label = shape?.label?.bounds;
      if (label) label.x += dx;
      for (const edge of edges.filter((candidate) => candidate.bpmnElement?.sourceRef?.id === event.id)) {
        // The flow leaves the event's bottom straight down: move that vertical run with it.
        for (const point of edge.waypoint ?? []) {
          if (Math.abs(point.x - oldCentre) > 0.5) break;
          point.x += dx;
        }
      }
    });
  }
  return changed ? writeBpmn(definitions, moddle) : xml;
}

/** A flow's end on the old left or right border of a widened task follows the border. */
function moveBorderPoint(point: ModdleElement | undefined, left: number, right: number, host: ModdleElement) {
  if (!point) return;
  if (Math.abs(point.x - left) < 0.5) point.x = host.x;
  else if (Math.abs(point.x - right) < 0.5) point.x = host.x + host.width;
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
