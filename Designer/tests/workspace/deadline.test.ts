import { describe, expect, it } from 'vitest';
import { deadlineBadge, matchesDeadlineFilter, weekdaysBetween } from '../../src/workspace/deadline';

describe('deadlineBadge', () => {
  const today = '2026-11-23'; // a Monday

  it('is red when the Host says overdue, whatever else it says', () => {
    expect(deadlineBadge({ overdue: true, dueSoon: true, dueDate: '2026-12-31' }, today)).toBe('overdue');
  });

  it("follows the Host's dueSoon when it is sent", () => {
    expect(deadlineBadge({ overdue: false, dueSoon: true, dueDate: '2026-12-31' }, today)).toBe('dueSoon');
    expect(deadlineBadge({ overdue: false, dueSoon: false, dueDate: '2026-11-24' }, today)).toBeNull();
  });

  it('estimates due soon from the date when the Host does not send dueSoon', () => {
    expect(deadlineBadge({ overdue: false, dueDate: '2026-11-23' }, today)).toBe('dueSoon');
    expect(deadlineBadge({ overdue: false, dueDate: '2026-11-25' }, today)).toBe('dueSoon');
    expect(deadlineBadge({ overdue: false, dueDate: '2026-11-26' }, today)).toBeNull();
  });

  it('skips the weekend when estimating', () => {
    // Thursday to the next Monday is two weekdays (Friday, Monday).
    expect(deadlineBadge({ overdue: false, dueDate: '2026-11-30' }, '2026-11-26')).toBe('dueSoon');
    expect(deadlineBadge({ overdue: false, dueDate: '2026-12-01' }, '2026-11-26')).toBeNull();
  });

  it('shows nothing without a deadline', () => {
    expect(deadlineBadge({ overdue: false, dueDate: null }, today)).toBeNull();
  });
});

describe('weekdaysBetween', () => {
  it('counts the weekdays after the first day up to the last', () => {
    expect(weekdaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(weekdaysBetween('2026-11-20', '2026-11-23')).toBe(1); // Friday to Monday
    expect(weekdaysBetween('2026-11-23', '2026-11-30')).toBe(5);
    expect(weekdaysBetween('2026-11-30', '2026-11-23')).toBe(0);
  });
});

describe('matchesDeadlineFilter', () => {
  const today = '2026-11-23';
  const overdue = { overdue: true, dueDate: '2026-11-20' };
  const soon = { overdue: false, dueSoon: true, dueDate: '2026-11-24' };
  const later = { overdue: false, dueSoon: false, dueDate: '2026-12-20' };
  const none = { overdue: false, dueDate: null };

  it('keeps every row without a filter', () => {
    expect([overdue, soon, later, none].every((row) => matchesDeadlineFilter(row, '', today))).toBe(true);
  });

  it('keeps the rows of the chosen deadline state', () => {
    const rows = [overdue, soon, later, none];
    expect(rows.filter((row) => matchesDeadlineFilter(row, 'overdue', today))).toEqual([overdue]);
    expect(rows.filter((row) => matchesDeadlineFilter(row, 'dueSoon', today))).toEqual([soon]);
    expect(rows.filter((row) => matchesDeadlineFilter(row, 'normal', today))).toEqual([later]);
    expect(rows.filter((row) => matchesDeadlineFilter(row, 'none', today))).toEqual([none]);
  });
});
