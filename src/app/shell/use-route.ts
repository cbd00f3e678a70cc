/** The current route, from location.hash. */
import { useSyncExternalStore } from 'react';
import type { BookToc } from '../../content/types';
import { routeOf, type Route } from '../book/routes';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(toc: BookToc): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  // routeOf is cheap; memoizing by hash keeps object identity stable between renders.
  return cachedRoute(hash, toc);
}

let last: { hash: string; toc: BookToc; route: Route } | null = null;
function cachedRoute(hash: string, toc: BookToc): Route {
  if (last?.hash !== hash || last.toc !== toc) last = { hash, toc, route: routeOf(hash, toc) };
  return last.route;
}
