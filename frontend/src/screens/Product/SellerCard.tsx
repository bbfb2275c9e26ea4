import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { getProfile } from '../../api/auth';
import { ApiError } from '../../api/problem';
import { formatDay } from '../../lib/format';

type Seller = { status: 'loading' } | { status: 'ok'; name: string; since: string } | { status: 'gone' } | { status: 'unknown' };

/** "Sold by Ana" with a link to the seller's page, read from the seller's public profile. */
export function SellerCard({ ownerId }: { ownerId: string }) {
  const [seller, setSeller] = useState<Seller>({ status: 'loading' });

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
    <section className="seller-card card card--padded" aria-label="Seller">
      <p className="seller-card__name">
        Sold by{' '}
        {seller.status === 'ok' ? (
          <Link to={sellerPath}>{seller.name}</Link>
        ) : seller.status === 'gone' ? (
          <span>a former member</span>
        ) : (
          <Link to={sellerPath}>{seller.status === 'loading' ? '…' : 'this seller'}</Link>
        )}
      </p>
      {seller.status === 'ok' && <p className="muted">On Covacha since {formatDay(seller.since)}</p>}
      {seller.status !== 'gone' && (
        <Link to={sellerPath} className="btn btn--secondary btn--small">
          More from this seller
        </Link>
      )}
    </section>
  );
}
