/**
 * The few words the edition machinery adds to the page (the language switch, the page titles,
 * loading an edition). The lead folds them into the message catalogue (this folder) at merge;
 * until then they are typed the same way: a missing word in one language is a type error.
 */
import type { BookLang } from '../../content/book-lang';

export interface SiteWords {
  /** document.title of the cover and other pages without a title of their own. */
  bookTitle: string;
  /** After a section's number and title in document.title: `2.1 线性回归 · 动手学深度学习`. */
  titleSuffix: string;
  /** The language switch's label (read by screen readers). */
  languageLabel: string;
  /** The tooltip of the link to this edition, in this edition's language (as the link's text is). */
  readInThisLanguage: string;
  /** Shown while another edition's table of contents loads. */
  loadingEdition: string;
  /** When it could not load; `reason` is the browser's message. */
  editionFailed: (reason: string) => string;
}

/** Each edition's name in its own language, as a language menu shows it whatever the page's language. */
export const LANG_NAMES: Readonly<Record<BookLang, string>> = { en: 'English', zh: '中文' };

export const SITE_WORDS: Readonly<Record<BookLang, SiteWords>> = {
  en: {
    bookTitle: 'Hands-on Deep Learning, in the browser',
    titleSuffix: 'Hands-on Deep Learning',
    languageLabel: 'Language',
    readInThisLanguage: 'Read this page in English',
    loadingEdition: 'Loading this edition…',
    editionFailed: (reason) => `This edition could not be loaded (${reason}). Check your connection and reload the page.`,
  },
  zh: {
    bookTitle: '动手学深度学习（浏览器版）',
    titleSuffix: '动手学深度学习',
    languageLabel: '语言',
    readInThisLanguage: '阅读本页的中文版',
    loadingEdition: '正在加载中文版…',
    editionFailed: (reason) => `无法加载这一版本（${reason}）。请检查网络连接，然后刷新页面。`,
  },
};
