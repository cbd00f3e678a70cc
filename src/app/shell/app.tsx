/** The reader's shell: header (menu, title, search, theme), table of contents, page, status bar. */
import { Suspense, lazy, useEffect, useLayoutEffect, useState } from 'react';
import { HTML_LANG, type BookLang } from '../../content/book-lang';
import { homeHref } from '../../content/links';
import type { BookToc } from '../../content/types';
import { getEdition } from '../book/editions';
import { pageKey, type Route } from '../book/routes';

import { UiLangContext } from '../i18n/ui-lang';
import { SectionPage } from '../section/section-page';
import { OfflineControl } from '../offline/offline-control';
import { UpdateNotice } from '../offline/update-notice';
import { ErrorBoundary } from '../ui/error-boundary';
import { Icon } from '../ui/icons';
import { messagesFor, useMessages } from '../i18n/messages';
import { HomePage, NotFoundPage, PartPage } from './pages';
import { restoreScroll } from './scroll-memory';
import { SearchBox } from './search-box';
import { StatusBar } from './status-bar';
import { LangSwitch } from './lang-switch';
import { ThemeSwitch } from './theme-switch';
import { TocNav } from './toc-nav';
import { useBookPage, type BookPage } from './use-route';

// The reference (its data is ~100 kB) is its own chunk, loaded when the reader opens it.
const ReferencePage = lazy(() => import('../reference/reference-page').then((m) => ({ default: m.ReferencePage })));

/** While another edition's table of contents loads (main.tsx and the switch load it first, so rarely seen). */
function EditionLoading({ lang }: { lang: BookLang }) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getEdition(lang).catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [lang]);
  return error ? (
    <div className="notice notice-error" role="alert">
      {messagesFor(lang).site.editionFailed(error)}
    </div>
  ) : (
    <p className="loading">{messagesFor(lang).site.loadingEdition}</p>
  );
}

function Page({ route, toc }: { route: Route; toc: BookToc }) {
  const m = useMessages();
  switch (route.kind) {
    case 'home':
      return <HomePage toc={toc} />;
    case 'part':
      return <PartPage part={route.part} />;
    case 'section':
      return <SectionPage entry={route.section} anchor={route.anchor} />;
    case 'reference':
      return (
        <Suspense fallback={<p className="notice notice-info">{m.shell.loadingReference}</p>}>
          <ReferencePage anchor={route.anchor} />
        </Suspense>
      );
    case 'not-found':
      return <NotFoundPage slug={route.slug} />;
  }
}

export function App() {
  const page = useBookPage();
  return (
    <UiLangContext.Provider value={page.lang}>
      <Shell {...page} />
    </UiLangContext.Provider>
  );
}

function Shell({ lang, edition, route }: BookPage) {
  const key = route ? pageKey(route, lang) : `loading:${lang}`;
  const kind = route?.kind ?? 'loading';
  const [drawer, setDrawer] = useState(false);
  const m = useMessages();

  useEffect(() => setDrawer(false), [route]);
  useLayoutEffect(() => {
    // One language per page: screen readers, hyphenation, fonts and `:lang()` CSS follow it.
    document.documentElement.lang = HTML_LANG[lang];
    document.querySelector('meta[name="description"]')?.setAttribute('content', m.bookDescription);
  }, [lang, m]);
  useLayoutEffect(() => {
    if (kind !== 'section' && kind !== 'reference') {
      document.title = m.bookTitle;
      if (!restoreScroll()) window.scrollTo({ top: 0 });
    }
  }, [key, kind, lang, m]);
  useEffect(() => {
    if (!drawer) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setDrawer(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [drawer]);

  return (
    <div className="app" data-drawer={drawer ? 'open' : 'closed'}>
      <a
        className="skip-link"
        href="#content"
        onClick={(e) => {
          // Routes live in the hash: move the focus instead of navigating to "#content".
          e.preventDefault();
          const main = document.getElementById('content');
          main?.focus({ preventScroll: true });
          main?.scrollIntoView({ block: 'start' });
        }}
      >
        {m.shell.skipToContent}
      </a>
      <header className="top-bar">
        <button type="button" className="btn btn-icon menu-button" aria-label={drawer ? m.shell.closeToc : m.shell.openToc} aria-expanded={drawer} onClick={() => setDrawer(!drawer)}>
          <Icon name={drawer ? 'close' : 'menu'} />
        </button>
        <a className="book-title" href={homeHref(lang)}>
          {m.bookShortTitle}
        </a>
        <span className="top-spacer" />
        <SearchBox key={lang} />
        <OfflineControl />
        <LangSwitch />
        <ThemeSwitch />
      </header>
      <div className="drawer-backdrop" onClick={() => setDrawer(false)} aria-hidden="true" />
      <aside className="sidebar">
        {edition && route && <TocNav toc={edition.toc} route={route} />}
      </aside>
      <main className="content" id="content" tabIndex={-1}>
        <ErrorBoundary key={key} what={m.shell.thisPage}>
          {edition && route ? <Page route={route} toc={edition.toc} /> : <EditionLoading lang={lang} />}
        </ErrorBoundary>
      </main>
      <UpdateNotice />
      <ErrorBoundary what={m.shell.theStatusBar} resetKey={route}>
        <StatusBar />
      </ErrorBoundary>
    </div>
  );
}
