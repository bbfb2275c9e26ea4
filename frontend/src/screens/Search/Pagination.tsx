import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n';

interface PaginationProps {
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
}

/** Page numbers around the current one, with the first and last always reachable. */
export function pageWindow(page: number, total: number): (number | 'gap')[] {
  const pages = new Set<number>([1, total, page - 1, page, page + 1]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= total).sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && p - last > 1) out.push('gap');
    out.push(p);
  }
  return out;
}

export function Pagination({ page, totalPages, hrefFor }: PaginationProps) {
  const t = useT();
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link className="pagination__link" to={hrefFor(page - 1)} rel="prev">
          {t('pagination.previous')}
        </Link>
      ) : (
        <span className="pagination__link pagination__link--disabled" aria-hidden="true">
          {t('pagination.previous')}
        </span>
      )}
      <ul className="pagination__pages">
        {pageWindow(page, totalPages).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="pagination__gap">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                className={`pagination__link${p === page ? ' pagination__link--current' : ''}`}
                to={hrefFor(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={t('pagination.page', { page: String(p) })}
              >
                {p}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < totalPages ? (
        <Link className="pagination__link" to={hrefFor(page + 1)} rel="next">
          {t('pagination.next')}
        </Link>
      ) : (
        <span className="pagination__link pagination__link--disabled" aria-hidden="true">
          {t('pagination.next')}
        </span>
      )}
    </nav>
  );
}
