/**
 * The edition of the page: English or 中文. Switching opens the same section in the other edition,
 * at the heading the reader is looking at (headings have the same ids in both), and remembers the
 * choice for the next bare visit. The other edition's table of contents loads before the URL
 * changes, so the page never shows a loading frame in between.
 */
import { BOOK_LANGS, HTML_LANG, isBookLang, type BookLang } from '../../content/book-lang';
import { getEdition } from '../book/editions';
import { saveLang, switchedHash } from '../book/lang-choice';
import { openBrowserStorage } from '../edits/safe-storage';
import { useUiLang } from '../i18n/ui-lang';
import { LANG_NAMES, SITE_WORDS } from '../i18n/site-words';

/** The id of the heading at the top of the window (the last one scrolled past), if any. */
function headingInView(): string | null {
  let id: string | null = null;
  const top = (document.querySelector('.top-bar')?.getBoundingClientRect().bottom ?? 0) + 8;
  for (const h of document.querySelectorAll<HTMLElement>('.section-body :is(h2, h3, h4)[id]')) {
    if (h.getBoundingClientRect().top <= top) id = h.id;
    else break;
  }
  return id;
}

export function switchLang(lang: BookLang): void {
  const { storage } = openBrowserStorage();
  saveLang(storage, lang);
  const hash = switchedHash(location.hash, lang, headingInView());
  // Load first: the shell then renders the new edition at once (a failure shows on the page).
  void getEdition(lang)
    .catch(() => undefined)
    .then(() => {
      location.hash = hash;
    });
}

export function LangSwitch() {
  const lang = useUiLang();
  const words = SITE_WORDS[lang];
  return (
    <label className="theme-switch lang-switch">
      <span className="theme-switch-label" id="lang-switch-label">
        {words.languageLabel}
      </span>
      <select aria-labelledby="lang-switch-label" value={lang} onChange={(e) => isBookLang(e.target.value) && switchLang(e.target.value)} data-testid="lang">
        {BOOK_LANGS.map((l) => (
          <option key={l} value={l} lang={HTML_LANG[l]}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
