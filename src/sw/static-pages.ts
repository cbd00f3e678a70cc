/**
 * The static pages (dist/<lang>/..., for readers without JavaScript: src/build/static-pages/)
 * are not precached. Asked for offline, the worker answers with the app's URL for the same page
 * (the precached cover plus its `#/` route), where a browser that runs the worker reads the book
 * anyway. This maps a static page's path (relative to the worker's scope) to that route. Pure.
 */
import { isBookLang } from '../content/book-lang';
import { homeHref, sectionHref } from '../content/links';

/** `en/02-x/01-y.html` -> `#/02-x/01-y`, `zh/02-x/index.html` -> `#/zh/02-x`, `en/index.html` -> `#/`; null for other paths. */
export function staticPageRoute(path: string): string | null {
  const m = /^([a-z]+)\/(?:([^/]+)\/)?([^/]+)\.html$/.exec(path);
  if (!m) return null;
  const [, lang, part, file] = m as unknown as [string, string, string | undefined, string];
  if (!isBookLang(lang)) return null;
  // The app's own link forms (content/links.ts): a part's route is its slug, as a section's.
  if (part === undefined) return file === 'index' ? homeHref(lang) : null;
  return sectionHref(file === 'index' ? part : `${part}/${file}`, null, lang);
}
