import { describe, expect, it, vi } from 'vitest';
import { request } from './http';
import { ApiError } from './problem';
import { acceptToken, getAccessToken, setAuthLostHandler } from './session';
import { mockApi, problem } from '../test/utils';

const fresh = { accessToken: 'new-token', tokenType: 'Bearer', expiresIn: 900 };

describe('request', () => {
  it('sends the bearer token, and on a 401 refreshes once and retries with the new token', async () => {
    acceptToken({ accessToken: 'old-token', tokenType: 'Bearer', expiresIn: 900 });
    const api = mockApi({
      'GET /api/products': (c) =>
        c.headers.get('Authorization') === 'Bearer new-token'
          ? { body: { items: [], nextCursor: null } }
          : problem(401, 'unauthorized'),
      'POST /api/auth/token/refresh': { body: fresh },
    });

    const res = await request<{ items: unknown[] }>('/api/products', { auth: true });

    expect(res.data.items).toEqual([]);
    expect(api.callsTo('POST', '/api/auth/token/refresh')).toHaveLength(1);
    expect(api.callsTo('GET', '/api/products').map((c) => c.headers.get('Authorization'))).toEqual([
      'Bearer old-token',
      'Bearer new-token',
    ]);
    expect(getAccessToken()).toBe('new-token');
  });

  it('runs one refresh for many requests refused at once (refresh tokens rotate)', async () => {
    acceptToken({ accessToken: 'old-token', tokenType: 'Bearer', expiresIn: 900 });
    const api = mockApi({
      'GET /api/auth/me': (c) =>
        c.headers.get('Authorization') === 'Bearer new-token' ? { body: {} } : problem(401, 'unauthorized'),
      'POST /api/auth/token/refresh': () => new Promise((r) => setTimeout(() => r({ body: fresh }), 10)),
    });

    await Promise.all([1, 2, 3].map(() => request('/api/auth/me', { auth: true })));

    expect(api.callsTo('POST', '/api/auth/token/refresh')).toHaveLength(1);
  });

  it('gives up after a refused refresh: clears the token and hands over to the login page', async () => {
    acceptToken({ accessToken: 'old-token', tokenType: 'Bearer', expiresIn: 900 });
    mockApi({
      'GET /api/auth/me': problem(401, 'unauthorized'),
      'POST /api/auth/token/refresh': problem(401, 'unauthorized'),
    });
    const lost = vi.fn();
    setAuthLostHandler(lost);

    await expect(request('/api/auth/me', { auth: true })).rejects.toMatchObject({ status: 401 });
    expect(lost).toHaveBeenCalledTimes(1);
    expect(getAccessToken()).toBeNull();
  });

  it('does not refresh on a 401 from a call without auth (a wrong password)', async () => {
    const api = mockApi({ 'POST /api/auth/token': problem(401, 'unauthorized') });
    await expect(request('/api/auth/token', { method: 'POST', body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(api.callsTo('POST', '/api/auth/token/refresh')).toHaveLength(0);
  });

  it('turns problem+json into an ApiError with field errors keyed by JSON name', async () => {
    mockApi({
      'POST /api/products': problem(422, 'validation', {
        title: 'Validation failed',
        errors: { Price: ['Must be positive.'], name: ['Required.'] },
      }),
    });
    acceptToken({ accessToken: 't', tokenType: 'Bearer', expiresIn: 900 });
    const err = await request('/api/products', { method: 'POST', auth: true, body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const apiErr = err as ApiError;
    expect(apiErr.slug).toBe('validation');
    expect(apiErr.fieldErrors).toEqual({ price: ['Must be positive.'], name: ['Required.'] });
  });

  it('reports a network failure as status 0 with a readable message', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(request('/api/search')).rejects.toMatchObject({ status: 0 });
  });

  it('returns the ETag header with the data', async () => {
    mockApi({ 'GET /api/products/p-1': { body: { id: 'p-1' }, headers: { ETag: '"7"' } } });
    const res = await request('/api/products/p-1');
    expect(res.etag).toBe('"7"');
  });
});

describe('session renewal', () => {
  it('refreshes a minute before the access token expires', async () => {
    vi.useFakeTimers();
    try {
      const api = mockApi({ 'POST /api/auth/token/refresh': { body: fresh } });
      acceptToken({ accessToken: 'old-token', tokenType: 'Bearer', expiresIn: 900 });
      await vi.advanceTimersByTimeAsync(839_000);
      expect(api.callsTo('POST', '/api/auth/token/refresh')).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(api.callsTo('POST', '/api/auth/token/refresh')).toHaveLength(1);
      expect(getAccessToken()).toBe('new-token');
    } finally {
      vi.useRealTimers();
    }
  });

  it('accepts field errors named as JSON paths', async () => {
    mockApi({ 'POST /api/auth/register': problem(422, 'validation', { errors: { '$.displayName': ['Too long.'] } }) });
    const err = (await request('/api/auth/register', { method: 'POST', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(err.fieldErrors).toEqual({ displayName: ['Too long.'] });
  });
});
