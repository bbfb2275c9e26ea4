import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { getProfile } from '../../api/auth';
import { ApiError } from '../../api/problem';
import { formatDay } from '../../lib/format';
import { useT } from '../../i18n/i18n';

type Seller = { status: 'loading' } | { status: 'ok'; name: string; since: string } | { status: 'gone' } | { status: 'unknown' };

/** "Sold by Ana" with a link to the seller's page, read from the seller's public profile. */
export function SellerCard({ ownerId }: { ownerId: string }) {
  const [seller, setSeller] = useState<Seller>({ status: 'loading' });
  const t = useT();

  useEffect(() => {
    const ac = new AbortController();
    setSeller({ status: 'loading' });
    getProfile(ownerId, ac.signal)
      .then((p) => setSeller({ status: 'ok', name: p.displayName, since: p.memberSince }))
      .catch((err: unknown) => {
        if (ac.signal.aborted) return;
        // Without the name the page still works: the link to the seller's products stays.
        setSeller({ status: err instanceof ApiError && err.status === 404 ? 'gone' : 'unknown' });
      });
    return () => ac.abort();
  }, [ownerId]);

  const sellerPath = `/sellers/${encodeURIComponent(ownerId)}`;
  return (
    <section className="seller-card card card--padded" aria-label={t('seller.label')}>
      <p className="seller-card__name">
        {t('seller.soldBy')}{' '}
        {seller.status === 'ok' ? (
          <Link to={sellerPath}>{seller.name}</Link>
        ) : seller.status === 'gone' ? (
          <span>{t('seller.former')}</span>
        ) : (
          <Link to={sellerPath}>{seller.status === 'loading' ? '…' : t('seller.this')}</Link>
        )}
      </p>
      {seller.status === 'ok' && <p className="muted">{t('seller.since', { date: formatDay(seller.since) })}</p>}
      {seller.status !== 'gone' && (
        <Link to={sellerPath} className="btn btn--secondary btn--small">
          {t('seller.more')}
        </Link>
      )}
    </section>
  );
}
