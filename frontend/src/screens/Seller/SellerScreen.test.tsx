import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, alice, aProduct, categoriesRoute, mockApi, renderApp, sessionRoutes } from '../../test/utils';

const aliceProfile = { id: alice.id, displayName: 'Tienda de Alice', memberSince: '2026-01-02T10:00:00Z' };

describe('Seller on the product page and the seller page', () => {
  it('names the seller on the product page and leads to their other products, a page at a time', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/products/p-1': { body: aProduct(), headers: { ETag: '"1"' } },
      [`GET /api/auth/profiles/${alice.id}`]: { body: aliceProfile },
      'GET /api/products': (c) =>
        c.url.searchParams.get('cursor') === 'next'
          ? { body: { items: [aProduct({ id: 'p-3', name: 'Silla de mimbre' })], nextCursor: null } }
          : { body: { items: [aProduct(), aProduct({ id: 'p-2', name: 'Mesa de noche' })], nextCursor: 'next' } },
    });
    renderApp('/products/p-1');

    const seller = await screen.findByRole('region', { name: 'Seller' });
    expect(await within(seller).findByRole('link', { name: 'Tienda de Alice' })).toHaveAttribute('href', `/sellers/${alice.id}`);
    // Dates the Colombian way.
    expect(within(seller).getByText('On Covacha since 2 de enero de 2026')).toBeInTheDocument();

    await user.click(within(seller).getByRole('link', { name: 'More from this seller' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tienda de Alice' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Products from Tienda de Alice' });
    expect(within(list).getByRole('link', { name: 'Mesa de noche' })).toHaveAttribute('href', '/products/p-2');
    expect(api.callsTo('GET', '/api/products')[0]!.url.searchParams.get('owner')).toBe(alice.id);

    await user.click(screen.getByRole('button', { name: 'More from this seller' }));
    expect(await within(list).findByRole('link', { name: 'Silla de mimbre' })).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'More from this seller' })).toBeNull();
  });

  it('says so when the seller is gone', async () => {
    mockApi({ ...sessionRoutes(null), ...categoriesRoute, 'GET /api/products': { body: { items: [], nextCursor: null } } });
    renderApp('/sellers/u-gone');
    expect(await screen.findByRole('heading', { level: 1, name: 'Seller not found' })).toBeInTheDocument();
  });

  it('lets an admin take a product down with a reason, after confirming', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(admin),
      ...categoriesRoute,
      'GET /api/products/p-1': { body: aProduct(), headers: { ETag: '"1"' } },
      [`GET /api/auth/profiles/${alice.id}`]: { body: aliceProfile },
      'POST /api/products/p-1/takedown': (c) => ({
        body: aProduct({ version: 2, takedown: { at: '2026-01-05T10:00:00Z', by: admin.id, reason: (c.body as { reason: string }).reason } }),
      }),
    });
    renderApp('/products/p-1');
    await user.click(await screen.findByRole('button', { name: 'Take down' }));
    const dialog = screen.getByRole('dialog', { name: 'Take this product down?' });
    await user.click(within(dialog).getByRole('button', { name: 'Take down' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Say why the product is taken down.');
    expect(api.callsTo('POST', '/api/products/p-1/takedown')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Reason (the seller reads this)'), 'Producto falsificado.');
    await user.click(within(dialog).getByRole('button', { name: 'Take down' }));

    expect(await screen.findByText('Taken down by an administrator')).toBeInTheDocument();
    expect(screen.getByText(/Reason: Producto falsificado\./)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/products/p-1/takedown')[0]!.body).toEqual({ reason: 'Producto falsificado.' });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull());
  });

  it('shows its seller a taken-down product with why, and no way to edit it', async () => {
    mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      'GET /api/products/p-1': {
        body: aProduct({ version: 2, takedown: { at: '2026-01-05T10:00:00Z', by: admin.id, reason: 'Venta no permitida.' } }),
        headers: { ETag: '"2"' },
      },
    });
    renderApp('/products/p-1');
    expect(await screen.findByText('Taken down by an administrator')).toBeInTheDocument();
    expect(screen.getByText(/On 5 de enero de 2026\. Reason: Venta no permitida\./)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });
});
