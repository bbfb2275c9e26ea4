import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { messageOf } from '../../api/problem';
import { MAX_RESULT_WINDOW, PAGE_SIZE, search } from '../../api/search';
import type { SearchQuery, SearchResult } from '../../api/types';
import { Alert } from '../../components/Alert';
import { useDebouncedValue, useDocumentTitle } from '../../lib/hooks';
import { useCategories } from '../../lib/useCategories';
import { Filters } from './Filters';
import { Pagination } from './Pagination';
import { ResultCard, ResultSkeleton } from './ResultCard';
import { SearchBox } from './SearchBox';
import { hasFilters, parseQuery, SORTS, toParams } from './searchParams';
import { useT } from '../../i18n/i18n';
import type { Said } from '../../i18n/said';

export const SEARCH_DELAY_MS = 250;

/** History state of an entry written by typing: `base` is the committed search it started from. */
interface Draft {
  searchDraft: true;
  base: string;
}

function draftOf(state: unknown): Draft | null {
  const s = state as Partial<Draft> | null;
  return s?.searchDraft === true && typeof s.base === 'string' ? { searchDraft: true, base: s.base } : null;
}

/** `shownQ` is the query of the results on screen, which lag the URL while loading. */
type Load =
  | { status: 'loading'; data: SearchResult | null; shownQ: string }
  | { status: 'ok'; data: SearchResult; shownQ: string }
  | { status: 'error'; data: SearchResult | null; shownQ: string; message: Said };

