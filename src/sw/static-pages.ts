/**
 * The static pages (dist/<lang>/..., for readers without JavaScript: src/build/static-pages/)
 * are not precached. Asked for offline, the worker answers with the app's URL for the same page
 * (the precached cover plus its `#/` route), where a browser that runs the worker reads the book
 * anyway. This maps a static page's path (relative to the worker's scope) to that route. Pure.
 */
import { BOOK_LANGS, DEFAULT_LANG } from '../content/book-lang';

/** `en/02-x/01-y.html` -> `#/02-x/01-y`, `zh/02-x/index.html` -> `#/zh/02-x`, `en/index.html` -> `#/`; null for other paths. */
export function staticPageRoute(path: string): string | null {
  const m = /^([a-z]+)\/(?:([^/]+)\/)?([^/]+)\.html$/.exec(path);
  if (!m) return null;
  const [, lang, part, file] = m as unknown as [string, string, string | undefined, string];
  if (!(BOOK_LANGS as readonly string[]).includes(lang)) return null;
  const prefix = lang === DEFAULT_LANG ? '#/' : `#/${lang}/`;
  if (part === undefined) return file === 'index' ? prefix : null;
  return `${prefix}${part}${file === 'index' ? '' : `/${file}`}`;
}
