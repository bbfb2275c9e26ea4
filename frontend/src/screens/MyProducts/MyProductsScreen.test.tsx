import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { alice, aProduct, categoriesRoute, mockApi, renderApp, sessionRoutes } from '../../test/utils';

describe('MyProductsScreen', () => {
  it('lists my products, pages with Load more, and deletes after confirmation', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      'GET /api/products': (c) =>
        c.url.searchParams.get('cursor') === 'c2'
          ? { body: { items: [aProduct({ id: 'p-3', name: 'Chair' })], nextCursor: null } }
          : {
              body: {
                items: [aProduct(), aProduct({ id: 'p-2', name: 'Kettle', version: 4, stock: 0 })],
                nextCursor: 'c2',
              },
            },
      'DELETE /api/products/p-2': { status: 204 },
    });
    renderApp('/my/products');
    expect(await screen.findByRole('link', { name: 'Desk lamp' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Chair' })).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/products').every((c) => c.url.searchParams.get('owner') === 'me')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Delete Kettle' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this product?' });
    expect(dialog).toHaveTextContent('“Kettle” will be removed');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('“Kettle” was deleted.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Kettle' })).toBeNull();
    expect(api.callsTo('DELETE', '/api/products/p-2')[0]!.headers.get('If-Match')).toBe('"4"');
  });

  it('invites to publish when there is nothing yet', async () => {
    mockApi({ ...sessionRoutes(alice), ...categoriesRoute, 'GET /api/products': { body: { items: [], nextCursor: null } } });
    renderApp('/my/products');
    expect(await screen.findByText('You have not published anything yet.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Publish a product' })).toHaveAttribute('href', '/my/products/new'));
  });
});
