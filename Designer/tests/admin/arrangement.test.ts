import { describe, expect, it } from 'vitest';
import {
  ArrangementFormatError,
  calendarFromDraft,
  changedDates,
  checkDraft,
  draftFromHolidays,
  draftToDocument,
  draftToJson,
  editorErrors,
  editorField,
  emptyDraft,
  parseArrangement,
  rowOf,
} from '../../src/admin/calendar/arrangement';
import type { HolidaysResponse } from '../../src/admin/calendar/grid';

/** The head of a reference file as the Host ships it (holiday-cn), with its $schema members. */
const referenceFile = `\uFEFF{
  "$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
  "$id": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/2026.json",
  "year": 2026,
  "papers": ["https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"],
  "days": [
    { "name": "元旦", "date": "2026-01-01", "isOffDay": true },
    { "name": "元旦", "date": "2026-01-04", "isOffDay": false }
  ]
}`;

describe('reading a pasted or uploaded document', () => {
  it('reads the reference files, byte-order mark and $schema included', () => {
    const draft = parseArrangement(referenceFile);
    expect(draft.year).toBe(2026);
    expect(draft.papers).toBe('https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm');
    expect(draft.rows).toEqual([
      { date: '2026-01-01', name: '元旦', nameEn: '', isOffDay: true },
      { date: '2026-01-04', name: '元旦', nameEn: '', isOffDay: false },
    ]);
  });

  it('refuses text that is not JSON or not an object, saying why', () => {
    expect(() => parseArrangement('{"year": 2027,')).toThrow(ArrangementFormatError);
    expect(() => parseArrangement('[1, 2]')).toThrow(ArrangementFormatError);
    expect(() => parseArrangement('{"year": 2027, "days": 3}')).toThrow('"days" must be a list');
  });

  it('keeps wrong values as they are so the server can name them', () => {
    const draft = parseArrangement('{"year": 2027, "days": [{"date": 20271001, "name": "国庆节", "isOffDay": "yes"}, null]}');
    expect(draft.rows[0]).toEqual({ date: '20271001', name: '国庆节', nameEn: '', isOffDay: null });
    expect(draft.rows[1]).toEqual({ date: '', name: '', nameEn: '', isOffDay: null });
  });
});

describe('the request body', () => {
  it('sends every row in the editor order, so days[i] is row i, and one paper per line', () => {
    const draft = { year: 2027, papers: ' https://a \n\n https://b ', rows: [
      { date: '2027-10-01', name: '国庆节', nameEn: '', isOffDay: true },
      { date: '', name: '', nameEn: '', isOffDay: true },
      { date: '2027-09-26', name: ' 国庆节 ', nameEn: 'National Day', isOffDay: false },
    ] };
    expect(draftToDocument(draft)).toEqual({
      year: 2027,
      papers: ['https://a', 'https://b'],
      days: [
        { name: '国庆节', date: '2027-10-01', isOffDay: true },
        { name: '', date: '', isOffDay: true },
        { name: '国庆节', date: '2027-09-26', isOffDay: false, nameEn: 'National Day' },
      ],
    });
  });

  it('round-trips through its JSON text', () => {
    const draft = parseArrangement(referenceFile);
    expect(parseArrangement(draftToJson(draft))).toEqual(draft);
  });
});

describe('starting from the current arrangement', () => {
  it('lists the holidays as days off and the make-up workdays as worked, in date order, without regional days', () => {
    const response: HolidaysResponse = {
      year: 2026,
      provisional: false,
      anyDayProvisional: false,
      jurisdiction: null,
      holidays: [
        { date: '2026-10-01', kind: 'holiday', name: '国庆节', nameEn: 'National Day' },
        { date: '2026-10-08', kind: 'holiday', name: '地方假日', regional: true },
      ],
      makeupWorkdays: [{ date: '2026-09-20', kind: 'makeup-workday', name: '国庆节', nameEn: 'National Day' }],
      breaks: [],
    };
    expect(draftFromHolidays(response)).toEqual({
      year: 2026,
      papers: '',
      rows: [
        { date: '2026-09-20', name: '国庆节', nameEn: 'National Day', isOffDay: false },
        { date: '2026-10-01', name: '国庆节', nameEn: 'National Day', isOffDay: true },
      ],
    });
  });
});

describe('the editor check', () => {
  it('names the field of each problem as the server would', () => {
    const problems = checkDraft({ year: 2028, papers: '', rows: [
      { date: '2028-10-01', name: '国庆节', nameEn: '', isOffDay: true },
      { date: '2028-10-09', name: '国庆节', nameEn: '', isOffDay: false },
      { date: '2027-10-01', name: '国庆节', nameEn: '', isOffDay: true },
      { date: '2028-10-01', name: '', nameEn: '', isOffDay: null },
      { date: '2028-02-30', name: 'x', nameEn: '', isOffDay: true },
    ] });
    expect(problems).toEqual({
      'days[1].date': 'makeupOnWeekday',
      'days[2].date': 'outsideYear',
      'days[3].date': 'duplicate',
      'days[3].name': 'name',
      'days[3].isOffDay': 'isOffDay',
      'days[4].date': 'date',
    });
  });

  it('accepts a weekend make-up workday and asks for a year', () => {
    expect(checkDraft({ year: 2028, papers: '', rows: [{ date: '2028-10-08', name: '国庆节', nameEn: '', isOffDay: false }] })).toEqual({});
    expect(checkDraft(emptyDraft(null))).toEqual({ year: 'year' });
  });
});

describe('server errors in the editor', () => {
  it('reads JSON reader paths as fields and leaves the whole document general', () => {
    expect(editorField('$.days[0].isOffDay')).toBe('days[0].isOffDay');
    expect(editorField('days[3].date')).toBe('days[3].date');
    expect(editorField('$')).toBe('');
    expect(editorErrors({ $: 'Not JSON.', 'days[1].name': 'Missing.', '$.days[1].name': 'Also.' })).toEqual({ '': 'Not JSON.', 'days[1].name': 'Missing. Also.' });
  });

  it('finds the row a field belongs to', () => {
    expect(rowOf('days[12].date')).toBe(12);
    expect(rowOf('days[0]')).toBe(0);
    expect(rowOf('year')).toBeNull();
  });
});

describe('the preview grid', () => {
  it('shows the year as the draft would make it, marking what the preview changes', () => {
    const calendar = calendarFromDraft({ year: 2028, papers: '', rows: [
      { date: '2028-10-02', name: '国庆节', nameEn: '', isOffDay: true },
      { date: '2028-10-08', name: '国庆节', nameEn: '', isOffDay: false },
      { date: 'nonsense', name: 'x', nameEn: '', isOffDay: true },
      { date: '2029-01-01', name: '元旦', nameEn: '', isOffDay: true },
    ] }, 2028);
    expect([...calendar.specials.keys()]).toEqual(['2028-10-02', '2028-10-08']);
    expect(calendar.specials.get('2028-10-08')?.kind).toBe('makeup-workday');
    expect(changedDates({ year: 2028, changes: [{ date: '2028-10-02', before: 'workday', after: 'holiday', name: '国庆节' }], movedDeadlines: [] })).toEqual(new Set(['2028-10-02']));
    expect(changedDates(null).size).toBe(0);
  });
});
