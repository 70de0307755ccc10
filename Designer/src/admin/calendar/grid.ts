/**
 * The year-at-a-glance calendar as plain data: which weekday each month starts on, the kind of every
 * day on the official calendar and the CSS classes a cell gets. No Vue and no time zone: dates are
 * yyyy-MM-dd strings and weekdays come from UTC arithmetic, so the grid is the same in every browser.
 */

/** What a date is on the official calendar, as the Host names it. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

/** A date the notice (or the provisional rules) sets: a named holiday or a make-up workday (调休上班). */
export interface SpecialDay {
  date: string;
  kind: DayKind;
  name?: string | null;
  nameEn?: string | null;
  provisional?: boolean;
  regional?: boolean;
}

/** `GET /api/calendar/years/{year}/holidays`. */
export interface HolidaysResponse {
  year: number;
  provisional: boolean;
  anyDayProvisional: boolean;
  jurisdiction: string | null;
  holidays: SpecialDay[];
  makeupWorkdays: SpecialDay[];
  breaks: {
    name: string;
    nameEn: string;
    firstDay: string;
    lastDay: string;
    daysOff: number;
    makeupWorkdays: string[];
    regional: boolean;
  }[];
}

/** One year of the calendar, ready to lay out. */
export interface YearCalendar {
  year: number;
  /** The whole year has no published notice yet. */
  provisional: boolean;
  specials: Map<string, SpecialDay>;
  /** Single days the next notice may still change (the last days of December), beyond a provisional year. */
  provisionalDates: Set<string>;
}

export interface DayCell {
  date: string;
  day: number;
  weekday: number;
  kind: DayKind;
  name: string | null;
  nameEn: string | null;
  provisional: boolean;
  isWorkday: boolean;
  classes: string[];
}

export interface MonthGrid {
  year: number;
  /** 1-12. */
  month: number;
  /** Empty cells before the 1st in a week that starts on Monday. */
  leadingBlanks: number;
  /** Rows of seven cells, Monday first; null outside the month. */
  weeks: (DayCell | null)[][];
}

/** Weekday headers, Monday first, as indexes 0 (Monday) to 6 (Sunday). */
export const weekdays = [0, 1, 2, 3, 4, 5, 6] as const;

export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday ... 6 = Sunday. */
export function weekdayOf(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Years before 100 would be read as 19xx by Date.UTC; the calendar starts in 1949, so this never applies.
  return (date.getUTCDay() + 6) % 7;
}

export function isWeekend(weekday: number): boolean {
  return weekday >= 5;
}

/** Empty cells before the 1st when weeks start on Monday. */
export function leadingBlanks(year: number, month: number): number {
  return weekdayOf(year, month, 1);
}

/** The kind of a date: what the notice sets, else a weekend or a workday by its weekday. */
export function kindOf(date: string, calendar: Pick<YearCalendar, 'specials'>): DayKind {
  const special = calendar.specials.get(date);
  if (special) return special.kind;
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`'${date}' is not a date of the form yyyy-MM-dd`);
  return isWeekend(weekdayOf(parsed.year, parsed.month, parsed.day)) ? 'weekend' : 'workday';
}

export function isWorkingKind(kind: DayKind): boolean {
  return kind === 'workday' || kind === 'makeup-workday';
}

export interface CellMarks {
  /** yyyy-MM-dd of today, to outline it. */
  today?: string;
  /** yyyy-MM-dd of the selected day. */
  selected?: string;
  /** Days a pending import changes. */
  changed?: ReadonlySet<string>;
}

/** The CSS classes of a cell: its kind, and whether it is provisional, named, today, selected or changed. */
export function dayClasses(cell: Pick<DayCell, 'date' | 'kind' | 'provisional' | 'name'>, marks: CellMarks = {}): string[] {
  const classes = ['day', `day--${cell.kind}`];
  if (cell.provisional) classes.push('day--provisional');
  if (cell.name && cell.kind === 'holiday') classes.push('day--named');
  if (marks.today === cell.date) classes.push('day--today');
  if (marks.selected === cell.date) classes.push('day--selected');
  if (marks.changed?.has(cell.date)) classes.push('day--changed');
  return classes;
}

export function dayCell(calendar: YearCalendar, year: number, month: number, day: number, marks: CellMarks = {}): DayCell {
  const date = isoDate(year, month, day);
  const weekday = weekdayOf(year, month, day);
  const special = calendar.specials.get(date);
  const kind = special?.kind ?? (isWeekend(weekday) ? 'weekend' : 'workday');
  const provisional = calendar.provisional || special?.provisional === true || calendar.provisionalDates.has(date);
  const cell: DayCell = {
    date,
    day,
    weekday,
    kind,
    name: special?.name ?? null,
    nameEn: special?.nameEn ?? null,
    provisional,
    isWorkday: isWorkingKind(kind),
    classes: [],
  };
  cell.classes = dayClasses(cell, marks);
  return cell;
}

export function monthGrid(calendar: YearCalendar, month: number, marks: CellMarks = {}): MonthGrid {
  const year = calendar.year;
  const blanks = leadingBlanks(year, month);
  const cells: (DayCell | null)[] = Array.from({ length: blanks }, () => null);
  const count = daysInMonth(year, month);
  for (let day = 1; day <= count; day++) cells.push(dayCell(calendar, year, month, day, marks));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (DayCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { year, month, leadingBlanks: blanks, weeks };
}

export function yearGrid(calendar: YearCalendar, marks: CellMarks = {}): MonthGrid[] {
  return Array.from({ length: 12 }, (_, index) => monthGrid(calendar, index + 1, marks));
}

/** The calendar of a year from the Host's answer; `provisionalDates` are single days found provisional (late December). */
export function calendarFromHolidays(response: HolidaysResponse, provisionalDates: Iterable<string> = []): YearCalendar {
  const specials = new Map<string, SpecialDay>();
  for (const day of [...response.holidays, ...response.makeupWorkdays]) specials.set(day.date, day);
  return { year: response.year, provisional: response.provisional, specials, provisionalDates: new Set(provisionalDates) };
}

/**
 * The last days of December whose kind the next year's notice may still change: asked day by day when
 * the year is published but some day of it is still provisional.
 */
export function lateDecemberDates(year: number, firstDay = 20): string[] {
  return Array.from({ length: 31 - firstDay + 1 }, (_, index) => isoDate(year, 12, firstDay + index));
}

export interface KindCounts {
  workdays: number;
  weekends: number;
  holidays: number;
  makeupWorkdays: number;
}

/** How many days of each kind the year has: the figures under the year's title. */
export function countKinds(calendar: YearCalendar): KindCounts {
  const counts: KindCounts = { workdays: 0, weekends: 0, holidays: 0, makeupWorkdays: 0 };
  for (let month = 1; month <= 12; month++) {
    const days = daysInMonth(calendar.year, month);
    for (let day = 1; day <= days; day++) {
      const kind = kindOf(isoDate(calendar.year, month, day), calendar);
      if (kind === 'workday') counts.workdays++;
      else if (kind === 'weekend') counts.weekends++;
      else if (kind === 'holiday') counts.holidays++;
      else counts.makeupWorkdays++;
    }
  }
  return counts;
}