export function SearchScreen() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const query = useMemo(() => parseQuery(params), [params]);
  const queryKey = toParams(query).toString();
  const { categories, nameOf } = useCategories();
  const t = useT();
  useDocumentTitle(query.q ? `“${query.q}”` : t('search.docTitle'));

  const [load, setLoad] = useState<Load>({ status: 'loading', data: null, shownQ: '' });
  const [retry, setRetry] = useState(0);
  const [filtersOpen, setFiltersOpen] = useState(false);

  // The box is edited locally and written to the URL after a pause in typing.
  const [text, setText] = useState(query.q);
  const textRef = useRef(text);
  textRef.current = text;
  const latest = useRef(query);
  latest.current = query;
  // History behaves like pages: typing writes a *draft* entry (pushed once from the committed
  // entry it started at, its `base`, then replaced as the typing goes on); Enter, a filter, the
  // sort or a page commits. Entries carry this in their history state, so Back and Forward land
  // on entries that know what they are, and nothing is pushed twice.
  const location = useLocation();
  const draft = draftOf(location.state);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  // The q this screen last wrote to the URL: when it comes back as the URL's q it is our own echo,
  // and the box (where the user may have typed on meanwhile) is left alone. Any other change of
  // the URL's q (Back, Forward, a link) is shown in the box.
  const written = useRef<string | null>(null);
  useEffect(() => {
    if (written.current !== null && written.current.trim() === query.q.trim()) {
      written.current = null;
      return;
    }
    written.current = null;
    setText((t) => (t.trim() === query.q.trim() ? t : query.q));
  }, [query.q]);
  const debouncedText = useDebouncedValue(text, SEARCH_DELAY_MS);

  /**
   * Writes `next` as a committed entry. Enter (`finish`) makes the typing's draft final where it
   * stands (a new entry beside it would repeat it); a filter, the sort or a page pushes one.
   */
  const commit = useCallback(
    (next: SearchQuery, opts: { finish?: boolean } = {}) => {
      const qs = toParams(next).toString();
      const d = opts.finish ? draftRef.current : null;
      if (!d && qs === toParams(latest.current).toString()) return; // already on screen and committed
      written.current = next.q;
      if (d && qs === d.base) navigate(-1); // the draft is back where it started: return there
      else setParams(qs, { replace: !!d });
    },
    [navigate, setParams],
  );
  const update = useCallback(
    // A commit searches what is in the box now, even while its pause is still running.
    (patch: Partial<SearchQuery>) => commit({ ...latest.current, q: textRef.current, ...patch }),
    [commit],
  );
  // setParams and navigate change with every location; the typing effect below must run only when
  // the typed text settles, or Back (a new location, the old text still settled) would write again.
  const writeDraft = useRef<(q: string) => void>(() => {});
  writeDraft.current = (q: string) => {
    const here = toParams(latest.current).toString();
    const qs = toParams({ ...latest.current, q, page: 1 }).toString();
    const d = draftRef.current;
    written.current = q;
    if (d && qs === d.base) navigate(-1);
    else if (d) setParams(qs, { replace: true, state: d });
    else setParams(qs, { state: { searchDraft: true, base: here } satisfies Draft });
  };
  // Set when a suggestion is picked: the screen is being left, and a search URL written now
  // would be pushed after the product page.
  const leaving = useRef(false);

  useEffect(() => {
    if (leaving.current) return;
    if (debouncedText.trim() === latest.current.q.trim()) return;
    writeDraft.current(debouncedText);
  }, [debouncedText]);

  // Search serves the first 1,000 hits of a query; a page past them (an old link, an edited URL)
  // is answered here in words, without asking for what the server refuses.
  const lastServedPage = Math.ceil(MAX_RESULT_WINDOW / PAGE_SIZE);
  const beyond = query.page > lastServedPage;

  useEffect(() => {
    const ac = new AbortController();
    const q = parseQuery(new URLSearchParams(queryKey));
    if (q.page > lastServedPage) return;
    setLoad((l) => ({ status: 'loading', data: l.data, shownQ: l.shownQ }));
    search(q, ac.signal)
      .then((data) => setLoad({ status: 'ok', data, shownQ: q.q.trim() }))
      .catch((err: unknown) => {
        if (ac.signal.aborted) return;
        setLoad((l) => ({ status: 'error', data: l.data, shownQ: l.shownQ, message: () => messageOf(err) }));
      });
    return () => ac.abort();
  }, [queryKey, retry, lastServedPage]);

  const data = load.data;
  const pageSize = data?.pageSize || PAGE_SIZE;
  const totalPages = data
    ? Math.max(1, Math.ceil(Math.min(data.total, MAX_RESULT_WINDOW) / pageSize))
    : 1;
  const hrefFor = (page: number) => {
    const qs = toParams({ ...query, page }).toString();
    return qs ? `/?${qs}` : '/';
  };
  const activeFilters = [query.category, query.minPrice, query.maxPrice, query.inStock].filter(Boolean).length;

  return (
    <div className="page search-page">
      <section className="hero" aria-labelledby="search-title">
        <h1 id="search-title" className="hero__title">
          {t('search.title')}
        </h1>
        <p className="hero__subtitle">{t('search.subtitle')}</p>
        <SearchBox
          value={text}
          onChange={setText}
          onSubmit={(t) => {
            setText(t);
            textRef.current = t;
            commit({ ...latest.current, q: t, page: t.trim() === query.q.trim() ? query.page : 1 }, { finish: true });
          }}
          onPick={(s) => {
            leaving.current = true;
            navigate(`/products/${encodeURIComponent(s.id)}`);
          }}
        />
      </section>

      <div className="search-layout">
        <div className="search-layout__filters">
          <button
            type="button"
            className="btn btn--secondary filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="search-filters"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {activeFilters ? t('search.filtersCount', { count: activeFilters }) : t('search.filters')}
          </button>
          <Filters
            id="search-filters"
            open={filtersOpen}
            query={query}
            categories={categories}
            counts={data?.facets?.category ?? null}
            currencies={data?.currencies ?? null}
            onChange={(p) => update(p)}
            onClear={() => update({ category: '', minPrice: '', maxPrice: '', currency: '', inStock: false, page: 1 })}
          />
        </div>

        <section className="results" aria-labelledby="results-heading" aria-busy={!beyond && load.status === 'loading'}>
          <div className="results__bar">
            <h2 id="results-heading" className="results__count" aria-live="polite">
              {beyond
                ? t('search.pastLast')
                : data
                  ? load.shownQ
                    ? t('search.resultsFor', { count: data.total, q: load.shownQ })
                    : t('search.results', { count: data.total })
                  : load.status === 'error'
                    ? t('search.unavailable')
                    : t('search.searching')}
            </h2>
            <label className="sort">
              <span>{t('search.sortBy')}</span>
              <select
                className="input input--select"
                value={query.sort}
                onChange={(e) => update({ sort: e.target.value as SearchQuery['sort'], page: 1 })}
              >
                {SORTS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {t(s.label)}
                  </option>
                ))}
              </select>
            </label>
          </div>

          {beyond && (
            <div className="empty-state">
              <p className="empty-state__title">{t('search.beyondTitle')}</p>
              <p className="muted">{t('search.beyondBody', { max: MAX_RESULT_WINDOW })}</p>
              <div className="empty-state__actions">
                <Link className="btn btn--secondary" to={hrefFor(1)}>
                  {t('search.goToPage1')}
                </Link>
              </div>
            </div>
          )}

          {!beyond && load.status === 'error' && (
            <Alert kind="error" title={t('search.loadError')} onRetry={() => setRetry((r) => r + 1)}>
              {load.message()}
            </Alert>
          )}

          {!beyond && !data && load.status === 'loading' && (
            <ul className="results__grid" aria-label={t('search.loadingResults')}>
              {Array.from({ length: 6 }, (_, i) => (
                <ResultSkeleton key={i} />
              ))}
            </ul>
          )}

          {!beyond && data && data.total === 0 && load.status !== 'error' && !load.shownQ && !query.q && !hasFilters(query) && (
            <div className="empty-state">
              <p className="empty-state__title">{t('search.emptyTitle')}</p>
              <p className="muted">{t('search.emptyBody')}</p>
              <div className="empty-state__actions">
                <Link className="btn btn--primary" to="/my/products/new">
                  {t('search.listFirst')}
                </Link>
              </div>
            </div>
          )}

          {!beyond && data && data.items.length === 0 && load.status !== 'error' && (load.shownQ || query.q || hasFilters(query) || data.total > 0) && (
            <div className="empty-state">
              <p className="empty-state__title">{t('search.noMatch')}</p>
              <p className="muted">
                {query.page > 1 && data.total > 0
                  ? t('search.fewerPages')
                  : t('search.tryFewer')}
              </p>
              <div className="empty-state__actions">
                {query.page > 1 && data.total > 0 && (
                  <Link className="btn btn--secondary" to={hrefFor(1)}>
                    {t('search.goToPage1')}
                  </Link>
                )}
                {hasFilters(query) && (
                  <button
                    type="button"
                    className="btn btn--secondary"
                    onClick={() => update({ category: '', minPrice: '', maxPrice: '', currency: '', inStock: false, page: 1 })}
                  >
                    {t('search.clearFilters')}
                  </button>
                )}
              </div>
            </div>
          )}

          {!beyond && data && data.items.length > 0 && (
            <>
              <ul className={`results__grid${load.status === 'loading' ? ' results__grid--stale' : ''}`}>
                {data.items.map((hit) => (
                  <ResultCard key={hit.id} hit={hit} categoryName={nameOf(hit.category)} from={hrefFor(query.page)} />
                ))}
              </ul>
              <Pagination page={query.page} totalPages={totalPages} hrefFor={hrefFor} />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
