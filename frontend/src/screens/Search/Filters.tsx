import { useEffect, useState, type FormEvent } from 'react';
import type { Category, SearchQuery } from '../../api/types';

interface FiltersProps {
  query: SearchQuery;
  categories: Category[];
  counts: Record<string, number> | null;
  onChange: (patch: Partial<SearchQuery>) => void;
  onClear: () => void;
  id: string;
  open: boolean;
}

export function Filters({ query, categories, counts, onChange, onClear, id, open }: FiltersProps) {
  const [min, setMin] = useState(query.minPrice);
  const [max, setMax] = useState(query.maxPrice);
  const [priceError, setPriceError] = useState<string | null>(null);

  // Back/forward or a shared link changes the URL: show its values.
  useEffect(() => {
    setMin(query.minPrice);
    setMax(query.maxPrice);
    setPriceError(null);
  }, [query.minPrice, query.maxPrice]);

  function applyPrice(e: FormEvent) {
    e.preventDefault();
    const lo = min.trim() === '' ? null : Number(min);
    const hi = max.trim() === '' ? null : Number(max);
    if ((lo !== null && (!Number.isFinite(lo) || lo < 0)) || (hi !== null && (!Number.isFinite(hi) || hi < 0))) {
      setPriceError('Prices must be zero or more.');
      return;
    }
    if (lo !== null && hi !== null && lo > hi) {
      setPriceError('The minimum is above the maximum.');
      return;
    }
    setPriceError(null);
    onChange({ minPrice: lo === null ? '' : String(lo), maxPrice: hi === null ? '' : String(hi), page: 1 });
  }

  const count = (cat: string) => counts?.[cat] ?? 0;
  const allCount = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
  // Categories with hits first-class; empty ones stay listed (dimmed) so the list does not jump.
  return (
    <aside id={id} className={`filters${open ? ' filters--open' : ''}`} aria-label="Filters">
      <fieldset className="filters__group">
        <legend>Category</legend>
        <ul className="filters__list">
          <li>
            <label className="choice">
              <input
                type="radio"
                name="category"
                value=""
                checked={query.category === ''}
                onChange={() => onChange({ category: '', page: 1 })}
              />
              <span className="choice__label">All categories</span>
              {allCount !== null && <span className="choice__count">{allCount}</span>}
            </label>
          </li>
          {categories.map((c) => (
            <li key={c.id}>
              <label className={`choice${counts && count(c.id) === 0 ? ' choice--empty' : ''}`}>
                <input
                  type="radio"
                  name="category"
                  value={c.id}
                  checked={query.category === c.id}
                  onChange={() => onChange({ category: c.id, page: 1 })}
                />
                <span className="choice__label">{c.name}</span>
                {counts && (
                  <span className="choice__count" aria-label={`${count(c.id)} results`}>
                    {count(c.id)}
                  </span>
                )}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <form className="filters__group" onSubmit={applyPrice} aria-labelledby="price-legend" noValidate>
        <p id="price-legend" className="legend">
          Price
        </p>
        <div className="price-range">
          <PriceInput label="Min" name="minPrice" value={min} onChange={setMin} invalid={!!priceError} />
          <span aria-hidden="true" className="price-range__dash">
            –
          </span>
          <PriceInput label="Max" name="maxPrice" value={max} onChange={setMax} invalid={!!priceError} />
        </div>
        {priceError && (
          <p id="price-error" className="field__error">
            {priceError}
          </p>
        )}
        <button type="submit" className="btn btn--secondary btn--small">
          Apply price
        </button>
      </form>

      <div className="filters__group">
        <label className="choice choice--switch">
          <input
            type="checkbox"
            checked={query.inStock}
            onChange={(e) => onChange({ inStock: e.target.checked, page: 1 })}
          />
          <span className="choice__label">In stock only</span>
        </label>
      </div>

      <button type="button" className="btn btn--ghost btn--small" onClick={onClear}>
        Clear filters
      </button>
    </aside>
  );
}

interface PriceInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
}

/** One end of the price range; both ends point at the one range error. */
function PriceInput({ label, name, value, onChange, invalid }: PriceInputProps) {
  return (
    <label className="price-range__field">
      <span>{label}</span>
      <input
        className="input"
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? 'price-error' : undefined}
      />
    </label>
  );
}
