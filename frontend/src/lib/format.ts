export const DEFAULT_CURRENCY = 'COP';
/** Prices are shown the Colombian way by default (the catalogue's currency is the peso). */
export const PRICE_LOCALE = 'es-CO';

/** Currencies whose everyday prices carry no cents: whole amounts are shown without decimals. */
const WHOLE_BY_HABIT = new Set(['COP', 'CLP', 'JPY', 'KRW', 'PYG', 'VND']);

/** ISO 4217 currencies without a minor unit, among those people may price in. */
const NO_MINOR_UNIT = new Set(['CLP', 'JPY', 'KRW', 'PYG', 'VND', 'ISK', 'UGX']);

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * "$ 1.200.000" for COP in es-CO (no cents unless there are some), "US$ 12,50" for dollars:
 * the locale's symbol, grouping and decimal separator.
 */
export function formatPrice(amount: number, currency: string = DEFAULT_CURRENCY, locale: string = PRICE_LOCALE): string {
  const code = /^[A-Z]{3}$/.test(currency) ? currency : DEFAULT_CURRENCY;
  const whole = Number.isInteger(amount) && WHOLE_BY_HABIT.has(code);
  const key = `${locale}|${code}|${whole}`;
  let f = formatters.get(key);
  if (!f) {
    // ISO 4217 exponents (CLDR's display digits drop the cents of COP, which would round them away).
    const digits = NO_MINOR_UNIT.has(code) ? 0 : 2;
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: code,
      minimumFractionDigits: whole ? 0 : digits,
      maximumFractionDigits: whole ? 0 : digits,
    });
    formatters.set(key, f);
  }
  // ICU puts a no-break space after the symbol; a plain space reads and copies better.
  return f.format(amount).replace(/\u00a0/g, ' ');
}

/** Dates the Colombian way (the catalogue's locale): "25 nov 2026, 9:30 a. m.". */
export const DATE_LOCALE = 'es-CO';
const dateFormat = new Intl.DateTimeFormat(DATE_LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(DATE_LOCALE, { dateStyle: 'long' });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateFormat.format(d);
}

/** A day without the time, the Colombian way: "25 de noviembre de 2026". */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dayFormat.format(d);
}
