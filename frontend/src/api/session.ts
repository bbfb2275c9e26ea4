import type { TokenResponse, User } from './types';

/**
 * The browser session. The access token lives only in this module's memory; the refresh
 * token is an HttpOnly cookie scoped to /api/auth that script never sees.
 */
export type SessionStatus = 'restoring' | 'anonymous' | 'authenticated';

export interface SessionSnapshot {
  status: SessionStatus;
  user: User | null;
}

type RefreshOutcome = 'ok' | 'denied' | 'unreachable';

/** Refresh this long before the token expires, so requests never carry a stale one. */
const REFRESH_MARGIN_SECONDS = 60;
const MIN_REFRESH_DELAY_SECONDS = 5;

/**
 * Set in localStorage while this browser has a session, so a page load without one asks no
 * refresh (the refresh cookie is HttpOnly: script cannot see whether it is there). See
 * docs/decisions/0081-no-refresh-without-a-session.md.
 */
const SESSION_HINT_KEY = 'covacha.signedIn';

export function hasSessionHint(): boolean {
  try {
    return window.localStorage.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    return true; // storage blocked: ask the server, as before
  }
}

export function setSessionHint(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(SESSION_HINT_KEY, '1');
    else window.localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    /* storage blocked: every load asks the server */
  }
}

let accessToken: string | null = null;
let snapshot: SessionSnapshot = { status: 'restoring', user: null };
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let inflightRefresh: Promise<RefreshOutcome> | null = null;
let authLostHandler: (() => void) | null = null;
const listeners = new Set<() => void>();

function emit(next: SessionSnapshot): void {
  snapshot = next;
  for (const l of listeners) l();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSnapshot(): SessionSnapshot {
  return snapshot;
}

export function getAccessToken(): string | null {
  return accessToken;
}

function scheduleRefresh(expiresInSeconds: number): void {
  if (refreshTimer !== null) clearTimeout(refreshTimer);
  const delay = Math.max(MIN_REFRESH_DELAY_SECONDS, expiresInSeconds - REFRESH_MARGIN_SECONDS);
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    void refreshAccessToken();
  }, delay * 1000);
}

/** Stores a freshly issued token and plans its renewal. */
export function acceptToken(token: TokenResponse): void {
  accessToken = token.accessToken;
  setSessionHint(true);
  scheduleRefresh(token.expiresIn);
}

export function setUser(user: User): void {
  emit({ status: 'authenticated', user });
}

/** Forgets the token and the user (the cookie is cleared by the logout endpoint). */
export function clearSession(): void {
  accessToken = null;
  if (refreshTimer !== null) clearTimeout(refreshTimer);
  refreshTimer = null;
  if (snapshot.status !== 'anonymous' || snapshot.user !== null) {
    emit({ status: 'anonymous', user: null });
  }
}

/** Called when a request was refused even after a refresh: the UI sends the user to log in. */
export function setAuthLostHandler(handler: (() => void) | null): void {
  authLostHandler = handler;
}

export function notifyAuthLost(): void {
  clearSession();
  authLostHandler?.();
}

async function postRefresh(): Promise<RefreshOutcome> {
  let res: Response;
  try {
    res = await fetch('/api/auth/token/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    return 'unreachable';
  }
  if (res.ok) {
    try {
      acceptToken((await res.json()) as TokenResponse);
      return 'ok';
    } catch {
      return 'unreachable';
    }
  }
  if (res.status === 401 || res.status === 403 || res.status === 400) {
    setSessionHint(false);
    clearSession();
    return 'denied';
  }
  return 'unreachable';
}

/**
 * Exchanges the refresh cookie for a new access token. Refresh tokens rotate and reuse of a
 * spent one revokes the whole family, so there is never more than one refresh in flight:
 * concurrent callers share one promise, and tabs take turns through a Web Lock when the
 * browser has them.
 */
export function refreshAccessToken(): Promise<RefreshOutcome> {
  if (inflightRefresh) return inflightRefresh;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const run: Promise<RefreshOutcome> = locks
    ? (locks.request('covacha-token-refresh', () => postRefresh()) as unknown as Promise<RefreshOutcome>)
    : postRefresh();
  const shared = run.finally(() => {
    inflightRefresh = null;
  });
  inflightRefresh = shared;
  return shared;
}

/** For tests: back to the state of a fresh page load. */
export function resetSessionForTests(): void {
  accessToken = null;
  if (refreshTimer !== null) clearTimeout(refreshTimer);
  refreshTimer = null;
  inflightRefresh = null;
  authLostHandler = null;
  snapshot = { status: 'restoring', user: null };
  listeners.clear();
}
