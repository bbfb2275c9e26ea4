import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { changeEmail, changePassword, deleteAccount, resendVerification, updateProfile } from '../../api/auth';
import { ApiError, messageOf } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useDocumentTitle } from '../../lib/hooks';

type Outcome = { kind: 'success' | 'error'; text: string } | null;
type FieldErrors = Record<string, string[]>;

/** Runs one form's request and turns its answer into a message and field errors. */
function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  async function run(work: () => Promise<string>) {
    setBusy(true);
    setOutcome(null);
    setErrors({});
    try {
      setOutcome({ kind: 'success', text: await work() });
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        setOutcome({ kind: 'error', text: 'Too many attempts. Wait a few minutes and try again.' });
      } else if (err instanceof ApiError && Object.keys(err.fieldErrors).length) {
        setErrors(err.fieldErrors);
      } else {
        setOutcome({ kind: 'error', text: messageOf(err) });
      }
    } finally {
      setBusy(false);
    }
  }
  return { busy, outcome, errors, run };
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
  return outcome ? <Alert kind={outcome.kind}>{outcome.text}</Alert> : null;
}

/** The signed-in user's account: email status, name, password, email and deletion. */
export function AccountScreen() {
  useDocumentTitle('Your account');
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

  const submit = (form: ReturnType<typeof useSubmit>, work: () => Promise<string>) => (e: FormEvent) => {
    e.preventDefault();
    void form.run(work);
  };

  return (
    <div className="page narrow stack">
      <h1>Your account</h1>
      <Section id="account-email-status" title="Email">
        <p>
          {user.email}{' '}
          {user.emailVerified === false ? <strong>(not confirmed yet)</strong> : <span className="muted">(confirmed)</span>}
        </p>
        {user.emailVerified === false && (
          <>
            <p className="muted">
              You can publish products once you confirm your email: follow the link we mailed you. No mail? We can send
              another.
            </p>
            <Outcome outcome={resend.outcome} />
            <button
              type="button"
              className="btn btn--secondary"
              disabled={resend.busy}
              onClick={() => void resend.run(async () => (await resendVerification(), `We mailed a new link to ${user.email}.`))}
            >
              {resend.busy ? 'Sending…' : 'Send the link again'}
            </button>
          </>
        )}
      </Section>

      <Section id="account-name" title="Display name">
        <Outcome outcome={profile.outcome} />
        <form className="form" onSubmit={submit(profile, async () => (await updateProfile(name.trim()), 'Your name is saved.'))}>
          <TextField id="displayName" label="Your name" required maxLength={60} value={name}
            onChange={(e) => setName(e.target.value)} errors={profile.errors.displayName} />
          <button type="submit" className="btn btn--primary" disabled={profile.busy}>Save name</button>
        </form>
      </Section>

      <Section id="account-password" title="Password">
        <p className="muted">Changing it signs you out everywhere else.</p>
        <Outcome outcome={password.outcome} />
        <form className="form" onSubmit={submit(password, async () => {
          await changePassword(current, next);
          setCurrent('');
          setNext('');
          return 'Your password is changed. Your other sessions were signed out.';
        })}>
          <TextField id="currentPassword" label="Current password" type="password" autoComplete="current-password" required
            value={current} onChange={(e) => setCurrent(e.target.value)} errors={password.errors.currentPassword} />
          <TextField id="newPassword" label="New password" type="password" autoComplete="new-password" required
            value={next} onChange={(e) => setNext(e.target.value)} errors={password.errors.newPassword}
            hint="At least 12 characters." />
          <button type="submit" className="btn btn--primary" disabled={password.busy}>Change password</button>
        </form>
      </Section>

      <Section id="account-change-email" title="Change email">
        <p className="muted">We mail a link to the new address; the change happens when you follow it.</p>
        <Outcome outcome={email.outcome} />
        <form className="form" onSubmit={submit(email, async () => {
          await changeEmail(newEmail.trim(), emailPassword);
          setEmailPassword('');
          return `Check ${newEmail.trim()} for a link to confirm the change.`;
        })}>
          <TextField id="newEmail" label="New email" type="email" autoComplete="email" required value={newEmail}
            onChange={(e) => setNewEmail(e.target.value)} errors={email.errors.newEmail} />
          <TextField id="emailPassword" label="Password" type="password" autoComplete="current-password" required
            value={emailPassword} onChange={(e) => setEmailPassword(e.target.value)} errors={email.errors.password} />
          <button type="submit" className="btn btn--primary" disabled={email.busy}>Send confirmation link</button>
        </form>
      </Section>

      <Section id="account-delete" title="Delete account">
        <p className="muted">
          Your account and everything personal in it are removed, and your products are taken down. This cannot be undone.
        </p>
        <Outcome outcome={removal.outcome} />
        <form className="form" onSubmit={submit(removal, async () => {
          await deleteAccount(deletePassword);
          navigate('/', { replace: true });
          return 'Your account is deleted.';
        })}>
          <TextField id="deletePassword" label="Password to confirm" type="password" autoComplete="current-password" required
            value={deletePassword} onChange={(e) => setDeletePassword(e.target.value)} errors={removal.errors.password} />
          <button type="submit" className="btn btn--danger" disabled={removal.busy}>Delete my account</button>
        </form>
      </Section>
    </div>
  );
}
