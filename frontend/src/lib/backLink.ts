/**
 * Where a page's back-link goes: the page the user came from, handed over in navigation state
 * (`from`, with `fromLabel` naming it), else the search.
 */
export interface BackLinkState {
  from?: string;
  fromLabel?: string;
}

export interface BackLink {
  from: string;
  label: string;
  /** The same, to hand on to the next page (the editor hands it back to the product page). */
  state: BackLinkState | null;
}

export function backLinkOf(state: unknown): BackLink {
  const s = (state ?? {}) as BackLinkState;
  const from = typeof s.from === 'string' && s.from.startsWith('/') && !s.from.startsWith('//') ? s.from : null;
  if (!from) return { from: '/', label: 'Back to search', state: null };
  const label = typeof s.fromLabel === 'string' && s.fromLabel ? s.fromLabel : 'Back to results';
  return { from, label, state: { from, fromLabel: label } };
}

export const MY_PRODUCTS_BACK: BackLinkState = { from: '/my/products', fromLabel: 'Back to My products' };
