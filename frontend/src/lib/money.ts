import type { CurrencyInfo } from '../api/types';
import { t } from '../i18n/i18n';
import { formatPrice, PRICE_LOCALE } from './format';

export type { CurrencyInfo };

/**
 * Reading an amount the way people type it. The rule (docs/decisions/0080-reading-typed-amounts.md):
 * - `.` and `,` both present: the last one is the decimal separator, the other groups thousands
 *   (`1.200.000,50` and `1,200,000.50` are both 1200000.50).
 * - one separator used twice or more groups thousands (`1.200.000`, `1,200,000`).
 * - one separator used once, followed by three digits: the locale's grouping separator groups
 *   (es-CO `1.200` is 1200); the locale's decimal separator (es-CO `1,200`) is refused, since the
 *   locale reads it as 1,2 and English as 1200.
 * - one separator used once, followed by other than three digits, is the decimal point
 *   (`99500,5`, `99500.5`, `12,50`).
 * Groups are three digits after a first group of one to three; decimals at most the currency's
 * ISO 4217 exponent. A leading currency symbol or code and surrounding spaces are ignored.
 */

export type ParsedAmount =
  | { ok: true; empty: false; minor: number; amount: number }
  | { ok: true; empty: true }
  | { ok: false; empty: false; error: string };

interface LocaleSeparators {
  group: string;
  decimal: string;
}

const separatorCache = new Map<string, LocaleSeparators>();

export function separatorsOf(locale: string = PRICE_LOCALE): LocaleSeparators {
  let s = separatorCache.get(locale);
  if (!s) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true, minimumFractionDigits: 1 }).formatToParts(1234567.5);
    const group = parts.find((p) => p.type === 'group')?.value ?? ',';
    const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
    // Locales that group with a (no-break) space still have `.`/`,` typed as their decimal.
    s = { group: group === '.' || group === ',' ? group : decimal === ',' ? '.' : ',', decimal };
    separatorCache.set(locale, s);
  }
  return s;
}

const fail = (error: string): ParsedAmount => ({ ok: false, empty: false, error });
const MAX_DIGITS = 15; // integer minor units stay exact in a double

/** Digits and 3-digit groups: "1.200.000" with `.` as the group separator. */
function ungroup(text: string, group: string): string | null {
  if (!text.includes(group)) return /^\d+$/.test(text) ? text : null;
  const parts = text.split(group);
  const [first, ...rest] = parts;
  if (!first || !/^\d{1,3}$/.test(first) || (first.startsWith('0') && first.length > 1)) return null;
  if (first === '0') return null;
  return rest.every((g) => /^\d{3}$/.test(g)) ? parts.join('') : null;
}

/**
 * Reads a typed amount in `currency`'s minor units. `allowZero` for filters (a price filter may
 * start at 0); a product's price must be above zero.
 */
export function parseAmount(
  input: string,
  currency: Pick<CurrencyInfo, 'code' | 'exponent'> & { maxPrice?: number },
  opts: { locale?: string; allowZero?: boolean } = {},
): ParsedAmount {
  const locale = opts.locale ?? PRICE_LOCALE;
  const { group: localeGroup, decimal: localeDecimal } = separatorsOf(locale);
  const example = formatNumber(1200000.5, 2, locale);
  let text = input.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (text === '') return { ok: true, empty: true };
  // What people copy from a price: "$ 1.200.000", "COP 1.200.000", "1.200.000 COP".
  text = text.replace(/^(?:[A-Z]{2,3})?\$\s*/i, '').replace(new RegExp(`^${currency.code}\\s*|\\s*${currency.code}$`, 'i'), '');
  if (text.startsWith('-')) return fail(t(opts.allowZero ? 'amount.zeroOrMore' : 'amount.aboveZero'));
  if (/\s/.test(text) || !/^[\d.,]+$/.test(text) || !/\d/.test(text)) {
    return fail(t('amount.digitsOnly', { example }));
  }

  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  let intPart: string | null;
  let fraction = '';
  if (dots && commas) {
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = text.lastIndexOf(decimal);
    if (text.indexOf(decimal) !== at) return fail(t('amount.twoDecimalSeparators', { input: input.trim(), example }));
    intPart = ungroup(text.slice(0, at), group);
    fraction = text.slice(at + 1);
  } else if (dots + commas >= 2) {
    intPart = ungroup(text, dots ? '.' : ',');
  } else if (dots + commas === 1) {
    const sep = dots ? '.' : ',';
    const at = text.indexOf(sep);
    const tail = text.slice(at + 1);
    if (tail.length === 3 && sep === localeGroup) {
      intPart = ungroup(text, sep);
    } else if (tail.length === 3 && sep === localeDecimal) {
      const whole = formatNumber(Number(text.replace(sep, '')), 0, locale);
      const dec = formatNumber(Number(text.replace(sep, '.')), 2, locale);
      return fail(t('amount.ambiguous', { input: text, whole, decimal: dec }));
    } else {
      intPart = text.slice(0, at) || '0';
      if (!/^\d+$/.test(intPart)) intPart = null;
      fraction = tail;
    }
  } else {
    intPart = text;
  }
  if (intPart === null || !/^\d*$/.test(fraction) || (fraction === '' && /[.,]$/.test(text))) {
    return fail(t('amount.unreadable', { input: input.trim(), example }));
  }
  if (fraction.length > currency.exponent) {
    return fail(
      currency.exponent === 0
        ? t('amount.noDecimals', { code: currency.code })
        : t('amount.maxDecimals', { decimals: String(currency.exponent), code: currency.code }),
    );
  }
  const digits = (intPart + fraction.padEnd(currency.exponent, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_DIGITS) return fail(t('amount.tooLarge'));
  const minor = Number(digits);
  const amount = minor / 10 ** currency.exponent;
  if (minor === 0 && !opts.allowZero) return fail(t('amount.aboveZero'));
  if (currency.maxPrice !== undefined && amount > currency.maxPrice) {
    return fail(t('amount.atMost', { price: formatPrice(currency.maxPrice, currency.code, locale) }));
  }
  return { ok: true, empty: false, minor, amount };
}

/** A number as the locale writes it, without a symbol ("1.200.000", "99.500,50"). */
export function formatNumber(amount: number, decimals: number, locale: string = PRICE_LOCALE): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true })
    .format(amount)
    .replace(/\u00a0|\u202f/g, ' ');
}

/** An amount written for editing: "1.200.000" for whole pesos, "99.500,50" otherwise. */
export function formatAmountForInput(amount: number, exponent: number, locale: string = PRICE_LOCALE): string {
  return formatNumber(amount, Number.isInteger(amount) ? 0 : exponent, locale);
}

/** An amount as a plain number for the API and the URL ("1200000", "99500.5"). */
export function plainAmount(amount: number): string {
  return String(amount);
}

/** ISO 4217 exponents of currencies people may price in, for when the server's list is not there. */
const KNOWN_EXPONENTS: Record<string, number> = { CLP: 0, JPY: 0, KRW: 0, PYG: 0, VND: 0, ISK: 0, UGX: 0, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3 };

export function fallbackCurrency(code: string): CurrencyInfo {
  return { code, exponent: KNOWN_EXPONENTS[code] ?? 2, maxPrice: Number.POSITIVE_INFINITY, default: false };
}
