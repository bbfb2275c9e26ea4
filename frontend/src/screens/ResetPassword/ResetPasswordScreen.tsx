import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { resetPassword } from '../../api/auth';
import { ApiError, messageOf } from '../../api/problem';
import { clearSession } from '../../api/session';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useDocumentTitle } from '../../lib/hooks';

/** Opened from a reset mail: choose a new password. Success ends every session, this one included. */
export function ResetPasswordScreen() {
  useDocumentTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(token ? null : 'This link has no token. Open the link from the mail again.');
  const [fieldErrors, setFieldErrors] = useState<string[] | undefined>();

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
      if (err instanceof ApiError && err.fieldErrors.password) setFieldErrors(err.fieldErrors.password);
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page narrow auth-page" aria-labelledby="reset-title">
      <div className="card card--padded">
        <h1 id="reset-title">Choose a new password</h1>
        {done ? (
          <Alert kind="success" title="Your password is changed.">
            Every session was signed out. <Link to="/login">Log in</Link> with your new password.
          </Alert>
        ) : (
          <>
            {error && (
              <Alert kind="error">
                {error} <Link to="/forgot-password">Ask for a new link</Link>.
              </Alert>
            )}
            <form onSubmit={onSubmit} className="form">
              <TextField
                id="password"
                label="New password"
                type="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                errors={fieldErrors}
                hint="At least 12 characters. A passphrase you use nowhere else works well."
              />
              <button type="submit" className="btn btn--primary btn--block" disabled={busy || !token} aria-busy={busy || undefined}>
                {busy ? 'Saving…' : 'Save my new password'}
              </button>
            </form>
          </>
        )}
      </div>
    </section>
  );
}
