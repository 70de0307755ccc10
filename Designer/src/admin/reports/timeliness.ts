/**
 * The timeliness report (按时答复情况) as plain data: its query, the CSV address, the derived
 * on-time rate and the ECharts options of its charts. No Vue, no ECharts runtime: testable as is.
 */
import { withQuery } from '../../api/http';

/** One provider department's record in one period (`GET /api/reports/timeliness`). */
export interface TimelinessRow {
  department: string;
  departmentName: string;
  from: string;
  to: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  escalated: number;
  deemedConsent: number;
  averageWorkingDays: number | null;
}

export type TimelinessTotals = Omit<TimelinessRow, 'department' | 'departmentName' | 'from' | 'to'>;

export interface TimelinessResponse {
  from: string;
  to: string;
  groupBy: 'period' | 'month';
  rows: TimelinessRow[];
  total: TimelinessTotals;
}

export interface TimelinessFilters {
  from: string;
  to: string;
  department: string;
  groupBy: 'period' | 'month';
}

export function timelinessQuery(filters: TimelinessFilters): Record<string, string | undefined> {
  return {
    from: filters.from,
    to: filters.to,
    department: filters.department || undefined,
    groupBy: filters.groupBy === 'month' ? 'month' : undefined,
  };
}

export function timelinessUrl(filters: TimelinessFilters): string {
  return withQuery('/api/reports/timeliness', timelinessQuery(filters));
}

/** The same report as CSV (UTF-8 with BOM, Chinese headers), for Excel. */
export function timelinessCsvUrl(filters: TimelinessFilters): string {
  return withQuery('/api/reports/timeliness.csv', timelinessQuery(filters));
}

/** Share of answers given on time, 0-1; null without answers. */
export function onTimeRate(row: Pick<TimelinessRow, 'answered' | 'answeredOnTime'>): number | null {
  return row.answered > 0 ? row.answeredOnTime / row.answered : null;
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function formatAverage(value: number | null): string {
  return value === null ? '—' : String(Math.round(value * 100) / 100);
}

/** The outcomes stacked in the charts, in stacking order. */
export const outcomes = ['answeredOnTime', 'answeredLate', 'escalated', 'deemedConsent'] as const;
export type Outcome = (typeof outcomes)[number];

export const outcomeColours: Record<Outcome, string> = {
  answeredOnTime: '#67c23a',
  answeredLate: '#e6a23c',
  escalated: '#f56c6c',
  deemedConsent: '#909399',
};

/** `yyyy-MM` of a row's period start, for the month view. */
export function monthOf(row: Pick<TimelinessRow, 'from'>): string {
  return row.from.slice(0, 7);
}

export interface Bucket {
  label: string;
  values: Record<Outcome, number>;
  received: number;
  averageWorkingDays: number | null;
}

function emptyValues(): Record<Outcome, number> {
  return { answeredOnTime: 0, answeredLate: 0, escalated: 0, deemedConsent: 0 };
}

/** Rows summed by a key; the average answering time weighted by each row's answers. */
function bucketsBy(rows: TimelinessRow[], keyOf: (row: TimelinessRow) => string, labelOf: (row: TimelinessRow) => string): Bucket[] {
  const buckets = new Map<string, Bucket & { answeredDays: number; answered: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { label: labelOf(row), values: emptyValues(), received: 0, averageWorkingDays: null, answeredDays: 0, answered: 0 };
      buckets.set(key, bucket);
    }
    for (const outcome of outcomes) bucket.values[outcome] += row[outcome];
    bucket.received += row.received;
    if (row.averageWorkingDays !== null && row.answered > 0) {
      bucket.answeredDays += row.averageWorkingDays * row.answered;
      bucket.answered += row.answered;
    }
  }
  return [...buckets.values()].map(({ answeredDays, answered, ...bucket }) => ({
    ...bucket,
    averageWorkingDays: answered > 0 ? answeredDays / answered : null,
  }));
}

/** One bucket per department (whole period), summing the months when the report is grouped by month. */
export function byDepartment(rows: TimelinessRow[]): Bucket[] {
  return bucketsBy(rows, (row) => row.department, (row) => row.departmentName);
}

/** One bucket per month in date order, summing every department: the trend over the period. */
export function byMonth(rows: TimelinessRow[]): Bucket[] {
  const sorted = [...rows].sort((a, b) => a.from.localeCompare(b.from));
  return bucketsBy(sorted, monthOf, monthOf);
}

export interface ChartLabels {
  outcomes: Record<Outcome, string>;
  count: string;
  averageWorkingDays: string;
}

/**
 * A stacked bar per bucket (department or month) of the outcomes, with the average answering time in
 * working days as a line on a second axis. Plain ECharts option object.
 */
export function stackedBarOption(buckets: Bucket[], labels: ChartLabels) {
  const categories = buckets.map((bucket) => bucket.label);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [...outcomes.map((outcome) => labels.outcomes[outcome]), labels.averageWorkingDays] },
    grid: { left: 48, right: 56, top: 72, bottom: categories.length > 6 ? 72 : 32, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: labels.count, minInterval: 1, nameTextStyle: { align: 'left' } },
      // Right-aligned so the long name grows into the chart rather than off its edge.
      { type: 'value', name: labels.averageWorkingDays, position: 'right', splitLine: { show: false }, nameTextStyle: { align: 'right' } },
    ],
    series: [
      ...outcomes.map((outcome) => ({
        name: labels.outcomes[outcome],
        type: 'bar',
        stack: 'outcomes',
        barMaxWidth: 56,
        emphasis: { focus: 'series' },
        itemStyle: { color: outcomeColours[outcome] },
        data: buckets.map((bucket) => bucket.values[outcome]),
      })),
      {
        name: labels.averageWorkingDays,
        type: 'line',
        yAxisIndex: 1,
        itemStyle: { color: '#409eff' },
        connectNulls: false,
        data: buckets.map((bucket) => (bucket.averageWorkingDays === null ? null : Math.round(bucket.averageWorkingDays * 100) / 100)),
      },
    ],
  };
}

/** Periods for the quick picks: this month, this quarter, this year, last year (dates yyyy-MM-dd, both days included). */
export function periodOf(kind: 'month' | 'quarter' | 'year' | 'lastYear', today: string): { from: string; to: string } {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const last = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const date = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  switch (kind) {
    case 'month':
      return { from: date(year, month, 1), to: date(year, month, last(year, month)) };
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: date(year, first, 1), to: date(year, first + 2, last(year, first + 2)) };
    }
    case 'year':
      return { from: date(year, 1, 1), to: date(year, 12, 31) };
    case 'lastYear':
      return { from: date(year - 1, 1, 1), to: date(year - 1, 12, 31) };
  }
}
