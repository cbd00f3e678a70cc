/**
 * The key of a section's kernel session (and its uploads, downloads and kept outputs): the slug,
 * with the edition before it outside English, so the two editions of a section never share runs.
 */
import { DEFAULT_LANG, type BookLang } from '../../content/book-lang';

export const runKey = (slug: string, lang: BookLang): string => (lang === DEFAULT_LANG ? slug : `${lang}/${slug}`);
