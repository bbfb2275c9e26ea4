import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { resetRestoreForTests } from '../../api/auth';
import { hasSessionHint, resetSessionForTests, setSessionHint } from '../../api/session';
import { alice, categoriesRoute, mockApi, problem, renderApp, sessionRoutes } from '../../test/utils';

const token = { accessToken: 'tok-1', tokenType: 'Bearer', expiresIn: 900 };

describe('Log in, log out and the session', () => {
  it('sends a visitor from a private page to log in, then back where they were', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'POST /api/auth/token': (c) =>
        (c.body as { password: string }).password === 'correct horse' ? { body: token } : problem(401, 'unauthorized'),
      'GET /api/auth/me': { body: alice },
      'GET /api/products': { body: { items: [], nextCursor: null } },
    });
    renderApp('/my/products?x=1');

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fmy%2Fproducts%3Fx%3D1'));
    await user.type(screen.getByLabelText(/^Email/), 'alice@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password do not match an account.');
    // This browser never had a session: nothing to refresh, on load or after a wrong password.
    expect(api.callsTo('POST', '/api/auth/token/refresh')).toHaveLength(0);

    await user.clear(screen.getByLabelText(/^Password/));
    await user.type(screen.getByLabelText(/^Password/), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/my/products?x=1'));
    expect(await screen.findByRole('heading', { name: 'My products' })).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/auth/me')[0]!.headers.get('Authorization')).toBe('Bearer tok-1');
  });

  it('a login throttle says how long to wait in words people use', async () => {
    const user = userEvent.setup();
    mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'POST /api/auth/token': { ...problem(429, 'too-many-requests', { title: 'Too many requests.', detail: 'Wait before trying again.' }), headers: { 'Retry-After': '293' } },
    });
    renderApp('/login');
    await user.type(await screen.findByLabelText(/^Email/), 'alice@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many attempts. Please try again in about 5 minutes.');
    expect(alert).not.toHaveTextContent(/293|\bs\.|Too many requests/);
  });

  it('restores the session from the refresh cookie on load', async () => {
    const api = mockApi({ ...sessionRoutes(alice), ...categoriesRoute, 'GET /api/products': { body: { items: [], nextCursor: null } } });
    renderApp('/my/products');
    expect(await screen.findByRole('heading', { name: 'My products' })).toBeInTheDocument();
    expect(screen.getByText('Alice')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/token/refresh')).toHaveLength(1);
    expect(api.callsTo('GET', '/api/products')[0]!.url.search).toBe('?owner=me&limit=20');
  });

  it('on a 401 that a refresh cannot fix, goes to log in and remembers the page', async () => {
    setSessionHint(true);
    let refreshes = 0;
    mockApi({
      ...categoriesRoute,
      'POST /api/auth/token/refresh': () =>
        ++refreshes === 1 ? { body: token } : problem(401, 'unauthorized'),
      'GET /api/auth/me': { body: alice },
      'GET /api/products': problem(401, 'unauthorized'),
    });
    renderApp('/my/products');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fmy%2Fproducts'));
    expect(refreshes).toBe(2);
    expect(screen.getByRole('link', { name: 'Log in' })).toBeInTheDocument();
  });

  it('an anonymous visit asks no token refresh: no session in this browser, nothing to refresh', async () => {
    const api = mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': { body: { total: 0, page: 1, pageSize: 20, items: [], facets: { category: {} } } },
    });
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/search')).toHaveLength(1);
    expect(api.callsTo('POST', '/api/auth/token/refresh')).toHaveLength(0);
  });

  it('a remembered session whose cookie is gone is asked about once, then forgotten', async () => {
    setSessionHint(true);
    const api = mockApi({
      ...categoriesRoute,
      'POST /api/auth/token/refresh': problem(401, 'unauthorized'),
      'GET /api/search': { body: { total: 0, page: 1, pageSize: 20, items: [], facets: { category: {} } } },
    });
    const first = renderApp('/');
    expect(await screen.findByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/token/refresh')).toHaveLength(1);
    expect(hasSessionHint()).toBe(false);

    // The next page load asks nothing.
    first.unmount();
    resetSessionForTests();
    resetRestoreForTests();
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/token/refresh')).toHaveLength(1);
  });

  it('logs out: calls the API, forgets the user and goes home', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      'POST /api/auth/logout': { status: 204 },
      'GET /api/products': { body: { items: [], nextCursor: null } },
      'GET /api/search': { body: { total: 0, page: 1, pageSize: 20, items: [], facets: { category: {} } } },
    });
    renderApp('/my/products');
    await user.click(await screen.findByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
    expect(api.callsTo('POST', '/api/auth/logout')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(hasSessionHint()).toBe(false); // the next page load asks no refresh
    expect(screen.queryByRole('link', { name: 'My products' })).toBeNull();
  });

  it('signs up, logs in and lands on My products; a taken email is shown beside the field', async () => {
    const user = userEvent.setup();
    let taken = true;
    mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'POST /api/auth/register': (c) =>
        taken ? problem(409, 'conflict') : { status: 201, body: { ...alice, ...(c.body as object), id: 'u-new' } },
      'POST /api/auth/token': { body: token },
      'GET /api/auth/me': { body: alice },
      'GET /api/products': { body: { items: [], nextCursor: null } },
    });
    renderApp('/signup');
    await user.type(await screen.findByLabelText(/^Your name/), 'Alice');
    await user.type(screen.getByLabelText(/^Email/), 'alice@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    const email = screen.getByLabelText(/^Email/);
    await waitFor(() => expect(email).toHaveAccessibleDescription(/already exists/));
    expect(email).toHaveFocus();

    taken = false;
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/my/products'));
  });
});
