import { afterEach, describe, expect, it, vi } from 'vitest';
import { casesExportUrl, listCases, loadCase, summaryFromDetail } from '../../src/workspace/api';

type Route = (url: URL) => { status: number; body?: unknown } | undefined;

function serve(route: Route) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://host');
      calls.push(url.pathname + url.search);
      const answer = route(url) ?? { status: 404, body: { title: 'Not Found', status: 404 } };
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'Content-Type': answer.status >= 400 ? 'application/problem+json' : 'application/json' },
      });
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

const sharingRow = {
  process: 'sharingApplication',
  id: 'a1',
  number: 'SQ-20261122-A84AC8',
  status: 'submitted',
  resourceName: '人口基础信息',
  requesterDepartment: 'hrss',
  providerDepartment: 'psb',
  submittedAt: '2026-11-21T19:20:32Z',
  deadline: '2026-12-11',
  dueAt: '2026-12-11T16:00:00Z',
  provisional: false,
  overdue: false,
};

describe('listCases', () => {
  it('uses the general case list when the Host has it', async () => {
    const calls = serve((url) => (url.pathname === '/api/cases' ? { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } } : undefined));
    const result = await listCases({ process: 'dataObjection', from: '2026-11-01', q: 'YY', page: 1, pageSize: 20 });
    expect(result.fallback).toBe(false);
    expect(calls).toEqual(['/api/cases?process=dataObjection&from=2026-11-01&q=YY&page=1&pageSize=20']);
  });

  it("falls back to the sharing list, renaming the period's filters and searching the page", async () => {
    const calls = serve((url) =>
      url.pathname === '/api/sharing-applications' ? { status: 200, body: { items: [sharingRow, { ...sharingRow, id: 'a2', number: 'SQ-2', resourceName: '机动车' }], total: 2, page: 1, pageSize: 20 } } : undefined,
    );
    const result = await listCases({ from: '2026-11-01', to: '2026-11-30', overdue: true, q: 'a84ac8' });
    expect(result.fallback).toBe(true);
    expect(calls[1]).toBe('/api/sharing-applications?overdue=true&submittedFrom=2026-11-01&submittedTo=2026-11-30');
    expect(result.items.map((item) => item.caseNumber)).toEqual(['SQ-20261122-A84AC8']);
    expect(result.items[0]).toMatchObject({ process: 'sharingApplication', title: '人口基础信息', dueDate: '2026-12-11' });
  });
});

describe('casesExportUrl', () => {
  it('carries the filters but not the page', () => {
    expect(casesExportUrl({ process: 'sharingApplication', status: 'refused', page: 3, pageSize: 50 }, false)).toBe(
      '/api/cases/export.csv?process=sharingApplication&status=refused',
    );
    expect(casesExportUrl({ from: '2026-01-01' }, true)).toBe('/api/sharing-applications/export.csv?submittedFrom=2026-01-01');
    expect(casesExportUrl({}, false)).toBe('/api/cases/export.csv');
  });
});

describe('loadCase', () => {
  it("takes the general summary and the process's own record from its detailUrl", async () => {
    serve((url) => {
      if (url.pathname === '/api/cases/c1')
        return { status: 200, body: { id: 'c1', process: 'dataObjection', caseNumber: 'YY-1', status: 'UnderVerification', detailUrl: '/api/data-objections/c1', history: [] } };
      if (url.pathname === '/api/data-objections/c1') return { status: 200, body: { id: 'c1', description: '不符' } };
      return undefined;
    });
    const view = await loadCase('c1');
    expect(view?.summary.caseNumber).toBe('YY-1');
    expect(view?.detail).toEqual({ id: 'c1', description: '不符' });
  });

  it("tries the hinted process's endpoint first on a Host without the general one", async () => {
    const calls = serve((url) => (url.pathname === '/api/disputes/d1' ? { status: 200, body: { id: 'd1', number: 'ZY-1', status: 'Negotiating', resourceName: '出入境证件信息', filedAt: '2026-11-21T19:20:32Z' } } : undefined));
    const view = await loadCase('d1', 'sharingDispute');
    expect(calls).toEqual(['/api/cases/d1', '/api/disputes/d1']);
    expect(view?.summary).toMatchObject({ id: 'd1', process: 'sharingDispute', caseNumber: 'ZY-1', title: '出入境证件信息', submittedAt: '2026-11-21T19:20:32Z' });
  });

  it('answers null when no endpoint knows the case', async () => {
    serve(() => undefined);
    expect(await loadCase('nope')).toBeNull();
  });

  it('does not hide a server failure behind the fallback', async () => {
    serve(() => ({ status: 500, body: { title: 'boom', status: 500 } }));
    await expect(loadCase('c1')).rejects.toThrow('boom');
  });
});

describe('summaryFromDetail', () => {
  it("reads a catalog change's department as the requesting side", () => {
    expect(summaryFromDetail('catalogChange', { id: 'm1', number: 'ML-1', department: 'amr', status: 'AwaitingSubmission', eventDescription: '新法规施行', openedAt: 'x' })).toMatchObject({
      caseNumber: 'ML-1',
      requesterDepartment: 'amr',
      title: '新法规施行',
      submittedAt: 'x',
    });
  });
});
