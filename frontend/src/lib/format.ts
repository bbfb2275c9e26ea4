export const DEFAULT_CURRENCY = 'COP';
const LOCALE = 'en-US';

const formatters = new Map<string, Intl.NumberFormat>();

/** "COP 1,500" or "USD 12.50": whole amounts without decimals, others with two. */
export function formatPrice(amount: number, currency: string = DEFAULT_CURRENCY): string {
  const code = /^[A-Z]{3}$/.test(currency) ? currency : DEFAULT_CURRENCY;
  const whole = Number.isInteger(amount);
  const key = `${code}|${whole}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency: code,
      currencyDisplay: 'code',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, f);
  }
  // ICU puts a no-break space after the code; a plain space reads and copies better.
  return f.format(amount).replace(/\u00a0/g, ' ');
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateFormat.format(d);
}

export function pluralize(n: number, one: string, many: string): string {
  return `${n.toLocaleString(LOCALE)} ${n === 1 ? one : many}`;
}
