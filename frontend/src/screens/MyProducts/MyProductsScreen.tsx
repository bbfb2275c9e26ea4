import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, messageOf } from '../../api/problem';
import { deleteProduct, etagOf, listMyProducts } from '../../api/products';
import type { Product } from '../../api/types';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProductImage } from '../../components/ProductImage';
import { Spinner } from '../../components/Spinner';
import { StockBadge } from '../../components/StockBadge';
import { MY_PRODUCTS_BACK } from '../../lib/backLink';
import { formatDate, formatDay, formatPrice } from '../../lib/format';
import { useDocumentTitle } from '../../lib/hooks';
import { useCategories } from '../../lib/useCategories';
import { t as translateNow, useT } from '../../i18n/i18n';
import type { Said } from '../../i18n/said';
import { localizeServerText } from '../../i18n/serverText';

interface ListState {
  items: Product[];
  nextCursor: string | null;
  status: 'loading' | 'ok' | 'error' | 'more';
  error: Said | null;
}

export function MyProductsScreen() {
  const t = useT();
  useDocumentTitle(t('nav.myProducts'));
  const { nameOf } = useCategories();
  const [list, setList] = useState<ListState>({ items: [], nextCursor: null, status: 'loading', error: null });
  const [toDelete, setToDelete] = useState<Product | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error' | 'warning'; text: Said } | null>(null);

  const loadFirst = useCallback((signal?: AbortSignal) => {
    setList((l) => ({ ...l, status: 'loading', error: null }));
    listMyProducts(null, 20, signal)
      .then((page) => setList({ items: page.items, nextCursor: page.nextCursor, status: 'ok', error: null }))
      .catch((err: unknown) => {
        if (signal?.aborted) return;
        setList((l) => ({ ...l, status: 'error', error: () => messageOf(err) }));
      });
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    loadFirst(ac.signal);
    return () => ac.abort();
  }, [loadFirst]);

  async function loadMore() {
    if (!list.nextCursor) return;
    setList((l) => ({ ...l, status: 'more', error: null }));
    try {
      const page = await listMyProducts(list.nextCursor);
      setList((l) => {
        const seen = new Set(l.items.map((p) => p.id));
        return {
          items: [...l.items, ...page.items.filter((p) => !seen.has(p.id))],
          nextCursor: page.nextCursor,
          status: 'ok',
          error: null,
        };
      });
    } catch (err) {
      setList((l) => ({ ...l, status: 'ok', error: () => messageOf(err) }));
    }
  }

  async function confirmDelete() {
    if (!toDelete) return;
    const target = toDelete;
    setDeleting(true);
    try {
      await deleteProduct(target.id, etagOf(target));
      setList((l) => ({ ...l, items: l.items.filter((p) => p.id !== target.id) }));
      setNotice({ kind: 'success', text: () => translateNow('product.deleted', { name: target.name }) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        setList((l) => ({ ...l, items: l.items.filter((p) => p.id !== target.id) }));
        setNotice({ kind: 'success', text: () => translateNow('my.alreadyGone', { name: target.name }) });
      } else if (err instanceof ApiError && err.status === 412) {
        setNotice({
          kind: 'warning',
          text: () => translateNow('my.changedElsewhere', { name: target.name }),
        });
        loadFirst();
      } else {
        setNotice({ kind: 'error', text: () => messageOf(err) });
      }
    } finally {
      setDeleting(false);
      setToDelete(null);
    }
  }

  return (
    <section className="page my-products" aria-labelledby="my-title">
      <div className="page__header">
        <h1 id="my-title">{t('nav.myProducts')}</h1>
        <Link to="/my/products/new" className="btn btn--primary">
          {t('my.new')}
        </Link>
      </div>

      {notice && <Alert kind={notice.kind}>{notice.text()}</Alert>}

      {list.status === 'loading' && <Spinner label={t('my.loading')} />}
      {list.status === 'error' && (
        <Alert kind="error" title={t('my.loadError')} onRetry={() => loadFirst()}>
          {list.error?.()}
        </Alert>
      )}

      {list.status !== 'loading' && list.status !== 'error' && list.items.length === 0 && (
        <div className="empty-state card card--padded">
          <p className="empty-state__title">{t('my.emptyTitle')}</p>
          <p className="muted">{t('my.emptyBody')}</p>
          <Link to="/my/products/new" className="btn btn--primary">
            {t('my.publish')}
          </Link>
        </div>
      )}

      {list.items.length > 0 && list.status !== 'loading' && (
        <ul className="owned-list" aria-label={t('my.list')}>
          {list.items.map((p) => (
            <li key={p.id} className="owned card">
              <ProductImage url={p.imageUrl} alt="" name={p.name} category={p.category} categoryName={nameOf(p.category)} seed={p.id} className="owned__image" />
              <div className="owned__body">
                <h2 className="owned__name">
                  <Link to={`/products/${encodeURIComponent(p.id)}`} state={MY_PRODUCTS_BACK}>
                    {p.name}
                  </Link>
                </h2>
                <p className="owned__meta">
                  <span className="price">{formatPrice(p.price, p.currency)}</span>
                  <span aria-hidden="true"> · </span>
                  <span>{nameOf(p.category)}</span>
                  <span aria-hidden="true"> · </span>
                  <span>{t('my.updated', { date: formatDate(p.updatedAt) })}</span>
                </p>
                {p.takedown ? (
                  <p className="owned__takedown">
                    <span className="badge badge--danger">{t('my.takenDown')}</span>{' '}
                    <span>
                      {t('my.takenDownBy', {
                        date: formatDay(p.takedown.at),
                        reason: localizeServerText(p.takedown.reason) ?? p.takedown.reason,
                      })}
                    </span>
                  </p>
                ) : (
                  <p>
                    <StockBadge stock={p.stock} count />
                  </p>
                )}
              </div>
              {!p.takedown && (
              <div className="owned__actions">
                <Link
                  to={`/products/${encodeURIComponent(p.id)}/edit`}
                  state={MY_PRODUCTS_BACK}
                  className="btn btn--secondary btn--small"
                  aria-label={t('my.editNamed', { name: p.name })}
                >
                  {t('product.edit')}
                </Link>
                <button
                  type="button"
                  className="btn btn--danger-outline btn--small"
                  aria-label={t('my.deleteNamed', { name: p.name })}
                  onClick={() => {
                    setNotice(null);
                    setToDelete(p);
                  }}
                >
                  {t('product.delete')}
                </button>
              </div>
              )}
            </li>
          ))}
        </ul>
      )}

      {list.error && list.status === 'ok' && <Alert kind="error">{list.error()}</Alert>}
      {list.nextCursor && list.status !== 'loading' && list.status !== 'error' && (
        <div className="center">
          <button type="button" className="btn btn--secondary" onClick={loadMore} disabled={list.status === 'more'}>
            {list.status === 'more' ? t('common.loading') : t('my.loadMore')}
          </button>
        </div>
      )}

      <ConfirmDialog
        open={toDelete !== null}
        title={t('product.deleteTitle')}
        confirmLabel={t('product.delete')}
        danger
        busy={deleting}
        onConfirm={confirmDelete}
        onCancel={() => setToDelete(null)}
      >
        <p>{t('product.deleteBody', { name: toDelete?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
