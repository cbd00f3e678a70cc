/**
 * The reader's entry: theme first (so the first paint has the right colours), then the app.
 * This bundle holds React, the shell and the table of contents only: sections, CodeMirror,
 * Plotly, the search index and the kernel each load when needed.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { toc } from 'virtual:book';
import { routeOf } from './book/routes';
import { startServiceWorker } from './offline/service-worker';
import { getSection } from './section/load-section';
import { App } from './shell/app';
import { installScrollMemory } from './shell/scroll-memory';
import { startTheme } from './theme/theme-store';
import './styles/theme.css';
import './styles/layout.css';
import './styles/prose.css';
import './styles/cells.css';
import './styles/outputs.css';

startTheme();
startServiceWorker(); // offline reading, updates, isolation on plain hosts (src/sw/sw.ts)
installScrollMemory();
const root = document.getElementById('root');
if (!root) throw new Error('index.html must have <div id="root"> for the reader to mount in');

const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// Opening a section's URL: fetch its chunk at once, and let the first render show its text
// (one render instead of "Loading…" then the text). A slow network gets the shell after 300 ms.
const initial = routeOf(location.hash, toc);
if (initial.kind === 'section') {
  const loaded = getSection(initial.section.slug).catch(() => undefined);
  void Promise.race([loaded, new Promise((r) => setTimeout(r, 300))]).then(render);
} else {
  render();
}
