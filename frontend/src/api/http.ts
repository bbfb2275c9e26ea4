import { getLanguage, LANGUAGE_TAGS } from '../i18n/i18n';
import { ApiError, networkError, toProblem } from './problem';
import { getAccessToken, hasSessionHint, notifyAuthLost, refreshAccessToken } from './session';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Send the access token; on a 401, refresh once and retry, then give up to the login page. */
  auth?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

function retryAfter(res: Response): number | null {
  const v = res.headers.get('Retry-After');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    // Mail the services send (verification, reset) is written in the language the UI shows.
    'Accept-Language': LANGUAGE_TAGS[getLanguage()],
    ...opts.headers,
  };
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const token = opts.auth ? getAccessToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      body,
      signal: opts.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw networkError();
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function authLost(): ApiError {
  notifyAuthLost();
  return new ApiError(toProblem(401, undefined));
}

/**
 * The one place the app talks HTTP. Errors become ApiError carrying the problem+json body.
 */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  if (opts.auth && !getAccessToken()) {
    if (!hasSessionHint()) throw authLost(); // no session in this browser: nothing to refresh
    const outcome = await refreshAccessToken();
    if (outcome === 'denied') throw authLost();
    if (outcome === 'unreachable') throw networkError();
  }

  let res = await send(path, opts);

  if (res.status === 401 && opts.auth) {
    const outcome = await refreshAccessToken();
    if (outcome === 'unreachable') throw networkError();
    if (outcome === 'denied') throw authLost();
    res = await send(path, opts);
    if (res.status === 401) throw authLost();
  }

  if (!res.ok) {
    throw new ApiError(toProblem(res.status, await readJson(res)), retryAfter(res));
  }
  const data = (res.status === 204 ? undefined : await readJson(res)) as T;
  return { data, etag: res.headers.get('ETag'), status: res.status };
}

/** Builds a query string from the values that are set. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}
