import type { ReactNode } from 'react';

/**
 * Drawn pictures for products without a usable photo: one simple object per catalogue category
 * (and, in `kindDrawings.tsx`, one per kind of product a name can say), in colours picked from
 * the product's id, so a grid of products looks varied and the same product always looks the same. Inline SVG with presentation attributes only: no network, no
 * external assets, nothing the CSP (`style-src 'self'`) refuses.
 */
export interface Palette {
  /** The background. */
  bg: string;
  /** The object's outline and main surfaces: at least 3:1 against `bg` (WCAG 1.4.11). */
  fg: string;
  /** Highlights and secondary surfaces. */
  accent: string;
}

export const PALETTES: readonly Palette[] = [
  { bg: '#e3f0fb', fg: '#1f5f99', accent: '#8fc1ea' }, // blue
  { bg: '#e6f4ea', fg: '#2d6a3e', accent: '#9fd3ad' }, // green
  { bg: '#fdeee0', fg: '#a34e12', accent: '#f5b880' }, // orange
  { bg: '#f3e8f7', fg: '#6b3a8c', accent: '#cda8e0' }, // purple
  { bg: '#fce8ef', fg: '#a0365e', accent: '#f0a6c0' }, // pink
  { bg: '#e2f3f1', fg: '#1e6b64', accent: '#8fd0c8' }, // teal
  { bg: '#fbf3d9', fg: '#7a5a0c', accent: '#ecc95f' }, // mustard
  { bg: '#e9ecf7', fg: '#3c4a8a', accent: '#aab6e6' }, // indigo
];

/** FNV-1a, 32 bits: small, stable across browsers and renders. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function paletteOf(seed: string): Palette {
  return PALETTES[hashOf(seed) % PALETTES.length]!;
}

/** An object drawn in a 160×120 box in the given colours. */
export type Draw = (c: Palette) => ReactNode;

export const laptop: Draw = (c) => (
  <>
    <rect x="44" y="28" width="72" height="50" rx="4" fill={c.fg} />
    <rect x="50" y="34" width="60" height="38" rx="1" fill={c.accent} />
    <path d="M58 44h30M58 52h44M58 60h22" stroke={c.bg} strokeWidth="4" strokeLinecap="round" />
    <path d="M32 80h96l-7 9H39z" fill={c.fg} />
    <rect x="70" y="80" width="20" height="3" rx="1.5" fill={c.accent} />
  </>
);

export const sofa: Draw = (c) => (
  <>
    <rect x="44" y="38" width="72" height="34" rx="8" fill={c.accent} />
    <path d="M80 42v24" stroke={c.fg} strokeWidth="2.5" strokeLinecap="round" />
    <rect x="42" y="62" width="76" height="16" rx="4" fill={c.fg} />
    <rect x="32" y="52" width="16" height="30" rx="6" fill={c.fg} />
    <rect x="112" y="52" width="16" height="30" rx="6" fill={c.fg} />
    <rect x="38" y="80" width="6" height="9" rx="1" fill={c.fg} />
    <rect x="116" y="80" width="6" height="9" rx="1" fill={c.fg} />
  </>
);

export const shirt: Draw = (c) => (
  <>
    <path d="M62 28 44 37 32 56l15 7 6-9v38h54V54l6 9 15-7-12-19-18-9q-18 12-36 0z" fill={c.fg} />
    <path d="M66 30q14 10 28 0" stroke={c.accent} strokeWidth="4" fill="none" strokeLinecap="round" />
    <rect x="88" y="58" width="11" height="11" rx="2" fill={c.accent} />
  </>
);

export const books: Draw = (c) => (
  <>
    <rect x="38" y="74" width="84" height="15" rx="2" fill={c.fg} />
    <rect x="50" y="74" width="5" height="15" fill={c.accent} />
    <rect x="110" y="77" width="8" height="9" fill={c.bg} />
    <rect x="48" y="57" width="72" height="15" rx="2" fill={c.accent} />
    <rect x="102" y="57" width="5" height="15" fill={c.fg} />
    <rect x="42" y="40" width="74" height="15" rx="2" fill={c.fg} />
    <rect x="54" y="40" width="5" height="15" fill={c.accent} />
    <rect x="106" y="43" width="7" height="9" fill={c.bg} />
  </>
);

