import { todayInShanghai } from '../shell/format';

/** The badge beside a deadline: red 已超期, amber 即将到期, or none. */
export type DeadlineBadge = 'overdue' | 'dueSoon' | null;

/** The deadline filter of the lists: every row, overdue ones, those due soon, the rest with a deadline, none at all. */
export type DeadlineFilter = '' | 'overdue' | 'dueSoon' | 'normal' | 'none';

export interface DeadlineFacts {
  dueDate?: string | null;
  overdue?: boolean | null;
  dueSoon?: boolean | null;
}

/** How many working days "due soon" covers. */
export const dueSoonWorkingDays = 2;

/** Parses yyyy-MM-dd as a calendar day (UTC midnight, so no zone shifts it). */
function parseDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/**
 * Monday-to-Friday days after `from` up to and including `to` (0 when `to` is not after `from`). Only an estimate of the
 * official calendar — it knows no holidays or make-up workdays — used when the Host does not say `dueSoon` itself.
 */
export function weekdaysBetween(from: string, to: string): number {
  const start = parseDay(from);
  const end = parseDay(to);
  if (!start || !end || end <= start) return 0;
  let count = 0;
  const day = new Date(start);
  while (day < end) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/**
 * The badge for a deadline: the Host's `overdue` wins; then its `dueSoon`; a Host that does not send `dueSoon` gets an
 * estimate from the due date (due today or within two weekdays).
 */
export function deadlineBadge(facts: DeadlineFacts, today: string = todayInShanghai()): DeadlineBadge {
  if (facts.overdue) return 'overdue';
  if (typeof facts.dueSoon === 'boolean') return facts.dueSoon ? 'dueSoon' : null;
  if (!facts.dueDate) return null;
  if (facts.dueDate < today) return 'overdue';
  return weekdaysBetween(today, facts.dueDate) <= dueSoonWorkingDays ? 'dueSoon' : null;
}

export function matchesDeadlineFilter(facts: DeadlineFacts, filter: DeadlineFilter, today?: string): boolean {
  if (!filter) return true;
  if (filter === 'none') return !facts.dueDate;
  if (!facts.dueDate && filter !== 'overdue') return false;
  const badge = deadlineBadge(facts, today);
  if (filter === 'normal') return badge === null;
  return badge === filter;
}
