import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import * as authApi from '../api/auth';
import { getSnapshot, setAuthLostHandler, subscribe, type SessionStatus } from '../api/session';
import type { User } from '../api/types';

export interface AuthValue {
  status: SessionStatus;
  user: User | null;
  isAdmin: boolean;
  login: (email: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function loginPathFor(location: { pathname: string; search: string }): string {
  const here = `${location.pathname}${location.search}`;
  return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    void authApi.restoreSession();
  }, []);

  // A request refused even after a refresh: send the user to log in, then back here.
  useEffect(() => {
    setAuthLostHandler(() => navigate(loginPathFor(location), { replace: true }));
    return () => setAuthLostHandler(null);
  }, [navigate, location]);

  const value = useMemo<AuthValue>(
    () => ({
      status: session.status,
      user: session.user,
      isAdmin: session.user?.role === 'admin',
      login: authApi.login,
      logout: authApi.logout,
    }),
    [session],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth must be used inside <AuthProvider>');
  return v;
}

/** True when the signed-in user may change this product (its owner or an admin). */
export function useCanManage(ownerId: string | undefined): boolean {
  const { user } = useAuth();
  return !!user && !!ownerId && (user.role === 'admin' || user.id === ownerId);
}
