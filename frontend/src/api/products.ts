import { request, queryString } from './http';
import { restoreSession } from './auth';
import { getAccessToken, hasSessionHint } from './session';
import type { Category, CurrencyInfo, Product, ProductInput, ProductPage, Tagged } from './types';

const base = '/api/products';

/** The strong ETag the server derives from the version, used when a header is missing. */
export function etagOf(product: Pick<Product, 'version'>): string {
  return `"${product.version}"`;
}

function tagged(data: Product, etag: string | null): Tagged<Product> {
  return { value: data, etag: etag ?? etagOf(data) };
}

function path(id: string): string {
  return `${base}/${encodeURIComponent(id)}`;
}

/**
 * Anyone may read a product; the token goes along when there is one, so its seller and admins
 * also see a product that was taken down (with why). No refresh is attempted for this.
 */
export async function getProduct(id: string, signal?: AbortSignal): Promise<Tagged<Product>> {
  // On a fresh page load the session is still being restored: wait for it, or a seller opening
  // their taken-down product would be answered as a stranger.
  if (!getAccessToken() && hasSessionHint()) await restoreSession().catch(() => null);
  const token = getAccessToken();
  const r = await request<Product>(path(id), { signal, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return tagged(r.data, r.etag);
}

/** A seller's live products, newest first, a page at a time (public). */
export function listSellerProducts(ownerId: string, cursor: string | null, limit = 20, signal?: AbortSignal): Promise<ProductPage> {
  return request<ProductPage>(`${base}${queryString({ owner: ownerId, cursor, limit })}`, { signal }).then((r) => r.data);
}

/** Admin: takes a product down with a reason the seller will read. */
export async function takeDownProduct(id: string, reason: string): Promise<Tagged<Product>> {
  const r = await request<Product>(`${path(id)}/takedown`, { method: 'POST', auth: true, body: { reason } });
  return tagged(r.data, r.etag);
}

export function listMyProducts(cursor: string | null, limit = 20, signal?: AbortSignal): Promise<ProductPage> {
  return request<ProductPage>(`${base}${queryString({ owner: 'me', cursor, limit })}`, {
    auth: true,
    signal,
  }).then((r) => r.data);
}

export async function createProduct(input: ProductInput): Promise<Tagged<Product>> {
  const r = await request<Product>(base, { method: 'POST', auth: true, body: input });
  return tagged(r.data, r.etag);
}

export async function updateProduct(id: string, input: ProductInput, etag: string): Promise<Tagged<Product>> {
  const r = await request<Product>(path(id), {
    method: 'PUT',
    auth: true,
    body: input,
    headers: { 'If-Match': etag },
  });
  return tagged(r.data, r.etag);
}

export async function deleteProduct(id: string, etag: string): Promise<void> {
  await request<void>(path(id), { method: 'DELETE', auth: true, headers: { 'If-Match': etag } });
}

let categoriesCache: Promise<Category[]> | null = null;

/** Categories change only with a deployment, so one request per page load is enough. */
export function getCategories(): Promise<Category[]> {
  categoriesCache ??= request<Category[]>(`${base}/categories`)
    .then((r) => r.data)
    .catch((err: unknown) => {
      categoriesCache = null;
      throw err;
    });
  return categoriesCache;
}

let currenciesCache: Promise<CurrencyInfo[]> | null = null;

/** The currencies a product may be priced in, each with its ISO 4217 exponent and limit (default first). */
export function getCurrencies(): Promise<CurrencyInfo[]> {
  currenciesCache ??= request<CurrencyInfo[]>(`${base}/currencies`)
    .then((r) => r.data)
    .catch((err: unknown) => {
      currenciesCache = null;
      throw err;
    });
  return currenciesCache;
}

export function resetCategoriesCacheForTests(): void {
  categoriesCache = null;
  currenciesCache = null;
}
