import { describe, expect, it } from 'vitest';
import { articleOfParameter, changedDays, orderedParameters } from '../../src/admin/profiles';

describe('policy profile parameters', () => {
  it('orders the known parameters by process and puts new ones last, alphabetically', () => {
    expect(orderedParameters({ 'rectification.days': 10, 'zeta.days': 1, 'sharing.answerDays': 15, 'alpha.days': 2 })).toEqual([
      'sharing.answerDays',
      'rectification.days',
      'alpha.days',
      'zeta.days',
    ]);
  });

  it('names the article of the rule a parameter serves', () => {
    const articles = { 'sharing.answer': '第十八条', dispute: '第十九条' };
    expect(articleOfParameter('sharing.answerDays', '《抚州市政务信息资源共享管理办法》', articles)).toBe('《抚州市政务信息资源共享管理办法》第十八条');
    expect(articleOfParameter('catalog.extensionDays', '《抚州市政务信息资源共享管理办法》', articles)).toBeNull();
    expect(articleOfParameter('sharing.answerDays', undefined, undefined)).toBeNull();
  });

  it('sends only the values that changed', () => {
    expect(changedDays({ 'sharing.answerDays': 15, 'catalog.changeDays': 3 }, { 'sharing.answerDays': 12, 'catalog.changeDays': 3 })).toEqual({ 'sharing.answerDays': 12 });
    expect(changedDays({ 'sharing.answerDays': 15 }, { 'sharing.answerDays': null })).toEqual({});
  });
});
