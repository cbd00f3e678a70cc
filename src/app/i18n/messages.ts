/**
 * The reader's words in the page's language. Components call `useMessages()` (the language comes
 * from UiLangContext, which the route provides); code outside React calls `messagesFor(lang)`,
 * or `messagesFor(pageLang())` for words written at one moment into state that outlives no
 * page (an error output, a note under an output). State that a page shows later, such as the
 * section's notices, keeps a `LocalText` and is worded when it is drawn, in that page's language.
 */
import { DEFAULT_LANG, HTML_LANG, BOOK_LANGS, type BookLang } from '../../content/book-lang';
import { en, type Messages } from './messages-en';
import { zh } from './messages-zh';
import { useUiLang } from './ui-lang';

export type { Messages } from './messages-en';

const CATALOGUES: Readonly<Record<BookLang, Messages>> = { en, zh };

export function messagesFor(lang: BookLang): Messages {
  return CATALOGUES[lang];
}

export function useMessages(): Messages {
  return messagesFor(useUiLang());
}

/** Words worded when shown: `(m) => m.kernel.restarted`. */
export type LocalText = (m: Messages) => string;

/** The language of the page now, from `<html lang>` (set per page); the default outside a browser. */
export function pageLang(): BookLang {
  const attr = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return BOOK_LANGS.find((l) => HTML_LANG[l] === attr || l === attr) ?? DEFAULT_LANG;
}

/** The catalogue of the page now (pageLang). */
export function pageMessages(): Messages {
  return messagesFor(pageLang());
}
