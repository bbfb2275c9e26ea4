import { useCallback, useSyncExternalStore } from 'react';
import { en, es, type Message, type MessageKey } from './messages';

/**
 * The UI's words in Spanish (Colombia) or English. The language follows the browser until the
 * person picks one, which is remembered in this browser; money and dates stay es-CO either way.
 */
export type Language = 'es' | 'en';

export type Params = Record<string, string | number>;

const CATALOGUES: Record<Language, Record<MessageKey, Message>> = { en, es };
/** The tag for `<html lang>` and Accept-Language. */
export const LANGUAGE_TAGS: Record<Language, string> = { es: 'es-CO', en: 'en' };
/** How each language names itself, for the switch. */
export const LANGUAGE_NAMES: Record<Language, string> = { es: 'Español', en: 'English' };
/** Counts inside sentences ("1.234 resultados", "1,234 results"). */
const NUMBER_LOCALES: Record<Language, string> = { es: 'es-CO', en: 'en-US' };

export const LANGUAGE_STORAGE_KEY = 'covacha.language';

/**
 * The browser's preferences in order: the first Spanish or English one wins (`es-CO`, `es-419`,
 * `es` → Spanish); none of the two → English.
 */
export function detectLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (saved === 'es' || saved === 'en') return saved;
  } catch {
    /* storage may be off: the browser's languages still decide */
  }
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const primary = (tag ?? '').toLowerCase().split('-')[0];
    if (primary === 'es' || primary === 'en') return primary;
  }
  return 'en';
}

let current: Language = 'en';
const listeners = new Set<() => void>();

function apply(lang: Language): void {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = LANGUAGE_TAGS[lang];
  for (const l of [...listeners]) l();
}

apply(detectLanguage());

export function getLanguage(): Language {
  return current;
}

/** The person's choice: shown at once and remembered in this browser. */
export function setLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    /* not remembered, still applied */
  }
  if (lang !== current) apply(lang);
}

export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tests start from the browser's language, nothing remembered. */
export function resetLanguageForTests(): void {
  apply(detectLanguage());
}

const pluralRules = new Map<Language, Intl.PluralRules>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

function formatCount(lang: Language, n: number): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(NUMBER_LOCALES[lang]);
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

function pick(lang: Language, message: Message, params: Params | undefined): string {
  if (typeof message === 'string') return message;
  const count = Number(params?.count ?? 0);
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LANGUAGE_TAGS[lang]);
    pluralRules.set(lang, rules);
  }
  const form = rules.select(count);
  return (form === 'one' ? message.one : message.other) ?? message.other;
}

/** A message in `lang`: `{name}` replaced by params.name; `{count}` also picks the plural form. */
export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const text = pick(lang, CATALOGUES[lang][key], params);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatCount(lang, v) : v;
  });
}

/** In the current language; for code outside components (messages made when something fails). */
export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** The current language, re-rendering the component when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribeLanguage, getLanguage, getLanguage);
}

/** `t` for a component: re-renders it in the new language when the person switches. */
export function useT(): Translate {
  const lang = useLanguage();
  return useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
}
