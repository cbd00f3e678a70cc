/**
 * The reader's entry: a static page's URL first (static-takeover.ts), then the theme (so the
 * first paint has the right colours), then the app. This bundle holds React, the shell and the
 * table of contents only: sections, CodeMirror, Plotly, the search index and the kernel each load
 * when needed.
 */
// First import: on a static page it moves the URL to the app's before any module reads it.
import { fromStaticPage, keepStaticScroll } from './book/static-takeover';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HTML_LANG } from '../content/book-lang';
import { langOfHref } from '../content/links';
import { getEdition } from './book/editions';
import { initialHash, savedLang } from './book/lang-choice';
import { routeOf } from './book/routes';
import { startServiceWorker } from './offline/service-worker';
import { getSection } from './section/load-section';
import { App } from './shell/app';
import { holdScroll, installScrollMemory } from './shell/scroll-memory';
import { startTheme } from './theme/theme-store';
import './styles/theme.css';
import './styles/layout.css';
import './styles/prose.css';
import './styles/cells.css';
import './styles/outputs.css';
import './styles/lang-zh.css';
import './styles/lang-switch.css';

startTheme();
startServiceWorker(); // offline reading, updates, isolation on plain hosts (src/sw/sw.ts)
installScrollMemory();
const root = document.getElementById('root');
if (!root) throw new Error('index.html must have <div id="root"> for the reader to mount in');

const render = () => {
  // The first commit replaces the static page's markup in #root (static-takeover.ts).
  if (fromStaticPage && keepStaticScroll(location.hash.indexOf('#', 1) > 0)) holdScroll(); // `#/<route>#<anchor>`
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};

// A bare URL opens the cover of the reader's edition: the one they chose before, else the first
// of their browser's languages the book has. A link to a page keeps its own edition, and so does
// a static page taken over: the English contents page (en/index.html) opens the English cover.
let prefs: Storage | null = null;
try {
  prefs = globalThis.localStorage ?? null;
} catch {
  prefs = null; // storage blocked: follow the browser's languages
}
const redirect = fromStaticPage ? null : initialHash(location.hash, savedLang(prefs), navigator.languages ?? [navigator.language]);
if (redirect) history.replaceState(history.state, '', redirect);
const lang = langOfHref(location.hash);
document.documentElement.lang = HTML_LANG[lang];

// Opening a section's URL: fetch its edition's contents and its chunk at once, and let the first
// render show its text (one render instead of "Loading…" then the text). A slow network gets the
// shell after 300 ms; a static page keeps its text on screen until the section is there.
const loaded = getEdition(lang)
  .then((edition) => {
    const initial = routeOf(location.hash, edition.toc);
    return initial.kind === 'section' ? getSection(initial.section.slug, lang) : undefined;
  })
  .catch(() => undefined);
void (fromStaticPage ? loaded : Promise.race([loaded, new Promise((r) => setTimeout(r, 300))])).then(render);
