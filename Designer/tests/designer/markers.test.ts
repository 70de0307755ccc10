import { afterEach, describe, expect, it } from 'vitest';
import { markFindings, clearFindings, markInstancePath, markDiff, reveal } from '../../src/designer/bpmn/markers';
import { openModeler } from './support/modeler';

let opened: Awaited<ReturnType<typeof openModeler>> | undefined;
afterEach(() => {
  opened?.cleanup();
  opened = undefined;
});

const gfx = (id: string) => opened!.canvas.querySelector(`[data-element-id="${id}"]`)!;

describe('canvas markers', () => {
  it('marks each failing element with its messages and keeps the rest for the list', async () => {
    opened = await openModeler('sharing-application.bpmn');
    const unplaced = markFindings(opened.modeler, [
      { elementId: 'review', code: 'unassigned-user-task', message: 'No one gets the task.', severity: 'Error' },
      { elementId: 'review', code: 'bad-expression', message: 'Broken.', severity: 'Error' },
      { elementId: 'shareTypeGateway', code: 'gateway-without-default', message: 'No default.', severity: 'Warning' },
      { elementId: 'definitions', code: 'parse-error', message: 'Not BPMN.', severity: 'Error' },
    ]);
    expect(unplaced.map((finding) => finding.elementId)).toEqual(['definitions']);
    expect(gfx('review').classList.contains('sf-invalid')).toBe(true);
    expect(gfx('shareTypeGateway').classList.contains('sf-warning')).toBe(true);
    const [overlay] = opened.get('overlays').get({ element: 'review', type: 'sf-finding' });
    const badge = overlay.html as HTMLElement;
    expect(opened.canvas.contains(badge)).toBe(true);
    expect(badge.textContent).toBe('2');
    expect(badge.title).toContain('unassigned-user-task: No one gets the task.');

    clearFindings(opened.modeler);
    expect(gfx('review').classList.contains('sf-invalid')).toBe(false);
    expect(opened.canvas.querySelector('.sf-finding-badge')).toBeNull();
  });

  it('colours the path an instance took and marks where it stands', async () => {
    opened = await openModeler('sharing-application.bpmn');
    markInstancePath(opened.modeler, { completedElementIds: ['submitted', 'register'], takenFlowIds: ['toRegister'], activeElementIds: ['review', 'gone'] }, '当前');
    expect(gfx('register').classList.contains('sf-completed')).toBe(true);
    expect(gfx('toRegister').classList.contains('sf-taken')).toBe(true);
    expect(gfx('review').classList.contains('sf-active')).toBe(true);
    expect(opened.canvas.querySelector('.sf-active-badge')?.textContent).toBe('当前');
  });

  it('marks the elements of a diff and selects an element to reveal it', async () => {
    opened = await openModeler('sharing-application.bpmn');
    markDiff(opened.modeler, new Map([['review', 'changed'], ['granted', 'added']]));
    expect(gfx('review').classList.contains('sf-diff-changed')).toBe(true);
    expect(gfx('granted').classList.contains('sf-diff-added')).toBe(true);
    expect(reveal(opened.modeler, 'review')).toBe(true);
    expect(opened.get('selection').get().map((element: any) => element.id)).toEqual(['review']);
    expect(reveal(opened.modeler, 'nothing')).toBe(false);
  });
});
