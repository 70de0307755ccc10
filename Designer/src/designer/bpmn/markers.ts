import type { ValidationFinding } from '../api';

/**
 * Markers and overlays on a bpmn-js canvas: the validator's findings (red, with the message), the path an instance
 * took (completed elements and taken flows green, current positions blue), and the elements a diff touches.
 * The classes are styled in designer.css.
 */
interface Diagram {
  get(name: string): any;
}

const findingOverlay = 'sf-finding';

export function clearFindings(diagram: Diagram) {
  const canvas = diagram.get('canvas');
  const registry = diagram.get('elementRegistry');
  diagram.get('overlays').remove({ type: findingOverlay });
  registry.forEach((element: any) => {
    canvas.removeMarker(element, 'sf-invalid');
    canvas.removeMarker(element, 'sf-warning');
  });
}

/** Marks each finding's element; answers the findings whose element is not on the canvas (shown only in the list). */
export function markFindings(diagram: Diagram, findings: ValidationFinding[]): ValidationFinding[] {
  clearFindings(diagram);
  const canvas = diagram.get('canvas');
  const registry = diagram.get('elementRegistry');
  const overlays = diagram.get('overlays');
  const unplaced: ValidationFinding[] = [];
  const byElement = new Map<string, ValidationFinding[]>();
  for (const finding of findings) {
    const element = registry.get(finding.elementId);
    if (!element || element.type === 'bpmn:Process' || !element.parent) {
      unplaced.push(finding);
      continue;
    }
    byElement.set(finding.elementId, [...(byElement.get(finding.elementId) ?? []), finding]);
  }
  for (const [id, list] of byElement) {
    const isError = list.some((finding) => finding.severity !== 'Warning');
    canvas.addMarker(id, isError ? 'sf-invalid' : 'sf-warning');
    const badge = document.createElement('div');
    badge.className = `sf-finding-badge ${isError ? 'is-error' : 'is-warning'}`;
    badge.textContent = String(list.length);
    badge.title = list.map((finding) => `${finding.code}: ${finding.message}`).join('\n');
    badge.setAttribute('role', 'note');
    badge.setAttribute('aria-label', badge.title);
    overlays.add(id, findingOverlay, { position: { top: -10, right: 10 }, html: badge });
  }
  return unplaced;
}

/** Selects an element and brings it into view. */
export function reveal(diagram: Diagram, elementId: string): boolean {
  const element = diagram.get('elementRegistry').get(elementId);
  if (!element) return false;
  const canvas = diagram.get('canvas');
  try {
    canvas.scrollToElement(element);
  } catch {
    // an element on another plane cannot be scrolled to; selecting it is enough
  }
  try {
    diagram.get('selection').select(element);
  } catch {
    // viewers without the selection service
  }
  return true;
}

export interface InstancePath {
  completedElementIds: string[];
  takenFlowIds: string[];
  activeElementIds: string[];
}

/** Colours the path an instance took and marks where it stands now. */
export function markInstancePath(diagram: Diagram, path: InstancePath, activeLabel: string) {
  const canvas = diagram.get('canvas');
  const registry = diagram.get('elementRegistry');
  const overlays = diagram.get('overlays');
  const mark = (id: string, marker: string) => {
    if (registry.get(id)) canvas.addMarker(id, marker);
  };
  path.completedElementIds.forEach((id) => mark(id, 'sf-completed'));
  path.takenFlowIds.forEach((id) => mark(id, 'sf-taken'));
  for (const id of path.activeElementIds) {
    if (!registry.get(id)) continue;
    canvas.addMarker(id, 'sf-active');
    const badge = document.createElement('div');
    badge.className = 'sf-active-badge';
    badge.textContent = activeLabel;
    overlays.add(id, 'sf-active', { position: { bottom: -2, left: 0 }, html: badge });
  }
}

export type DiffMark = 'added' | 'removed' | 'changed';

/** Marks the elements a diff touches on one side of the comparison. */
export function markDiff(diagram: Diagram, marks: Map<string, DiffMark>) {
  const canvas = diagram.get('canvas');
  const registry = diagram.get('elementRegistry');
  for (const [id, mark] of marks) {
    if (registry.get(id)) canvas.addMarker(id, `sf-diff-${mark}`);
  }
}
