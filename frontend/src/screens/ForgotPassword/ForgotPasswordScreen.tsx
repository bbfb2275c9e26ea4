import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { forgotPassword } from '../../api/auth';
import { ApiError, messageOf } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useDocumentTitle } from '../../lib/hooks';
import { t as translateNow, useT } from '../../i18n/i18n';
import { later, type Said } from '../../i18n/said';

/** "Forgot password?": asks for a reset link. The answer never says whether the email has an account. */
export function ForgotPasswordScreen() {
  const t = useT();
  useDocumentTitle(t('forgot.docTitle'));
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<Said | null>(null);
  const [fieldErrors, setFieldErrors] = useState<(() => string[]) | undefined>();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors(undefined);
    try {
      await forgotPassword(email.trim());
      setSent(true);
    } catch (err) {
      if (err instanceof ApiError && err.fieldErrors.email) setFieldErrors(later(() => err.fieldErrors.email ?? []));
      else if (err instanceof ApiError && err.status === 429) setError(later(() => translateNow('forgot.tooMany')));
      else setError(later(() => messageOf(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page narrow auth-page" aria-labelledby="forgot-title">
      <div className="card card--padded">
        <h1 id="forgot-title">{t('forgot.title')}</h1>
        {sent ? (
          <Alert kind="success" title={t('forgot.sentTitle')}>
            {t('forgot.sentBody', { email: email.trim() })}
          </Alert>
        ) : (
          <>
            <p className="muted">{t('forgot.intro')}</p>
            {error && <Alert kind="error">{error()}</Alert>}
            <form onSubmit={onSubmit} className="form">
              <TextField
                id="email"
                label={t('field.email')}
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                errors={fieldErrors?.()}
              />
              <button type="submit" className="btn btn--primary btn--block" disabled={busy} aria-busy={busy || undefined}>
                {busy ? t('common.sending') : t('forgot.submit')}
              </button>
            </form>
          </>
        )}
        <p className="muted center">
          <Link to="/login">{t('forgot.backToLogin')}</Link>
        </p>
      </div>
    </section>
  );
}
