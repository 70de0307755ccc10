/** Dates and instants as the people of ShareFlow read them: on Beijing time, whatever the browser's zone. */
export const timeZone = 'Asia/Shanghai';

function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone, ...options });
}

export function formatInstant(value: string | null | undefined, locale = 'zh-CN'): string {
  if (!value) return '';
  return formatter(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(value));
}

/** A date-only value (yyyy-MM-dd) is shown as it is: it names a day on the official calendar, not an instant. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  return value.length >= 10 ? value.slice(0, 10) : value;
}

/** Today's date on Beijing time as yyyy-MM-dd. */
export function todayInShanghai(now: Date = new Date()): string {
  const parts = formatter('en', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
