/**
 * How many are left, said once: "Out of stock", "Only 2 left", and above five "In stock" or, with
 * `count`, "12 in stock".
 */
export function StockBadge({ stock, count = false }: { stock: number; count?: boolean }) {
  if (stock <= 0) return <span className="badge badge--out">Out of stock</span>;
  if (stock <= 5) return <span className="badge badge--low">Only {stock} left</span>;
  return <span className="badge badge--in">{count ? `${stock} in stock` : 'In stock'}</span>;
}
