import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { listUsers, setUserRole, setUserSuspended } from '../../api/auth';
import { messageOf } from '../../api/problem';
import type { AdminUser, Page, Role } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../lib/format';

const PAGE_SIZE = 20;

/** A change an admin asked for, waiting for their confirmation. */
type Pending = { kind: 'role'; user: AdminUser; role: Role } | { kind: 'suspend'; user: AdminUser } | { kind: 'reactivate'; user: AdminUser };

function roleName(role: Role): string {
  return role === 'admin' ? 'an admin' : 'a user';
}

/**
 * Users: found by email, a page at a time. Every change (role, suspension, reactivation) is
 * confirmed in a dialog that says what it does before it is made.
 */
export function UsersPanel() {
  const { user: me } = useAuth();
  const [page, setPage] = useState(1);
  const [typed, setTyped] = useState('');
  const [email, setEmail] = useState('');
  const [data, setData] = useState<Page<AdminUser> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const load = useCallback((p: number, filter: string, signal?: AbortSignal) => {
    setError(null);
    listUsers(p, PAGE_SIZE, signal, filter)
      .then(setData)
      .catch((err: unknown) => {
        if (!signal?.aborted) setError(messageOf(err));
      });
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    load(page, email, ac.signal);
    return () => ac.abort();
  }, [page, email, load]);

  function onSearch(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    setPage(1);
    setEmail(typed.trim());
  }

  function replace(updated: Partial<AdminUser> & { id: string }) {
    setData((d) => d && { ...d, items: d.items.map((x) => (x.id === updated.id ? { ...x, ...updated } : x)) });
  }

  async function confirm() {
    if (!pending) return;
    const { user: u } = pending;
    setSaving(true);
    setMessage(null);
    try {
      if (pending.kind === 'role') {
        const updated = await setUserRole(u.id, pending.role);
        replace({ id: u.id, role: updated.role });
        setMessage({ kind: 'success', text: `${u.displayName} is now ${roleName(updated.role)}.` });
      } else {
        const updated = await setUserSuspended(u.id, pending.kind === 'suspend');
        replace(updated);
        setMessage({
          kind: 'success',
          text:
            pending.kind === 'suspend'
              ? `${u.displayName} is suspended: their sessions ended and they cannot log in.`
              : `${u.displayName} is active again and may log in.`,
        });
      }
    } catch (err) {
      setMessage({ kind: 'error', text: `Could not change ${u.displayName}: ${messageOf(err)}` });
    } finally {
      setSaving(false);
      setPending(null);
    }
  }

  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;

  return (
    <section className="card card--padded admin-section" aria-labelledby="users-title">
      <h2 id="users-title">Users and roles</h2>
      <form className="admin-search" role="search" aria-label="Find users" onSubmit={onSearch}>
        <label className="field__label" htmlFor="users-email">
          Find by email
        </label>
        <div className="admin-search__row">
          <input
            id="users-email"
            className="input"
            type="search"
            value={typed}
            maxLength={254}
            placeholder="part of an address, e.g. ana@"
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="btn btn--secondary">
            Find
          </button>
        </div>
      </form>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {error && (
        <Alert kind="error" title="We could not load the users." onRetry={() => load(page, email)}>
          {error}
        </Alert>
      )}
      {!data && !error && <Spinner label="Loading users…" />}
      {data && data.total === 0 && <p className="muted">{email ? `No account has an email containing “${email}”.` : 'No accounts yet.'}</p>}
      {data && data.total > 0 && (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">
                Users, page {page} of {totalPages}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Joined</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((u) => {
                  const self = u.id === me?.id;
                  return (
                    <tr key={u.id}>
                      <th scope="row">
                        {u.displayName}
                        {self && <span className="muted"> (you)</span>}
                      </th>
                      <td className="table__email">{u.email}</td>
                      <td>{formatDate(u.createdAt)}</td>
                      <td>
                        <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                          Role of {u.displayName}
                        </label>
                        <select
                          id={`role-${u.id}`}
                          className="input input--select input--compact"
                          value={u.role}
                          disabled={saving || self}
                          title={self ? 'You cannot change your own role' : undefined}
                          onChange={(e) => {
                            setMessage(null);
                            setPending({ kind: 'role', user: u, role: e.target.value as Role });
                          }}
                        >
                          <option value="user">User</option>
                          <option value="admin">Admin</option>
                        </select>
                      </td>
                      <td>
                        {u.suspendedAt ? (
                          <>
                            <span className="badge badge--danger">Suspended</span>{' '}
                            <button
                              type="button"
                              className="btn btn--secondary btn--small"
                              aria-label={`Reactivate ${u.displayName}`}
                              disabled={saving}
                              onClick={() => setPending({ kind: 'reactivate', user: u })}
                            >
                              Reactivate
                            </button>
                          </>
                        ) : (
                          <>
                            <span className="badge badge--in">Active</span>{' '}
                            {!self && (
                              <button
                                type="button"
                                className="btn btn--danger-outline btn--small"
                                aria-label={`Suspend ${u.displayName}`}
                                disabled={saving}
                                onClick={() => setPending({ kind: 'suspend', user: u })}
                              >
                                Suspend
                              </button>
                            )}
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <button type="button" className="btn btn--secondary btn--small" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              ‹ Previous
            </button>
            <span>
              Page {page} of {totalPages} · {data.total} {data.total === 1 ? 'user' : 'users'}
            </span>
            <button
              type="button"
              className="btn btn--secondary btn--small"
              disabled={page >= totalPages}
              onClick={() => setPage((p) => p + 1)}
            >
              Next ›
            </button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'role'
            ? `Make ${pending.user.displayName} ${roleName(pending.role)}?`
            : pending?.kind === 'suspend'
              ? `Suspend ${pending.user.displayName}?`
              : `Reactivate ${pending?.user.displayName ?? ''}?`
        }
        confirmLabel={pending?.kind === 'role' ? 'Change role' : pending?.kind === 'suspend' ? 'Suspend' : 'Reactivate'}
        danger={pending?.kind === 'suspend' || (pending?.kind === 'role' && pending.role === 'admin')}
        busy={saving}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        {pending?.kind === 'role' && pending.role === 'admin' && (
          <p>
            {pending.user.email} will be able to manage every account and every product, and to take products down. Their sessions
            end now; the new role applies from their next login.
          </p>
        )}
        {pending?.kind === 'role' && pending.role === 'user' && (
          <p>
            {pending.user.email} will lose admin rights. Their sessions end now; the change applies from their next login.
          </p>
        )}
        {pending?.kind === 'suspend' && (
          <p>
            {pending.user.email} is logged out everywhere at once and cannot log in until reactivated. Their products stay listed.
          </p>
        )}
        {pending?.kind === 'reactivate' && <p>{pending.user.email} will be able to log in again.</p>}
      </ConfirmDialog>
    </section>
  );
}
