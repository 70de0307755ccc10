import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import designer from '../../src/designer/messages';
import { messages } from '../../src/i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('the designer messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(designer.en).sort()).toEqual(keys(designer['zh-CN']).sort());
  });

  it('compile, and show ${…} literally where the text names an expression', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const i18n = createI18n({ legacy: false, locale, messages });
      for (const key of keys(designer[locale])) {
        expect(() => i18n.global.t(`designer.${key}`, { n: 1, days: 2, kind: 'x', name: 'y', key: 'k', at: 'a', by: 'b', start: 's', profile: 'p', years: '2027', message: 'm' })).not.toThrow();
      }
    }
    const zh = createI18n({ legacy: false, locale: 'zh-CN', messages });
    expect(zh.global.t('designer.panel.literalOrExpression')).toBe('固定值，或一个表达式，如 ${providerDepartment}');
    expect(zh.global.t('designer.check.mixedText')).toContain('${…}');
    expect(zh.global.t('designer.modeler.published', { n: 4 })).toBe('已发布 第 4 版');
  });
});