export const ball: Draw = (c) => (
  <>
    <ellipse cx="80" cy="94" rx="26" ry="4" fill={c.accent} />
    <circle cx="80" cy="58" r="30" fill="#ffffff" stroke={c.fg} strokeWidth="3" />
    <path d="M80 49.5l8.1 5.9-3.1 9.5h-10l-3.1-9.5z" fill={c.fg} />
    <path
      d="M80 49.5V36M88.1 55.4l12.9-4.2M85 64.9l8 11M75 64.9l-8 11M71.9 55.4 59 51.2"
      stroke={c.fg}
      strokeWidth="2.5"
      strokeLinecap="round"
    />
    <path d="M73 29.5 80 36l7-6.5A30 30 0 0 0 73 29.5z" fill={c.fg} />
    <path d="M101 51.2l8.6-2.6a30 30 0 0 1-.2 14z" fill={c.fg} />
    <path d="M59 51.2l-8.6-2.6a30 30 0 0 0 .2 14z" fill={c.fg} />
  </>
);

export const bear: Draw = (c) => (
  <>
    <circle cx="63" cy="32" r="9" fill={c.fg} />
    <circle cx="97" cy="32" r="9" fill={c.fg} />
    <circle cx="63" cy="32" r="4" fill={c.accent} />
    <circle cx="97" cy="32" r="4" fill={c.accent} />
    <ellipse cx="80" cy="80" rx="21" ry="17" fill={c.fg} />
    <ellipse cx="80" cy="82" rx="11" ry="10" fill={c.accent} />
    <circle cx="59" cy="74" r="7" fill={c.fg} />
    <circle cx="101" cy="74" r="7" fill={c.fg} />
    <circle cx="67" cy="95" r="7.5" fill={c.fg} />
    <circle cx="93" cy="95" r="7.5" fill={c.fg} />
    <circle cx="80" cy="46" r="19" fill={c.fg} />
    <ellipse cx="80" cy="53" rx="8.5" ry="6.5" fill={c.accent} />
    <circle cx="80" cy="50.5" r="2.6" fill={c.fg} />
    <circle cx="72.5" cy="42" r="2.2" fill={c.bg} />
    <circle cx="87.5" cy="42" r="2.2" fill={c.bg} />
  </>
);

export const perfume: Draw = (c) => (
  <>
    <rect x="71" y="24" width="18" height="13" rx="2" fill={c.fg} />
    <rect x="89" y="28" width="9" height="4" rx="1" fill={c.fg} />
    <rect x="75" y="37" width="10" height="7" fill={c.fg} />
    <rect x="54" y="44" width="52" height="48" rx="11" fill={c.accent} stroke={c.fg} strokeWidth="3" />
    <path d="M57 66h46v14a9 9 0 0 1-9 9H66a9 9 0 0 1-9-9z" fill={c.fg} />
    <rect x="62" y="50" width="6" height="11" rx="3" fill={c.bg} />
  </>
);

const basket: Draw = (c) => (
  <>
    <path d="M50 58q30-46 60 0" stroke={c.fg} strokeWidth="4" fill="none" strokeLinecap="round" />
    <circle cx="68" cy="45" r="10" fill={c.accent} />
    <circle cx="90" cy="42" r="11" fill={c.accent} />
    <path d="M90 31q4-7 10-6-3 6-10 6z" fill={c.fg} />
    <rect x="34" y="54" width="92" height="9" rx="3" fill={c.fg} />
    <path d="M39 63h82l-9 28H48z" fill={c.fg} />
    <path d="M62 68v18M80 68v18M98 68v18" stroke={c.accent} strokeWidth="3" strokeLinecap="round" />
  </>
);

