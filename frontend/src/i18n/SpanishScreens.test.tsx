import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { alice, aProduct, categoriesRoute, currenciesRoute, mockApi, problem, renderApp, sessionRoutes } from '../test/utils';
import { LANGUAGE_STORAGE_KEY, setLanguage } from './i18n';

const empty = { total: 0, page: 1, pageSize: 20, items: [], facets: { category: {} } };
const hit = (over: object) => ({ id: 'p-1', name: 'Lámpara de escritorio', snippet: '', price: 85000, currency: 'COP', category: 'home', imageUrl: null, stock: 2, ...over });

describe('Covacha in Spanish', () => {
  beforeEach(() => setLanguage('es'));

  it('says an empty catalogue in Spanish, in a page marked as Spanish', async () => {
    mockApi({ ...sessionRoutes(null), ...categoriesRoute, 'GET /api/search': { body: empty } });
    renderApp('/');
    expect(await screen.findByText('Todavía no hay nada a la venta.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Publica el primer producto' })).toHaveAttribute('href', '/my/products/new');
    expect(screen.getByRole('heading', { level: 1, name: 'Encuentra algo bueno' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Buscar productos' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Iniciar sesión' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Crear cuenta' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('es-CO');
    expect(document.title).toBe('Buscar · Covacha');
  });

  it('says a search that finds nothing, and results, stock and categories, in Spanish', async () => {
    const user = userEvent.setup();
    mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/search': (c) =>
        c.url.searchParams.get('q') === 'nada'
          ? { body: empty }
          : {
              body: {
                total: 2,
                page: 1,
                pageSize: 20,
                items: [hit({}), hit({ id: 'p-2', name: 'Parlante', category: 'electronics', stock: 0 })],
                facets: { category: { home: 1, electronics: 1 } },
              },
            },
    });
    renderApp('/?q=nada');
    expect(await screen.findByText('Ningún producto coincide.')).toBeInTheDocument();
    expect(screen.getByText('Prueba con menos palabras o con otras, o quita un filtro.')).toBeInTheDocument();

    const box = screen.getByRole('combobox', { name: 'Buscar productos' });
    await user.clear(box);
    await user.type(box, 'lampara{Enter}');
    expect(await screen.findByRole('heading', { name: '2 resultados para “lampara”' })).toBeInTheDocument();
    const lamp = screen.getByRole('link', { name: 'Lámpara de escritorio' }).closest('li')!;
    expect(within(lamp).getByText('Quedan 2')).toBeInTheDocument();
    expect(within(lamp).getByText('$ 85.000')).toBeInTheDocument();
    expect(within(lamp).getByRole('img', { name: 'Ilustración: Hogar y cocina' })).toBeInTheDocument();
    expect(within(screen.getByRole('link', { name: 'Parlante' }).closest('li')!).getByText('Agotado')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Electrónica/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Ordenar por')).toHaveDisplayValue('Más relevantes');
    expect(screen.getByRole('button', { name: 'Aplicar precio' })).toBeInTheDocument();
  });

  it('labels the product form in Spanish, previews the price and says field errors in Spanish, the server’s too', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      ...currenciesRoute,
      'POST /api/products': problem(422, 'validation', {
        title: 'One or more fields are invalid.',
        errors: { name: ['At most 120 characters.'] },
      }),
    });
    renderApp('/my/products/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'Nuevo producto' })).toBeInTheDocument();
    for (const label of ['Nombre', 'Descripción', 'Precio', 'Moneda', 'Categoría', 'Unidades disponibles', 'Enlace de la imagen']) {
      expect(screen.getByLabelText(new RegExp(`^${label}`))).toBeInTheDocument();
    }
    const price = screen.getByLabelText(/^Precio/);
    expect(price).toHaveAccessibleDescription('En COP, como 1.200.000 o 1.200.000,50.');
    await user.type(price, '1.200.000');
    expect(price).toHaveAccessibleDescription('Se guardará como $ 1.200.000');

    // A price that reads two ways is refused beside the field, in Spanish, and nothing is sent.
    await user.clear(price);
    await user.type(price, '1,200');
    await user.click(screen.getByRole('button', { name: 'Publicar producto' }));
    expect(await screen.findByText('“1,200” puede ser 1.200 o 1,20. Escribe 1.200 o 1,20.')).toBeInTheDocument();
    expect(screen.getByText('Escribe un nombre.')).toBeInTheDocument();
    expect(screen.getByText('Elige una categoría.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Corrige los campos marcados.');
    expect(api.callsTo('POST', '/api/products')).toHaveLength(0);

    // What the server refuses comes back in Spanish beside its field.
    await user.type(screen.getByLabelText(/^Nombre/), 'Portátil');
    await user.clear(price);
    await user.type(price, '3.500.000');
    await user.selectOptions(screen.getByLabelText(/^Categoría/), 'electronics');
    await user.click(screen.getByRole('button', { name: 'Publicar producto' }));
    expect(await screen.findByText('Máximo 120 caracteres.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Nombre/)).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', '/api/products')[0]!.headers.get('Accept-Language')).toBe('es-CO');
  });

  it('says a failed login, a throttle and a suspension in Spanish', async () => {
    const user = userEvent.setup();
    let answer = 0;
    mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'POST /api/auth/token': () =>
        [
          problem(401, 'unauthorized', { detail: 'The email or password is wrong.' }),
          { ...problem(429, 'too-many-requests', { detail: 'Wait before trying again.' }), headers: { 'Retry-After': '293' } },
          problem(403, 'account-suspended', {
            detail:
              "This account is suspended by an administrator, so it cannot log in. Its products stay listed; write to the site's support to have it reactivated.",
          }),
        ][answer++]!,
    });
    renderApp('/login');
    expect(await screen.findByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Correo electrónico/), 'alice@example.com');
    await user.type(screen.getByLabelText(/^Contraseña/), 'equivocada');
    const submit = screen.getByRole('button', { name: 'Iniciar sesión' });
    await user.click(submit);
    expect(await screen.findByRole('alert')).toHaveTextContent('Ese correo y esa contraseña no coinciden con ninguna cuenta.');
    await user.click(submit);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Demasiados intentos. Inténtalo de nuevo en unos 5 minutos.'));
    await user.click(submit);
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Un administrador suspendió esta cuenta, así que no puede iniciar sesión.'),
    );
    expect(screen.getByRole('link', { name: '¿Olvidaste tu contraseña?' })).toBeInTheDocument();

    // Switched to English, the failure on screen is said in English too.
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      "This account is suspended by an administrator, so it cannot log in. Its products stay listed; write to the site's support to have it reactivated.",
    );
  });

  it('says a notice in the language shown while it is up', async () => {
    const user = userEvent.setup();
    mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      ...currenciesRoute,
      'POST /api/products': (c) => ({ status: 201, body: aProduct({ ...(c.body as object), id: 'p-new' }), headers: { ETag: '"1"' } }),
      'GET /api/products/p-new': { body: aProduct({ id: 'p-new', name: 'Portátil' }), headers: { ETag: '"1"' } },
    });
    renderApp('/my/products/new');
    await user.type(await screen.findByLabelText(/^Nombre/), 'Portátil');
    await user.type(screen.getByLabelText(/^Precio/), '3.500.000');
    await user.selectOptions(screen.getByLabelText(/^Categoría/), 'electronics');
    await user.click(screen.getByRole('button', { name: 'Publicar producto' }));
    expect(await screen.findByText('Tu producto quedó publicado.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Your product is published.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dismiss message' })).toBeInTheDocument();
  });

  it('says the errors on screen again in English after a switch, the server’s too', async () => {
    const user = userEvent.setup();
    mockApi({
      ...sessionRoutes(alice),
      ...categoriesRoute,
      ...currenciesRoute,
      'POST /api/products': problem(422, 'validation', { errors: { name: ['At most 120 characters.'] } }),
    });
    renderApp('/my/products/new');
    await user.type(await screen.findByLabelText(/^Precio/), '1,200');
    await user.click(screen.getByRole('button', { name: 'Publicar producto' }));
    expect(await screen.findByText('Escribe un nombre.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(screen.getByText('“1,200” could mean 1.200 or 1,20. Write 1.200 or 1,20.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Please fix the highlighted fields.');

    await user.type(screen.getByLabelText(/^Name/), 'Portátil');
    await user.clear(screen.getByLabelText(/^Price/));
    await user.type(screen.getByLabelText(/^Price/), '3.500.000');
    await user.selectOptions(screen.getByLabelText(/^Category/), 'electronics');
    await user.click(screen.getByRole('button', { name: 'Publish product' }));
    expect(await screen.findByText('At most 120 characters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Español' }));
    expect(await screen.findByText('Máximo 120 caracteres.')).toBeInTheDocument();
    expect(screen.queryByText('At most 120 characters.')).toBeNull();
  });

  it('switches to English from the footer, at once and for the next visit', async () => {
    const user = userEvent.setup();
    mockApi({
      ...sessionRoutes(null),
      ...categoriesRoute,
      'GET /api/products/p-1': { body: aProduct({ imageUrl: null, stock: 2 }), headers: { ETag: '"1"' } },
      'GET /api/auth/profiles/u-alice': { body: { id: 'u-alice', displayName: 'Alice', memberSince: '2026-01-02T10:00:00Z' } },
    });
    renderApp('/products/p-1');
    expect(await screen.findByText('Quedan 2')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Volver a la búsqueda' })).toBeInTheDocument();
    expect(await screen.findByText('En Covacha desde el 2 de enero de 2026')).toBeInTheDocument();
    const language = screen.getByRole('group', { name: 'Idioma' });
    expect(within(language).getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(language).getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Only 2 left')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Back to search' })).toBeInTheDocument();
    expect(screen.getByText('On Covacha since 2 de enero de 2026')).toBeInTheDocument();
    expect(screen.getByText('$ 85.000')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });
});
