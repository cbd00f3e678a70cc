/**
 * Which edition a reader sees. The URL decides (`#/zh/...` is Chinese, every other link English),
 * so links are shareable and a page has one language. Only a bare URL (the cover, `#/` or none)
 * is open to choice: the reader's remembered choice (the language switch saves it), else the
 * browser's languages (`navigator.languages`, first match wins: zh, zh-CN, zh-TW... read Chinese).
 * Pure apart from the storage it is handed.
 */
import { BOOK_LANGS, DEFAULT_LANG, isBookLang, type BookLang } from '../../content/book-lang';
import { homeHref, langOfHref, parseSectionHref, sectionHref } from '../../content/links';
import type { BookToc } from '../../content/types';
import type { StorageLike } from '../edits/safe-storage';

export const LANG_KEY = 'handson/lang';

/** The first of the browser's languages that the book has (by primary subtag), else English. */
export function preferredLang(languages: readonly string[]): BookLang {
  for (const tag of languages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    const lang = BOOK_LANGS.find((l) => l === primary);
    if (lang) return lang;
  }
  return DEFAULT_LANG;
}

export function savedLang(storage: StorageLike | null): BookLang | null {
  try {
    const v = storage?.getItem(LANG_KEY) ?? null;
    return isBookLang(v) ? v : null;
  } catch {
    return null;
  }
}

/** Remembers the reader's choice; quietly not, when storage is blocked or full. */
export function saveLang(storage: StorageLike | null, lang: BookLang): void {
  try {
    storage?.setItem(LANG_KEY, lang);
  } catch {
    // a preference, not worth an error
  }
}

/** Whether the hash names no page: the cover, in no particular edition. */
export function isBareHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/';
}

/**
 * Where a first visit goes: for a bare URL, the cover of the remembered or preferred edition when
 * that is not English (null: stay). A link to a page keeps its edition whatever the reader prefers.
 */
export function initialHash(hash: string, saved: BookLang | null, languages: readonly string[]): string | null {
  if (!isBareHash(hash)) return null;
  const lang = saved ?? preferredLang(languages);
  return lang === DEFAULT_LANG ? null : homeHref(lang);
}

/**
 * The same page in another edition: the same section (slugs are the same in every edition), at
 * `anchor` when given (null: the top), else at the link's own anchor.
 */
export function switchedHash(hash: string, lang: BookLang, anchor?: string | null): string {
  let location: ReturnType<typeof parseSectionHref>;
  try {
    location = parseSectionHref(hash);
  } catch {
    location = null; // a malformed link: go to the cover
  }
  if (!location) return homeHref(lang);
  if (langOfHref(hash) === lang && anchor === undefined) return hash;
  return sectionHref(location.slug, anchor === undefined ? location.anchor : anchor, lang);
}

/**
 * An anchor of section `slug` in another edition. Figure, table and equation labels are the same in
 * every edition; heading ids come from the heading's words, so a heading is matched by its number
 * (1.4.3 in both editions). Null when the heading has no twin, or `to` is not loaded yet.
 */
export function matchingAnchor(from: BookToc, to: BookToc | null, slug: string, anchor: string | null): string | null {
  if (anchor === null) return null;
  const entry = from.parts.flatMap((p) => p.sections).find((s) => s.slug === slug);
  const heading = entry?.headings.find((h) => h.id === anchor);
  if (!heading) return anchor;
  const twin = to?.parts.flatMap((p) => p.sections).find((s) => s.slug === slug);
  return twin?.headings.find((h) => h.number === heading.number)?.id ?? null;
}
