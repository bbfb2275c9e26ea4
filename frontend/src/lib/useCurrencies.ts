import { useEffect, useState } from 'react';
import { getCurrencies } from '../api/products';
import type { CurrencyInfo } from '../api/types';
import { DEFAULT_CURRENCY } from './format';
import { fallbackCurrency } from './money';

/** The catalogue's default until (or if) the server's list arrives. */
export const FALLBACK_CURRENCIES: CurrencyInfo[] = [{ ...fallbackCurrency(DEFAULT_CURRENCY), default: true }];

/** The currencies a product may be priced in (GET /api/products/currencies), default first. */
export function useCurrencies(): { currencies: CurrencyInfo[]; infoOf: (code: string) => CurrencyInfo } {
  const [currencies, setCurrencies] = useState<CurrencyInfo[]>(FALLBACK_CURRENCIES);
  useEffect(() => {
    let live = true;
    getCurrencies()
      .then((c) => {
        if (live && Array.isArray(c) && c.length) setCurrencies(c);
      })
      .catch(() => {
        /* the fallback knows the default's exponent; the server checks the limit on save */
      });
    return () => {
      live = false;
    };
  }, []);
  const infoOf = (code: string) => currencies.find((c) => c.code === code) ?? fallbackCurrency(code);
  return { currencies, infoOf };
}
