import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, alice, aProduct, bob, categoriesRoute, currenciesRoute, historyGo, mockApi, problem, renderApp, sessionRoutes, type RecordedCall } from '../../test/utils';
import type { User } from '../../api/types';

function routesAs(user: User | null, extra = {}) {
  return {
    ...sessionRoutes(user),
    ...categoriesRoute,
    'GET /api/products/p-1': { body: aProduct(), headers: { ETag: '"1"' } },
    ...extra,
  };
}

describe('ProductScreen', () => {
  it('shows everything about the product', async () => {
    mockApi(routesAs(null));
    renderApp('/products/p-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Desk lamp' })).toBeInTheDocument();
    expect(screen.getByText('$ 85.000')).toBeInTheDocument();
    expect(screen.getByText('A warm light.')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Desk lamp' })).toHaveAttribute('src', 'https://images.example.com/lamp.jpg');
    // Stock is said once.
    expect(screen.getByText('Only 3 left')).toBeInTheDocument();
    expect(screen.queryByText(/available/)).toBeNull();
    expect(screen.getAllByText('Home').length).toBeGreaterThan(0);
  });

  it.each([
    ['the owner', alice, true],
    ['an admin', admin, true],
    ['another user', bob, false],
    ['a visitor', null, false],
  ] as const)('edit and delete controls for %s: %s', async (_who, user, visible) => {
    mockApi(routesAs(user));
    renderApp('/products/p-1');
    await screen.findByRole('heading', { level: 1, name: 'Desk lamp' });
    if (user) await screen.findByText(user.displayName);
    expect(screen.queryByRole('link', { name: 'Edit' }) !== null).toBe(visible);
    expect(screen.queryByRole('button', { name: 'Delete' }) !== null).toBe(visible);
  });

  it('deletes only after confirmation, with the ETag as If-Match', async () => {
    const user = userEvent.setup();
    const api = mockApi(
      routesAs(alice, {
        'DELETE /api/products/p-1': { status: 204 },
        'GET /api/products': { body: { items: [], nextCursor: null } },
      }),
    );
    renderApp('/products/p-1');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this product?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.callsTo('DELETE', '/api/products/p-1')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/my/products'));
    const del = api.callsTo('DELETE', '/api/products/p-1')[0]!;
    expect(del.headers.get('If-Match')).toBe('"1"');
    expect(del.headers.get('Authorization')).toBe('Bearer token-u-alice');
    expect(await screen.findByText('“Desk lamp” was deleted.')).toBeInTheDocument();
  });

  it('says so when the product does not exist', async () => {
    mockApi({ ...sessionRoutes(null), ...categoriesRoute, 'GET /api/products/nope': problem(404, 'not-found') });
    renderApp('/products/nope');
    expect(await screen.findByRole('heading', { name: 'Product not found' })).toBeInTheDocument();
  });

  it('renders a hostile name as text', async () => {
    mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/products/p-1': { body: aProduct({ name: '<img src=x onerror=alert(1)>', imageUrl: 'data:image/png;base64,AAAA' }) },
    });
    const { container } = renderApp('/products/p-1');
    expect(await screen.findByRole('heading', { level: 1, name: '<img src=x onerror=alert(1)>' })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('draws its category where a product has no image', async () => {
    mockApi(routesAs(null, { 'GET /api/products/p-1': { body: aProduct({ imageUrl: null, category: 'books' }) } }));
    const { container } = renderApp('/products/p-1');
    await screen.findByRole('heading', { level: 1, name: 'Desk lamp' });
    expect(screen.getByRole('img', { name: 'Illustration: Books' })).toHaveAttribute('data-illustration', 'books');
    expect(container.querySelector('img')).toBeNull();
  });

  it('says a larger stock once, with its number', async () => {
    mockApi(routesAs(null, { 'GET /api/products/p-1': { body: aProduct({ stock: 12 }) } }));
    renderApp('/products/p-1');
    expect(await screen.findByText('12 in stock')).toBeInTheDocument();
    expect(screen.queryByText('In stock')).toBeNull();
  });

  it('from a search, the back-link returns to that search', async () => {
    const user = userEvent.setup();
    mockApi(
      routesAs(null, {
        'GET /api/search': {
          body: { total: 1, page: 1, pageSize: 20, items: [{ id: 'p-1', name: 'Desk lamp', snippet: '', price: 85000, currency: 'COP', category: 'home', imageUrl: null, stock: 3 }], facets: { category: {} } },
        },
      }),
    );
    renderApp('/?q=lamp&category=home');
    await user.click(await screen.findByRole('link', { name: 'Desk lamp' }));
    const back = await screen.findByRole('link', { name: '← Back to results' });
    expect(back).toHaveAttribute('href', '/?q=lamp&category=home');
  });

  it('opened directly, the back-link offers the search', async () => {
    mockApi(routesAs(null));
    renderApp('/products/p-1');
    expect(await screen.findByRole('link', { name: '← Back to search' })).toHaveAttribute('href', '/');
  });

  it('from My products, through an edit, the back-link returns to My products and the flash is said once', async () => {
    const user = userEvent.setup();
    let stored = aProduct();
    mockApi(
      routesAs(alice, {
        ...currenciesRoute,
        'GET /api/products': () => ({ body: { items: [stored], nextCursor: null } }),
        'GET /api/products/p-1': () => ({ body: stored, headers: { ETag: `"${stored.version}"` } }),
        'PUT /api/products/p-1': (c: RecordedCall) => {
          stored = { ...stored, ...(c.body as object), version: stored.version + 1 };
          return { body: stored, headers: { ETag: `"${stored.version}"` } };
        },
      }),
    );
    renderApp('/my/products');
    await user.click(await screen.findByRole('link', { name: 'Desk lamp' }));
    expect(await screen.findByRole('link', { name: '← Back to My products' })).toHaveAttribute('href', '/my/products');

    await user.click(screen.getByRole('link', { name: 'Edit' }));
    const name = await screen.findByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, 'Desk lamp, brass');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Your changes are saved.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Desk lamp, brass' })).toBeInTheDocument();
    const back = screen.getByRole('link', { name: '← Back to My products' });

    // Leave, then come Back: the message was said already.
    await user.click(back);
    await screen.findByRole('heading', { name: 'My products' });
    expect(screen.queryByText('Your changes are saved.')).toBeNull();
    act(() => historyGo(-1));
    expect(await screen.findByRole('heading', { level: 1, name: 'Desk lamp, brass' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Back to My products' })).toBeInTheDocument();
    expect(screen.queryByText('Your changes are saved.')).toBeNull();
  });
});
