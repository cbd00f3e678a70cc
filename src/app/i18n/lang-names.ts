/**
 * Each edition's name in its own language, as a language menu shows it whatever the page's
 * language ("中文" on an English page, "English" on a Chinese one).
 */
import type { BookLang } from '../../content/book-lang';

export const LANG_NAMES: Readonly<Record<BookLang, string>> = { en: 'English', zh: '中文' };
