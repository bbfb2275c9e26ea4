import { useEffect, useState, type FormEvent } from 'react';
import type { Category, SearchQuery } from '../../api/types';
import { DEFAULT_CURRENCY } from '../../lib/format';
import { formatAmountForInput, parseAmount } from '../../lib/money';
import { useCurrencies } from '../../lib/useCurrencies';
import { t as translateNow, useT } from '../../i18n/i18n';
import { later, type Said } from '../../i18n/said';

interface FiltersProps {
  query: SearchQuery;
  categories: Category[];
  counts: Record<string, number> | null;
  /** The catalogue's currencies from the search answer, the default first. */
  currencies: string[] | null;
  onChange: (patch: Partial<SearchQuery>) => void;
  onClear: () => void;
  id: string;
  open: boolean;
}

export function Filters({ query, categories, counts, currencies, onChange, onClear, id, open }: FiltersProps) {
  const { infoOf } = useCurrencies();
  const t = useT();
  const codes = currencies?.length ? currencies : [DEFAULT_CURRENCY];
  const [code, setCode] = useState(query.currency || codes[0]!);
  const currency = infoOf(code);
  // The URL holds plain numbers ("1200000.5"); the boxes show them the locale's way.
  const shown = (v: string) => (v === '' ? '' : formatAmountForInput(Number(v), currency.exponent));
  const [min, setMin] = useState(shown(query.minPrice));
  const [max, setMax] = useState(shown(query.maxPrice));
  const [priceError, setPriceError] = useState<Said | null>(null);

  // Back/forward or a shared link changes the URL: show its values.
  useEffect(() => {
    setCode(query.currency || codes[0]!);
    setMin(shown(query.minPrice));
    setMax(shown(query.maxPrice));
    setPriceError(null);
    // Only a change of the URL resets the boxes (not every render of the screen).
  }, [query.minPrice, query.maxPrice, query.currency, codes[0]]);

  function applyPrice(e: FormEvent) {
    e.preventDefault();
    const lo = parseAmount(min, { ...currency, maxPrice: undefined }, { allowZero: true });
    const hi = parseAmount(max, { ...currency, maxPrice: undefined }, { allowZero: true });
    if (!lo.ok || !hi.ok) {
      // Read again when shown, so the message follows a switch of language.
      const [typedMin, typedMax] = [min, max];
      setPriceError(
        later(() => {
          const a = parseAmount(typedMin, { ...currency, maxPrice: undefined }, { allowZero: true });
          const b = parseAmount(typedMax, { ...currency, maxPrice: undefined }, { allowZero: true });
          return [!a.ok ? translateNow('filters.minError', { error: a.error }) : '', !b.ok ? translateNow('filters.maxError', { error: b.error }) : '']
            .filter(Boolean)
            .join(' ');
        }),
      );
      return;
    }
    if (!lo.empty && !hi.empty && lo.minor > hi.minor) {
      setPriceError(later(() => translateNow('filters.minAboveMax')));
      return;
    }
    setPriceError(null);
    onChange({
      minPrice: lo.empty ? '' : String(lo.amount),
      maxPrice: hi.empty ? '' : String(hi.amount),
      // The default currency stays out of the URL, so shared links stay short.
      currency: code === codes[0] ? '' : code,
      page: 1,
    });
  }

  const count = (cat: string) => counts?.[cat] ?? 0;
  const allCount = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
  // Categories with hits first-class; empty ones stay listed (dimmed) so the list does not jump.
  return (
    <aside id={id} className={`filters${open ? ' filters--open' : ''}`} aria-label={t('search.filters')}>
      <fieldset className="filters__group">
        <legend>{t('filters.category')}</legend>
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
              <span className="choice__label">{t('filters.all')}</span>
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
                  <span className="choice__count" aria-label={t('search.results', { count: count(c.id) })}>
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
          {t('filters.price')}
        </p>
        {codes.length > 1 && (
          <label className="price-range__currency">
            <span>{t('filters.currency')}</span>
            <select className="input input--select" value={code} onChange={(e) => setCode(e.target.value)}>
              {codes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="price-range">
          <PriceInput label={t('filters.min', { code })} name="minPrice" value={min} onChange={setMin} invalid={!!priceError} />
          <span aria-hidden="true" className="price-range__dash">
            –
          </span>
          <PriceInput label={t('filters.max', { code })} name="maxPrice" value={max} onChange={setMax} invalid={!!priceError} />
        </div>
        {priceError && (
          <p id="price-error" className="field__error">
            {priceError()}
          </p>
        )}
        <button type="submit" className="btn btn--secondary btn--small">
          {t('filters.apply')}
        </button>
      </form>

      <div className="filters__group">
        <label className="choice choice--switch">
          <input
            type="checkbox"
            checked={query.inStock}
            onChange={(e) => onChange({ inStock: e.target.checked, page: 1 })}
          />
          <span className="choice__label">{t('filters.inStock')}</span>
        </label>
      </div>

      <button type="button" className="btn btn--ghost btn--small" onClick={onClear}>
        {t('search.clearFilters')}
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
        type="text"
        inputMode="decimal"
        autoComplete="off"
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? 'price-error' : undefined}
      />
    </label>
  );
}
