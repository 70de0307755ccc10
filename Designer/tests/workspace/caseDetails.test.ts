import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import CaseDetails from '../../src/workspace/components/CaseDetails.vue';
import { fakeServer, global, polyfillResizeObserver, settle } from '../admin/helpers';

beforeEach(polyfillResizeObserver);
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function cell(page: ReturnType<typeof mount>, label: string) {
  const labels = page.findAll('.el-descriptions__label');
  const index = labels.findIndex((candidate) => candidate.text() === label);
  if (index < 0) throw new Error(`no ${label}`);
  return page.findAll('.el-descriptions__content')[index];
}

describe('a case’s facts', () => {
  it('name the people by their names, with the user name on hover, and leave an unknown user name as it is', async () => {
    const server = fakeServer({
      'GET /api/departments': { body: [] },
      'GET /api/people': { body: [{ userName: 'clerk.hrss', displayName: '黎博文', department: 'hrss' }] },
    });
    const detail = { status: 'approved', applicant: 'clerk.hrss', decidedBy: 'gone.user', purpose: '核验户籍' };

    const page = mount(CaseDetails, { props: { process: 'sharingApplication', detail }, global, attachTo: document.body });
    await settle();

    expect(cell(page, '申请人').text()).toBe('黎博文');
    expect(cell(page, '申请人').find('span').attributes('title')).toBe('clerk.hrss');
    expect(cell(page, '答复人').text()).toBe('gone.user');
    expect(cell(page, '申请用途').find('span').attributes('title')).toBeUndefined();
    const lookups = server.calls.filter((call) => call.url.startsWith('/api/people'));
    expect(lookups.map((call) => call.url)).toEqual(['/api/people?userName=clerk.hrss&userName=gone.user']);

    // Met once, a person is not looked up again.
    await page.setProps({ detail: { ...detail, purpose: '核验户籍信息' } });
    await settle();
    expect(server.calls.filter((call) => call.url.startsWith('/api/people'))).toHaveLength(1);
    page.unmount();
  });
});
