/**
 * The static pages' own words (the app's catalogue, src/app/i18n, supplies the rest: titles,
 * table of contents, prev/next, the recorded label). Kept here, not in the app's catalogue, so
 * the app's entry does not carry words only the build uses.
 */
import type { BookLang } from '../../content/book-lang';

export interface StaticWords {
  /** Under the header: what this page is and what JavaScript adds. */
  banner: string;
  /** The link to the same page in the other edition. */
  otherEdition: string;
  /** Under a controls output's recorded values. */
  controlsNote: string;
  /** The cover's <noscript>: before the table of contents. */
  noScriptCover: string;
  /** The cover's link to this edition's table of contents. */
  contentsOf: (bookTitle: string) => string;
  /** A part page's list of its sections. */
  sectionsOfPart: string;
  /** Links to the app's reference (no static page of its own). */
  reference: string;
}

export const STATIC_WORDS: Readonly<Record<BookLang, StaticWords>> = {
  en: {
    banner: 'You are reading this page without JavaScript: the text and the outputs recorded when the book was built are here; turn JavaScript on to edit and run the code cells.',
    otherEdition: '中文版',
    controlsNote: 'These controls are interactive with JavaScript: the outputs below were recorded with these values.',
    noScriptCover: 'This book runs its code cells in your browser with JavaScript. Without it you can still read every section, with the outputs recorded when the book was built:',
    contentsOf: (title) => `Contents: ${title}`,
    sectionsOfPart: 'Sections',
    reference: 'Library reference (needs JavaScript)',
  },
  zh: {
    banner: '你正在不启用 JavaScript 的情况下阅读本页：这里有正文和构建本书时记录的输出；启用 JavaScript 后即可编辑并运行代码单元。',
    otherEdition: 'English',
    controlsNote: '启用 JavaScript 后可以拖动这些控件；下面的输出是用这些值记录的。',
    noScriptCover: '本书用 JavaScript 在浏览器中运行代码单元。不启用 JavaScript 也可以阅读每一节，并看到构建本书时记录的输出：',
    contentsOf: (title) => `目录：${title}`,
    sectionsOfPart: '本章各节',
    reference: '库参考（需要 JavaScript）',
  },
};
