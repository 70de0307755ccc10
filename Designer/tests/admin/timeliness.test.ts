import { describe, expect, it } from 'vitest';
import {
  byDepartment,
  byMonth,
  formatAverage,
  formatRate,
  onTimeRate,
  periodOf,
  stackedBarOption,
  timelinessCsvUrl,
  timelinessUrl,
  type TimelinessRow,
} from '../../src/admin/reports/timeliness';

function row(department: string, from: string, values: Partial<TimelinessRow>): TimelinessRow {
  return {
    department,
    departmentName: { psb: '市公安局', amr: '市市场监督管理局' }[department] ?? department,
    from,
    to: from,
    received: 0,
    answered: 0,
    answeredOnTime: 0,
    answeredLate: 0,
    escalated: 0,
    deemedConsent: 0,
    averageWorkingDays: null,
    ...values,
  };
}

const labels = {
  outcomes: { answeredOnTime: '按时答复', answeredLate: '逾期答复', escalated: '逾期提请协调', deemedConsent: '逾期视为同意' },
  count: '件数',
  averageWorkingDays: '平均答复用时（工作日）',
};

describe('the query', () => {
  it('sends the period, and the department and monthly grouping only when chosen', () => {
    expect(timelinessUrl({ from: '2026-01-01', to: '2026-06-30', department: '', groupBy: 'period' })).toBe('/api/reports/timeliness?from=2026-01-01&to=2026-06-30');
    expect(timelinessCsvUrl({ from: '2026-01-01', to: '2026-06-30', department: 'psb', groupBy: 'month' })).toBe(
      '/api/reports/timeliness.csv?from=2026-01-01&to=2026-06-30&department=psb&groupBy=month',
    );
  });

  it('picks whole months, quarters and years around today', () => {
    expect(periodOf('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('quarter', '2026-11-22')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('quarter', '2024-05-01')).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(periodOf('year', '2026-11-22')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodOf('lastYear', '2026-11-22')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});

describe('derived figures', () => {
  it('gives the on-time rate of the answers, none without answers', () => {
    expect(onTimeRate({ answered: 4, answeredOnTime: 3 })).toBe(0.75);
    expect(onTimeRate({ answered: 0, answeredOnTime: 0 })).toBeNull();
    expect(formatRate(0.75)).toBe('75.0%');
    expect(formatRate(null)).toBe('—');
    expect(formatAverage(3.456)).toBe('3.46');
    expect(formatAverage(null)).toBe('—');
  });

  it('sums months per department, weighting the average by the answers', () => {
    const rows = [
      row('psb', '2026-01-01', { received: 3, answered: 2, answeredOnTime: 1, answeredLate: 1, averageWorkingDays: 4 }),
      row('psb', '2026-02-01', { received: 1, answered: 1, answeredOnTime: 1, averageWorkingDays: 10, escalated: 1 }),
      row('amr', '2026-01-01', { received: 2 }),
    ];
    const departments = byDepartment(rows);
    expect(departments.map((bucket) => bucket.label)).toEqual(['市公安局', '市市场监督管理局']);
    expect(departments[0]).toMatchObject({ received: 4, values: { answeredOnTime: 2, answeredLate: 1, escalated: 1, deemedConsent: 0 }, averageWorkingDays: 6 });
    expect(departments[1].averageWorkingDays).toBeNull();

    const months = byMonth([...rows].reverse());
    expect(months.map((bucket) => bucket.label)).toEqual(['2026-01', '2026-02']);
    expect(months[0]).toMatchObject({ received: 5, values: { answeredOnTime: 1, answeredLate: 1 }, averageWorkingDays: 4 });
  });
});

describe('the chart', () => {
  it('stacks the outcomes per department and draws the average on a second axis', () => {
    const option = stackedBarOption(
      byDepartment([
        row('psb', '2026-01-01', { answered: 3, answeredOnTime: 2, answeredLate: 1, escalated: 2, deemedConsent: 1, averageWorkingDays: 7.333 }),
        row('amr', '2026-01-01', {}),
      ]),
      labels,
    );
    expect(option.xAxis.data).toEqual(['市公安局', '市市场监督管理局']);
    const bars = option.series.filter((series) => series.type === 'bar');
    expect(bars.map((series) => series.name)).toEqual(['按时答复', '逾期答复', '逾期提请协调', '逾期视为同意']);
    expect(bars.every((series) => 'stack' in series && series.stack === 'outcomes')).toBe(true);
    expect(bars.map((series) => series.data[0])).toEqual([2, 1, 2, 1]);
    const line = option.series.find((series) => series.type === 'line')!;
    expect(line).toMatchObject({ name: '平均答复用时（工作日）', yAxisIndex: 1, data: [7.33, null] });
    expect(option.legend.data).toContain('平均答复用时（工作日）');
  });

  it('slants the labels when there are many departments', () => {
    const many = Array.from({ length: 9 }, (_, i) => row(`d${i}`, '2026-01-01', {}));
    expect(stackedBarOption(byDepartment(many), labels).xAxis.axisLabel.rotate).toBe(30);
    expect(stackedBarOption(byDepartment(many.slice(0, 3)), labels).xAxis.axisLabel.rotate).toBe(0);
  });
});
