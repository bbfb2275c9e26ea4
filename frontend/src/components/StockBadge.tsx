import { useT } from '../i18n/i18n';

/**
 * How many are left, said once: "Out of stock", "Only 2 left", and above five "In stock" or, with
 * `count`, "12 in stock".
 */
export function StockBadge({ stock, count = false }: { stock: number; count?: boolean }) {
  const t = useT();
  if (stock <= 0) return <span className="badge badge--out">{t('stock.out')}</span>;
  if (stock <= 5) return <span className="badge badge--low">{t('stock.low', { count: stock })}</span>;
  return <span className="badge badge--in">{count ? t('stock.count', { count: stock }) : t('stock.in')}</span>;
}
