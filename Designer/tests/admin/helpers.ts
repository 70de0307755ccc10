import { vi } from 'vitest';
import ElementPlus from 'element-plus';
import { i18n } from '../../src/i18n';

/** The plugins and stubs the admin pages need when mounted on their own. */
export const global = {
  plugins: [i18n, ElementPlus],
  stubs: { RouterLink: { props: ['to'], template: '<a :href="String(to)"><slot /></a>' } },
};

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

type Answer = { status?: number; body?: unknown };

/**
 * Replaces fetch with answers by "METHOD path" (query left out); records every call. An unknown
 * request answers 404 with problem details, as the Host does.
 */
export function fakeServer(routes: Record<string, Answer | ((call: Call) => Answer)>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    const call = { method, url, body };
    calls.push(call);
    const route = routes[`${method} ${url.split('?')[0]}`];
    const answer = typeof route === 'function' ? route(call) : route ?? { status: 404, body: { title: 'Not Found', status: 404 } };
    const status = answer.status ?? 200;
    const problem = status >= 400;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, fetch };
}

/** Element Plus measures elements; jsdom has no ResizeObserver. */
export function polyfillResizeObserver() {
  if (typeof globalThis.ResizeObserver === 'undefined') {
    globalThis.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
  }
}

export async function settle(times = 5) {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
