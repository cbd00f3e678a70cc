/**
 * The book's editions. Each section is one Markdown file per language, side by side in its part's
 * folder, so a translator sees both and a section added in one language shows up next to its
 * missing twin:
 *
 *   chapters/02-linear-networks/01-linear-regression-scratch.md      English
 *   chapters/02-linear-networks/01-linear-regression-scratch.zh.md   Chinese
 *   chapters/02-linear-networks/01-linear-regression-scratch.check.js   the claims, shared by both
 *
 * Both editions have the same slugs (a section is the same section in either language); recorded
 * outputs live in `recorded/<slug>.json` (English) and `recorded/zh/<slug>.json` (Chinese).
 * Pure: the app, the build and the scripts all read it.
 */

export const BOOK_LANGS = ['en', 'zh'] as const;
export type BookLang = (typeof BOOK_LANGS)[number];
export const DEFAULT_LANG: BookLang = 'en';

/** The `lang` attribute of a page in each edition. */
export const HTML_LANG: Readonly<Record<BookLang, string>> = { en: 'en', zh: 'zh-CN' };

export function isBookLang(x: unknown): x is BookLang {
  return typeof x === 'string' && (BOOK_LANGS as readonly string[]).includes(x);
}

/** The file name of a section (or of a part's `index`) in an edition: `03-ndarray.md`, `03-ndarray.zh.md`. */
export function editionFileName(name: string, lang: BookLang): string {
  return lang === DEFAULT_LANG ? `${name}.md` : `${name}.${lang}.md`;
}

/**
 * Reads a chapter file name: the section's name and its edition, or null when the file is not
 * chapter Markdown. A suffix that looks like a language but is not one of the book's (`x.fr.md`)
 * is an error, so a typo never turns a translation into an extra English section.
 */
export function parseEditionFileName(fileName: string): { name: string; lang: BookLang } | null {
  if (!fileName.endsWith('.md')) return null;
  const stem = fileName.slice(0, -3);
  const m = /^(.+)\.([a-z]{2}(?:-[A-Za-z]+)?)$/.exec(stem);
  if (!m) return { name: stem, lang: DEFAULT_LANG };
  const [, name, suffix] = m as unknown as [string, string, string];
  if (!isBookLang(suffix) || suffix === DEFAULT_LANG) {
    throw new UnknownEditionError(fileName, suffix);
  }
  return { name, lang: suffix };
}

/** Where a section's recorded outputs live, relative to `recorded/`. */
export function recordedFileFor(slug: string, lang: BookLang): string {
  return lang === DEFAULT_LANG ? `${slug}.json` : `${lang}/${slug}.json`;
}

export class UnknownEditionError extends Error {
  constructor(
    readonly fileName: string,
    readonly suffix: string,
  ) {
    super(
      `chapter file '${fileName}' ends in '.${suffix}.md', but the book's editions are ${BOOK_LANGS.map((l) => (l === DEFAULT_LANG ? `'<name>.md' (${l})` : `'<name>.${l}.md' (${l})`)).join(' and ')}; rename the file`,
    );
    this.name = 'UnknownEditionError';
  }
}
