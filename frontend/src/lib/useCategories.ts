import { useEffect, useState } from 'react';
import { getCategories } from '../api/products';
import type { Category } from '../api/types';
import { translate, useLanguage } from '../i18n/i18n';
import { isMessageKey, type MessageKey } from '../i18n/messages';

/** The contract's fixed list, shown until (or if) the server's list arrives. */
export const FALLBACK_CATEGORIES: Category[] = [
  'electronics',
  'home',
  'fashion',
  'books',
  'sports',
  'toys',
  'beauty',
  'grocery',
  'automotive',
  'other',
].map((id) => ({ id, name: translate('en', `category.${id}` as MessageKey) }));

export function useCategories(): { categories: Category[]; nameOf: (id: string) => string } {
  const [categories, setCategories] = useState<Category[]>(FALLBACK_CATEGORIES);
  useEffect(() => {
    let live = true;
    getCategories()
      .then((c) => {
        if (live && Array.isArray(c) && c.length) setCategories(c);
      })
      .catch(() => {
        /* keep the fallback list: filters still work with known ids */
      });
    return () => {
      live = false;
    };
  }, []);
  const lang = useLanguage();
  // English shows the server's names; Spanish its own for the categories it knows.
  const say = (c: Category): string => {
    const key = `category.${c.id}`;
    return lang === 'en' || !isMessageKey(key) ? c.name : translate(lang, key);
  };
  const shown = categories.map((c) => ({ id: c.id, name: say(c) }));
  const nameOf = (id: string) => shown.find((c) => c.id === id)?.name ?? say({ id, name: id });
  return { categories: shown, nameOf };
}
