import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import ReportsPage from '../../src/admin/reports/ReportsPage.vue';
import { session } from '../../src/session';
import { fakeServer, global, polyfillResizeObserver, settle } from './helpers';

function signIn(roles: string[], department = 'dsj') {
  session.me = { userName: 'someone', displayName: 'Someone', department, departmentName: null, roles };
  session.loaded = true;
}

const report = {
  from: '2026-01-01',
  to: '2026-06-30',
  groupBy: 'period',
  rows: [
    { department: 'psb', departmentName: '市公安局', from: '2026-01-01', to: '2026-06-30', received: 5, answered: 4, answeredOnTime: 3, answeredLate: 1, escalated: 1, deemedConsent: 0, averageWorkingDays: 6.5 },
  ],
  total: { received: 5, answered: 4, answeredOnTime: 3, answeredLate: 1, escalated: 1, deemedConsent: 0, averageWorkingDays: 6.5 },
};

// ECharts draws on a canvas jsdom does not have; the chart's option is tested on its own.
const withoutChart = { ...global, stubs: { ...global.stubs, EChart: { props: ['option', 'label'], template: '<div class="chart-stub" :aria-label="label" />' } } };

beforeEach(polyfillResizeObserver);
afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
});

describe('the timeliness report', () => {
  it('shows a principal their own department, with the on-time rate, a chart and the CSV of the same query', async () => {
    signIn(['supervisor'], 'psb');
    const server = fakeServer({ 'GET /api/reports/timeliness': { body: report } });
    const page = mount(ReportsPage, { global: withoutChart, attachTo: document.body });
    await settle();

    const query = new URL(server.calls[0].url, 'http://host').searchParams;
    expect(query.get('department')).toBe('psb');
    expect(query.get('from')).toMatch(/^\d{4}-01-01$/);
    const table = page.get('[data-testid="timeliness-table"]');
    expect(table.text()).toContain('市公安局');
    expect(table.text()).toContain('75.0%');
    expect(table.text()).toContain('合计');
    expect(page.find('.chart-stub[aria-label="各部门答复情况"]').exists()).toBe(true);
    const csv = page.get('a[aria-label="导出 CSV"]').attributes('href')!;
    expect(csv.startsWith('/api/reports/timeliness.csv?')).toBe(true);
    expect(new URL(csv, 'http://host').searchParams.get('department')).toBe('psb');
    // Only those who see every department choose one.
    expect(page.find('[aria-label="提供部门"]').exists()).toBe(false);
    page.unmount();
  });

  it('names the field of a bad period', async () => {
    signIn(['coordinating-office']);
    fakeServer({
      'GET /api/departments': { body: [] },
      'GET /api/reports/timeliness': { status: 400, body: { title: 'One or more validation errors occurred.', status: 400, errors: { from: ['from is after to.'] } } },
    });
    const page = mount(ReportsPage, { global: withoutChart, attachTo: document.body });
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 150));

    const item = page.findAll('.el-form-item').find((candidate) => candidate.text().includes('统计起始日'))!;
    expect(item.text()).toContain('from is after to.');
    page.unmount();
  });

  it('tells a user without figures that the report is not theirs', async () => {
    signIn(['requesting-clerk'], 'psb');
    fakeServer({ 'GET /api/reports/timeliness': { status: 403 } });
    const page = mount(ReportsPage, { global: withoutChart, attachTo: document.body });
    await settle();

    expect(page.text()).toContain('无权查看统计报表');
    expect(page.find('[data-testid="timeliness-table"]').exists()).toBe(false);
    page.unmount();
  });
});
