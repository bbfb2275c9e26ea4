import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, messageOf } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useDocumentTitle } from '../../lib/hooks';
import { safeNextPath } from '../../lib/safety';
import { useFocusFirstError } from '../../lib/useFieldFocus';
import { useT } from '../../i18n/i18n';

export function LoginScreen() {
  const t = useT();
  useDocumentTitle(t('login.title'));
  const { login, status } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // The failure itself, worded while rendering, so the message follows a switch of language.
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusFirstError(formRef, alertRef, attempt);

  if (status === 'authenticated' && !busy) return <Navigate to={next} replace />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err);
      setAttempt((a) => a + 1);
      setBusy(false);
    }
  }

  return (
    <section className="page narrow auth-page" aria-labelledby="login-title">
      <div className="card card--padded">
        <h1 id="login-title">{t('login.title')}</h1>
        {params.get('next') && <p className="muted">{t('login.continue')}</p>}
        {error !== null && (
          <Alert ref={alertRef} kind="error">
            {error instanceof ApiError && error.status === 401 ? t('login.mismatch') : messageOf(error)}
          </Alert>
        )}
        <form ref={formRef} onSubmit={onSubmit} noValidate={false} className="form">
          <TextField
            id="email"
            label={t('field.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            id="password"
            label={t('field.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="btn btn--primary btn--block" disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('login.busy') : t('nav.login')}
          </button>
        </form>
        <p className="center">
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </p>
        <p className="muted center">
          {t('login.newHere')}{' '}
          <Link to={params.get('next') ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}>{t('login.create')}</Link>
        </p>
      </div>
    </section>
  );
}
