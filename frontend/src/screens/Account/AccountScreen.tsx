import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { changeEmail, changePassword, deleteAccount, resendVerification, updateProfile } from '../../api/auth';
import { ApiError, messageOf } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useDocumentTitle } from '../../lib/hooks';
import { t as translateNow, useT } from '../../i18n/i18n';
import { later, type Said } from '../../i18n/said';

/** Kept as how to word it, so it follows a switch of language. */
type Outcome = { kind: 'success' | 'error'; text: Said } | null;
type FieldErrors = Record<string, string[]>;

/** Runs one form's request and turns its answer into a message (`work` says the success) and field errors. */
function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [errorsSaid, setErrorsSaid] = useState<() => FieldErrors>(() => () => ({}));
  async function run(work: () => Promise<Said>) {
    setBusy(true);
    setOutcome(null);
    setErrorsSaid(later(() => ({})));
    try {
      setOutcome({ kind: 'success', text: await work() });
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        setOutcome({ kind: 'error', text: () => translateNow('account.tooMany') });
      } else if (err instanceof ApiError && Object.keys(err.fieldErrors).length) {
        setErrorsSaid(later(() => err.fieldErrors));
      } else {
        setOutcome({ kind: 'error', text: () => messageOf(err) });
      }
    } finally {
      setBusy(false);
    }
  }
  return { busy, outcome, errors: errorsSaid(), run };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card card--padded" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Outcome({ outcome }: { outcome: Outcome }) {
  return outcome ? <Alert kind={outcome.kind}>{outcome.text()}</Alert> : null;
}

/** The signed-in user's account: email status, name, password, email and deletion. */
export function AccountScreen() {
  const t = useT();
  useDocumentTitle(t('account.title'));
  const { user } = useAuth();
  const navigate = useNavigate();
  const [name, setName] = useState(user?.displayName ?? '');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [newEmail, setNewEmail] = useState('');
  const [emailPassword, setEmailPassword] = useState('');
  const [deletePassword, setDeletePassword] = useState('');
  const resend = useSubmit();
  const profile = useSubmit();
  const password = useSubmit();
  const email = useSubmit();
  const removal = useSubmit();
  if (!user) return null;

  const submit = (form: ReturnType<typeof useSubmit>, work: () => Promise<Said>) => (e: FormEvent) => {
    e.preventDefault();
    void form.run(work);
  };

  return (
    <div className="page narrow stack">
      <h1>{t('account.title')}</h1>
      <Section id="account-email-status" title={t('account.email')}>
        <p>
          {user.email}{' '}
          {user.emailVerified === false ? (
            <strong>{t('account.notConfirmed')}</strong>
          ) : (
            <span className="muted">{t('account.confirmed')}</span>
          )}
        </p>
        {user.emailVerified === false && (
          <>
            <p className="muted">{t('account.confirmFirst')}</p>
            <Outcome outcome={resend.outcome} />
            <button
              type="button"
              className="btn btn--secondary"
              disabled={resend.busy}
              onClick={() => void resend.run(async () => (await resendVerification(), () => translateNow('account.resent', { email: user.email })))}
            >
              {resend.busy ? t('common.sending') : t('account.resend')}
            </button>
          </>
        )}
      </Section>

      <Section id="account-name" title={t('account.displayName')}>
        <Outcome outcome={profile.outcome} />
        <form className="form" onSubmit={submit(profile, async () => (await updateProfile(name.trim()), () => translateNow('account.nameSaved')))}>
          <TextField id="displayName" label={t('field.yourName')} required maxLength={60} value={name}
            onChange={(e) => setName(e.target.value)} errors={profile.errors.displayName} />
          <button type="submit" className="btn btn--primary" disabled={profile.busy}>{t('account.saveName')}</button>
        </form>
      </Section>

      <Section id="account-password" title={t('account.password')}>
        <p className="muted">{t('account.passwordNote')}</p>
        <Outcome outcome={password.outcome} />
        <form className="form" onSubmit={submit(password, async () => {
          await changePassword(current, next);
          setCurrent('');
          setNext('');
          return () => translateNow('account.passwordChanged');
        })}>
          <TextField id="currentPassword" label={t('field.currentPassword')} type="password" autoComplete="current-password" required
            value={current} onChange={(e) => setCurrent(e.target.value)} errors={password.errors.currentPassword} />
          <TextField id="newPassword" label={t('field.newPassword')} type="password" autoComplete="new-password" required
            value={next} onChange={(e) => setNext(e.target.value)} errors={password.errors.newPassword}
            hint={t('account.passwordHint')} />
          <button type="submit" className="btn btn--primary" disabled={password.busy}>{t('account.changePassword')}</button>
        </form>
      </Section>

      <Section id="account-change-email" title={t('account.changeEmail')}>
        <p className="muted">{t('account.changeEmailNote')}</p>
        <Outcome outcome={email.outcome} />
        <form className="form" onSubmit={submit(email, async () => {
          const address = newEmail.trim();
          await changeEmail(address, emailPassword);
          setEmailPassword('');
          return () => translateNow('account.checkNew', { email: address });
        })}>
          <TextField id="newEmail" label={t('field.newEmail')} type="email" autoComplete="email" required value={newEmail}
            onChange={(e) => setNewEmail(e.target.value)} errors={email.errors.newEmail} />
          <TextField id="emailPassword" label={t('field.password')} type="password" autoComplete="current-password" required
            value={emailPassword} onChange={(e) => setEmailPassword(e.target.value)} errors={email.errors.password} />
          <button type="submit" className="btn btn--primary" disabled={email.busy}>{t('account.sendConfirmation')}</button>
        </form>
      </Section>

      <Section id="account-delete" title={t('account.delete')}>
        <p className="muted">{t('account.deleteNote')}</p>
        <Outcome outcome={removal.outcome} />
        <form className="form" onSubmit={submit(removal, async () => {
          await deleteAccount(deletePassword);
          navigate('/', { replace: true });
          return () => translateNow('account.deleted');
        })}>
          <TextField id="deletePassword" label={t('field.passwordToConfirm')} type="password" autoComplete="current-password" required
            value={deletePassword} onChange={(e) => setDeletePassword(e.target.value)} errors={removal.errors.password} />
          <button type="submit" className="btn btn--danger" disabled={removal.busy}>{t('account.deleteMine')}</button>
        </form>
      </Section>
    </div>
  );
}
