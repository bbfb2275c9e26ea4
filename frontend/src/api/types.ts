// Shapes from docs/contract.md and the OpenAPI documents (functions/*/openapi.yaml). JSON is camelCase.

export type Role = 'user' | 'admin';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** False until the address is confirmed through the mailed link; unverified accounts may not publish. */
  emailVerified?: boolean;
}

export interface AdminUser extends User {
  createdAt: string;
  /** Set while an admin has the account suspended (no logins, sessions ended). */
  suspendedAt: string | null;
}

/** What anyone may read about a seller (GET /api/auth/profiles/{id}). */
export interface PublicProfile {
  id: string;
  displayName: string;
  memberSince: string;
}

/** Who took a product down, when and why; `by` is null when the seller's account was deleted. */
export interface Takedown {
  at: string;
  by: string | null;
  reason: string;
}

export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface Product {
  id: string;
  ownerId: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  category: string;
  imageUrl: string | null;
  stock: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Only on a product an admin took down, shown to its seller and to admins. */
  takedown?: Takedown;
}

/** What the create and full-update endpoints accept. */
export interface ProductInput {
  name: string;
  description: string;
  price: number;
  currency: string;
  category: string;
  imageUrl: string | null;
  stock: number;
}

/** GET /api/products/currencies: a currency a product may be priced in. */
export interface CurrencyInfo {
  code: string;
  /** ISO 4217 exponent: decimals of the minor unit. */
  exponent: number;
  /** The highest price accepted, in major units. */
  maxPrice: number;
  default: boolean;
}

export interface Category {
  id: string;
  name: string;
}

export interface ProductPage {
  items: Product[];
  nextCursor: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type SortOrder = 'relevance' | 'price_asc' | 'price_desc' | 'newest';

export interface SearchQuery {
  q: string;
  category: string;
  minPrice: string;
  maxPrice: string;
  /** The currency of the price range and price sort; empty for the catalogue's default. */
  currency: string;
  inStock: boolean;
  sort: SortOrder;
  page: number;
}

export interface SearchHit {
  id: string;
  name: string;
  snippet: string;
  price: number;
  currency: string;
  category: string;
  imageUrl: string | null;
  stock: number;
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: SearchHit[];
  facets: { category: Record<string, number> };
  /** The currency the price filter and price sort applied to; null when neither was used. */
  currency?: string | null;
  /** The catalogue's currencies, the default first. */
  currencies?: string[];
}

export interface Suggestion {
  id: string;
  name: string;
}

export type ReindexState = 'idle' | 'running' | 'completed' | 'failed';

export interface ReindexStatus {
  state: ReindexState;
  processed: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

/** A value plus the entity tag the server sent with it, for If-Match. */
export interface Tagged<T> {
  value: T;
  etag: string;
}
