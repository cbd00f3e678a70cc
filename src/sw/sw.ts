/// <reference lib="webworker" />
/**
 * The book's one service worker (built by vite-plugin-pwa's injectManifest from this file):
 * - offline: every file of dist/ except the datasets is precached at install (Workbox), so
 *   every section, the kernel, the WASM binaries, fonts and styles load with no network;
 * - updates: a new deploy installs a new worker that precaches the new files beside the old
 *   ones and waits; the page tells the reader, who reloads when ready (SKIP_WAITING). Until
 *   then the old worker serves only old files: never a mix;
 * - isolation: every response it gives the page carries COOP/COEP (isolation.ts), so a plain
 *   static host gets WASM threads and the fast Stop after the first load.
 * Saved edits live in localStorage/IndexedDB, which it never touches; datasets in their own
 * cache (handson-data-v1), which Workbox's clean-up leaves alone.
 */
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { isolationPlugin, withIsolationHeaders } from './isolation';
import { SW_MESSAGE_SKIP_WAITING } from './messages';
import { staticPageRoute } from './static-pages';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

addPlugins([isolationPlugin]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The book's page under any query string (a shared link with ?utm_source=..., say): the precached
// index.html, offline too. Only the page itself: other pages in the scope (the kernel frame is
// precached by name) are not the book.
const scopePath = new URL(self.registration.scope).pathname;
const escaped = scopePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bookPage = createHandlerBoundToURL('index.html');
registerRoute(
  new NavigationRoute(async (options) => withIsolationHeaders(await bookPage(options), 'document'), {
    allowlist: [new RegExp(`^${escaped}(index\\.html)?(\\?.*)?$`)], // matched against path + query
  }),
);
// A static page (en/..., zh/...: for readers without JavaScript, not precached): from the network;
// offline, a redirect to the app's URL for the same page, which is precached (static-pages.ts).
const staticPages = new NetworkOnly({ plugins: [isolationPlugin] });
const staticRoute = (url: URL) => (url.pathname.startsWith(scopePath) ? staticPageRoute(url.pathname.slice(scopePath.length)) : null);
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && staticRoute(url) !== null,
  async (options) => {
    try {
      return await staticPages.handle(options);
    } catch {
      return Response.redirect(new URL(staticRoute(options.url)!, self.registration.scope).href, 302);
    }
  },
);
// The site's own files that are not precached (datasets, anything added after the build):
// from the network, with the headers too. Other origins are left to the browser.
registerRoute(({ url }) => url.origin === self.location.origin, new NetworkOnly({ plugins: [isolationPlugin] }));

// The first install takes the open page at once (its later chunk loads then work offline);
// an update takes over only when the reader asks for it (the page sends SKIP_WAITING).
clientsClaim();
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === SW_MESSAGE_SKIP_WAITING) void self.skipWaiting();
});
