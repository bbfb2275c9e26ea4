import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { getProfile } from '../../api/auth';
import { ApiError, messageOf } from '../../api/problem';
import { listSellerProducts } from '../../api/products';
import type { Product, PublicProfile } from '../../api/types';
import { Alert } from '../../components/Alert';
import { ProductImage } from '../../components/ProductImage';
import { Spinner } from '../../components/Spinner';
import { StockBadge } from '../../components/StockBadge';
import { formatDay, formatPrice } from '../../lib/format';
import { useDocumentTitle } from '../../lib/hooks';
import { useCategories } from '../../lib/useCategories';
import { useT } from '../../i18n/i18n';
import type { Said } from '../../i18n/said';

const PAGE_SIZE = 24;

type Profile = { status: 'loading' } | { status: 'ok'; profile: PublicProfile } | { status: 'missing' } | { status: 'unknown' };

interface ListState {
  items: Product[];
  nextCursor: string | null;
  status: 'loading' | 'ok' | 'error' | 'more';
  error: Said | null;
}

/** A seller's public page: their display name and their live products, a page at a time. */
export function SellerScreen() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { nameOf } = useCategories();
  const [profile, setProfile] = useState<Profile>({ status: 'loading' });
  const [list, setList] = useState<ListState>({ items: [], nextCursor: null, status: 'loading', error: null });
  const name = profile.status === 'ok' ? profile.profile.displayName : null;
  const t = useT();
  useDocumentTitle(name ? t('sellerPage.docTitle', { name }) : profile.status === 'missing' ? t('sellerPage.notFound') : t('seller.label'));

  useEffect(() => {
    const ac = new AbortController();
    setProfile({ status: 'loading' });
    getProfile(id, ac.signal)
      .then((p) => setProfile({ status: 'ok', profile: p }))
      .catch((err: unknown) => {
        if (ac.signal.aborted) return;
        setProfile({ status: err instanceof ApiError && (err.status === 404 || err.status === 400) ? 'missing' : 'unknown' });
      });
    return () => ac.abort();
  }, [id]);

  const loadFirst = useCallback(
    (signal?: AbortSignal) => {
      setList({ items: [], nextCursor: null, status: 'loading', error: null });
      listSellerProducts(id, null, PAGE_SIZE, signal)
        .then((page) => setList({ items: page.items, nextCursor: page.nextCursor, status: 'ok', error: null }))
        .catch((err: unknown) => {
          if (signal?.aborted) return;
          setList((l) => ({ ...l, status: 'error', error: () => messageOf(err) }));
        });
    },
    [id],
  );

  useEffect(() => {
    const ac = new AbortController();
    loadFirst(ac.signal);
    return () => ac.abort();
  }, [loadFirst]);

  async function loadMore() {
    if (!list.nextCursor) return;
    setList((l) => ({ ...l, status: 'more', error: null }));
    try {
      const page = await listSellerProducts(id, list.nextCursor, PAGE_SIZE);
      setList((l) => {
        const seen = new Set(l.items.map((p) => p.id));
        return { items: [...l.items, ...page.items.filter((p) => !seen.has(p.id))], nextCursor: page.nextCursor, status: 'ok', error: null };
      });
    } catch (err) {
      setList((l) => ({ ...l, status: 'ok', error: () => messageOf(err) }));
    }
  }

  if (profile.status === 'missing') {
    return (
      <section className="page narrow empty-state" aria-labelledby="seller-missing-title">
        <h1 id="seller-missing-title">{t('sellerPage.notFound')}</h1>
        <p>{t('sellerPage.notFoundBody')}</p>
        <Link to="/" className="btn btn--primary">
          {t('back.search')}
        </Link>
      </section>
    );
  }

  const from = `${location.pathname}${location.search}`;
  return (
    <section className="page seller-page" aria-labelledby="seller-title">
      <div className="page__header">
        <div>
          <h1 id="seller-title">{name ?? (profile.status === 'loading' ? t('seller.label') : t('sellerPage.this'))}</h1>
          {profile.status === 'ok' && <p className="muted">{t('seller.since', { date: formatDay(profile.profile.memberSince) })}</p>}
        </div>
      </div>

      {list.status === 'loading' && <Spinner label={t('sellerPage.loading')} />}
      {list.status === 'error' && (
        <Alert kind="error" title={t('sellerPage.loadError')} onRetry={() => loadFirst()}>
          {list.error?.()}
        </Alert>
      )}
      {list.status !== 'loading' && list.status !== 'error' && list.items.length === 0 && (
        <div className="empty-state card card--padded">
          <p className="empty-state__title">{t('sellerPage.emptyTitle')}</p>
          <p className="muted">{t('sellerPage.emptyBody')}</p>
        </div>
      )}
      {list.items.length > 0 && list.status !== 'loading' && (
        <ul className="results__grid" aria-label={name ? t('sellerPage.productsFrom', { name }) : t('sellerPage.productsFromThis')}>
          {list.items.map((p) => (
            <li key={p.id} className="result card">
              <ProductImage url={p.imageUrl} alt="" name={p.name} category={p.category} categoryName={nameOf(p.category)} seed={p.id} className="result__image" />
              <div className="result__body">
                <p className="result__category">{nameOf(p.category)}</p>
                <h2 className="result__name">
                  <Link to={`/products/${encodeURIComponent(p.id)}`} state={{ from }} className="stretched-link">
                    {p.name}
                  </Link>
                </h2>
                <div className="result__footer">
                  <span className="price">{formatPrice(p.price, p.currency)}</span>
                  <StockBadge stock={p.stock} />
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.error && list.status === 'ok' && <Alert kind="error">{list.error()}</Alert>}
      {list.nextCursor && list.status !== 'loading' && list.status !== 'error' && (
        <div className="center">
          <button type="button" className="btn btn--secondary" onClick={() => void loadMore()} disabled={list.status === 'more'}>
            {list.status === 'more' ? t('common.loading') : t('seller.more')}
          </button>
        </div>
      )}
    </section>
  );
}
