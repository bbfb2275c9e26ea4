import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { listUsers, setUserRole, setUserSuspended } from '../../api/auth';
import { messageOf } from '../../api/problem';
import type { AdminUser, Page, Role } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../lib/format';
import { t as translateNow, useT } from '../../i18n/i18n';
import { later, type Said } from '../../i18n/said';

const PAGE_SIZE = 20;

/** A change an admin asked for, waiting for their confirmation. */
type Pending = { kind: 'role'; user: AdminUser; role: Role } | { kind: 'suspend'; user: AdminUser } | { kind: 'reactivate'; user: AdminUser };

/**
 * Users: found by email, a page at a time. Every change (role, suspension, reactivation) is
 * confirmed in a dialog that says what it does before it is made.
 */
export function UsersPanel() {
  const { user: me } = useAuth();
  const t = useT();
  const [page, setPage] = useState(1);
  const [typed, setTyped] = useState('');
  const [email, setEmail] = useState('');
  const [data, setData] = useState<Page<AdminUser> | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: Said } | null>(null);

  const load = useCallback((p: number, filter: string, signal?: AbortSignal) => {
    setError(null);
    listUsers(p, PAGE_SIZE, signal, filter)
      .then(setData)
      .catch((err: unknown) => {
        if (!signal?.aborted) setError(later(() => messageOf(err)));
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
        setMessage({
          kind: 'success',
          text: () => translateNow(updated.role === 'admin' ? 'users.nowAdmin' : 'users.nowUser', { name: u.displayName }),
        });
      } else {
        const suspending = pending.kind === 'suspend';
        const updated = await setUserSuspended(u.id, suspending);
        replace(updated);
        setMessage({
          kind: 'success',
          text: () => translateNow(suspending ? 'users.suspendDone' : 'users.reactivateDone', { name: u.displayName }),
        });
      }
    } catch (err) {
      setMessage({ kind: 'error', text: () => translateNow('users.changeFailed', { name: u.displayName, message: messageOf(err) }) });
    } finally {
      setSaving(false);
      setPending(null);
    }
  }

  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;

  return (
    <section className="card card--padded admin-section" aria-labelledby="users-title">
      <h2 id="users-title">{t('users.title')}</h2>
      <form className="admin-search" role="search" aria-label={t('users.find')} onSubmit={onSearch}>
        <label className="field__label" htmlFor="users-email">
          {t('users.findByEmail')}
        </label>
        <div className="admin-search__row">
          <input
            id="users-email"
            className="input"
            type="search"
            value={typed}
            maxLength={254}
            placeholder={t('users.placeholder')}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="btn btn--secondary">
            {t('users.findButton')}
          </button>
        </div>
      </form>
      {message && <Alert kind={message.kind}>{message.text()}</Alert>}
      {error && (
        <Alert kind="error" title={t('users.loadError')} onRetry={() => load(page, email)}>
          {error()}
        </Alert>
      )}
      {!data && !error && <Spinner label={t('users.loading')} />}
      {data && data.total === 0 && <p className="muted">{email ? t('users.noneMatching', { email }) : t('users.none')}</p>}
      {data && data.total > 0 && (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">
                {t('users.caption', { page, pages: totalPages })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.joined')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((u) => {
                  const self = u.id === me?.id;
                  return (
                    <tr key={u.id}>
                      <th scope="row">
                        {u.displayName}
                        {self && <span className="muted"> {t('users.you')}</span>}
                      </th>
                      <td className="table__email">{u.email}</td>
                      <td>{formatDate(u.createdAt)}</td>
                      <td>
                        <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                          {t('users.roleOf', { name: u.displayName })}
                        </label>
                        <select
                          id={`role-${u.id}`}
                          className="input input--select input--compact"
                          value={u.role}
                          disabled={saving || self}
                          title={self ? t('users.ownRole') : undefined}
                          onChange={(e) => {
                            setMessage(null);
                            setPending({ kind: 'role', user: u, role: e.target.value as Role });
                          }}
                        >
                          <option value="user">{t('users.optionUser')}</option>
                          <option value="admin">{t('users.optionAdmin')}</option>
                        </select>
                      </td>
                      <td>
                        {u.suspendedAt ? (
                          <>
                            <span className="badge badge--danger">{t('users.suspended')}</span>{' '}
                            <button
                              type="button"
                              className="btn btn--secondary btn--small"
                              aria-label={t('users.reactivateNamed', { name: u.displayName })}
                              disabled={saving}
                              onClick={() => setPending({ kind: 'reactivate', user: u })}
                            >
                              {t('users.reactivate')}
                            </button>
                          </>
                        ) : (
                          <>
                            <span className="badge badge--in">{t('users.active')}</span>{' '}
                            {!self && (
                              <button
                                type="button"
                                className="btn btn--danger-outline btn--small"
                                aria-label={t('users.suspendNamed', { name: u.displayName })}
                                disabled={saving}
                                onClick={() => setPending({ kind: 'suspend', user: u })}
                              >
                                {t('users.suspend')}
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
              {t('pagination.previous')}
            </button>
            <span>{t('users.pageOf', { page, pages: totalPages, count: data.total })}</span>
            <button
              type="button"
              className="btn btn--secondary btn--small"
              disabled={page >= totalPages}
              onClick={() => setPage((p) => p + 1)}
            >
              {t('pagination.next')}
            </button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'role'
            ? t(pending.role === 'admin' ? 'users.makeAdminTitle' : 'users.makeUserTitle', { name: pending.user.displayName })
            : pending?.kind === 'suspend'
              ? t('users.suspendTitle', { name: pending.user.displayName })
              : t('users.reactivateTitle', { name: pending?.user.displayName ?? '' })
        }
        confirmLabel={
          pending?.kind === 'role' ? t('users.changeRole') : pending?.kind === 'suspend' ? t('users.suspend') : t('users.reactivate')
        }
        danger={pending?.kind === 'suspend' || (pending?.kind === 'role' && pending.role === 'admin')}
        busy={saving}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        {pending?.kind === 'role' && pending.role === 'admin' && (
          <p>{t('users.adminBody', { email: pending.user.email })}</p>
        )}
        {pending?.kind === 'role' && pending.role === 'user' && (
          <p>{t('users.userBody', { email: pending.user.email })}</p>
        )}
        {pending?.kind === 'suspend' && (
          <p>{t('users.suspendBody', { email: pending.user.email })}</p>
        )}
        {pending?.kind === 'reactivate' && <p>{t('users.reactivateBody', { email: pending.user.email })}</p>}
      </ConfirmDialog>
    </section>
  );
}
