import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDiagram } from '../../src/designer/bpmn/layout';
import { allFlowElements, executableProcess, parseBpmn } from '../../src/designer/bpmn/moddle';

const processesFolder = join(__dirname, '../../../Workflows/Processes');
const shipped = readdirSync(processesFolder).filter((name) => name.endsWith('.bpmn'));

describe('automatic layout', () => {
  it.each(shipped)('draws every element and flow of %s', async (file) => {
    const xml = readFileSync(join(processesFolder, file), 'utf8');
    const { xml: laidOut, laidOut: changed } = await withDiagram(xml);
    expect(changed).toBe(true);
    const { definitions, warnings } = await parseBpmn(laidOut);
    expect(warnings).toEqual([]);
    const process = executableProcess(definitions)!;
    const drawn = new Map<string, any>();
    for (const diagram of definitions.diagrams) {
      for (const shape of diagram.plane.planeElement) drawn.set(shape.bpmnElement.id, shape);
    }
    for (const element of allFlowElements(process)) {
      expect(drawn.has(element.id!), `${element.id} is drawn`).toBe(true);
      const di = drawn.get(element.id!);
      if (element.$type === 'bpmn:SequenceFlow') expect(di.waypoint.length).toBeGreaterThanOrEqual(2);
      else expect(di.bounds.width).toBeGreaterThan(0);
    }
  });

  it('leaves a document that already has a diagram as it is', async () => {
    const xml = readFileSync(join(processesFolder, 'sharing-application.bpmn'), 'utf8');
    const once = (await withDiagram(xml)).xml;
    const twice = await withDiagram(once);
    expect(twice.laidOut).toBe(false);
    expect(twice.xml).toBe(once);
  });
});

describe('boundary events after the layout', () => {
  it.each(shipped)('do not overlap one another on the same task in %s', async (file) => {
    const { xml } = await withDiagram(readFileSync(join(processesFolder, file), 'utf8'));
    const { definitions } = await parseBpmn(xml);
    const bounds = new Map<string, any>();
    for (const diagram of definitions.diagrams) for (const di of diagram.plane.planeElement) if (di.bounds) bounds.set(di.bpmnElement.id, di.bounds);
    const byHost = new Map<string, any[]>();
    for (const element of allFlowElements(executableProcess(definitions)!)) {
      if (element.$type === 'bpmn:BoundaryEvent') byHost.set(element.attachedToRef.id, [...(byHost.get(element.attachedToRef.id) ?? []), element]);
    }
    for (const [host, events] of byHost) {
      const hostBounds = bounds.get(host);
      const xs = events.map((event) => bounds.get(event.id!)).sort((a, b) => a.x - b.x);
      for (let i = 1; i < xs.length; i++) expect(xs[i].x - xs[i - 1].x, `events on ${host}`).toBeGreaterThanOrEqual(36);
      for (const event of xs) {
        const centre = event.x + event.width / 2;
        expect(centre, `events on ${host} sit on it`).toBeGreaterThanOrEqual(hostBounds.x);
        expect(centre).toBeLessThanOrEqual(hostBounds.x + hostBounds.width);
      }
    }
  });
});
