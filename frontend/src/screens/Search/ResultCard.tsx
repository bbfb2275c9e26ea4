import { Link } from 'react-router-dom';
import type { SearchHit } from '../../api/types';
import { ProductImage } from '../../components/ProductImage';
import { StockBadge } from '../../components/StockBadge';
import { formatPrice } from '../../lib/format';

export function ResultCard({ hit, categoryName, from }: { hit: SearchHit; categoryName: string; from: string }) {
  return (
    <li className="result card">
      <ProductImage url={hit.imageUrl} alt="" name={hit.name} category={hit.category} categoryName={categoryName} seed={hit.id} className="result__image" />
      <div className="result__body">
        <p className="result__category">{categoryName}</p>
        <h3 className="result__name">
          <Link to={`/products/${encodeURIComponent(hit.id)}`} state={{ from }} className="stretched-link">
            {hit.name}
          </Link>
        </h3>
        {hit.snippet && <p className="result__snippet">{hit.snippet}</p>}
        <div className="result__footer">
          <span className="price" data-testid="price">
            {formatPrice(hit.price, hit.currency)}
          </span>
          <StockBadge stock={hit.stock} />
        </div>
      </div>
    </li>
  );
}

export function ResultSkeleton() {
  return (
    <li className="result card result--skeleton" aria-hidden="true">
      <div className="product-image result__image skeleton" />
      <div className="result__body">
        <div className="skeleton skeleton--line skeleton--short" />
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--line skeleton--short" />
      </div>
    </li>
  );
}
