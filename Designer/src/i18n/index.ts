import { createI18n } from 'vue-i18n';
import shell from '../shell/messages';
import workspace from '../workspace/messages';
import designer from '../designer/messages';
import admin from '../admin/messages';

export type Locale = 'zh-CN' | 'en';
export const locales: Locale[] = ['zh-CN', 'en'];
const storageKey = 'shareflow.locale';

function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return stored === 'en' ? 'en' : 'zh-CN';
}

/** Each area keeps its own messages; they meet here under their area's name. */
export const messages = {
  'zh-CN': { ...shell['zh-CN'], workspace: workspace['zh-CN'], designer: designer['zh-CN'], admin: admin['zh-CN'] },
  en: { ...shell.en, workspace: workspace.en, designer: designer.en, admin: admin.en },
};

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages,
});

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale;
  localStorage.setItem(storageKey, locale);
  document.documentElement.lang = locale;
}
