import type { SearchQuery, SortOrder } from '../../api/types';
import type { MessageKey } from '../../i18n/messages';

export const SORTS: { value: SortOrder; label: MessageKey }[] = [
  { value: 'relevance', label: 'sort.relevance' },
  { value: 'newest', label: 'sort.newest' },
  { value: 'price_asc', label: 'sort.priceAsc' },
  { value: 'price_desc', label: 'sort.priceDesc' },
];

const SORT_VALUES = new Set<string>(SORTS.map((s) => s.value));

function price(v: string | null): string {
  if (v === null || v.trim() === '') return '';
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? String(n) : '';
}

/** The URL is the source of truth for the search, so links and back/forward just work. */
export function parseQuery(params: URLSearchParams): SearchQuery {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const sort = params.get('sort') ?? 'relevance';
  return {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    minPrice: price(params.get('minPrice')),
    maxPrice: price(params.get('maxPrice')),
    currency: /^[A-Z]{3}$/.test(params.get('currency') ?? '') ? params.get('currency')! : '',
    inStock: params.get('inStock') === 'true',
    sort: (SORT_VALUES.has(sort) ? sort : 'relevance') as SortOrder,
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** Only non-default values go into the URL, so shared links stay short. */
export function toParams(q: SearchQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.q.trim()) p.set('q', q.q);
  if (q.category) p.set('category', q.category);
  if (q.minPrice) p.set('minPrice', q.minPrice);
  if (q.maxPrice) p.set('maxPrice', q.maxPrice);
  if (q.currency) p.set('currency', q.currency);
  if (q.inStock) p.set('inStock', 'true');
  if (q.sort !== 'relevance') p.set('sort', q.sort);
  if (q.page > 1) p.set('page', String(q.page));
  return p;
}

export function hasFilters(q: SearchQuery): boolean {
  return !!(q.category || q.minPrice || q.maxPrice || q.currency || q.inStock);
}
