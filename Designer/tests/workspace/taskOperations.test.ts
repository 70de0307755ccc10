import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import TaskOperations from '../../src/workspace/components/TaskOperations.vue';
import type { TaskItem } from '../../src/workspace/api';
import { session } from '../../src/session';
import { fakeServer, global, polyfillResizeObserver, settle } from '../admin/helpers';

beforeEach(() => {
  polyfillResizeObserver();
  session.me = { userName: 'helper.psb', displayName: '帮办', department: 'psb', departmentName: '市公安局', roles: ['provider-reviewer'] };
  session.loaded = true;
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const task: TaskItem = {
  id: 't1', name: '提供部门审核答复', elementId: 'review', processKey: 'sharingApplication', caseId: 'c1', caseNumber: 'SQ-20261123-0A1B2C',
  candidateDepartment: 'psb', candidateRole: 'provider-reviewer', assignee: 'helper.psb', createdAt: '2026-11-23T01:00:00Z',
} as TaskItem;

const buttons = (page: ReturnType<typeof mount>) => page.findAll('.ops-buttons button').map((button) => button.text());

describe('the operations on a task', () => {
  it('offer to hand a task back only to the colleague it was lent to, and say who lent it', async () => {
    fakeServer({ 'GET /api/people': { body: [{ userName: 'owner.psb', displayName: '任主办', department: 'psb' }, { userName: 'helper.psb', displayName: '帮办', department: 'psb' }] } });

    const own = mount(TaskOperations, { props: { task }, global, attachTo: document.body });
    await settle();
    expect(buttons(own)).not.toContain('委派办毕退回');
    expect(own.find('.lent-by').exists()).toBe(false);
    own.unmount();

    const lent = mount(TaskOperations, { props: { task: { ...task, delegatedBy: 'owner.psb' } }, global, attachTo: document.body });
    await settle();
    expect(buttons(lent)).toContain('委派办毕退回');
    expect(lent.find('.lent-by').text()).toBe('（委派人 任主办）');
    lent.unmount();
  });
});
