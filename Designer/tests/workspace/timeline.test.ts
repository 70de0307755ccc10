import { describe, expect, it } from 'vitest';
import { actorLabel, visibleHistory, waitingSteps } from '../../src/workspace/timeline';
import type { HistoryEntry } from '../../src/workspace/api';

const at = '2026-11-21T19:20:32Z';
const entries: HistoryEntry[] = [
  { at: '2026-11-22T01:00:00Z', kind: 'task-completed', elementId: 'review', elementName: '提供部门审核答复', actor: 'reviewer.psb', outcome: 'approve' },
  { at, kind: 'instance-started', actor: 'clerk.amr' },
  { at, kind: 'element-completed', elementId: 'register', elementName: '登记申请' },
  { at, kind: 'element-completed', elementId: 'shareTypeGateway', elementName: '共享类型？' },
  { at, kind: 'element-entered', elementId: 'review', elementName: '提供部门审核答复' },
  { at, kind: 'task-created', elementId: 'review', elementName: '提供部门审核答复' },
];

describe('visibleHistory', () => {
  it('puts the history in time order and leaves out the engine bookkeeping', () => {
    expect(visibleHistory(entries).map((e) => e.kind + ':' + (e.elementId ?? ''))).toEqual([
      'instance-started:',
      'element-completed:register',
      'task-created:review',
      'task-completed:review',
    ]);
  });

  it('shows every step when asked', () => {
    expect(visibleHistory(entries, true)).toHaveLength(entries.length);
  });

  it('copes with no history', () => {
    expect(visibleHistory(null)).toEqual([]);
  });
});

describe('waitingSteps', () => {
  it('lists the tasks created and not yet done', () => {
    expect(waitingSteps(entries)).toEqual([]);
    const open = entries.filter((e) => e.kind !== 'task-completed');
    expect(waitingSteps(open)).toEqual([{ elementId: 'review', name: '提供部门审核答复', since: at }]);
  });

  it('takes a task returned for supplement off the list until it resumes', () => {
    const returned: HistoryEntry[] = [
      { at: '2026-11-21T01:00:00Z', kind: 'task-created', elementId: 'review', elementName: '审核' },
      { at: '2026-11-22T01:00:00Z', kind: 'task-suspended', elementId: 'review', elementName: '审核' },
    ];
    expect(waitingSteps(returned)).toEqual([]);
    const resumed = [...returned, { at: '2026-11-23T01:00:00Z', kind: 'task-resumed', elementId: 'review', elementName: '审核' }];
    expect(waitingSteps(resumed).map((step) => step.elementId)).toEqual(['review']);
  });
});

describe('actorLabel', () => {
  it('names who acted as colleagues know them, and falls back to the user name', () => {
    const at = '2026-09-23T01:00:00Z';
    expect(actorLabel({ at, kind: 'task-completed', actor: 'reviewer.psb', actorName: '孙煜城' })).toBe('孙煜城');
    expect(actorLabel({ at, kind: 'task-completed', actor: 'reviewer.psb', actorName: ' ' })).toBe('reviewer.psb');
    expect(actorLabel({ at, kind: 'task-completed', actor: 'reviewer.psb' })).toBe('reviewer.psb');
    expect(actorLabel({ at, kind: 'timer-fired' })).toBeNull();
  });
});
