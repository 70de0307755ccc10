import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import IncidentsPage from '../../src/admin/IncidentsPage.vue';
import UserDialog from '../../src/admin/organisation/UserDialog.vue';
import ProfilesPage from '../../src/admin/ProfilesPage.vue';
import AuditPage from '../../src/admin/AuditPage.vue';
import { routes } from '../../src/admin/routes';
import { session } from '../../src/session';
import type { Department, PolicyProfile, User } from '../../src/admin/api';
import { fakeServer, global, polyfillResizeObserver, settle } from './helpers';

const debounce = () => new Promise((resolve) => setTimeout(resolve, 150));

function button(root: VueWrapper | ReturnType<VueWrapper['find']>, name: string) {
  const found = root.findAll('button').find((candidate) => candidate.text() === name || candidate.attributes('aria-label') === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

function signIn(roles: string[]) {
  session.me = { userName: 'admin', displayName: 'Admin', department: 'dsj', departmentName: '市大数据局', roles };
  session.loaded = true;
}

beforeEach(() => {
  polyfillResizeObserver();
  signIn(['policy-admin', 'auditor']);
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('incidents', () => {
  it('lists the failed activities and retries one, then reloads the list', async () => {
    let incidents = [
      { id: 'i1', instanceId: 'c0ffee00-0000-0000-0000-000000000001', definitionKey: 'sharingApplication', businessKey: 'SQ-2026-0001', elementId: 'notifyRequester', attempts: 5, lastError: 'SMTP timeout', createdAt: '2026-10-09T01:00:00Z' },
    ];
    const server = fakeServer({
      'GET /api/incidents': () => ({ body: incidents }),
      'POST /api/incidents/i1/retry': () => {
        incidents = [];
        return { status: 204 };
      },
    });
    const page = mount(IncidentsPage, { global, attachTo: document.body });
    await settle();

    expect(page.text()).toContain('notifyRequester');
    expect(page.text()).toContain('SMTP timeout');
    expect(page.find('a[href="/instances/c0ffee00-0000-0000-0000-000000000001"]').text()).toBe('SQ-2026-0001');

    await button(page, '重试 notifyRequester').trigger('click');
    await settle();

    expect(server.calls.map((call) => `${call.method} ${call.url}`)).toEqual(['GET /api/incidents', 'POST /api/incidents/i1/retry', 'GET /api/incidents']);
    expect(page.text()).toContain('没有待处理的异常');
    page.unmount();
  });
});

describe('changing a user', () => {
  const departments: Department[] = [
    { code: 'psb', name: '市公安局', shortName: null, kind: 'ordinary', supervisor: 'supervisor.psb' },
    { code: 'amr', name: '市市场监督管理局', shortName: null, kind: 'ordinary', supervisor: null },
  ];
  const user: User = { userName: 'clerk.psb', displayName: '俊驰 曾', department: 'psb', roles: ['requesting-clerk'], email: 'clerk.psb@example.gov.cn', hasPassword: true, lockedOut: true, lockoutEnd: '2026-10-09T02:00:00Z' };

  it('sends only what changed, and unlocks when asked', async () => {
    const server = fakeServer({ 'PATCH /api/users/clerk.psb': ({ body }) => ({ body: { ...user, ...(body as object), lockedOut: false } }) });
    const dialog = mount(UserDialog, { props: { modelValue: true, user, departments }, global, attachTo: document.body });
    await settle();
    const body = document.body;

    const name = body.querySelector<HTMLInputElement>('input[aria-label="姓名"]')!;
    name.value = '曾俊驰';
    name.dispatchEvent(new Event('input'));
    const unlock = [...body.querySelectorAll('label')].find((label) => label.textContent?.includes('解除登录锁定'))!;
    unlock.click();
    await settle();
    [...body.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === '保存')!.click();
    await settle();

    expect(server.calls).toEqual([{ method: 'PATCH', url: '/api/users/clerk.psb', body: { displayName: '曾俊驰', unlock: true } }]);
    expect(dialog.emitted('saved')?.[0][0]).toMatchObject({ displayName: '曾俊驰', lockedOut: false });
    expect(dialog.emitted('update:modelValue')).toEqual([[false]]);
    dialog.unmount();
  });

  it('keeps the dialog and what was typed when the server refuses, with the message beside the field', async () => {
    fakeServer({
      'PATCH /api/users/clerk.psb': {
        status: 400,
        body: { title: 'One or more validation errors occurred.', status: 400, errors: { password: ['A password has 8-128 characters from at least three of: upper-case letters, lower-case letters, digits, symbols.'] } },
      },
    });
    const dialog = mount(UserDialog, { props: { modelValue: true, user, departments }, global, attachTo: document.body });
    await settle();
    const password = document.body.querySelector<HTMLInputElement>('input[aria-label="新密码（不修改请留空）"]')!;
    password.value = 'weak';
    password.dispatchEvent(new Event('input'));
    await settle();
    [...document.body.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === '保存')!.click();
    await settle();
    await debounce();

    const item = [...document.body.querySelectorAll('.el-form-item')].find((candidate) => candidate.textContent?.includes('新密码'))!;
    expect(item.textContent).toContain('A password has 8-128 characters');
    expect(password.value).toBe('weak');
    expect(dialog.emitted('update:modelValue')).toBeUndefined();
    // The field says it; no summary repeats it above the form.
    expect(document.body.querySelector('.form-general-error')).toBeNull();
    dialog.unmount();
  });
});

describe('policy profiles', () => {
  const fuzhou: PolicyProfile = {
    code: 'fuzhou',
    name: '抚州市',
    version: 1,
    active: true,
    coordinatingOffice: '市政务信息化工作办公室',
    days: { 'sharing.answerDays': 15, 'catalog.changeDays': 3 },
    refusalNeedsReasons: true,
    refusalNeedsLegalBasis: false,
    overdueAnswerIsConsent: false,
    disputeTiers: [{ name: '共享主管部门协调', decider: '共享主管部门', role: 'coordinating-office' }],
    regulation: '《抚州市政务信息资源共享管理办法》',
    articles: { 'sharing.answer': '第十八条' },
  };

  it('shows the parameters with their articles and saves a change as a new version', async () => {
    const server = fakeServer({
      'GET /api/profiles': { body: [fuzhou] },
      'PATCH /api/profiles/fuzhou': { body: { ...fuzhou, version: 2, days: { ...fuzhou.days, 'sharing.answerDays': 12 } } },
    });
    const page = mount(ProfilesPage, { global, attachTo: document.body });
    await settle();

    expect(page.text()).toContain('《抚州市政务信息资源共享管理办法》第十八条');
    const answerDays = page.get('input[aria-label="共享申请答复期限"]');
    await answerDays.setValue('12');
    await answerDays.trigger('change');
    await page.get('form').trigger('submit');
    await settle();

    expect(server.calls.find((call) => call.method === 'PATCH')).toMatchObject({ url: '/api/profiles/fuzhou', body: { 'sharing.answerDays': 12 } });
    expect(page.text()).toContain('第 2 版');
    page.unmount();
  });

  it('lets others read but not change them', async () => {
    signIn(['coordinating-office']);
    fakeServer({ 'GET /api/profiles': { body: [fuzhou] } });
    const page = mount(ProfilesPage, { global, attachTo: document.body });
    await settle();

    expect(page.get('input[aria-label="共享申请答复期限"]').attributes('disabled')).toBeDefined();
    expect(page.findAll('button').some((candidate) => candidate.text() === '保存')).toBe(false);
    page.unmount();
  });
});

describe('the audit trail', () => {
  it('filters by actor and verifies the chain', async () => {
    const server = fakeServer({
      'GET /api/audit': {
        body: [
          { id: 3, at: '2026-10-09T02:00:00Z', actor: 'li.si', department: 'psb', action: 'POST /api/tasks/{id:guid}/complete acting for wang.wu (as deputy)', description: '办理任务（代理 wang.wu）', subject: 'c0ffee00-0000-0000-0000-000000000001', remoteAddress: '127.0.0.1', result: 204, hash: 'cd'.repeat(32) },
          { id: 2, at: '2026-10-09T01:00:00Z', actor: 'admin', department: 'dsj', action: 'POST /api/old-route', description: null, subject: null, remoteAddress: '127.0.0.1', result: 200, hash: 'ab'.repeat(32) },
        ],
      },
      'GET /api/audit/verify': { body: { valid: false, entries: 2, firstBrokenId: 2, problem: 'Entry 2 was changed after it was written.' } },
    });
    const page = mount(AuditPage, { global, attachTo: document.body });
    await settle();
    const rows = page.findAll('[data-testid="audit-table"] tbody tr');
    // What the auditor reads first, with the stored action beneath it; a route no longer served is shown as stored.
    expect(rows[0].find('.action').text()).toBe('办理任务（代理 wang.wu）');
    expect(rows[0].find('.route').text()).toBe('POST /api/tasks/{id:guid}/complete acting for wang.wu (as deputy)');
    expect(rows[1].find('.action').text()).toBe('POST /api/old-route');
    expect(rows[1].find('.route').exists()).toBe(false);

    await page.get('input[aria-label="操作人"]').setValue('admin');
    await page.get('form').trigger('submit');
    await settle();
    expect(server.calls.at(-1)!.url).toBe('/api/audit?actor=admin');

    await button(page, '校验').trigger('click');
    await settle();
    expect(page.text()).toContain('审计链被破坏：自第 2 条起校验不通过');
    expect(page.text()).toContain('Entry 2 was changed after it was written.');
    page.unmount();
  });
});

describe('routes', () => {
  it('keeps the paths and names of the UI contract', () => {
    expect(routes.map((route) => [route.path, route.name])).toEqual([
      ['/admin/calendar', 'admin-calendar'],
      ['/admin/profiles', 'admin-profiles'],
      ['/admin/organisation', 'admin-organisation'],
      ['/admin/incidents', 'admin-incidents'],
      ['/admin/clock', 'admin-clock'],
      ['/admin/audit', 'admin-audit'],
      ['/reports', 'reports'],
    ]);
  });

  it('offers the report in the menu to those it has figures for', () => {
    const reports = routes.find((route) => route.name === 'reports')!;
    signIn(['supervisor']);
    expect(reports.meta!.menu).toEqual({ group: 'reports', order: 10 });
    signIn(['requesting-clerk']);
    expect(reports.meta!.menu).toBeUndefined();
    expect(reports.meta!.roles).toBeUndefined();
  });
});
