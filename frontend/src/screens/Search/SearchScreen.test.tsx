import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit, SearchResult } from '../../api/types';
import { categoriesRoute, historyGo, mockApi, problem, renderApp, sessionRoutes, type RecordedCall } from '../../test/utils';
import { SEARCH_DELAY_MS } from './SearchScreen';

function hit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    id: 'p-1',
    name: 'Desk lamp',
    snippet: 'A warm light for late reading.',
    price: 85000,
    currency: 'COP',
    category: 'home',
    imageUrl: 'https://images.example.com/lamp.jpg',
    stock: 3,
    ...overrides,
  };
}

function result(items: SearchHit[], total = items.length): SearchResult {
  return { total, page: 1, pageSize: 20, items, facets: { category: { home: 2, electronics: 5 } } };
}

const location = () => screen.getByTestId('location').textContent;

describe('SearchScreen', () => {
  it('runs the search in the URL and shows prices, stock and category counts', async () => {
    const api = mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': { body: result([hit(), hit({ id: 'p-2', name: 'Lamp shade', price: 12.5, currency: 'USD', stock: 0 })], 2) },
    });

    renderApp('/?q=lamp&category=home&inStock=true&sort=price_asc&page=1');

    expect(await screen.findByRole('link', { name: 'Desk lamp' })).toHaveAttribute('href', '/products/p-1');
    expect(screen.getByText('$ 85.000')).toBeInTheDocument();
    expect(screen.getByText('US$ 12,50')).toBeInTheDocument();
    expect(screen.getByText('Out of stock')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '2 results for “lamp”' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Search products' })).toHaveValue('lamp');
    expect(screen.getByRole('radio', { name: /Home/ })).toBeChecked();
    expect(screen.getByLabelText('5 results')).toBeInTheDocument();

    const sent = api.callsTo('GET', '/api/search')[0]!.url.searchParams;
    expect(Object.fromEntries(sent)).toMatchObject({ q: 'lamp', category: 'home', inStock: 'true', sort: 'price_asc' });
  });

  it('searches as you type after a pause, keeps the query in the URL and offers suggestions', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': (c: RecordedCall) => ({ body: result(c.url.searchParams.get('q') ? [hit()] : []) }),
      'GET /api/search/suggest': { body: { suggestions: [{ id: 'p-1', name: 'Desk lamp' }, { id: 'p-9', name: 'Lamp oil' }] } },
    });
    renderApp('/');
    await screen.findByText('Nothing is for sale yet.');

    await user.type(screen.getByRole('combobox', { name: 'Search products' }), 'lam');

    await waitFor(() => expect(location()).toBe('/?q=lam'));
    // Debounced: one search for the typed word, not one per key. The request follows the URL
    // change by a render, so wait for it (a request per key would never match).
    await waitFor(() => expect(api.callsTo('GET', '/api/search').map((c) => c.url.searchParams.get('q'))).toEqual([null, 'lam']));

    const listbox = await screen.findByRole('listbox', { name: 'Suggestions' });
    expect(within(listbox).getAllByRole('option')).toHaveLength(2);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('combobox', { name: 'Search products' })).toHaveAttribute('aria-activedescendant', within(listbox).getAllByRole('option')[1]!.id);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(location()).toBe('/products/p-9'));
  });

  it('marks in each suggestion what matched, with accents, case and one typo forgiven', async () => {
    const user = userEvent.setup();
    mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': { body: result([]) },
      'GET /api/search/suggest': (c: RecordedCall) => ({
        body: {
          suggestions:
            c.url.searchParams.get('q') === 'cafe'
              ? [{ id: 'p-1', name: 'Café de Colombia' }, { id: 'p-2', name: 'CAFETERA italiana' }]
              : [{ id: 'p-3', name: 'Cámara réflex' }],
        },
      }),
    });
    renderApp('/');
    await screen.findByText('Nothing is for sale yet.');
    const box = screen.getByRole('combobox', { name: 'Search products' });
    const marks = () => within(screen.getByRole('listbox', { name: 'Suggestions' })).getAllByRole('option').map((o) => [...o.querySelectorAll('mark')].map((m) => m.textContent));

    await user.type(box, 'cafe');
    await waitFor(() => expect(marks()).toEqual([['Café'], ['CAFE']]));
    await user.clear(box);
    await user.type(box, 'camra');
    await waitFor(() => expect(marks()).toEqual([['Cámara']]));
    expect(screen.getByRole('option', { name: 'Cámara réflex' })).toBeInTheDocument();
  });

  it('keeps the highlighted suggestion when a newer list for the same text still has it', async () => {
    const user = userEvent.setup();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': { body: result([]) },
      'GET /api/search/suggest': async (c: RecordedCall) => {
        if (c.url.searchParams.get('q') !== 'lam') {
          return { body: { suggestions: [{ id: 'p-1', name: 'Desk lamp' }, { id: 'p-9', name: 'Lamp oil' }] } };
        }
        await held; // the answer for the whole word arrives after the user has chosen
        return { body: { suggestions: [{ id: 'p-9', name: 'Lamp oil' }, { id: 'p-1', name: 'Desk lamp' }] } };
      },
    });
    renderApp('/');
    await screen.findByText('Nothing is for sale yet.');
    const box = screen.getByRole('combobox', { name: 'Search products' });

    await user.type(box, 'la');
    const listbox = await screen.findByRole('listbox', { name: 'Suggestions' });
    const option = (name: string) => within(listbox).getAllByRole('option').find((o) => o.textContent === name)!;
    await user.type(box, 'm');
    await waitFor(() => expect(api.callsTo('GET', '/api/search/suggest').map((c) => c.url.searchParams.get('q'))).toContain('lam'));
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', option('Desk lamp').id);

    release();
    await waitFor(() => expect(within(listbox).getAllByRole('option')[0]).toHaveTextContent('Lamp oil'));
    expect(box).toHaveAttribute('aria-activedescendant', option('Desk lamp').id);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(location()).toBe('/products/p-1'));
  });

  it('changes filters and sort through the URL', async () => {
    const user = userEvent.setup();
    const api = mockApi({ ...sessionRoutes(null), ...categoriesRoute, 'GET /api/search': { body: result([hit()]) } });
    renderApp('/?q=lamp');
    await screen.findByRole('link', { name: 'Desk lamp' });

    await user.click(screen.getByRole('radio', { name: /Electronics/ }));
    await waitFor(() => expect(location()).toBe('/?q=lamp&category=electronics'));
    await user.click(screen.getByRole('checkbox', { name: 'In stock only' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'price_desc');
    await user.type(screen.getByRole('textbox', { name: 'Min (COP)' }), '1.000');
    await user.type(screen.getByRole('textbox', { name: 'Max (COP)' }), '500');
    await user.click(screen.getByRole('button', { name: 'Apply price' }));
    expect(screen.getByText('The minimum is above the maximum.')).toBeInTheDocument();
    await user.clear(screen.getByRole('textbox', { name: 'Max (COP)' }));
    await user.type(screen.getByRole('textbox', { name: 'Max (COP)' }), '1,200');
    await user.click(screen.getByRole('button', { name: 'Apply price' }));
    expect(screen.getByText(/Max: “1,200” could mean 1.200 or 1,20/)).toBeInTheDocument();
    await user.clear(screen.getByRole('textbox', { name: 'Max (COP)' }));
    await user.type(screen.getByRole('textbox', { name: 'Max (COP)' }), '1.200.000,50');
    await user.click(screen.getByRole('button', { name: 'Apply price' }));

    await waitFor(() =>
      expect(location()).toBe('/?q=lamp&category=electronics&minPrice=1000&maxPrice=1200000.5&inStock=true&sort=price_desc'),
    );
    const last = api.callsTo('GET', '/api/search').at(-1)!.url.searchParams;
    expect(last.get('maxPrice')).toBe('1200000.5');
    // The URL's plain numbers come back into the boxes the Colombian way.
    expect(screen.getByRole('textbox', { name: 'Max (COP)' })).toHaveValue('1.200.000,50');
    expect(screen.getByRole('textbox', { name: 'Min (COP)' })).toHaveValue('1.000');
  });

  it('names the currency of the price range and, with several, sends the one chosen', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': { body: { ...result([hit()]), currency: null, currencies: ['COP', 'USD'] } },
    });
    renderApp('/?q=lamp');
    await screen.findByRole('link', { name: 'Desk lamp' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'USD');
    await user.type(screen.getByRole('textbox', { name: 'Min (USD)' }), '1,200.50');
    await user.click(screen.getByRole('button', { name: 'Apply price' }));
    await waitFor(() => expect(location()).toBe('/?q=lamp&minPrice=1200.5&currency=USD'));
    await waitFor(() => expect(api.callsTo('GET', '/api/search').at(-1)!.url.searchParams.get('currency')).toBe('USD'));
  });

  it('shows an empty state with a way to clear filters', async () => {
    const user = userEvent.setup();
    mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': { body: { total: 0, page: 1, pageSize: 20, items: [], facets: { category: {} } } },
    });
    renderApp('/?q=zzz&inStock=true');
    expect(await screen.findByText('No products match.')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' }).at(-1)!);
    await waitFor(() => expect(location()).toBe('/?q=zzz'));
  });

  it('shows an error with a retry that works', async () => {
    const user = userEvent.setup();
    let fail = true;
    mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': () => (fail ? problem(503, 'unavailable', { title: 'Search is unavailable' }) : { body: result([hit()]) }),
    });
    renderApp('/?q=lamp');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We could not load results.');
    expect(alert).toHaveTextContent('The service is busy. Please try again shortly.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Desk lamp' })).toBeInTheDocument();
  });

  it('renders names as text and never shows non-https images', async () => {
    mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': {
        body: result([
          hit({ id: 'x', name: '<img src=x onerror=alert(1)>', imageUrl: 'javascript:alert(1)', snippet: '<b>bold</b>' }),
          hit({ id: 'y', name: 'Plain', imageUrl: 'http://insecure.example.com/a.jpg' }),
        ]),
      },
    });
    const { container } = renderApp('/?q=img');
    expect(await screen.findByRole('link', { name: '<img src=x onerror=alert(1)>' })).toBeInTheDocument();
    expect(screen.getByText('<b>bold</b>')).toBeInTheDocument();
    expect(container.querySelectorAll('img')).toHaveLength(0);
    expect(container.querySelector('b')).toBeNull();
  });

  it('a page past the 1,000 results Search serves is explained in words, without asking for it', async () => {
    const api = mockApi({ ...sessionRoutes(null), ...categoriesRoute, 'GET /api/search': problem(400, 'bad-request') });
    renderApp('/?q=lamp&page=99');
    expect(await screen.findByText('That page is past the last one we show.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to page 1' })).toHaveAttribute('href', '/?q=lamp');
    expect(screen.queryByText(/malformed|page:/)).toBeNull();
    expect(api.callsTo('GET', '/api/search')).toHaveLength(0);
  });

  it('links to other pages and keeps the other parameters', async () => {
    mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': { body: { ...result([hit()], 95), page: 2 } },
    });
    renderApp('/?q=lamp&page=2');
    const nav = await screen.findByRole('navigation', { name: 'Pages' });
    expect(within(nav).getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Page 5' })).toHaveAttribute('href', '/?q=lamp&page=5');
    expect(within(nav).getByRole('link', { name: /Previous/ })).toHaveAttribute('href', '/?q=lamp');
  });
});

