import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Spinner } from '../components/Spinner';
import { loginPathFor, useAuth } from './AuthContext';
import { useT } from '../i18n/i18n';

/** Renders children for a signed-in user (an admin when `admin`), else goes to log in. */
export function RequireAuth({ children, admin = false }: { children: ReactNode; admin?: boolean }) {
  const { status, isAdmin } = useAuth();
  const location = useLocation();
  const t = useT();
  if (status === 'restoring') return <Spinner label={t('auth.checking')} />;
  if (status === 'anonymous') return <Navigate to={loginPathFor(location)} replace />;
  if (admin && !isAdmin) {
    return (
      <section className="page narrow" aria-labelledby="forbidden-title">
        <h1 id="forbidden-title" tabIndex={-1}>
          {t('auth.adminsOnly')}
        </h1>
        <p>{t('auth.adminsOnlyBody')}</p>
      </section>
    );
  }
  return <>{children}</>;
}
