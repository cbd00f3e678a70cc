/** The reader's shell: header (menu, title, search, theme), table of contents, page, status bar. */
import { Suspense, lazy, useEffect, useLayoutEffect, useState } from 'react';
import { toc } from 'virtual:book';
import { pageKey, type Route } from '../book/routes';
import { SectionPage } from '../section/section-page';
import { OfflineControl } from '../offline/offline-control';
import { UpdateNotice } from '../offline/update-notice';
import { ErrorBoundary } from '../ui/error-boundary';
import { Icon } from '../ui/icons';
import { useMessages } from '../i18n/messages';
import { HomePage, NotFoundPage, PartPage } from './pages';
import { restoreScroll } from './scroll-memory';
import { SearchBox } from './search-box';
import { StatusBar } from './status-bar';
import { ThemeSwitch } from './theme-switch';
import { TocNav } from './toc-nav';
import { useRoute } from './use-route';

// The reference (its data is ~100 kB) is its own chunk, loaded when the reader opens it.
const ReferencePage = lazy(() => import('../reference/reference-page').then((m) => ({ default: m.ReferencePage })));

function Page({ route }: { route: Route }) {
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
  const route = useRoute(toc);
  const key = pageKey(route);
  const [drawer, setDrawer] = useState(false);
  const m = useMessages();

  useEffect(() => setDrawer(false), [route]);
  useLayoutEffect(() => {
    if (route.kind !== 'section' && route.kind !== 'reference') {
      document.title = m.bookTitle;
      if (!restoreScroll()) window.scrollTo({ top: 0 });
    }
  }, [key, route.kind, m]);
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
        <a className="book-title" href="#/">
          {m.bookShortTitle}
        </a>
        <span className="top-spacer" />
        <SearchBox />
        <OfflineControl />
        <ThemeSwitch />
      </header>
      <div className="drawer-backdrop" onClick={() => setDrawer(false)} aria-hidden="true" />
      <aside className="sidebar">
        <TocNav toc={toc} route={route} />
      </aside>
      <main className="content" id="content" tabIndex={-1}>
        <ErrorBoundary key={key} what={m.shell.thisPage}>
          <Page route={route} />
        </ErrorBoundary>
      </main>
      <UpdateNotice />
      <ErrorBoundary what={m.shell.theStatusBar} resetKey={route}>
        <StatusBar />
      </ErrorBoundary>
    </div>
  );
}