describe('SearchScreen history', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Fake timers that also follow the clock, so a test can run every pending pause at once. */
  function setup() {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const api = mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': (c: RecordedCall) => ({
        body: { ...result([hit({ name: `Hit for ${c.url.searchParams.get('q') ?? 'all'}` })], 95), page: Number(c.url.searchParams.get('page') ?? 1) },
      }),
    });
    return { user, api };
  }
  const box = () => screen.getByRole('combobox', { name: 'Search products' });
  /** Lets every pending pause run out: a write the screen would make later happens now. */
  const settle = () => act(() => vi.advanceTimersByTime(SEARCH_DELAY_MS * 4));
  async function go(delta: number, expected: string, boxText: string) {
    act(() => historyGo(delta));
    await waitFor(() => expect(location()).toBe(expected));
    await settle();
    expect(location()).toBe(expected); // nothing pushed back
    expect(box()).toHaveValue(boxText);
    await screen.findByRole('heading', { name: new RegExp(`95 results${boxText.trim() ? ` for “${boxText.trim()}”` : '$'}`) });
  }

  it('typing replaces its entry, Enter, a filter and a page push one, and Back and Forward always move', async () => {
    const { user } = setup();
    renderApp('/');
    await screen.findByRole('heading', { name: '95 results' });

    await user.type(box(), 'cafe');
    await waitFor(() => expect(location()).toBe('/?q=cafe'));
    await user.type(box(), ' negro');
    await waitFor(() => expect(location()).toBe('/?q=cafe+negro'));
    await user.keyboard('{Enter}');
    await user.type(box(), ' 500');
    await waitFor(() => expect(location()).toBe('/?q=cafe+negro+500'));
    await user.click(screen.getByRole('radio', { name: /Home/ }));
    await waitFor(() => expect(location()).toBe('/?q=cafe+negro+500&category=home'));
    await screen.findByRole('heading', { name: '95 results for “cafe negro 500”' });
    await user.click(within(screen.getByRole('navigation', { name: 'Pages' })).getByRole('link', { name: 'Page 2' }));
    await waitFor(() => expect(location()).toBe('/?q=cafe+negro+500&category=home&page=2'));

    await go(-1, '/?q=cafe+negro+500&category=home', 'cafe negro 500');
    await go(-1, '/?q=cafe+negro+500', 'cafe negro 500');
    await go(-1, '/?q=cafe+negro', 'cafe negro');
    await go(-1, '/', '');
    await go(1, '/?q=cafe+negro', 'cafe negro');
    await go(1, '/?q=cafe+negro+500', 'cafe negro 500');
    await go(1, '/?q=cafe+negro+500&category=home', 'cafe negro 500');
    await go(1, '/?q=cafe+negro+500&category=home&page=2', 'cafe negro 500');
  });

  it('Enter searches exactly what is in the box, even before the pause in typing', async () => {
    const { user, api } = setup();
    renderApp('/');
    await screen.findByRole('heading', { name: '95 results' });
    await user.click(box());
    await user.paste('bicicleta');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(location()).toBe('/?q=bicicleta'));
    await screen.findByRole('heading', { name: '95 results for “bicicleta”' });
    await settle();
    expect(location()).toBe('/?q=bicicleta');
    expect(box()).toHaveValue('bicicleta');
    expect(api.callsTo('GET', '/api/search').map((c) => c.url.searchParams.get('q'))).toEqual([null, 'bicicleta']);

    await user.type(box(), ' roja{Enter}');
    await waitFor(() => expect(location()).toBe('/?q=bicicleta+roja'));
    await settle();
    expect(location()).toBe('/?q=bicicleta+roja');
    await go(-1, '/?q=bicicleta', 'bicicleta');
    await go(-1, '/', '');
  });

  it('a filter chosen while typing searches the typed words in the same entry', async () => {
    const { user } = setup();
    renderApp('/');
    await screen.findByRole('heading', { name: '95 results' });
    await user.type(box(), 'lamp');
    await user.click(screen.getByRole('radio', { name: /Home/ }));
    await waitFor(() => expect(location()).toBe('/?q=lamp&category=home'));
    await settle();
    expect(location()).toBe('/?q=lamp&category=home');
    await go(-1, '/', '');
  });

  it('typing back to where the draft started returns to that entry instead of repeating it', async () => {
    const { user } = setup();
    renderApp('/');
    await screen.findByRole('heading', { name: '95 results' });
    await user.type(box(), 'cafe{Enter}');
    await waitFor(() => expect(location()).toBe('/?q=cafe'));
    await user.type(box(), 'x');
    await waitFor(() => expect(location()).toBe('/?q=cafex'));
    await user.type(box(), '{Backspace}');
    await waitFor(() => expect(location()).toBe('/?q=cafe'));
    await settle();
    await go(-1, '/', '');
  });
});
