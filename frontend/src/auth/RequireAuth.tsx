import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Spinner } from '../components/Spinner';
import { loginPathFor, useAuth } from './AuthContext';

/** Renders children for a signed-in user (an admin when `admin`), else goes to log in. */
export function RequireAuth({ children, admin = false }: { children: ReactNode; admin?: boolean }) {
  const { status, isAdmin } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <Spinner label="Checking your session…" />;
  if (status === 'anonymous') return <Navigate to={loginPathFor(location)} replace />;
  if (admin && !isAdmin) {
    return (
      <section className="page narrow" aria-labelledby="forbidden-title">
        <h1 id="forbidden-title" tabIndex={-1}>
          Admins only
        </h1>
        <p>This area is for administrators. Ask an admin if you need access.</p>
      </section>
    );
  }
  return <>{children}</>;
}
