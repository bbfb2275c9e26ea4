import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { reloadSession, verifyEmail } from '../../api/auth';
import { messageOf } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { useDocumentTitle } from '../../lib/hooks';

type State = 'working' | 'done' | 'failed';

/** Opened from the link in a verification mail: spends its token once, then says what happened. */
export function VerifyEmailScreen() {
  useDocumentTitle('Confirm your email');
  const [params] = useSearchParams();
  const { status } = useAuth();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<State>(token ? 'working' : 'failed');
  const [email, setEmail] = useState('');
  const [error, setError] = useState(token ? '' : 'This link has no token. Open the link from the mail again.');
  const started = useRef(false);

  useEffect(() => {
    // A token is single-use: never send it twice (React may run effects twice in development).
    if (!token || started.current || status === 'restoring') return;
    started.current = true;
    verifyEmail(token)
      .then(async (user) => {
        setEmail(user.email);
        // A signed-in browser gets a token that says the email is verified, so it may publish now.
        if (status === 'authenticated') await reloadSession();
        setState('done');
      })
      .catch((err: unknown) => {
        setError(messageOf(err));
        setState('failed');
      });
  }, [token, status]);

  return (
    <section className="page narrow auth-page" aria-labelledby="verify-title">
      <div className="card card--padded">
        <h1 id="verify-title">Confirm your email</h1>
        {state === 'working' && <p role="status">Confirming your email…</p>}
        {state === 'done' && (
          <>
            <Alert kind="success" title="Your email is confirmed.">
              {email} is verified. You can publish products now.
            </Alert>
            <p className="center">
              {status === 'authenticated' ? (
                <Link to="/my/products/new">Publish a product</Link>
              ) : (
                <Link to="/login">Log in</Link>
              )}
            </p>
          </>
        )}
        {state === 'failed' && (
          <>
            <Alert kind="error" title="This link did not work.">
              {error}
            </Alert>
            <p className="muted center">
              Links work once and for a limited time. You can ask for a new one on <Link to="/account">your account page</Link>.
            </p>
          </>
        )}
      </div>
    </section>
  );
}
