/**
 * The edition of the page: a link to the same page in the other edition ("中文" on an English
 * page, "English" on a Chinese one), so it is also a shareable link (middle-click opens it in a
 * tab). Following it opens the same section at the heading the reader is looking at (headings
 * are matched by their number, 1.4.3 in both editions; figure and equation labels are the same in
 * both), and remembers the choice for the next bare visit. The other edition's table of contents
 * loads before the URL changes, so the page never shows a loading frame in between.
 */
import type { MouseEvent } from 'react';
import { BOOK_LANGS, HTML_LANG, type BookLang } from '../../content/book-lang';
import { langOfHref, parseSectionHref } from '../../content/links';
import type { BookToc } from '../../content/types';
import { getEdition, peekEdition } from '../book/editions';
import { matchingAnchor, saveLang, switchedHash } from '../book/lang-choice';
import { openBrowserStorage } from '../edits/safe-storage';
import { LANG_NAMES } from '../i18n/lang-names';
import { messagesFor } from '../i18n/messages';
import { useHash } from './use-route';

/**
 * How far below the top of the window a heading counts as the one being read: the table of
 * contents' line (140 px), or a third of the window, since a link to a heading leaves it below the
 * sticky header and the page may still grow above it as editors load.
 */
const readingLine = () => Math.max(140, window.innerHeight / 3);

/** The id of the last heading whose top has passed the reading line, if any. */
function headingInView(): string | null {
  let id: string | null = null;
  const line = readingLine();
  for (const h of document.querySelectorAll<HTMLElement>('.section-body :is(h2, h3, h4)[id]')) {
    if (h.getBoundingClientRect().top <= line) id = h.id;
    else break;
  }
  return id;
}

function anchorIn(hash: string, toc: BookToc | null, target: BookToc, inView: string | null): string | null {
  const location = (() => {
    try {
      return parseSectionHref(hash);
    } catch {
      return null;
    }
  })();
  if (!location || !toc) return null;
  return matchingAnchor(toc, target, location.slug, inView ?? location.anchor);
}

export async function switchLang(lang: BookLang): Promise<void> {
  const { storage } = openBrowserStorage();
  saveLang(storage, lang);
  const from = location.hash;
  const inView = headingInView();
  let anchor: string | null = null;
  try {
    const target = await getEdition(lang);
    anchor = anchorIn(from, peekEdition(langOfHref(from))?.toc ?? null, target.toc, inView);
  } catch {
    // Offline: the page shows the failure to load the edition, with its reason.
  }
  if (location.hash === from) location.hash = switchedHash(from, lang, anchor);
}

/** The link's own target (what a new tab opens): the URL's anchor, matched when both editions are loaded. */
function hrefFor(hash: string, lang: BookLang, to: BookLang): string {
  const from = peekEdition(lang)?.toc ?? null;
  const location = (() => {
    try {
      return parseSectionHref(hash);
    } catch {
      return null;
    }
  })();
  if (!location || !from) return switchedHash(hash, to);
  return switchedHash(hash, to, matchingAnchor(from, peekEdition(to)?.toc ?? null, location.slug, location.anchor));
}

export function LangSwitch() {
  const hash = useHash();
  const lang = langOfHref(hash);
  return (
    <nav className="lang-switch" aria-label={messagesFor(lang).site.languageLabel}>
      {BOOK_LANGS.filter((l) => l !== lang).map((l) => (
        <a
          key={l}
          className="btn btn-quiet lang-switch-link"
          href={hrefFor(hash, lang, l)}
          hrefLang={HTML_LANG[l]}
          lang={HTML_LANG[l]}
          title={messagesFor(l).site.readInThisLanguage}
          data-testid="lang"
          onPointerEnter={() => void getEdition(l).catch(() => undefined)}
          onClick={(e: MouseEvent) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab or window: the plain link
            e.preventDefault();
            void switchLang(l);
          }}
        >
          {LANG_NAMES[l]}
        </a>
      ))}
    </nav>
  );
}
