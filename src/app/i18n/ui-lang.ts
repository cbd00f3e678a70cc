/**
 * The language of the page the reader is on. The route decides it (`#/zh/...` is Chinese) and the
 * shell provides it here; every component that shows words reads it from this context, so one page
 * never mixes two languages.
 */
import { createContext, useContext } from 'react';
import { DEFAULT_LANG, type BookLang } from '../../content/book-lang';

export const UiLangContext = createContext<BookLang>(DEFAULT_LANG);

export function useUiLang(): BookLang {
  return useContext(UiLangContext);
}
