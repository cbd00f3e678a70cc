/**
 * Every static page of the book: per edition, its table of contents page, one page per part and
 * one per section (48 + 48 today), and the cover's <noscript> table of contents. The build
 * plugin (src/build/static-pages-plugin.ts) writes them into dist/. Pure.
 */
import { BOOK_LANGS, DEFAULT_LANG, type BookLang } from '../../content/book-lang';
import type { BookToc, CompiledSection, SearchDoc } from '../../content/types';
import { messagesFor } from '../../app/i18n/messages';
import { coverNoScript, editionIndexHtml, partDescription, partPageHtml, sectionPageHtml, type AppHead } from './static-page';
import type { Tocs } from './static-links';

export { appHeadOf, withNoScriptCover } from './static-page';
export { staticCss } from './static-css';

/** What the build hands over per edition: CompiledBook's fields the pages need. */
export interface StaticEdition {
  toc: BookToc;
  sections: ReadonlyMap<string, CompiledSection>;
  search: readonly SearchDoc[];
}

/** A section's meta description: the plain text before its first heading, cut near `max` characters at a word (CJK: anywhere). */
export function describe(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.，。；：、]+$/, '')}…`;
}

export interface StaticSite {
  files: { path: string; html: string }[];
  /** The <noscript> element for the cover (index.html). */
  coverNoScript: string;
}

export function staticSite(app: AppHead, editions: Partial<Record<BookLang, StaticEdition>>): StaticSite {
  const tocs: Tocs = Object.fromEntries(Object.entries(editions).map(([l, e]) => [l, e!.toc]));
  const files: StaticSite['files'] = [];
  for (const lang of BOOK_LANGS) {
    const edition = editions[lang];
    if (!edition) continue;
    const { toc } = edition;
    const max = lang === 'zh' ? 90 : 160;
    const intro = new Map(edition.search.filter((d) => d.heading === undefined).map((d) => [d.slug, d.text]));
    files.push(editionIndexHtml(app, lang, toc, tocs, messagesFor(lang).bookTitle));
    for (const part of toc.parts) {
      files.push(partPageHtml(app, lang, toc, tocs, part, describe(partDescription(part, ''), max) || messagesFor(lang).bookTitle));
      for (const entry of part.sections) {
        const section = edition.sections.get(entry.slug);
        if (!section) throw new Error(`the table of contents lists ${entry.slug} (${lang}) but the compiled book has no such section`);
        const description = describe(intro.get(entry.slug) ?? '', max) || `${section.number} ${section.title}`;
        files.push(sectionPageHtml({ app, lang, toc, tocs, section, description }));
      }
    }
  }
  const main = editions[DEFAULT_LANG];
  const others = BOOK_LANGS.filter((l) => l !== DEFAULT_LANG && editions[l]);
  return { files, coverNoScript: main ? coverNoScript(DEFAULT_LANG, main.toc, others) : '' };
}
