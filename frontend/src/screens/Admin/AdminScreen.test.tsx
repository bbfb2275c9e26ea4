import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReindexStatus } from '../../api/types';
import { admin, alice, bob, categoriesRoute, mockApi, renderApp, sessionRoutes } from '../../test/utils';

const users = {
  items: [
    { ...admin, createdAt: '2026-01-01T00:00:00Z' },
    { ...alice, createdAt: '2026-01-02T00:00:00Z' },
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

  it('lists users and changes a role', async () => {
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

    await user.selectOptions(within(row).getByRole('combobox', { name: 'Role of Alice' }), 'admin');
    expect(await screen.findByText('Alice is now an admin.')).toBeInTheDocument();
    expect(api.callsTo('PUT', '/api/auth/users/u-alice/role')[0]!.body).toEqual({ role: 'admin' });
    expect(within(row).getByRole('combobox', { name: 'Role of Alice' })).toHaveValue('admin');
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
