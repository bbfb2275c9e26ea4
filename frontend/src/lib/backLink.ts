import { t } from '../i18n/i18n';

/**
 * Where a page's back-link goes: the page the user came from, handed over in navigation state
 * (`from`, with `fromLabel` naming it), else the search. The label is kept as which page it is,
 * not as words, so it is said in the language shown when the link is.
 */
export type BackTo = 'results' | 'myProducts';

export interface BackLinkState {
  from?: string;
  fromLabel?: BackTo;
}

export interface BackLink {
  from: string;
  label: string;
  /** The same, to hand on to the next page (the editor hands it back to the product page). */
  state: BackLinkState | null;
}

const LABELS = { results: 'back.results', myProducts: 'back.myProducts' } as const;

export function backLinkOf(state: unknown): BackLink {
  const s = (state ?? {}) as BackLinkState;
  const from = typeof s.from === 'string' && s.from.startsWith('/') && !s.from.startsWith('//') ? s.from : null;
  if (!from) return { from: '/', label: t('back.search'), state: null };
  const to: BackTo = s.fromLabel === 'myProducts' ? 'myProducts' : 'results';
  return { from, label: t(LABELS[to]), state: { from, fromLabel: to } };
}

export const MY_PRODUCTS_BACK: BackLinkState = { from: '/my/products', fromLabel: 'myProducts' };
