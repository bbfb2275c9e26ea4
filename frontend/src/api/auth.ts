import { request, queryString } from './http';
import { ApiError } from './problem';
import { acceptToken, clearSession, getAccessToken, hasSessionHint, refreshAccessToken, setSessionHint, setUser } from './session';
import type { AdminUser, Page, PublicProfile, Role, TokenResponse, User } from './types';

export function register(input: { email: string; password: string; displayName: string }): Promise<User> {
  return request<User>('/api/auth/register', { method: 'POST', body: input }).then((r) => r.data);
}

async function loadMe(): Promise<User> {
  const { data } = await request<User>('/api/auth/me', { auth: true });
  setUser(data);
  return data;
}

/** Logs in: the token stays in memory, the server sets the refresh cookie. */
export async function login(email: string, password: string): Promise<User> {
  const { data } = await request<TokenResponse>('/api/auth/token', {
    method: 'POST',
    body: { email, password },
  });
  acceptToken(data);
  return loadMe();
}

let restoring: Promise<User | null> | null = null;

/** On page load: a valid refresh cookie means the user is still logged in. Runs once. */
export function restoreSession(): Promise<User | null> {
  restoring ??= doRestore();
  return restoring;
}

export function resetRestoreForTests(): void {
  restoring = null;
}

async function doRestore(): Promise<User | null> {
  // Never signed in here (or signed out): no refresh cookie to spend, so no request.
  if (!hasSessionHint()) {
    clearSession();
    return null;
  }
  const outcome = await refreshAccessToken();
  if (outcome !== 'ok') {
    clearSession();
    return null;
  }
  try {
    return await loadMe();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    clearSession();
    return null;
  }
}

export async function logout(): Promise<void> {
  try {
    const token = getAccessToken();
    // No auth retry here: logging out must not trigger a refresh.
    await request<void>('/api/auth/logout', {
      method: 'POST',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } finally {
    setSessionHint(false);
    clearSession();
  }
}

/** Admin: accounts a page at a time; `email` keeps those whose address contains it. */
export function listUsers(page: number, pageSize = 20, signal?: AbortSignal, email = ''): Promise<Page<AdminUser>> {
  return request<Page<AdminUser>>(`/api/auth/users${queryString({ page, pageSize, email: email || null })}`, {
    auth: true,
    signal,
  }).then((r) => r.data);
}

/** Admin: suspends (sessions end, logins refused) or reactivates an account. */
export function setUserSuspended(id: string, suspended: boolean): Promise<AdminUser> {
  return request<AdminUser>(`/api/auth/users/${encodeURIComponent(id)}/suspension`, {
    method: suspended ? 'PUT' : 'DELETE',
    auth: true,
  }).then((r) => r.data);
}

/** A seller's public profile: the name their products are sold under. */
export function getProfile(id: string, signal?: AbortSignal): Promise<PublicProfile> {
  return request<PublicProfile>(`/api/auth/profiles/${encodeURIComponent(id)}`, { signal }).then((r) => r.data);
}

export function setUserRole(id: string, role: Role): Promise<User> {
  return request<User>(`/api/auth/users/${encodeURIComponent(id)}/role`, {
    method: 'PUT',
    auth: true,
    body: { role },
  }).then((r) => r.data);
}

/** After something changed the account (verified email, new name): a fresh access token carries it. */
export async function reloadSession(): Promise<User | null> {
  if (!getAccessToken()) return null;
  const outcome = await refreshAccessToken();
  if (outcome !== 'ok') return null;
  return loadMe();
}

/** Spends the token of a mailed verification link (registration or new email). */
export function verifyEmail(token: string): Promise<User> {
  return request<User>('/api/auth/email/verify', { method: 'POST', body: { token } }).then((r) => r.data);
}

/** Mails the signed-in user a new verification link (rate-limited: 429). */
export function resendVerification(): Promise<void> {
  return request<void>('/api/auth/email/verification', { method: 'POST', auth: true }).then(() => undefined);
}

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function forgotPassword(email: string): Promise<void> {
  return request<void>('/api/auth/password/forgot', { method: 'POST', body: { email } }).then(() => undefined);
}

export function resetPassword(token: string, password: string): Promise<void> {
  return request<void>('/api/auth/password/reset', { method: 'POST', body: { token, password } }).then(() => undefined);
}

export function updateProfile(displayName: string): Promise<User> {
  return request<User>('/api/auth/me', { method: 'PATCH', auth: true, body: { displayName } }).then((r) => {
    setUser(r.data);
    return r.data;
  });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>('/api/auth/me/password', {
    method: 'POST',
    auth: true,
    body: { currentPassword, newPassword },
  }).then(() => undefined);
}

export function changeEmail(newEmail: string, password: string): Promise<void> {
  return request<void>('/api/auth/me/email', { method: 'POST', auth: true, body: { newEmail, password } }).then(
    () => undefined,
  );
}

export async function deleteAccount(password: string): Promise<void> {
  await request<void>('/api/auth/me/delete', { method: 'POST', auth: true, body: { password } });
  setSessionHint(false);
  clearSession();
}
