import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { clockMenuEntry, resetClockProbe, simulatedClock } from '../../src/admin/clock';
import { routes } from '../../src/admin/routes';
import { session } from '../../src/session';
import ClockPage from '../../src/admin/ClockPage.vue';
import { fakeServer, global, polyfillResizeObserver, settle } from './helpers';

function signIn(roles: string[]) {
  session.me = { userName: roles.join('+'), displayName: 'Test', department: 'dsj', departmentName: '市大数据局', roles };
  session.loaded = true;
}

const clockRoute = routes.find((route) => route.name === 'admin-clock')!;

beforeEach(() => {
  polyfillResizeObserver();
  resetClockProbe();
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
});

describe('the clock menu entry', () => {
  it('appears for a policy admin once the Host answers GET /api/clock', async () => {
    const server = fakeServer({ 'GET /api/clock': { body: { now: '2026-10-09T09:00:00+08:00', fired: 0 } } });
    signIn(['policy-admin']);

    expect(clockRoute.meta!.menu).toBeUndefined();
    await settle();

    expect(clockRoute.meta!.menu).toEqual({ group: 'admin', order: 50 });
    expect(simulatedClock.now).toBe('2026-10-09T09:00:00+08:00');
    // Asked once, however often the menu is drawn.
    void clockRoute.meta!.menu;
    await settle();
    expect(server.calls.filter((call) => call.url === '/api/clock')).toHaveLength(1);
  });

  it('stays hidden when the Host runs on real time (404)', async () => {
    fakeServer({});
    signIn(['policy-admin']);

    void clockMenuEntry(50);
    await settle();

    expect(simulatedClock.availability).toBe('absent');
    expect(clockMenuEntry(50)).toBeUndefined();
  });

  it('is not offered, nor asked about, for other users', async () => {
    const server = fakeServer({ 'GET /api/clock': { body: { now: '2026-10-09T09:00:00+08:00', fired: 0 } } });
    signIn(['requesting-clerk']);

    expect(clockMenuEntry(50)).toBeUndefined();
    await settle();

    expect(server.calls).toHaveLength(0);
  });
});

describe('the clock page', () => {
  it('shows the simulated time and moves it on by working days', async () => {
    const server = fakeServer({
      'GET /api/clock': { body: { now: '2026-09-30T10:00:00+08:00', fired: 0 } },
      'GET /api/calendar/days/2026-09-30': { body: { date: '2026-09-30', kind: 'workday', isWorkday: true, name: null, provisional: false } },
      'GET /api/calendar/days/2026-10-12': { body: { date: '2026-10-12', kind: 'workday', isWorkday: true, name: null, provisional: false } },
      'POST /api/clock/advance': { body: { now: '2026-10-12T10:00:00+08:00', fired: 3 } },
    });
    signIn(['policy-admin']);
    const page = mount(ClockPage, { global, attachTo: document.body });
    await settle();

    expect(page.get('[data-testid="simulated-now"]').text()).toContain('2026/09/30');
    const workingDays = page.get('input[aria-label="工作日天数"]');
    await workingDays.setValue('5');
    await workingDays.trigger('change');
    await page.get('form').trigger('submit');
    await settle();

    expect(server.calls.find((call) => call.method === 'POST')).toMatchObject({ url: '/api/clock/advance', body: { workingDays: 5 } });
    expect(page.get('[data-testid="simulated-now"]').text()).toContain('2026/10/12');
    expect(page.text()).toContain('5 个工作日');
    page.unmount();
  });

  it('shows the server’s message beside the field it names', async () => {
    fakeServer({
      'GET /api/clock': { body: { now: '2026-09-30T10:00:00+08:00', fired: 0 } },
      'POST /api/clock/advance': { status: 400, body: { title: 'One or more validation errors occurred.', status: 400, errors: { days: ['Give exactly one of days, workingDays or hours.'] } } },
    });
    signIn(['policy-admin']);
    const page = mount(ClockPage, { global, attachTo: document.body });
    await settle();

    await page.get('form').trigger('submit');
    await settle();

    // Element Plus shows a field's error after a short debounce.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const item = page.findAll('.el-form-item').find((candidate) => candidate.text().includes('自然日天数'))!;
    expect(item.text()).toContain('Give exactly one of days, workingDays or hours.');
    page.unmount();
  });

  it('says so when there is no simulated clock', async () => {
    fakeServer({});
    signIn(['policy-admin']);
    const page = mount(ClockPage, { global, attachTo: document.body });
    await settle();

    expect(page.text()).toContain('未启用模拟时钟');
    expect(page.find('input[aria-label="工作日天数"]').exists()).toBe(false);
    page.unmount();
  });
});
