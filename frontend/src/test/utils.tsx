import { render, type RenderResult } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate, type NavigateFunction } from 'react-router-dom';
import { vi } from 'vitest';
import { App } from '../App';
import { setSessionHint } from '../api/session';
import type { Product, User } from '../api/types';

export interface MockResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Handler = (call: RecordedCall) => MockResponse | Promise<MockResponse>;

/**
 * Replaces fetch with a small router keyed by "METHOD /path" (no query string). Unknown
 * routes answer 404 problem+json so a missing mock shows up as a visible failure.
 */
export function mockApi(routes: Record<string, Handler | MockResponse>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const call: RecordedCall = { method, url, headers, body };
    calls.push(call);
    if (init?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const route = routes[`${method} ${url.pathname}`];
    const res: MockResponse = !route
      ? { status: 404, body: { type: 'https://covacha.dev/problems/not-found', title: 'Not found', status: 404 } }
      : typeof route === 'function'
        ? await route(call)
        : route;
    const status = res.status ?? 200;
    const isProblem = status >= 400;
    return new Response(status === 204 || res.body === undefined ? null : JSON.stringify(res.body), {
      status,
      headers: {
        'Content-Type': isProblem ? 'application/problem+json' : 'application/json',
        ...res.headers,
      },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.url.pathname === path),
  };
}

export const alice: User = { id: 'u-alice', email: 'alice@example.com', displayName: 'Alice', role: 'user' };
export const bob: User = { id: 'u-bob', email: 'bob@example.com', displayName: 'Bob', role: 'user' };
export const admin: User = { id: 'u-admin', email: 'admin@example.com', displayName: 'Ada Admin', role: 'admin' };

/**
 * Routes for a page load: signed in as `user` (refresh cookie valid, and the browser remembers a
 * session) or anonymous (a stale cookie the server refuses, should the app ask).
 */
export function sessionRoutes(user: User | null): Record<string, MockResponse | Handler> {
  setSessionHint(!!user);
  if (!user) {
    return {
      'POST /api/auth/token/refresh': {
        status: 401,
        body: { type: 'https://covacha.dev/problems/unauthorized', title: 'Unauthorized', status: 401 },
      },
    };
  }
  return {
    'POST /api/auth/token/refresh': { body: { accessToken: `token-${user.id}`, tokenType: 'Bearer', expiresIn: 900 } },
    'GET /api/auth/me': { body: user },
  };
}

export const categoriesRoute = {
  'GET /api/products/categories': {
    body: [
      { id: 'electronics', name: 'Electronics' },
      { id: 'home', name: 'Home' },
      { id: 'books', name: 'Books' },
    ],
  },
};

export const currenciesRoute = {
  'GET /api/products/currencies': { body: [{ code: 'COP', exponent: 2, maxPrice: 2_000_000_000, default: true }] },
};

export function aProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 'p-1',
    ownerId: alice.id,
    name: 'Desk lamp',
    description: 'A warm light.',
    price: 85000,
    currency: 'COP',
    category: 'home',
    imageUrl: 'https://images.example.com/lamp.jpg',
    stock: 3,
    createdAt: '2026-01-02T10:00:00Z',
    updatedAt: '2026-01-03T10:00:00Z',
    version: 1,
    ...overrides,
  };
}

export const problem = (status: number, slug: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { type: `https://covacha.dev/problems/${slug}`, title: slug, status, ...extra },
});

let probeNavigate: NavigateFunction | null = null;

/** The browser's Back (-1) and Forward (1) buttons, for the app rendered by renderApp. */
export function historyGo(delta: number): void {
  if (!probeNavigate) throw new Error('renderApp first');
  void probeNavigate(delta);
}

/** Shows the router's current location so tests can assert on navigation. */
function LocationProbe() {
  const l = useLocation();
  probeNavigate = useNavigate();
  return <output data-testid="location">{`${l.pathname}${l.search}`}</output>;
}

export function renderApp(path: string): RenderResult {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <App />
      <LocationProbe />
    </MemoryRouter>,
  );
}
