import { describe, expect, it } from 'vitest';
import {
  calendarFromHolidays,
  countKinds,
  dayCell,
  dayClasses,
  daysInMonth,
  type HolidaysResponse,
  kindOf,
  lateDecemberDates,
  leadingBlanks,
  monthGrid,
  parseIsoDate,
  weekdayOf,
  yearGrid,
} from '../../src/admin/calendar/grid';

/** The 2026 National Day break as the Host answers it (abridged): 1-8 October off, 27 Sep and 10 Oct worked. */
function holidays2026(): HolidaysResponse {
  const off = (date: string, name = '国庆节', nameEn = 'National Day') => ({ date, kind: 'holiday' as const, isWorkday: false, name, nameEn, provisional: false, regional: false });
  const work = (date: string) => ({ date, kind: 'makeup-workday' as const, isWorkday: true, name: '国庆节', nameEn: 'National Day', provisional: false, regional: false });
  return {
    year: 2026,
    provisional: false,
    anyDayProvisional: true,
    jurisdiction: null,
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'].map((d) => off(d)).concat([off('2026-01-01', '元旦', "New Year's Day")]),
    makeupWorkdays: [work('2026-09-20'), work('2026-10-10')],
    breaks: [],
  };
}

describe('weekdays and month starts', () => {
  it('knows which weekday a month starts on, Monday being 0', () => {
    // 1 October 2026 is a Thursday; 1 February 2026 a Sunday; 1 June 2026 a Monday.
    expect(weekdayOf(2026, 10, 1)).toBe(3);
    expect(leadingBlanks(2026, 2)).toBe(6);
    expect(leadingBlanks(2026, 6)).toBe(0);
    // Far from today too: 1 January 1949 was a Saturday, 1 January 2200 a Wednesday.
    expect(weekdayOf(1949, 1, 1)).toBe(5);
    expect(weekdayOf(2200, 1, 1)).toBe(2);
  });

  it('counts leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('does not depend on the time zone of the browser', () => {
    // The same answer whatever TZ the test runs in: weekdays come from UTC arithmetic.
    expect(weekdayOf(2026, 3, 29)).toBe(6);
    expect(weekdayOf(2026, 3, 30)).toBe(0);
  });

  it('reads only real yyyy-MM-dd dates', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-2-1')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('month grid', () => {
  const calendar = calendarFromHolidays(holidays2026());

  it('lays a month out in weeks of seven, Monday first, with blanks around it', () => {
    const october = monthGrid(calendar, 10);
    expect(october.leadingBlanks).toBe(3);
    expect(october.weeks[0].slice(0, 3)).toEqual([null, null, null]);
    expect(october.weeks[0][3]?.date).toBe('2026-10-01');
    expect(october.weeks.every((week) => week.length === 7)).toBe(true);
    const days = october.weeks.flat().filter((cell) => cell !== null);
    expect(days).toHaveLength(31);
    expect(days.map((cell) => cell!.day)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });

  it('gives February 2026, which starts on a Sunday, six blanks and five rows', () => {
    const february = monthGrid(calendar, 2);
    expect(february.weeks[0].filter((cell) => cell === null)).toHaveLength(6);
    expect(february.weeks).toHaveLength(5);
  });

  it('classes holidays, make-up workdays, weekends and workdays', () => {
    const cell = (date: string) => {
      const [y, m, d] = date.split('-').map(Number);
      return dayCell(calendar, y, m, d);
    };
    expect(cell('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', isWorkday: false });
    expect(cell('2026-10-01').classes).toEqual(['day', 'day--holiday', 'day--named']);
    // Saturday 10 October is worked: 调休上班.
    expect(cell('2026-10-10')).toMatchObject({ kind: 'makeup-workday', isWorkday: true });
    expect(cell('2026-10-10').classes).toContain('day--makeup-workday');
    // Saturday 17 October is a plain weekend; Friday 16 October a plain workday.
    expect(cell('2026-10-17')).toMatchObject({ kind: 'weekend', isWorkday: false, name: null });
    expect(cell('2026-10-16')).toMatchObject({ kind: 'workday', isWorkday: true });
    expect(cell('2026-10-16').classes).toEqual(['day', 'day--workday']);
  });

  it('marks today, the selected day and the days an import changes', () => {
    const october = monthGrid(calendar, 10, { today: '2026-10-09', selected: '2026-10-12', changed: new Set(['2026-10-08']) });
    const find = (date: string) => october.weeks.flat().find((cell) => cell?.date === date)!;
    expect(find('2026-10-09').classes).toContain('day--today');
    expect(find('2026-10-12').classes).toContain('day--selected');
    expect(find('2026-10-08').classes).toContain('day--changed');
    expect(find('2026-10-08').kind).toBe('workday');
  });

  it('marks every day of a provisional year, and only the late December days of a published one', () => {
    const provisional = calendarFromHolidays({ ...holidays2026(), year: 2030, provisional: true, holidays: [], makeupWorkdays: [] });
    expect(yearGrid(provisional).every((month) => month.weeks.flat().every((cell) => cell === null || cell.classes.includes('day--provisional')))).toBe(true);

    const published = calendarFromHolidays(holidays2026(), ['2026-12-25', '2026-12-31']);
    const december = monthGrid(published, 12).weeks.flat().filter((cell) => cell !== null);
    expect(december.filter((cell) => cell!.provisional).map((cell) => cell!.date)).toEqual(['2026-12-25', '2026-12-31']);
    expect(monthGrid(published, 10).weeks.flat().some((cell) => cell?.provisional)).toBe(false);
  });

  it('builds twelve months', () => {
    const months = yearGrid(calendar);
    expect(months.map((month) => month.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('kinds and counts', () => {
  it('answers the kind of any date of the year', () => {
    const calendar = calendarFromHolidays(holidays2026());
    expect(kindOf('2026-01-01', calendar)).toBe('holiday');
    expect(kindOf('2026-09-20', calendar)).toBe('makeup-workday');
    expect(kindOf('2026-09-19', calendar)).toBe('weekend');
    expect(kindOf('2026-09-18', calendar)).toBe('workday');
    expect(() => kindOf('2026-13-01', calendar)).toThrow(RangeError);
  });

  it('counts the days of each kind; the weekend days inside a break are holidays', () => {
    const plain = countKinds(calendarFromHolidays({ ...holidays2026(), holidays: [], makeupWorkdays: [] }));
    // 2026 has 365 days, 52 Saturdays and 52 Sundays (it starts on a Thursday).
    expect(plain).toEqual({ workdays: 261, weekends: 104, holidays: 0, makeupWorkdays: 0 });
    const arranged = countKinds(calendarFromHolidays(holidays2026()));
    // 8 holidays, 2 of them (3-4 Oct) on a weekend; 2 make-up Sundays/Saturdays.
    expect(arranged).toEqual({ workdays: 261 - 6, weekends: 104 - 2 - 2, holidays: 8, makeupWorkdays: 2 });
  });

  it('lists the late December days to ask about', () => {
    expect(lateDecemberDates(2026, 25)).toEqual(['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
  });

  it('classes from the cell alone', () => {
    expect(dayClasses({ date: '2026-05-01', kind: 'holiday', provisional: true, name: '劳动节' })).toEqual(['day', 'day--holiday', 'day--provisional', 'day--named']);
  });
});
