import { zhCN } from './translations';

export type Replacements = Record<string, string | number | undefined>;

/** diagram-js's translate service for a locale: looks the template up, then fills `{placeholders}`. */
export function createTranslate(locale: string) {
  const dictionary: Record<string, string> = locale === 'en' ? {} : zhCN;
  return function translate(template: string, replacements: Replacements = {}): string {
    const text = dictionary[template] ?? template;
    return text.replace(/{([^}]+)}/g, (whole, key: string) => (replacements[key] !== undefined ? String(replacements[key]) : whole));
  };
}

/** A bpmn-js module that replaces the default (English) translate service. */
export function translateModule(locale: string) {
  return { translate: ['value', createTranslate(locale)] };
}
