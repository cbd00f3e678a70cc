/**
 * Where each static page lives in dist/ and how the app's links (`#/<part>/<section>#anchor`,
 * `#/zh/...`: src/content/links.ts) become links between static pages. Layout, per edition:
 *
 *   <lang>/index.html                 the edition's table of contents
 *   <lang>/<part>/index.html          a part: its introduction and sections
 *   <lang>/<part>/<section>.html      a section
 *
 * Every link is relative, so dist/ works under any sub-path, as the app does. Pure.
 */
import { posix } from 'node:path';
import { DEFAULT_LANG, type BookLang } from '../../content/book-lang';
import { homeHref, langOfHref, parseSectionHref, sectionHref } from '../../content/links';
import type { BookToc } from '../../content/types';

export const editionIndexPath = (lang: BookLang) => `${lang}/index.html`;
export const partPath = (lang: BookLang, partSlug: string) => `${lang}/${partSlug}/index.html`;
export const sectionPath = (lang: BookLang, slug: string) => `${lang}/${slug}.html`;

/** `path`'s link from the page at `from` (both relative to dist/), e.g. '../03-x/01-y.html'. */
export function relativeLink(from: string, path: string): string {
  const rel = posix.relative(posix.dirname(from), path);
  return rel === '' ? './' : rel;
}

/** The link from `from` to the site's root (where index.html, the app, lives): '../../' from a section. */
export function rootLink(from: string): string {
  const depth = from.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** The app's URL for a static page: the root plus its hash route, relative to the page. */
export function appUrlFrom(from: string, hash: string): string {
  return `${rootLink(from)}${hash}`;
}

export type Tocs = Readonly<Partial<Record<BookLang, BookToc>>>;

/**
 * The static page an app link (`#/...`) leads to, relative to the page at `from`; null for hrefs
 * that are not the app's (external links, plain `#id` fragments), which stay as they are. Links
 * to what has no static page (the library reference, an unknown slug) go to the app at the root.
 */
export function staticHref(href: string, from: string, tocs: Tocs): string | null {
  if (!href.startsWith('#/')) return null;
  const lang = langOfHref(href);
  let location: ReturnType<typeof parseSectionHref>;
  try {
    location = parseSectionHref(href);
  } catch {
    return appUrlFrom(from, href); // a malformed escape: the app says "not found"
  }
  const toc = tocs[lang];
  if (!location) return toc ? relativeLink(from, editionIndexPath(lang)) : appUrlFrom(from, homeHref(lang));
  const anchor = location.anchor ? `#${encodeURIComponent(location.anchor)}` : '';
  const part = toc?.parts.find((p) => p.slug === location.slug);
  if (part) return relativeLink(from, partPath(lang, part.slug)) + anchor;
  const section = toc?.parts.flatMap((p) => p.sections).find((s) => s.slug === location.slug);
  if (section) {
    const path = sectionPath(lang, section.slug);
    return path === from && anchor ? anchor : relativeLink(from, path) + anchor;
  }
  return appUrlFrom(from, sectionHref(location.slug, location.anchor, lang));
}

/** Rewrites every `href="#/..."` in build-time HTML to the static page it names (see staticHref). */
export function rewriteLinks(html: string, from: string, tocs: Tocs): string {
  return html.replace(/href="(#\/[^"]*)"/g, (whole, raw: string) => {
    const href = staticHref(raw.replace(/&amp;/g, '&'), from, tocs);
    return href === null ? whole : `href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  });
}

export { DEFAULT_LANG };
