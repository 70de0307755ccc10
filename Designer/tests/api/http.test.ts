import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request } from '../../src/api/http';
import { i18n, setLocale } from '../../src/i18n';

function answer(status: number, body: unknown) {
  const seen: Headers[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
      });
    }),
  );
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setLocale('zh-CN');
});

describe('request', () => {
  it('asks the server for its messages in the language of the page, not the browser', async () => {
    const seen = answer(200, {});
    await request('GET', '/api/me');
    setLocale('en');
    await request('GET', '/api/me');

    expect(seen.map((headers) => headers.get('Accept-Language'))).toEqual(['zh-CN', 'en']);
    expect(i18n.global.locale.value).toBe('en');
  });

  it('keeps a space between English sentences', () => {
    const error = new ApiError(409, { title: 'Someone else changed it first, or it is no longer possible.', detail: 'Task 7 is already completed.' });
    expect(error.summary).toBe('Someone else changed it first, or it is no longer possible. Task 7 is already completed.');
  });

  it("shows the server's own words for a broken rule, field by field", async () => {
    answer(400, { title: '请求不符合办理规则。', status: 400, detail: '请填写意见。', errors: { Opinion: ['请填写意见。'] } });

    const error = await request('POST', '/api/tasks/1/cosign', { body: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).errors).toEqual({ opinion: ['请填写意见。'] });
    expect((error as ApiError).summary).toBe('请求不符合办理规则。请填写意见。');
  });
});
