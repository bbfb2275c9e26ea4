import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, messageOf } from '../../api/problem';
import { deleteProduct, getProduct, takeDownProduct } from '../../api/products';
import type { Product, Tagged } from '../../api/types';
import { useAuth, useCanManage } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProductImage } from '../../components/ProductImage';
import { Spinner } from '../../components/Spinner';
import { StockBadge } from '../../components/StockBadge';
import { formatDate, formatDay, formatPrice } from '../../lib/format';
import { useDocumentTitle } from '../../lib/hooks';
import { backLinkOf } from '../../lib/backLink';
import { useCategories } from '../../lib/useCategories';
import { SellerCard } from './SellerCard';
import { TakedownDialog } from './TakedownDialog';
import { t as translateNow, useT } from '../../i18n/i18n';
import { localizeServerText } from '../../i18n/serverText';
import type { FlashState } from '../../components/Flash';
import { later, type Said } from '../../i18n/said';

type Load =
  | { status: 'loading' }
  | { status: 'ok'; product: Tagged<Product> }
  | { status: 'missing' }
  | { status: 'error'; message: Said };

export function ProductScreen() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { user } = useAuth();
  const { nameOf } = useCategories();
  const t = useT();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [actionError, setActionError] = useState<Said | null>(null);
  const [takingDown, setTakingDown] = useState<'closed' | 'open' | 'busy'>('closed');
  const [takedownError, setTakedownError] = useState<Said | null>(null);
  const product = load.status === 'ok' ? load.product.value : null;
  const canManage = useCanManage(product?.ownerId);
  useDocumentTitle(product?.name ?? (load.status === 'missing' ? t('product.notFound') : t('product.docTitle')));
  const back = backLinkOf(location.state);

  const fetchProduct = useCallback(
    (signal?: AbortSignal) => {
      setLoad({ status: 'loading' });
      getProduct(id, signal)
        .then((p) => setLoad({ status: 'ok', product: p }))
        .catch((err: unknown) => {
          if (signal?.aborted) return;
          if (err instanceof ApiError && (err.status === 404 || err.status === 400)) setLoad({ status: 'missing' });
          else setLoad({ status: 'error', message: () => messageOf(err) });
        });
    },
    [id],
  );

  useEffect(() => {
    const ac = new AbortController();
    fetchProduct(ac.signal);
    return () => ac.abort();
  }, [fetchProduct]);

  async function onDelete() {
    if (load.status !== 'ok') return;
    setDeleting(true);
    setActionError(null);
    try {
      await deleteProduct(id, load.product.etag);
      const own = user?.id === load.product.value.ownerId;
      navigate(own ? '/my/products' : '/', {
        replace: true,
        state: { flash: { key: 'product.deleted', params: { name: load.product.value.name } } } satisfies FlashState,
      });
    } catch (err) {
      setConfirming(false);
      setDeleting(false);
      if (err instanceof ApiError && err.status === 412) {
        setActionError(later(() => translateNow('product.deleteConflict')));
        fetchProduct();
      } else if (err instanceof ApiError && err.status === 404) {
        setLoad({ status: 'missing' });
      } else {
        setActionError(later(() => messageOf(err)));
      }
    }
  }

  async function onTakeDown(reason: string) {
    setTakingDown('busy');
    setTakedownError(null);
    try {
      const taken = await takeDownProduct(id, reason);
      setLoad({ status: 'ok', product: taken });
      setTakingDown('closed');
    } catch (err) {
      setTakingDown('open');
      setTakedownError(later(() => messageOf(err)));
    }
  }

  if (load.status === 'loading') return <Spinner label={t('product.loading')} />;
  if (load.status === 'missing') {
    return (
      <section className="page narrow empty-state" aria-labelledby="missing-title">
        <h1 id="missing-title">{t('product.notFound')}</h1>
        <p>{t('product.notFoundBody')}</p>
        <Link to="/" className="btn btn--primary">
          {t('back.search')}
        </Link>
      </section>
    );
  }
  if (load.status === 'error') {
    return (
      <section className="page narrow" aria-labelledby="error-title">
        <h1 id="error-title">{t('product.docTitle')}</h1>
        <Alert kind="error" title={t('product.loadError')} onRetry={() => fetchProduct()}>
          {load.message()}
        </Alert>
      </section>
    );
  }

  const p = load.product.value;
  const takenDown = p.takedown;
  return (
    <article className="page product-page" aria-labelledby="product-title">
      <p className="breadcrumb">
        <Link to={back.from}>← {back.label}</Link>
      </p>
      {actionError && <Alert kind="warning">{actionError()}</Alert>}
      {takenDown && (
        <Alert kind="error" title={t('product.takenDownTitle')}>
          {t('product.takenDownBody', { date: formatDay(takenDown.at), reason: localizeServerText(takenDown.reason) ?? takenDown.reason })}
        </Alert>
      )}
      <div className="product">
        <div className="product__media">
          <ProductImage url={p.imageUrl} alt={p.name} name={p.name} category={p.category} categoryName={nameOf(p.category)} seed={p.id} className="product__image" />
        </div>
        <div className="product__info">
          <p className="product__category">{nameOf(p.category)}</p>
          <h1 id="product-title" className="product__name">
            {p.name}
          </h1>
          <p className="product__price price price--large">{formatPrice(p.price, p.currency)}</p>
          <p className="product__stock">
            <StockBadge stock={p.stock} count />
          </p>
          {canManage && !takenDown && (
            <div className="product__actions" role="group" aria-label={t('product.manage')}>
              <Link to={`/products/${encodeURIComponent(p.id)}/edit`} state={back.state} className="btn btn--primary">
                {t('product.edit')}
              </Link>
              <button type="button" className="btn btn--danger-outline" onClick={() => setConfirming(true)}>
                {t('product.delete')}
              </button>
              {user?.role === 'admin' && user.id !== p.ownerId && (
                <button
                  type="button"
                  className="btn btn--danger-outline"
                  onClick={() => {
                    setTakedownError(null);
                    setTakingDown('open');
                  }}
                >
                  {t('product.takeDown')}
                </button>
              )}
            </div>
          )}
          {!takenDown && <SellerCard ownerId={p.ownerId} />}
          <h2 className="product__subtitle">{t('product.description')}</h2>
          <p className="product__description">{p.description || t('product.noDescription')}</p>
          <dl className="product__facts">
            <div>
              <dt>{t('product.category')}</dt>
              <dd>{nameOf(p.category)}</dd>
            </div>
            <div>
              <dt>{t('product.currency')}</dt>
              <dd>{p.currency}</dd>
            </div>
            <div>
              <dt>{t('product.listed')}</dt>
              <dd>{formatDate(p.createdAt)}</dd>
            </div>
            <div>
              <dt>{t('product.updated')}</dt>
              <dd>{formatDate(p.updatedAt)}</dd>
            </div>
          </dl>
        </div>
      </div>
      <TakedownDialog
        open={takingDown !== 'closed'}
        productName={p.name}
        busy={takingDown === 'busy'}
        error={takedownError?.() ?? null}
        onConfirm={(reason) => void onTakeDown(reason)}
        onCancel={() => setTakingDown('closed')}
      />
      <ConfirmDialog
        open={confirming}
        title={t('product.deleteTitle')}
        confirmLabel={t('product.delete')}
        danger
        busy={deleting}
        onConfirm={onDelete}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('product.deleteBody', { name: p.name })}</p>
      </ConfirmDialog>
    </article>
  );
}
