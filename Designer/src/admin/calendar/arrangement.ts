/**
 * A year's holiday arrangement as the policy admin imports it: the body of
 * `PUT /api/calendar/years/{year}` and `POST /api/calendar/years/{year}/preview`,
 * `{"year", "papers": [...], "days": [{"name", "nameEn"?, "date", "isOffDay"}]}` (the shape of the
 * State Council notices the Host ships). Pure functions: reading a pasted or uploaded file, the
 * editor's rows, and what the preview answers.
 */
import { type DayKind, type HolidaysResponse, type SpecialDay, type YearCalendar, parseIsoDate, weekdayOf } from './grid';

export interface ArrangementDayDocument {
  name: string;
  nameEn?: string;
  date: string;
  isOffDay: boolean;
}

export interface YearArrangementDocument {
  year: number;
  papers: string[];
  days: ArrangementDayDocument[];
}

/** One editable row; `isOffDay` null until chosen, so a forgotten choice reaches the server's check. */
export interface ArrangementRow {
  date: string;
  name: string;
  nameEn: string;
  isOffDay: boolean | null;
}

export interface ArrangementDraft {
  year: number | null;
  papers: string;
  rows: ArrangementRow[];
}

/** `POST /api/calendar/years/{year}/preview`. */
export interface ArrangementPreview {
  year: number;
  changes: { date: string; before: string; after: string; name: string | null }[];
  /** `before` is null for a step that had no deadline yet. */
  movedDeadlines: { taskId: string; caseId: string; caseNumber: string | null; taskName: string | null; before: string | null; after: string }[];
}

/** The festivals of the notices, for the name picker; any other name is accepted too. */
export const festivalNames = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '抗战胜利纪念日'] as const;

export function emptyDraft(year: number | null): ArrangementDraft {
  return { year, papers: '', rows: [] };
}

export function emptyRow(): ArrangementRow {
  return { date: '', name: '', nameEn: '', isOffDay: true };
}

/**
 * The request body: every row as typed and in the editor's order, so that the server's `days[i]`
 * names row i of the editor; papers one per line.
 */
export function draftToDocument(draft: ArrangementDraft): Record<string, unknown> {
  const days = draft.rows.map((row) => {
    const day: Record<string, unknown> = { name: row.name.trim(), date: row.date.trim(), isOffDay: row.isOffDay };
    if (row.nameEn.trim() !== '') day.nameEn = row.nameEn.trim();
    return day;
  });
  const papers = draft.papers
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return { year: draft.year, papers, days };
}

export class ArrangementFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArrangementFormatError';
  }
}

/**
 * Reads a pasted or uploaded document into editable rows. Unknown members (such as `$schema` of the
 * reference files) are ignored, as the server ignores them; wrong types are kept as text so the
 * server's check names them.
 */
export function parseArrangement(text: string): ArrangementDraft {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ArrangementFormatError(error instanceof Error ? error.message : String(error));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ArrangementFormatError('expected an object {"year", "papers", "days"}');
  }
  const document = value as Record<string, unknown>;
  const year = typeof document.year === 'number' ? document.year : typeof document.year === 'string' && /^\d{4}$/.test(document.year) ? Number(document.year) : null;
  const papers = Array.isArray(document.papers) ? document.papers.filter((p): p is string => typeof p === 'string') : [];
  if (document.days !== undefined && !Array.isArray(document.days)) {
    throw new ArrangementFormatError('"days" must be a list');
  }
  const rows = ((document.days as unknown[] | undefined) ?? []).map((entry): ArrangementRow => {
    const day = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
    return {
      date: typeof day.date === 'string' ? day.date : day.date === undefined ? '' : String(day.date),
      name: typeof day.name === 'string' ? day.name : '',
      nameEn: typeof day.nameEn === 'string' ? day.nameEn : '',
      isOffDay: typeof day.isOffDay === 'boolean' ? day.isOffDay : null,
    };
  });
  return { year, papers: papers.join('\n'), rows };
}

/** The JSON text of a draft, for the JSON view and the download. */
export function draftToJson(draft: ArrangementDraft): string {
  return JSON.stringify(draftToDocument(draft), null, 2);
}

/** A draft from the year as the calendar has it now: its holidays and make-up workdays (regional days left out). */
export function draftFromHolidays(response: HolidaysResponse): ArrangementDraft {
  const days: SpecialDay[] = [...response.holidays, ...response.makeupWorkdays].filter((day) => !day.regional);
  days.sort((a, b) => a.date.localeCompare(b.date));
  return {
    year: response.year,
    papers: '',
    rows: days.map((day) => ({ date: day.date, name: day.name ?? '', nameEn: day.nameEn ?? '', isOffDay: day.kind === 'holiday' })),
  };
}

/**
 * The year as it would be after the import, for the preview grid: every listed day off is a holiday,
 * every listed working day a make-up workday; rows that are not valid dates of the year are skipped.
 */
export function calendarFromDraft(draft: ArrangementDraft, year: number): YearCalendar {
  const specials = new Map<string, SpecialDay>();
  for (const row of draft.rows) {
    const parsed = parseIsoDate(row.date.trim());
    if (!parsed || parsed.year !== year || row.isOffDay === null) continue;
    const kind: DayKind = row.isOffDay ? 'holiday' : 'makeup-workday';
    specials.set(row.date.trim(), { date: row.date.trim(), kind, name: row.name || null, nameEn: row.nameEn || null });
  }
  return { year, provisional: false, specials, provisionalDates: new Set() };
}

/**
 * Problems the editor can point out before asking the server (which checks everything again): by
 * field name as the server names them (`days[2].date`), so they show in the same places.
 */
export function checkDraft(draft: ArrangementDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.year === null || !Number.isInteger(draft.year)) problems.year = 'year';
  const seen = new Map<string, number>();
  draft.rows.forEach((row, index) => {
    const date = row.date.trim();
    const parsed = parseIsoDate(date);
    if (!parsed) {
      problems[`days[${index}].date`] = 'date';
      return;
    }
    if (draft.year !== null && parsed.year !== draft.year) problems[`days[${index}].date`] = 'outsideYear';
    else if (row.isOffDay === false && weekdayOf(parsed.year, parsed.month, parsed.day) < 5) problems[`days[${index}].date`] = 'makeupOnWeekday';
    else if (seen.has(date)) problems[`days[${index}].date`] = 'duplicate';
    seen.set(date, index);
    if (row.name.trim() === '') problems[`days[${index}].name`] = 'name';
    if (row.isOffDay === null) problems[`days[${index}].isOffDay`] = 'isOffDay';
  });
  return problems;
}

/**
 * The field a server error names, as the editor keys it: JSON reader paths come as `$.days[0].date`
 * and are read as `days[0].date`; `$` alone (the whole document) stays general.
 */
export function editorField(serverField: string): string {
  if (serverField === '$' || serverField === '') return '';
  return serverField.startsWith('$.') ? serverField.slice(2) : serverField;
}

/** Server errors re-keyed by {@link editorField}; unnamed ones are joined under ''. */
export function editorErrors(fields: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const key = editorField(field);
    result[key] = result[key] ? `${result[key]} ${message}` : message;
  }
  return result;
}

/** The row index an error field concerns (`days[3].date` → 3), or null. */
export function rowOf(field: string): number | null {
  const match = /^days\[(\d+)\]/.exec(field);
  return match ? Number(match[1]) : null;
}

/** Dates a preview changes, to mark them in the grid. */
export function changedDates(preview: ArrangementPreview | null): Set<string> {
  return new Set(preview?.changes.map((change) => change.date) ?? []);
}
