/**
 * What the hash names: the cover, a part (its introduction and sections), a section with an
 * optional anchor, or nothing in this book. Pure over the table of contents of the edition the
 * hash names (`langOfHref` in content/links.ts: `#/zh/...` is the Chinese edition).
 */
import { DEFAULT_LANG, type BookLang } from '../../content/book-lang';
import { parseSectionHref } from '../../content/links';
import type { BookToc, PartEntry, SectionEntry } from '../../content/types';
import { REFERENCE_SLUG } from '../reference/reference-data';

export type Route =
  | { kind: 'home' }
  | { kind: 'part'; part: PartEntry }
  | { kind: 'section'; section: SectionEntry; anchor: string | null }
  | { kind: 'reference'; anchor: string | null }
  | { kind: 'not-found'; slug: string };

export function allSections(toc: BookToc): SectionEntry[] {
  return toc.parts.flatMap((p) => p.sections);
}

export function routeOf(hash: string, toc: BookToc): Route {
  let location: ReturnType<typeof parseSectionHref>;
  try {
    location = parseSectionHref(hash);
  } catch {
    // A broken escape (`#/%E0%A4%A`): decodeURIComponent throws "URI malformed". Routing never
    // throws: the reader sees "not found" with the hash as typed, and the table of contents.
    return { kind: 'not-found', slug: hash.replace(/^#\/?/, '').slice(0, 200) };
  }
  if (!location) return { kind: 'home' };
  if (location.slug === REFERENCE_SLUG) return { kind: 'reference', anchor: location.anchor };
  const part = toc.parts.find((p) => p.slug === location.slug);
  if (part) return { kind: 'part', part };
  const section = allSections(toc).find((s) => s.slug === location.slug);
  if (section) return { kind: 'section', section, anchor: location.anchor };
  return { kind: 'not-found', slug: location.slug };
}

/** A short key for React: the same page keeps its state when only the anchor changes (a page in another edition is another page). */
export function pageKey(route: Route, lang: BookLang = DEFAULT_LANG): string {
  return lang === DEFAULT_LANG ? routeKey(route) : `${lang}:${routeKey(route)}`;
}

function routeKey(route: Route): string {
  switch (route.kind) {
    case 'home':
      return 'home';
    case 'part':
      return `part:${route.part.slug}`;
    case 'section':
      return `section:${route.section.slug}`;
    case 'reference':
      return 'reference';
    case 'not-found':
      return `missing:${route.slug}`;
  }
}
