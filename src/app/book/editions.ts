/**
 * The book's editions in the app. English is in the main bundle; another edition's table of
 * contents is a chunk of its own, fetched the first time a page of that edition opens (main.tsx
 * fetches it before the first render when the URL names it; the language switch before it
 * changes the URL), so English readers never download it.
 */
import { useSyncExternalStore } from 'react';
import { loadEdition, loadSearchIndex, loadSection, toc } from 'virtual:book';
import { DEFAULT_LANG, type BookLang } from '../../content/book-lang';
import type { BookEdition } from '../../content/types';

const loaded = new Map<BookLang, BookEdition>([[DEFAULT_LANG, { toc, loadSection, loadSearchIndex }]]);
const pending = new Map<BookLang, Promise<BookEdition>>();
const listeners = new Set<() => void>();

/** The edition, when it has loaded. */
export function peekEdition(lang: BookLang): BookEdition | null {
  return loaded.get(lang) ?? null;
}

/** Loads the edition once; a failed load (offline) may be retried. */
export function getEdition(lang: BookLang): Promise<BookEdition> {
  const ready = loaded.get(lang);
  if (ready) return Promise.resolve(ready);
  let p = pending.get(lang);
  if (!p) {
    p = loadEdition(lang).then((edition) => {
      loaded.set(lang, edition);
      for (const l of listeners) l();
      return edition;
    });
    pending.set(lang, p);
    p.catch(() => pending.delete(lang));
  }
  return p;
}

const subscribe = (cb: () => void) => {
  listeners.add(cb);
  return () => void listeners.delete(cb);
};

/** The edition for rendering: null while it loads (and the load is started). */
export function useEdition(lang: BookLang): BookEdition | null {
  const edition = useSyncExternalStore(subscribe, () => loaded.get(lang) ?? null);
  if (!edition) void getEdition(lang).catch(() => undefined);
  return edition;
}
