import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { categoriesRoute, mockApi, renderApp, sessionRoutes } from '../../test/utils';

const empty = { total: 0, page: 1, pageSize: 20, items: [], facets: { category: {} } };

describe('SearchScreen on an empty catalogue', () => {
  it('says nothing is for sale yet and invites the first listing, with no "clear filters" advice', async () => {
    mockApi({ ...sessionRoutes(null), ...categoriesRoute, 'GET /api/search': { body: empty } });
    renderApp('/');
    expect(await screen.findByText('Nothing is for sale yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'List the first product' })).toHaveAttribute('href', '/my/products/new');
    expect(screen.queryByText('No products match.')).toBeNull();
  });

  it('keeps "No products match" for a search that finds nothing', async () => {
    mockApi({ ...sessionRoutes(null), ...categoriesRoute, 'GET /api/search': { body: empty } });
    renderApp('/?q=bicicleta');
    expect(await screen.findByText('No products match.')).toBeInTheDocument();
    expect(screen.queryByText('Nothing is for sale yet.')).toBeNull();
  });
});
