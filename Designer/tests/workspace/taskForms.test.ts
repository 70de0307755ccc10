import { describe, expect, it } from 'vitest';
import { allowsSupplement, buildAnswer, emptyAnswer, formFor, genericSpec, requiredFields, serverFieldNames, visibleFields } from '../../src/workspace/taskForms';

describe('formFor', () => {
  it("gives the sharing review its three choices: 同意, 部分同意, 不予同意", () => {
    const spec = formFor('sharingApplication', 'review');
    expect(spec.outcomes.map((o) => o.value)).toEqual(['approve', 'partial', 'refuse']);
  });

  it('lets the office order a rectification instead of answering', () => {
    expect(formFor('sharingApplication', 'coordinate').outcomes.map((o) => o.value)).toContain('rectify');
  });

  it('falls back to the generic form for a task it does not know', () => {
    expect(formFor('someNewProcess', 'approve')).toBe(genericSpec);
    expect(formFor(undefined, undefined)).toBe(genericSpec);
  });

  it('preselects the only choice of a single-choice task', () => {
    expect(emptyAnswer(formFor('dataObjection', 'correct')).outcome).toBe('corrected');
    expect(emptyAnswer(formFor('sharingApplication', 'review')).outcome).toBe('');
  });

  it('offers 补正 only on the provider review of a sharing application', () => {
    expect(allowsSupplement('sharingApplication', 'review')).toBe(true);
    expect(allowsSupplement('sharingApplication', 'coordinate')).toBe(false);
    expect(allowsSupplement('dataObjection', 'verify')).toBe(false);
  });
});

describe('visibleFields', () => {
  it('shows the item checkboxes only for a partial approval', () => {
    const spec = formFor('sharingApplication', 'review');
    expect(visibleFields(spec, 'partial')).toContain('items');
    expect(visibleFields(spec, 'approve')).not.toContain('items');
    expect(visibleFields(spec, 'refuse')).toEqual(['reasons', 'legalBasis', 'opinion']);
  });

  it('asks for the plan only when the provider chooses a plan', () => {
    const spec = formFor('dataObjection', 'verify');
    expect(visibleFields(spec, 'plan')).toEqual(['planBasis', 'planSteps', 'committedDate', 'opinion']);
    expect(visibleFields(spec, 'corrected')).toEqual(['result', 'opinion']);
  });
});

describe('buildAnswer', () => {
  it('sends a partial approval as approve with the checked items', () => {
    const spec = formFor('sharingApplication', 'review');
    const state = { ...emptyAnswer(spec), outcome: 'partial', items: ['姓名'], reasons: ' 最小必要 ', opinion: '' };
    expect(buildAnswer(spec, state)).toEqual({ outcome: 'approve', items: ['姓名'], reasons: '最小必要' });
  });

  it('sends an empty item list for a partial approval with nothing checked, so the server names the field', () => {
    const spec = formFor('sharingApplication', 'review');
    expect(buildAnswer(spec, { ...emptyAnswer(spec), outcome: 'partial' })).toEqual({ outcome: 'approve', items: [] });
  });

  it('leaves out what belongs to another choice', () => {
    const spec = formFor('sharingApplication', 'review');
    const state = { ...emptyAnswer(spec), outcome: 'refuse', items: ['姓名'], conditions: '仅限核验', reasons: '无依据', legalBasis: '《条例》第二十五条' };
    expect(buildAnswer(spec, state)).toEqual({ outcome: 'refuse', reasons: '无依据', legalBasis: '《条例》第二十五条' });
  });

  it('sends the acceptance entries as items, and the catalog change kind as kind', () => {
    const acceptance = formFor('acceptanceSubmission', 'correct');
    expect(buildAnswer(acceptance, { ...emptyAnswer(acceptance), entries: ['AMR-001'], description: '已补齐' })).toEqual({
      outcome: 'submit',
      items: ['AMR-001'],
      description: '已补齐',
    });
    const change = formFor('catalogChange', 'submit');
    expect(buildAnswer(change, { ...emptyAnswer(change), outcome: 'submit', changeKind: 'stop', resourceId: 'r1', reasons: '职能调整' })).toEqual({
      outcome: 'submit',
      kind: 'stop',
      resourceId: 'r1',
      reasons: '职能调整',
    });
  });

  it("sends the office's finding under the enum's name", () => {
    const spec = formFor('dataObjection', 'handle');
    expect(buildAnswer(spec, { ...emptyAnswer(spec), outcome: 'NoErrorFound', result: '数据无误' })).toEqual({ outcome: 'NoErrorFound', result: '数据无误' });
  });

  it('sends the committed date of a correction plan', () => {
    const spec = formFor('dataObjection', 'verify');
    const state = { ...emptyAnswer(spec), outcome: 'plan', planBasis: '依据', planSteps: '步骤', committedDate: '2026-12-31' };
    expect(buildAnswer(spec, state)).toEqual({ outcome: 'plan', planBasis: '依据', planSteps: '步骤', committedDate: '2026-12-31' });
  });
});

describe('serverFieldNames', () => {
  it("shows a rule's complaint about the decision beside the choice", () => {
    expect(serverFieldNames('outcome')).toContain('decision');
    expect(serverFieldNames('outcome')).toContain('finding');
    expect(serverFieldNames('reasons')).toEqual(['reasons']);
  });
});

describe('the fields an answer cannot go without', () => {
  it('follow the rules every profile shares', () => {
    const required = (process: string, element: string, outcome: string) => requiredFields(formFor(process, element), outcome);

    expect(required('sharingApplication', 'review', 'approve')).toEqual([]);
    expect(required('sharingApplication', 'review', 'refuse')).toEqual(['reasons']);
    expect(required('sharingDispute', 'negotiate', 'disagree')).toEqual(['reasons']);
    for (const ruling of ['grant', 'uphold', 'passOn']) expect(required('sharingDispute', 'decideTier', ruling)).toEqual(['reasons']);
    expect(required('sharingDispute', 'jointOpinion', 'agree')).toEqual([]);
    expect(required('sharingDispute', 'jointOpinion', 'disagree')).toEqual(['opinion']);
    expect(required('dataObjection', 'reviewPlan', 'reject')).toEqual(['opinion']);
    expect(required('dataObjection', 'reviewPlan', 'approve')).toEqual([]);
    expect(required('openDataRequest', 'answer', 'partial')).toEqual(['openedScope', 'reasons']);
    expect(required('acceptanceSubmission', 'review', 'failed')).toEqual(['reasons']);
    expect(required('unknownProcess', 'task', 'refuse')).toEqual([]);
  });
});
