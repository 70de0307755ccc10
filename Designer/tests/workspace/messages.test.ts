import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import workspace from '../../src/workspace/messages';
import { processKeys } from '../../src/workspace/processes';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('workspace messages', () => {
  it('say everything in English that they say in Chinese', () => {
    expect(keys(workspace.en).sort()).toEqual(keys(workspace['zh-CN']).sort());
  });

  it('name every process', () => {
    for (const key of processKeys) expect(workspace['zh-CN'].process[key]).toBeTruthy();
  });

  it('resolve keys with hyphens and placeholders', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': { workspace: workspace['zh-CN'] }, en: { workspace: workspace.en } } });
    expect(i18n.global.t('workspace.history.instance-started')).toBe('发起');
    expect(i18n.global.t('workspace.shareType.not-shared')).toBe('不予共享');
    expect(i18n.global.t('workspace.tasks.summary', { total: 3 })).toBe('共 3 件');
  });

  it('keep the labels the browser tests look for', () => {
    const zh = workspace['zh-CN'];
    expect([zh.deadline.overdue, zh.deadline.dueSoon]).toEqual(['已超期', '即将到期']);
    expect([zh.choice.approve, zh.choice.partial, zh.choice.refuse]).toEqual(['同意', '部分同意', '不予同意']);
    expect([zh.answer.decision, zh.answer.reasons, zh.answer.legalBasis, zh.answer.opinion]).toEqual(['审批结果', '理由', '法律依据', '审批意见']);
    expect([zh.submit.resource, zh.submit.purpose, zh.submit.scenario, zh.submit.useFrom, zh.submit.useUntil]).toEqual([
      '数据资源',
      '申请用途',
      '应用场景',
      '使用开始日期',
      '使用截止日期',
    ]);
  });
});
