import type { CurrencyInfo, Product, ProductInput } from '../../api/types';
import { DEFAULT_CURRENCY } from '../../lib/format';
import { fallbackCurrency, formatAmountForInput, parseAmount } from '../../lib/money';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';

/** The form keeps what the user typed as text; it becomes a ProductInput on save. */
export interface ProductFormValues {
  name: string;
  description: string;
  price: string;
  currency: string;
  category: string;
  imageUrl: string;
  stock: string;
}

export type FieldName = keyof ProductFormValues;
export type FieldErrors = Partial<Record<FieldName, string[]>>;

/** The form's fields in order, with the catalogue key of the label people read. */
export const FIELD_LABELS: Record<FieldName, MessageKey> = {
  name: 'field.name',
  description: 'field.description',
  price: 'field.price',
  currency: 'field.currency',
  category: 'field.category',
  imageUrl: 'field.imageUrl',
  stock: 'field.stock',
};

export const EMPTY_FORM: ProductFormValues = {
  name: '',
  description: '',
  price: '',
  currency: DEFAULT_CURRENCY,
  category: '',
  imageUrl: '',
  stock: '1',
};

/** The saved product as the form shows it: the price written the locale's way ("85.000"). */
export function fromProduct(p: Product): ProductFormValues {
  const exponent = fallbackCurrency(p.currency || DEFAULT_CURRENCY).exponent;
  return {
    name: p.name,
    description: p.description ?? '',
    price: formatAmountForInput(p.price, exponent),
    currency: p.currency || DEFAULT_CURRENCY,
    category: p.category,
    imageUrl: p.imageUrl ?? '',
    stock: String(p.stock),
  };
}

/** Checks what the browser can check; the server's problem+json has the last word. */
export function validate(v: ProductFormValues, currency: CurrencyInfo): FieldErrors {
  const e: FieldErrors = {};
  if (!v.name.trim()) e.name = [t('editor.enterName')];
  const price = parseAmount(v.price, currency);
  if (price.empty) e.price = [t('editor.enterPrice')];
  else if (!price.ok) e.price = [price.error];
  if (!v.category) e.category = [t('editor.chooseCategory')];
  const stock = Number(v.stock);
  if (v.stock.trim() === '' || !Number.isInteger(stock) || stock < 0) e.stock = [t('editor.stockWhole')];
  const url = v.imageUrl.trim();
  if (url) {
    let ok = false;
    try {
      ok = new URL(url).protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) e.imageUrl = [t('editor.imageHttps')];
  }
  return e;
}

/** Only for values that passed validate() with the same currency. */
export function toInput(v: ProductFormValues, currency: CurrencyInfo): ProductInput {
  const price = parseAmount(v.price, currency);
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    price: price.ok && !price.empty ? price.amount : Number.NaN,
    currency: v.currency,
    category: v.category,
    imageUrl: v.imageUrl.trim() || null,
    stock: Number(v.stock),
  };
}

/** Fields whose saved value differs from what the user has in the form. */
export function changedFields(mine: ProductFormValues, theirs: ProductFormValues): FieldName[] {
  return (Object.keys(FIELD_LABELS) as FieldName[]).filter((k) => mine[k].trim() !== theirs[k].trim());
}
