import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { register } from '../../api/auth';
import { ApiError, messageOf } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useDocumentTitle } from '../../lib/hooks';
import { safeNextPath } from '../../lib/safety';
import { useFocusFirstError } from '../../lib/useFieldFocus';
import { t as translateNow, useT } from '../../i18n/i18n';
import { later, type Said } from '../../i18n/said';

type Errors = Partial<Record<'email' | 'password' | 'displayName', string[]>>;

export function SignupScreen() {
  const t = useT();
  useDocumentTitle(t('signup.docTitle'));
  const { login, status } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const nextParam = params.get('next');
  const next = nextParam ? safeNextPath(nextParam) : '/my/products';
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });
  // Kept as how to word them, so they follow a switch of language.
  const [errorsSaid, setErrorsSaid] = useState<() => Errors>(() => () => ({}));
  const [error, setError] = useState<Said | null>(null);
  const errors = errorsSaid();
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusFirstError(formRef, alertRef, attempt);

  if (status === 'authenticated' && !busy) return <Navigate to={next} replace />;

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrorsSaid(later(() => ({})));
    const input = { ...form, email: form.email.trim(), displayName: form.displayName.trim() };
    try {
      await register(input);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setErrorsSaid(later(() => ({ email: [translateNow('signup.taken')] })));
      } else if (err instanceof ApiError && Object.keys(err.fieldErrors).length) {
        setErrorsSaid(later(() => err.fieldErrors as Errors));
        setError(later(() => translateNow('common.fixFields')));
      } else {
        setError(later(() => messageOf(err)));
      }
      setAttempt((a) => a + 1);
      setBusy(false);
      return;
    }
    try {
      await login(input.email, input.password);
      navigate(next, { replace: true });
    } catch {
      navigate('/login', { replace: true });
    }
  }

  return (
    <section className="page narrow auth-page" aria-labelledby="signup-title">
      <div className="card card--padded">
        <h1 id="signup-title">{t('signup.title')}</h1>
        <p className="muted">{t('signup.subtitle')}</p>
        {error && (
          <Alert ref={alertRef} kind="error">
            {error()}
          </Alert>
        )}
        <form ref={formRef} onSubmit={onSubmit} className="form">
          <TextField
            id="displayName"
            label={t('field.yourName')}
            autoComplete="name"
            required
            maxLength={60}
            value={form.displayName}
            onChange={set('displayName')}
            errors={errors.displayName}
          />
          <TextField
            id="email"
            label={t('field.email')}
            type="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={set('email')}
            errors={errors.email}
          />
          <TextField
            id="password"
            label={t('field.password')}
            type="password"
            autoComplete="new-password"
            required
            value={form.password}
            onChange={set('password')}
            errors={errors.password}
            hint={t('password.hint')}
          />
          <button type="submit" className="btn btn--primary btn--block" disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('signup.busy') : t('signup.submit')}
          </button>
        </form>
        <p className="muted center">
          {t('signup.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
        </p>
      </div>
    </section>
  );
}
