import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReindexStatus } from '../../api/types';
import { admin, alice, bob, categoriesRoute, mockApi, renderApp, sessionRoutes } from '../../test/utils';

const users = {
  items: [
    { ...admin, createdAt: '2026-01-01T00:00:00Z', suspendedAt: null },
    { ...alice, createdAt: '2026-01-02T00:00:00Z', suspendedAt: null },
  ],
  total: 2,
  page: 1,
  pageSize: 20,
};

describe('AdminScreen', () => {
  it('is only for admins', async () => {
    mockApi({ ...sessionRoutes(bob), ...categoriesRoute });
    renderApp('/admin');
    expect(await screen.findByRole('heading', { name: 'Admins only' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Admin' })).toBeNull();
  });

  it('lists users and changes a role only after confirming', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(admin),
      ...categoriesRoute,
      'GET /api/auth/users': { body: users },
      'PUT /api/auth/users/u-alice/role': (c) => ({ body: { ...alice, role: (c.body as { role: string }).role } }),
      'GET /api/search/reindex': { body: { state: 'idle', processed: 0, startedAt: null, finishedAt: null, error: null } },
    });
    renderApp('/admin');
    const row = (await screen.findByRole('rowheader', { name: 'Alice' })).closest('tr')!;
    expect(within(row).getByText('alice@example.com')).toBeInTheDocument();
    // An admin cannot demote themself by accident.
    expect(screen.getByRole('combobox', { name: 'Role of Ada Admin' })).toBeDisabled();

    // Picking a role asks first; cancelling leaves everything as it was.
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Role of Alice' }), 'admin');
    const ask = await screen.findByRole('dialog', { name: 'Make Alice an admin?' });
    expect(within(ask).getByText(/manage every account and every product/)).toBeInTheDocument();
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(api.callsTo('PUT', '/api/auth/users/u-alice/role')).toHaveLength(0);
    expect(within(row).getByRole('combobox', { name: 'Role of Alice' })).toHaveValue('user');

    await user.selectOptions(within(row).getByRole('combobox', { name: 'Role of Alice' }), 'admin');
    await user.click(within(await screen.findByRole('dialog', { name: 'Make Alice an admin?' })).getByRole('button', { name: 'Change role' }));
    expect(await screen.findByText('Alice is now an admin.')).toBeInTheDocument();
    expect(api.callsTo('PUT', '/api/auth/users/u-alice/role')[0]!.body).toEqual({ role: 'admin' });
    expect(within(row).getByRole('combobox', { name: 'Role of Alice' })).toHaveValue('admin');
  });

  it('finds users by email and suspends, then reactivates, after confirming', async () => {
    const user = userEvent.setup();
    let suspendedAt: string | null = null;
    const api = mockApi({
      ...sessionRoutes(admin),
      ...categoriesRoute,
      'GET /api/auth/users': (c) => ({
        body: c.url.searchParams.get('email') === 'alice@'
          ? { items: [{ ...alice, createdAt: '2026-01-02T00:00:00Z', suspendedAt }], total: 1, page: 1, pageSize: 20 }
          : users,
      }),
      'PUT /api/auth/users/u-alice/suspension': () => {
        suspendedAt = '2026-01-03T00:00:00Z';
        return { body: { ...alice, createdAt: '2026-01-02T00:00:00Z', suspendedAt } };
      },
      'DELETE /api/auth/users/u-alice/suspension': () => {
        suspendedAt = null;
        return { body: { ...alice, createdAt: '2026-01-02T00:00:00Z', suspendedAt } };
      },
      'GET /api/search/reindex': { body: { state: 'idle', processed: 0, startedAt: null, finishedAt: null, error: null } },
    });
    renderApp('/admin');
    await screen.findByRole('rowheader', { name: 'Alice' });
    // Nobody can suspend themself.
    expect(screen.queryByRole('button', { name: 'Suspend Ada Admin' })).toBeNull();

    await user.type(screen.getByRole('searchbox', { name: 'Find by email' }), 'alice@');
    await user.click(screen.getByRole('button', { name: 'Find' }));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /Ada Admin/ })).toBeNull());
    expect(api.calls.some((c) => c.url.searchParams.get('email') === 'alice@')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Suspend Alice' }));
    const ask = await screen.findByRole('dialog', { name: 'Suspend Alice?' });
    expect(within(ask).getByText(/logged out everywhere at once/)).toBeInTheDocument();
    await user.click(within(ask).getByRole('button', { name: 'Suspend' }));
    expect(await screen.findByText(/Alice is suspended/)).toBeInTheDocument();
    expect(screen.getByText('Suspended')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reactivate Alice' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Reactivate Alice?' })).getByRole('button', { name: 'Reactivate' }));
    expect(await screen.findByText('Alice is active again and may log in.')).toBeInTheDocument();
    expect(api.callsTo('DELETE', '/api/auth/users/u-alice/suspension')).toHaveLength(1);
  });

  it('starts a reindex and follows its progress until it completes', async () => {
    const user = userEvent.setup();
    let status: ReindexStatus = { state: 'idle', processed: 0, startedAt: null, finishedAt: null, error: null };
    let polls = 0;
    const api = mockApi({
      ...sessionRoutes(admin),
      ...categoriesRoute,
      'GET /api/auth/users': { body: users },
      'POST /api/search/reindex': () => {
        status = { ...status, state: 'running', processed: 0, startedAt: '2026-01-01T00:00:00Z' };
        return { status: 202, body: status };
      },
      'GET /api/search/reindex': () => {
        if (status.state === 'running') {
          polls++;
          status = polls >= 2
            ? { ...status, state: 'completed', processed: 240, finishedAt: '2026-01-01T00:01:00Z' }
            : { ...status, processed: 120 };
        }
        return { body: status };
      },
    });
    renderApp('/admin');
    await user.click(await screen.findByRole('button', { name: 'Reindex now' }));
    expect(await screen.findByRole('button', { name: 'Reindexing…' })).toBeDisabled();
    expect(screen.getByRole('progressbar', { name: 'Reindex progress' })).toBeInTheDocument();
    expect(await screen.findByText(/120 products processed/, undefined, { timeout: 3000 })).toBeInTheDocument();
    expect(await screen.findByText('Completed', undefined, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText(/240 products processed/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reindex now' })).toBeEnabled());
    expect(api.callsTo('POST', '/api/search/reindex')[0]!.headers.get('Authorization')).toBe('Bearer token-u-admin');
  });
});
