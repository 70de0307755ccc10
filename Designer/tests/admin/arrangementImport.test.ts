import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import ArrangementImport from '../../src/admin/calendar/ArrangementImport.vue';
import { fakeServer, global, polyfillResizeObserver, settle } from './helpers';

const document2027 = {
  year: 2027,
  papers: ['https://www.gov.cn/example'],
  days: [
    { name: '国庆节', date: '2027-10-01', isOffDay: true },
    { name: '国庆节', date: '2027-10-09', isOffDay: false },
  ],
};

const debounce = () => new Promise((resolve) => setTimeout(resolve, 150));

function button(page: VueWrapper, name: string) {
  const found = page.findAll('button').find((candidate) => candidate.text() === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

async function pasteJson(page: VueWrapper, value: unknown) {
  await page.findAll('.el-radio-button input')[1].setValue(true);
  await settle();
  await page.get('textarea[aria-label="JSON 内容"]').setValue(JSON.stringify(value, null, 2));
}

beforeEach(polyfillResizeObserver);
afterEach(() => vi.unstubAllGlobals());

describe('importing a year', () => {
  it('previews the changed days and the moved deadlines, then stores exactly what was previewed', async () => {
    const server = fakeServer({
      'POST /api/calendar/years/2027/preview': {
        body: {
          year: 2027,
          changes: [{ date: '2027-10-09', before: 'weekend', after: 'makeup-workday', name: '国庆节' }],
          movedDeadlines: [{ taskId: 't1', caseId: 'c1', caseNumber: '共享〔2027〕12号', taskName: '审核共享申请', before: '2027-10-08', after: '2027-10-11' }],
        },
      },
      'PUT /api/calendar/years/2027': { body: { year: 2027, daysOff: 1, makeupWorkdays: 1 } },
    });
    const page = mount(ArrangementImport, { props: { year: 2026 }, global, attachTo: document.body });
    await pasteJson(page, document2027);

    expect(button(page, '导入').attributes('disabled')).toBeDefined();
    await button(page, '预览').trigger('click');
    await settle();

    expect(page.text()).toContain('2027 年：1 个日期有变化，1 个待办期限将随之调整。');
    expect(page.text()).toContain('共享〔2027〕12号');
    expect(page.text()).toContain('调休上班');
    expect(page.find('a[href="/cases/c1"]').exists()).toBe(true);
    expect(page.findAll('.day--changed').map((cell) => cell.attributes('data-date'))).toEqual(['2027-10-09']);

    await button(page, '导入').trigger('click');
    await settle();

    const put = server.calls.find((call) => call.method === 'PUT')!;
    expect(put.url).toBe('/api/calendar/years/2027');
    expect(put.body).toEqual(document2027);
    expect(page.emitted('imported')).toEqual([[2027]]);
    page.unmount();
  });

  it('needs a new preview after an edit', async () => {
    fakeServer({ 'POST /api/calendar/years/2027/preview': { body: { year: 2027, changes: [], movedDeadlines: [] } } });
    const page = mount(ArrangementImport, { props: { year: 2026 }, global, attachTo: document.body });
    await pasteJson(page, document2027);
    await button(page, '预览').trigger('click');
    await settle();
    expect(button(page, '导入').attributes('disabled')).toBeUndefined();

    await page.get('textarea[aria-label="JSON 内容"]').setValue(JSON.stringify({ ...document2027, papers: [] }));
    await settle();

    expect(button(page, '导入').attributes('disabled')).toBeDefined();
    page.unmount();
  });

  it('shows the server’s errors beside the rows they name, in the form as in the JSON view', async () => {
    fakeServer({
      'POST /api/calendar/years/2027/preview': {
        status: 400,
        body: {
          title: 'The request breaks a rule.',
          status: 400,
          errors: { 'days[1].name': ['The festival name is unknown.'], '$.days[0].isOffDay': ['The value is not a boolean.'] },
        },
      },
    });
    const page = mount(ArrangementImport, { props: { year: 2026 }, global, attachTo: document.body });
    await pasteJson(page, document2027);
    await button(page, '预览').trigger('click');
    await settle();

    expect(page.get('.field-errors').text()).toContain('days[1].name The festival name is unknown.');
    expect(page.get('.field-errors').text()).toContain('days[0].isOffDay The value is not a boolean.');

    await page.findAll('.el-radio-button input')[0].setValue(true);
    await settle();
    await debounce();

    const rows = page.findAll('.row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0].classes()).toContain('row--error');
    expect(rows[0].text()).toContain('The value is not a boolean.');
    expect(rows[1].text()).toContain('The festival name is unknown.');
    // The pasted values are all still there.
    expect((page.get('input[aria-label="第 2 行 日期"]').element as HTMLInputElement).value).toBe('2027-10-09');
    page.unmount();
  });

  it('checks the obvious before asking the server: a make-up workday on a weekday', async () => {
    const server = fakeServer({});
    const page = mount(ArrangementImport, { props: { year: 2026 }, global, attachTo: document.body });
    await pasteJson(page, { ...document2027, days: [{ name: '国庆节', date: '2027-10-11', isOffDay: false }] });
    await button(page, '预览').trigger('click');
    await settle();

    expect(server.calls).toHaveLength(0);
    expect(page.get('.field-errors').text()).toContain('调休上班日必须是周六或周日');
    page.unmount();
  });

  it('offers to import without a preview when the Host has none', async () => {
    fakeServer({});
    const page = mount(ArrangementImport, { props: { year: 2026 }, global, attachTo: document.body });
    await pasteJson(page, document2027);
    await button(page, '预览').trigger('click');
    await settle();

    expect(page.text()).toContain('预览服务暂不可用');
    expect(button(page, '导入').attributes('disabled')).toBeUndefined();
    page.unmount();
  });
});