export const car: Draw = (c) => (
  <>
    <path
      d="M28 80V67q0-7 8-8.5L52 56l10-14q2-3 6-3h32q4 0 6 3l10 14 8 2q8 2 8 9v13z"
      fill={c.fg}
    />
    <path d="M66 44h15v12H57z" fill={c.accent} />
    <path d="M86 44h13l8 12H86z" fill={c.accent} />
    <rect x="122" y="63" width="6" height="5" rx="1" fill={c.accent} />
    <circle cx="54" cy="81" r="11" fill={c.fg} stroke={c.bg} strokeWidth="3" />
    <circle cx="106" cy="81" r="11" fill={c.fg} stroke={c.bg} strokeWidth="3" />
    <circle cx="54" cy="81" r="4" fill={c.accent} />
    <circle cx="106" cy="81" r="4" fill={c.accent} />
  </>
);

const parcel: Draw = (c) => (
  <>
    <path d="M44 50 80 38l36 12-36 12z" fill={c.accent} stroke={c.fg} strokeWidth="3" strokeLinejoin="round" />
    <path d="M44 50l36 12v32L44 82z" fill={c.fg} />
    <path d="M80 62l36-12v32L80 94z" fill={c.accent} stroke={c.fg} strokeWidth="3" strokeLinejoin="round" />
    <path d="M62 44l36 12v10" stroke={c.fg} strokeWidth="4" fill="none" />
  </>
);

const tag: Draw = (c) => (
  <>
    <path d="M110 60q14-10 18-30" stroke={c.fg} strokeWidth="2.5" fill="none" strokeLinecap="round" />
    <path d="M50 40h50l20 20-20 20H50a4 4 0 0 1-4-4V44a4 4 0 0 1 4-4z" fill={c.fg} />
    <circle cx="104" cy="60" r="5" fill={c.bg} />
    <rect x="56" y="51" width="30" height="6" rx="3" fill={c.accent} />
    <rect x="56" y="63" width="20" height="6" rx="3" fill={c.accent} />
  </>
);

/** The catalogue's categories (GET /api/products/categories) and what each shows. */
const DRAWINGS: Record<string, Draw> = {
  electronics: laptop,
  home: sofa,
  fashion: shirt,
  books,
  sports: ball,
  toys: bear,
  beauty: perfume,
  grocery: basket,
  automotive: car,
  other: parcel,
};

/** What an illustration shows: `kind` names it (`data-illustration`), `draw` draws it. */
export interface Drawing {
  kind: string;
  draw: Draw;
}

/** The drawing for a category id; a price tag for a category the app does not know. */
export function drawingOf(category: string): Drawing {
  const draw = Object.prototype.hasOwnProperty.call(DRAWINGS, category) ? DRAWINGS[category] : undefined;
  return draw ? { kind: category, draw } : { kind: 'tag', draw: tag };
}

/**
 * The picture itself: the object on a soft background, with a large circle whose corner also
 * follows the seed, so two products of one kind and colour still differ.
 */
export function Illustration({
  drawing,
  seed,
  label,
  className = '',
}: {
  drawing: Drawing;
  seed: string;
  label: string;
  className?: string;
}) {
  const palette = paletteOf(seed);
  const { kind, draw } = drawing;
  const corner = (hashOf(`${seed}#corner`) >>> 3) % 4;
  const cx = corner % 2 === 0 ? 24 : 136;
  const cy = corner < 2 ? 18 : 104;
  return (
    <svg
      className={`product-image product-image--illustration ${className}`}
      viewBox="0 0 160 120"
      preserveAspectRatio="xMidYMid slice"
      role="img"
      aria-label={label}
      focusable="false"
      data-illustration={kind}
    >
      <rect width="160" height="120" fill={palette.bg} />
      <circle cx={cx} cy={cy} r="46" fill={palette.accent} fillOpacity="0.35" />
      <g transform="translate(80 62) scale(1.18) translate(-80 -62)">{draw(palette)}</g>
    </svg>
  );
}
