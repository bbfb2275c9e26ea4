import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { reloadSession, verifyEmail } from '../../api/auth';
import { messageOf } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { useDocumentTitle } from '../../lib/hooks';
import { t as translateNow, useT } from '../../i18n/i18n';
import { later, type Said } from '../../i18n/said';

type State = 'working' | 'done' | 'failed';

/** Opened from the link in a verification mail: spends its token once, then says what happened. */
export function VerifyEmailScreen() {
  const t = useT();
  useDocumentTitle(t('verify.title'));
  const [params] = useSearchParams();
  const { status } = useAuth();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<State>(token ? 'working' : 'failed');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<Said>(() => (token ? () => '' : () => translateNow('reset.noToken')));
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
        setError(later(() => messageOf(err)));
        setState('failed');
      });
  }, [token, status]);

  return (
    <section className="page narrow auth-page" aria-labelledby="verify-title">
      <div className="card card--padded">
        <h1 id="verify-title">{t('verify.title')}</h1>
        {state === 'working' && <p role="status">{t('verify.working')}</p>}
        {state === 'done' && (
          <>
            <Alert kind="success" title={t('verify.doneTitle')}>
              {t('verify.doneBody', { email })}
            </Alert>
            <p className="center">
              {status === 'authenticated' ? (
                <Link to="/my/products/new">{t('my.publish')}</Link>
              ) : (
                <Link to="/login">{t('nav.login')}</Link>
              )}
            </p>
          </>
        )}
        {state === 'failed' && (
          <>
            <Alert kind="error" title={t('verify.failedTitle')}>
              {error()}
            </Alert>
            <p className="muted center">
              {t('verify.failedBody')} <Link to="/account">{t('verify.accountPage')}</Link>.
            </p>
          </>
        )}
      </div>
    </section>
  );
}
