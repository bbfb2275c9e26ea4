import { useCallback, useEffect, useState } from 'react';
import { listUsers, setUserRole } from '../../api/auth';
import { messageOf } from '../../api/problem';
import type { AdminUser, Page, Role } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../lib/format';

const PAGE_SIZE = 20;

/** Users and their roles; an admin promotes or demotes with one select per row. */
export function UsersPanel() {
  const { user: me } = useAuth();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<AdminUser> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const load = useCallback((p: number, signal?: AbortSignal) => {
    setError(null);
    listUsers(p, PAGE_SIZE, signal)
      .then(setData)
      .catch((err: unknown) => {
        if (!signal?.aborted) setError(messageOf(err));
      });
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    load(page, ac.signal);
    return () => ac.abort();
  }, [page, load]);

  async function changeRole(u: AdminUser, role: Role) {
    setSaving(u.id);
    setMessage(null);
    try {
      const updated = await setUserRole(u.id, role);
      setData((d) => d && { ...d, items: d.items.map((x) => (x.id === u.id ? { ...x, role: updated.role } : x)) });
      setMessage({ kind: 'success', text: `${u.displayName} is now ${updated.role === 'admin' ? 'an admin' : 'a user'}.` });
    } catch (err) {
      setMessage({ kind: 'error', text: `Could not change the role of ${u.displayName}: ${messageOf(err)}` });
    } finally {
      setSaving(null);
    }
  }

  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;

  return (
    <section className="card card--padded admin-section" aria-labelledby="users-title">
      <h2 id="users-title">Users and roles</h2>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {error && (
        <Alert kind="error" title="We could not load the users." onRetry={() => load(page)}>
          {error}
        </Alert>
      )}
      {!data && !error && <Spinner label="Loading users…" />}
      {data && (
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
                </tr>
              </thead>
              <tbody>
                {data.items.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">
                      {u.displayName}
                      {u.id === me?.id && <span className="muted"> (you)</span>}
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
                        disabled={saving === u.id || u.id === me?.id}
                        title={u.id === me?.id ? 'You cannot change your own role' : undefined}
                        onChange={(e) => void changeRole(u, e.target.value as Role)}
                      >
                        <option value="user">User</option>
                        <option value="admin">Admin</option>
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <button type="button" className="btn btn--secondary btn--small" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              ‹ Previous
            </button>
            <span>
              Page {page} of {totalPages} · {data.total} users
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
    </section>
  );
}
