/**
 * The reader's URLs. The site is static and may live under any sub-path, so it routes on the
 * hash: `#/<part>/<section>` opens a section, `#/<part>/<section>#<heading-id>` scrolls to a
 * heading (or a figure or equation). Another edition than English puts its language first:
 * `#/zh/<part>/<section>`, so a link names one edition and English links stay as they were.
 * Compiled HTML uses these hrefs for cross-references, and the app parses them with
 * parseSectionHref; both live here so they cannot drift apart.
 */
import { BOOK_LANGS, DEFAULT_LANG, type BookLang } from './book-lang';

export interface SectionLocation {
  slug: string;
  /** An element id inside the section, or null for its top. */
  anchor: string | null;
  /** The edition the link names. */
  lang: BookLang;
}

export function sectionHref(slug: string, anchor?: string | null, lang: BookLang = DEFAULT_LANG): string {
  return `#/${lang === DEFAULT_LANG ? '' : `${lang}/`}${slug}${anchor ? `#${anchor}` : ''}`;
}

/** The cover of an edition: `#/` (English), `#/zh/`. */
export function homeHref(lang: BookLang = DEFAULT_LANG): string {
  return lang === DEFAULT_LANG ? '#/' : `#/${lang}/`;
}

/** The edition a hash names (also for the cover, `#/zh/`, where parseSectionHref gives null). */
export function langOfHref(href: string): BookLang {
  const hashAt = href.indexOf('#/');
  if (hashAt < 0) return DEFAULT_LANG;
  const rest = href.slice(hashAt + 2);
  return BOOK_LANGS.find((l) => l !== DEFAULT_LANG && (rest === l || rest.startsWith(`${l}/`))) ?? DEFAULT_LANG;
}

/** Parses `location.hash` (or an href ending in one); null when it is not a section link. */
export function parseSectionHref(href: string): SectionLocation | null {
  const hashAt = href.indexOf('#/');
  if (hashAt < 0) return null;
  let rest = href.slice(hashAt + 2);
  let lang: BookLang = DEFAULT_LANG;
  const prefix = BOOK_LANGS.find((l) => l !== DEFAULT_LANG && (rest === l || rest.startsWith(`${l}/`)));
  if (prefix) {
    lang = prefix;
    rest = rest.slice(prefix.length + 1);
  }
  const anchorAt = rest.indexOf('#');
  const slug = decodeURIComponent(anchorAt < 0 ? rest : rest.slice(0, anchorAt));
  if (slug === '') return null;
  const anchor = anchorAt < 0 ? null : decodeURIComponent(rest.slice(anchorAt + 1)) || null;
  return { slug, anchor, lang };
}
