/**
 * Where a typed query matches a name, found the way Search matches (docs/design.md): on folded
 * text (lower case, accents dropped, words are the runs of [a-z0-9]), the last word as a prefix,
 * and a word of five letters or more forgiven one typo. The ranges are in the original name, so
 * "cafe" marks "Café" and "camra" marks "Cámara".
 */

/** One character folded: its letter or digit, '' for a combining mark, ' ' for anything else. */
function foldChar(c: string): string {
  let out = '';
  for (const d of c.normalize('NFD')) {
    if (/\p{M}/u.test(d)) continue;
    const lower = d.toLowerCase();
    for (const l of lower) out += /[a-z0-9]/.test(l) ? l : ' ';
  }
  return out;
}

/** The folded text and, for each of its characters, where it came from in the original. */
function foldWithMap(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const c of text) {
    const f = foldChar(c);
    for (const ch of f) {
      folded += ch;
      from.push(i);
      to.push(i + c.length);
    }
    if (f === '' && to.length) to[to.length - 1] = i + c.length; // a mark stays with its letter
    i += c.length;
  }
  return { folded, from, to };
}

export function foldText(text: string): string {
  return foldWithMap(text).folded;
}

/** Optimal string alignment distance at most one (Search's TextFolding.WithinOneEdit). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  if (i === b.length) return true;
  if (a.length !== b.length) return a.slice(i + 1) === b.slice(i);
  return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

const TYPO_MIN_LENGTH = 5;

interface Word {
  start: number;
  text: string;
}

function wordsOf(folded: string): Word[] {
  const out: Word[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+/g)) out.push({ start: m.index, text: m[0] });
  return out;
}

/** The folded span [start, end) that `term` matches in `words`, or null. */
function matchTerm(term: string, words: Word[], folded: string, prefix: boolean): [number, number] | null {
  // The word itself, then a word it begins (the last word is typed as a prefix), then anywhere.
  const whole = words.find((w) => w.text === term);
  if (whole) return [whole.start, whole.start + term.length];
  const begins = words.find((w) => w.text.startsWith(term));
  if (begins) return [begins.start, begins.start + term.length];
  const at = folded.indexOf(term);
  if (at >= 0) return [at, at + term.length];
  if (term.length < TYPO_MIN_LENGTH) return null;
  // One typo: the closest word, or (for the last word) the start of one, the longest that fits.
  let best: [number, number] | null = null;
  for (const w of words) {
    if (withinOneEdit(term, w.text)) return [w.start, w.start + w.text.length];
    if (!prefix) continue;
    for (const len of [term.length + 1, term.length, term.length - 1]) {
      if (len < 1 || len > w.text.length) continue;
      if (withinOneEdit(term, w.text.slice(0, len)) && (!best || len > best[1] - best[0])) best = [w.start, w.start + len];
    }
  }
  return best;
}

/** Ranges [start, end) of `text` to mark for `query`, sorted and merged. */
export function matchRanges(text: string, query: string): [number, number][] {
  const terms = foldText(query).match(/[a-z0-9]+/g) ?? [];
  if (!terms.length) return [];
  const { folded, from, to } = foldWithMap(text);
  const words = wordsOf(folded);
  const spans: [number, number][] = [];
  terms.forEach((term, i) => {
    const span = matchTerm(term, words, folded, i === terms.length - 1);
    if (span) spans.push([from[span[0]]!, to[span[1] - 1]!]);
  });
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }
  return merged;
}
