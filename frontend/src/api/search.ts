import { request, queryString } from './http';
import type { ReindexStatus, SearchQuery, SearchResult, Suggestion } from './types';

export const PAGE_SIZE = 20;
/** Search serves only the first 1,000 hits of a query (deeper pages answer 400; see docs/decisions/0005-search-postgres-read-model.md). */
export const MAX_RESULT_WINDOW = 1_000;

export function search(query: SearchQuery, signal?: AbortSignal): Promise<SearchResult> {
  const qs = queryString({
    q: query.q.trim(),
    category: query.category,
    minPrice: query.minPrice,
    maxPrice: query.maxPrice,
    currency: query.currency,
    inStock: query.inStock ? 'true' : undefined,
    sort: query.sort === 'relevance' ? undefined : query.sort,
    page: query.page > 1 ? query.page : undefined,
    pageSize: PAGE_SIZE,
  });
  return request<SearchResult>(`/api/search${qs}`, { signal }).then((r) => r.data);
}

export function suggest(q: string, signal?: AbortSignal): Promise<Suggestion[]> {
  return request<{ suggestions: Suggestion[] }>(`/api/search/suggest${queryString({ q })}`, { signal }).then(
    (r) => r.data.suggestions ?? [],
  );
}

export function startReindex(): Promise<ReindexStatus> {
  return request<ReindexStatus>('/api/search/reindex', { method: 'POST', auth: true }).then((r) => r.data);
}

export function getReindexStatus(signal?: AbortSignal): Promise<ReindexStatus> {
  return request<ReindexStatus>('/api/search/reindex', { auth: true, signal }).then((r) => r.data);
}
