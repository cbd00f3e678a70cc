/** The current page, from location.hash: its edition, that edition's contents (once loaded) and the route. */
import { useSyncExternalStore } from 'react';
import type { BookLang } from '../../content/book-lang';
import { langOfHref } from '../../content/links';
import type { BookEdition, BookToc } from '../../content/types';
import { useEdition } from '../book/editions';
import { routeOf, type Route } from '../book/routes';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => location.hash);
}

export interface BookPage {
  lang: BookLang;
  /** Null while the edition's table of contents loads. */
  edition: BookEdition | null;
  route: Route | null;
}

export function useBookPage(): BookPage {
  const hash = useHash();
  const lang = langOfHref(hash);
  const edition = useEdition(lang);
  return { lang, edition, route: edition ? cachedRoute(hash, edition.toc) : null };
}

// routeOf is cheap; memoizing by hash keeps object identity stable between renders.
let last: { hash: string; toc: BookToc; route: Route } | null = null;
function cachedRoute(hash: string, toc: BookToc): Route {
  if (last?.hash !== hash || last.toc !== toc) last = { hash, toc, route: routeOf(hash, toc) };
  return last.route;
}
