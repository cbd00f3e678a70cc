/** Section chunks, loaded once each per edition (navigating back is instant) and prefetched for "next". */
import { DEFAULT_LANG, type BookLang } from '../../content/book-lang';
import type { CompiledSection } from '../../content/types';
import { getEdition } from '../book/editions';

const cache = new Map<string, Promise<CompiledSection>>();
const resolved = new Map<string, CompiledSection>();
const keyOf = (slug: string, lang: BookLang) => `${lang}:${slug}`;

/** A section already loaded, to render at once without a loading frame. */
export function peekSection(slug: string, lang: BookLang = DEFAULT_LANG): CompiledSection | null {
  return resolved.get(keyOf(slug, lang)) ?? null;
}

export function getSection(slug: string, lang: BookLang = DEFAULT_LANG): Promise<CompiledSection> {
  const key = keyOf(slug, lang);
  let p = cache.get(key);
  if (!p) {
    p = getEdition(lang)
      .then((edition) => edition.loadSection(slug))
      .then((s) => (resolved.set(key, s), s));
    cache.set(key, p);
    p.catch(() => cache.delete(key)); // a failed load (offline) may be retried
  }
  return p;
}

/** Fetches a section's chunk when the browser is idle. */
export function prefetchSection(slug: string, lang: BookLang = DEFAULT_LANG): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  const go = () => void getSection(slug, lang).catch(() => undefined);
  if (idle) idle(go, { timeout: 3000 });
  else setTimeout(go, 1000);
}
