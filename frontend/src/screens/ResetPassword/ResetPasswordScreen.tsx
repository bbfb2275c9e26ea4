import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { resetPassword } from '../../api/auth';
import { ApiError, messageOf } from '../../api/problem';
import { clearSession } from '../../api/session';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useDocumentTitle } from '../../lib/hooks';
import { t as translateNow, useT } from '../../i18n/i18n';
import { later, type Said } from '../../i18n/said';

/** Opened from a reset mail: choose a new password. Success ends every session, this one included. */
export function ResetPasswordScreen() {
  const t = useT();
  useDocumentTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<Said | null>(token ? null : () => () => translateNow('reset.noToken'));
  const [fieldErrors, setFieldErrors] = useState<(() => string[]) | undefined>();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors(undefined);
    try {
      await resetPassword(token, password);
      clearSession();
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.fieldErrors.password) setFieldErrors(later(() => err.fieldErrors.password ?? []));
      else setError(later(() => messageOf(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page narrow auth-page" aria-labelledby="reset-title">
      <div className="card card--padded">
        <h1 id="reset-title">{t('reset.title')}</h1>
        {done ? (
          <Alert kind="success" title={t('reset.doneTitle')}>
            {t('reset.signedOut')} <Link to="/login">{t('reset.login')}</Link> {t('reset.withNew')}
          </Alert>
        ) : (
          <>
            {error && (
              <Alert kind="error">
                {error()} <Link to="/forgot-password">{t('reset.askNew')}</Link>.
              </Alert>
            )}
            <form onSubmit={onSubmit} className="form">
              <TextField
                id="password"
                label={t('field.newPassword')}
                type="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                errors={fieldErrors?.()}
                hint={t('password.hint')}
              />
              <button type="submit" className="btn btn--primary btn--block" disabled={busy || !token} aria-busy={busy || undefined}>
                {busy ? t('common.saving') : t('reset.submit')}
              </button>
            </form>
          </>
        )}
      </div>
    </section>
  );
}
