import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { alice, aProduct, bob, categoriesRoute, currenciesRoute, mockApi, problem, renderApp, sessionRoutes } from '../../test/utils';

describe('ProductEditorScreen', () => {
  it('creates a product and goes to its page', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      'POST /api/products': (c) => ({
        status: 201,
        body: aProduct({ ...(c.body as object), id: 'p-new' }),
        headers: { ETag: '"1"', Location: '/api/products/p-new' },
      }),
      'GET /api/products/p-new': { body: aProduct({ id: 'p-new', name: 'Bicicleta' }) },
    });
    renderApp('/my/products/new');

    await user.type(await screen.findByLabelText(/^Name/), 'Bicicleta');
    await user.type(screen.getByLabelText(/^Price/), '450.000,5');
    await user.selectOptions(screen.getByLabelText(/^Category/), 'home');
    await user.clear(screen.getByLabelText(/^Stock/));
    await user.type(screen.getByLabelText(/^Stock/), '2');
    await user.click(screen.getByRole('button', { name: 'Publish product' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/products/p-new'));
    expect(api.callsTo('POST', '/api/products')[0]!.body).toEqual({
      name: 'Bicicleta',
      description: '',
      price: 450000.5,
      currency: 'COP',
      category: 'home',
      imageUrl: null,
      stock: 2,
    });
  });

  it('reads a Colombian price, shows what will be saved before saving, and sends that amount', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      ...currenciesRoute,
      'POST /api/products': (c) => ({ status: 201, body: aProduct({ ...(c.body as object), id: 'p-new' }), headers: { ETag: '"1"' } }),
      'GET /api/products/p-new': { body: aProduct({ id: 'p-new' }) },
    });
    renderApp('/my/products/new');
    await user.type(await screen.findByLabelText(/^Name/), 'Portátil');
    const price = screen.getByLabelText(/^Price/);
    await user.type(price, '1.200.000');
    expect(price).toHaveAccessibleDescription('Will be saved as $ 1.200.000');
    await user.type(price, ',5');
    expect(price).toHaveAccessibleDescription('Will be saved as $ 1.200.000,50');
    await user.clear(price);
    await user.type(price, '3,500,000.25');
    expect(price).toHaveAccessibleDescription('Will be saved as $ 3.500.000,25');
    await user.selectOptions(screen.getByLabelText(/^Category/), 'electronics');
    await user.click(screen.getByRole('button', { name: 'Publish product' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/products/p-new'));
    expect((api.callsTo('POST', '/api/products')[0]!.body as { price: number }).price).toBe(3_500_000.25);
  });

  it.each([
    ['1.2.3,4,5', 'more than one decimal separator'],
    ['1,200', '“1,200” could mean 1.200 or 1,20. Write 1.200 or 1,20.'],
    ['1.200,555', 'Use at most 2 decimals for COP.'],
    ['3.000.000.000', 'At most $ 2.000.000.000.'],
  ])('refuses the price %s beside the field and sends nothing', async (typed, message) => {
    const user = userEvent.setup();
    const api = mockApi({ ...sessionRoutes(alice), ...categoriesRoute, ...currenciesRoute });
    renderApp('/my/products/new');
    await user.type(await screen.findByLabelText(/^Name/), 'Lamp');
    await user.type(screen.getByLabelText(/^Price/), typed);
    expect(screen.getByLabelText(/^Price/)).toHaveAccessibleDescription('In COP, like 1.200.000 or 1.200.000,50.');
    await user.selectOptions(screen.getByLabelText(/^Category/), 'books');
    await user.click(screen.getByRole('button', { name: 'Publish product' }));
    const price = screen.getByLabelText(/^Price/);
    expect(price).toHaveAttribute('aria-invalid', 'true');
    expect(price).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(price).toHaveFocus();
    expect(api.callsTo('POST', '/api/products')).toHaveLength(0);
  });

  it('offers the server’s currencies and uses each one’s decimals', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      'GET /api/products/currencies': {
        body: [
          { code: 'COP', exponent: 2, maxPrice: 2_000_000_000, default: true },
          { code: 'JPY', exponent: 0, maxPrice: 100_000_000, default: false },
        ],
      },
    });
    renderApp('/my/products/new');
    const currency = await screen.findByLabelText(/^Currency/);
    await waitFor(() => expect(within(currency).getAllByRole('option').map((o) => o.textContent)).toEqual(['COP', 'JPY']));
    await user.type(screen.getByLabelText(/^Name/), 'Lamp');
    await user.selectOptions(currency, 'JPY');
    await user.type(screen.getByLabelText(/^Price/), '1.500,5');
    await user.selectOptions(screen.getByLabelText(/^Category/), 'books');
    await user.click(screen.getByRole('button', { name: 'Publish product' }));
    expect(screen.getByLabelText(/^Price/)).toHaveAccessibleDescription(expect.stringContaining('JPY amounts have no decimals.'));
    expect(api.callsTo('POST', '/api/products')).toHaveLength(0);
    expect(api.callsTo('GET', '/api/products/currencies')).toHaveLength(1);
  });

  it('shows the API’s field errors beside their fields and focuses the first', async () => {
    const user = userEvent.setup();
    mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      'POST /api/products': problem(422, 'validation', {
        errors: { name: ['Name is too long.'], stock: ['Stock is too large.'] },
      }),
    });
    renderApp('/my/products/new');
    await user.type(await screen.findByLabelText(/^Name/), 'x'.repeat(10));
    await user.type(screen.getByLabelText(/^Price/), '10');
    await user.selectOptions(screen.getByLabelText(/^Category/), 'books');
    await user.click(screen.getByRole('button', { name: 'Publish product' }));

    const name = screen.getByLabelText(/^Name/);
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('Name is too long.');
    expect(screen.getByLabelText(/^Stock/)).toHaveAccessibleDescription('Stock is too large.');
    expect(name).toHaveFocus();
  });

  it('checks the image link is https before sending', async () => {
    const user = userEvent.setup();
    const api = mockApi({ ...sessionRoutes(alice), ...categoriesRoute });
    renderApp('/my/products/new');
    await user.type(await screen.findByLabelText(/^Name/), 'Lamp');
    await user.type(screen.getByLabelText(/^Price/), '10');
    await user.selectOptions(screen.getByLabelText(/^Category/), 'books');
    await user.type(screen.getByLabelText(/^Image link/), 'http://example.com/a.png');
    await user.click(screen.getByRole('button', { name: 'Publish product' }));
    expect(screen.getByLabelText(/^Image link/)).toHaveAccessibleDescription(
      expect.stringContaining('Use an https:// link to an image.'),
    );
    expect(api.callsTo('POST', '/api/products')).toHaveLength(0);
  });

  it('on 412 tells the user someone else changed it, shows their values, and saves over them with the new ETag', async () => {
    const user = userEvent.setup();
    let stored = aProduct({ version: 1 });
    const api = mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      'GET /api/products/p-1': () => ({ body: stored, headers: { ETag: `"${stored.version}"` } }),
      'PUT /api/products/p-1': (c) => {
        if (c.headers.get('If-Match') !== `"${stored.version}"`) return problem(412, 'precondition-failed');
        stored = { ...stored, ...(c.body as object), version: stored.version + 1 };
        return { body: stored, headers: { ETag: `"${stored.version}"` } };
      },
    });
    renderApp('/products/p-1/edit');
    const price = await screen.findByLabelText(/^Price/);
    expect(price).toHaveValue('85.000');

    // Someone else saves first.
    stored = { ...stored, price: 99000, name: 'Desk lamp (new)', version: 2 };

    await user.clear(price);
    await user.type(price, '70000');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByText('Someone else changed this product while you were editing.');
    const box = alert.closest('.conflict') as HTMLElement;
    expect(box).toHaveFocus();
    expect(within(box).getByText('$ 99.000')).toBeInTheDocument();
    expect(within(box).getByText('Desk lamp (new)')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Price/)).toHaveValue('70000');

    await user.click(within(box).getByRole('button', { name: 'Keep my changes' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/products\/p-1$/));
    const puts = api.callsTo('PUT', '/api/products/p-1');
    expect(puts.map((p) => p.headers.get('If-Match'))).toEqual(['"1"', '"2"']);
    expect(stored.price).toBe(70000);
  });

  it('can load the other version instead', async () => {
    const user = userEvent.setup();
    mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      'GET /api/products/p-1': { body: aProduct({ price: 123, version: 5 }), headers: { ETag: '"5"' } },
      'PUT /api/products/p-1': problem(412, 'precondition-failed'),
    });
    renderApp('/products/p-1/edit');
    await user.clear(await screen.findByLabelText(/^Price/));
    await user.type(screen.getByLabelText(/^Price/), '1');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(await screen.findByRole('button', { name: 'Load their version' }));
    expect(screen.getByLabelText(/^Price/)).toHaveValue('123');
  });

  it('does not let another user edit', async () => {
    mockApi({ ...sessionRoutes(bob), ...categoriesRoute, 'GET /api/products/p-1': { body: aProduct() } });
    renderApp('/products/p-1/edit');
    expect(await screen.findByRole('heading', { name: 'Not your product' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
  });
});
