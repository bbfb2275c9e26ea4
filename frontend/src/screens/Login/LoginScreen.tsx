import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, messageOf } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useDocumentTitle } from '../../lib/hooks';
import { safeNextPath } from '../../lib/safety';
import { useFocusFirstError } from '../../lib/useFieldFocus';

export function LoginScreen() {
  useDocumentTitle('Log in');
  const { login, status } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
      setError(
        err instanceof ApiError && err.status === 401
          ? 'That email and password do not match an account.'
          : messageOf(err),
      );
      setAttempt((a) => a + 1);
      setBusy(false);
    }
  }

  return (
    <section className="page narrow auth-page" aria-labelledby="login-title">
      <div className="card card--padded">
        <h1 id="login-title">Log in</h1>
        {params.get('next') && <p className="muted">Log in to continue where you were.</p>}
        {error && (
          <Alert ref={alertRef} kind="error">
            {error}
          </Alert>
        )}
        <form ref={formRef} onSubmit={onSubmit} noValidate={false} className="form">
          <TextField
            id="email"
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="btn btn--primary btn--block" disabled={busy} aria-busy={busy || undefined}>
            {busy ? 'Logging in…' : 'Log in'}
          </button>
        </form>
        <p className="center">
          <Link to="/forgot-password">Forgot password?</Link>
        </p>
        <p className="muted center">
          New here?{' '}
          <Link to={params.get('next') ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}>Create an account</Link>
        </p>
      </div>
    </section>
  );
}
