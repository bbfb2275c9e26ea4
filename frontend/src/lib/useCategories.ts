import { useEffect, useState } from 'react';
import { getCategories } from '../api/products';
import type { Category } from '../api/types';

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
].map((id) => ({ id, name: id.charAt(0).toUpperCase() + id.slice(1) }));

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
  const nameOf = (id: string) => categories.find((c) => c.id === id)?.name ?? id;
  return { categories, nameOf };
}
