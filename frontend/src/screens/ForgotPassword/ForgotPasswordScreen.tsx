import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { forgotPassword } from '../../api/auth';
import { ApiError, messageOf } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useDocumentTitle } from '../../lib/hooks';

/** "Forgot password?": asks for a reset link. The answer never says whether the email has an account. */
export function ForgotPasswordScreen() {
  useDocumentTitle('Forgot password');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<string[] | undefined>();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors(undefined);
    try {
      await forgotPassword(email.trim());
      setSent(true);
    } catch (err) {
      if (err instanceof ApiError && err.fieldErrors.email) setFieldErrors(err.fieldErrors.email);
      else if (err instanceof ApiError && err.status === 429) setError('Too many requests from here. Wait a few minutes and try again.');
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page narrow auth-page" aria-labelledby="forgot-title">
      <div className="card card--padded">
        <h1 id="forgot-title">Forgot your password?</h1>
        {sent ? (
          <Alert kind="success" title="Check your email.">
            If {email.trim()} has a Covacha account, a link to choose a new password is on its way. It works once, for 30
            minutes.
          </Alert>
        ) : (
          <>
            <p className="muted">Enter your account's email and we will mail you a link to choose a new password.</p>
            {error && <Alert kind="error">{error}</Alert>}
            <form onSubmit={onSubmit} className="form">
              <TextField
                id="email"
                label="Email"
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                errors={fieldErrors}
              />
              <button type="submit" className="btn btn--primary btn--block" disabled={busy} aria-busy={busy || undefined}>
                {busy ? 'Sending…' : 'Send me a link'}
              </button>
            </form>
          </>
        )}
        <p className="muted center">
          <Link to="/login">Back to log in</Link>
        </p>
      </div>
    </section>
  );
}
