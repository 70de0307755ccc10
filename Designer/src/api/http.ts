/**
 * The one way the front-end talks to the Host: same-origin fetch with the sign-in cookie, the
 * antiforgery header on every state change, and problem details turned into an {@link ApiError}
 * whose `errors` name the fields the server rejected.
 */

import { i18n } from '../i18n';

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The server's messages per field, keyed by the field name in camelCase. */
  get errors(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const [key, messages] of Object.entries(this.problem.errors ?? {})) {
      result[camelCase(key)] = messages;
    }
    return result;
  }

  /** The title and detail, for a message that belongs to no single field (Chinese sentences follow each other without a space). */
  get summary(): string {
    const { title, detail } = this.problem;
    const parts = [title, detail].filter((part): part is string => !!part && part.length > 0);
    return parts.reduce((text, part) => (text.length === 0 || /[\u3000-\u303f\uff00-\uffef]$/.test(text) ? text + part : `${text} ${part}`), '') || this.message;
  }
}

function camelCase(key: string): string {
  return key
    .split('.')
    .map((part) => (part.length > 0 ? part[0].toLowerCase() + part.slice(1) : part))
    .join('.');
}

export const xsrfCookie = 'XSRF-TOKEN';
export const xsrfHeader = 'X-XSRF-TOKEN';

export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const pair of cookies.split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Query parameters; a list is sent as the parameter repeated (`userName=a&userName=b`). */
  query?: Record<string, string | number | boolean | readonly string[] | undefined | null>;
  body?: unknown;
  signal?: AbortSignal;
}

export function withQuery(url: string, query?: RequestOptions['query']): string {
  if (!query) return url;
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      for (const entry of value as readonly string[]) parameters.append(key, entry);
    } else if (value !== undefined && value !== null && value !== '') {
      parameters.append(key, String(value));
    }
  }
  const text = parameters.toString();
  return text.length === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}${text}`;
}

export async function request<T>(method: Method, url: string, options: RequestOptions = {}): Promise<T> {
  // The server answers its messages in the language the user reads the UI in, whatever the browser's own setting.
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.global.locale.value,
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const token = readCookie(xsrfCookie);
    if (token) headers[xsrfHeader] = token;
  }
  const response = await fetch(withQuery(url, options.query), {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return (await response.json()) as ProblemDetails;
    } catch {
      // fall through to the status line
    }
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}

export const api = {
  get: <T>(url: string, query?: RequestOptions['query'], signal?: AbortSignal) => request<T>('GET', url, { query, signal }),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, { body }),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, { body }),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, { body }),
  delete: <T>(url: string) => request<T>('DELETE', url),
  upload: <T>(url: string, form: FormData) => request<T>('POST', url, { body: form }),
};
