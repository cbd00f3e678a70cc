/**
 * The page's side of the service worker (src/sw/sw.ts): registers it, follows its life in a
 * store the offline control and the update notice read, and does the one reload that turns on
 * cross-origin isolation on a host that sends no headers (as coi-serviceworker does).
 */
import { SW_MESSAGE_SKIP_WAITING } from '../../sw/messages';
import type { LocalText } from '../i18n/messages';
import { kernelPool } from '../run/kernel-pool';
import { Store } from '../run/store';

export type BookOffline =
  /** No service worker here (an old browser, a page not served over HTTPS or localhost, dev). */
  | { kind: 'unsupported'; reason: LocalText }
  /** First visit: the worker is saving the book's files. */
  | { kind: 'saving' }
  /** Every page, the kernel, the WASM binaries, fonts and styles are on this device. */
  | { kind: 'ready' }
  | { kind: 'failed'; reason: LocalText };

export type BookUpdate =
  | { kind: 'none' }
  /** A new version is saved and waits: reloading shows it (all of it, never a mix). */
  | { kind: 'available' }
  /** The reader chose to update: the new version takes over, then the page reloads. */
  | { kind: 'applying' }
  /** Another tab of the book took the new version: this page's old files may be gone. */
  | { kind: 'taken-elsewhere' };

export const bookOffline = new Store<BookOffline>({ kind: 'saving' });
export const bookUpdate = new Store<BookUpdate>({ kind: 'none' });

const RELOAD_FLAG = 'handson/isolation-reload';

/** Whether a kernel runs in the open section (a reload would reset its variables). */
function kernelRunning(): boolean {
  const phase = kernelPool().current.get()?.store.get().phase;
  return phase === 'starting' || phase === 'idle' || phase === 'busy';
}

/**
 * The worker just took this page for the first time. If the host sent no isolation headers, one
 * reload brings the page back through the worker, which adds them: WASM threads and the fast
 * Stop. At most once per tab (a browser that refuses isolation anyway must not loop), and not
 * while a kernel runs (its variables would be lost; the offline panel offers the reload).
 */
function reloadForIsolation(): void {
  if (crossOriginIsolated || kernelRunning()) return;
  try {
    if (sessionStorage.getItem(RELOAD_FLAG)) return;
    sessionStorage.setItem(RELOAD_FLAG, '1');
  } catch {
    return; // no session storage: no way to know we already tried
  }
  location.reload();
}

/** Whether a reload would make this page cross-origin isolated (the worker controls it, the page predates that). */
export function isolationNeedsReload(): boolean {
  return !crossOriginIsolated && typeof navigator !== 'undefined' && !!navigator.serviceWorker?.controller;
}

export function startServiceWorker(): void {
  if (import.meta.env.DEV) {
    bookOffline.set({ kind: 'unsupported', reason: (m) => m.offline.noWorkerInDev });
    return;
  }
  if (!('serviceWorker' in navigator)) {
    bookOffline.set({ kind: 'unsupported', reason: window.isSecureContext ? (m) => m.offline.noServiceWorkers : (m) => m.offline.notHttps });
    return;
  }
  const sw = navigator.serviceWorker;
  let hadController = !!sw.controller;
  // A change of controller: the first one is the worker taking this page after its first
  // install; any later one is a new version taking over, from here or from another tab.
  sw.addEventListener('controllerchange', () => {
    if (!hadController) {
      hadController = true;
      bookOffline.set({ kind: 'ready' });
      reloadForIsolation();
    } else if (bookUpdate.get().kind === 'applying') location.reload();
    else bookUpdate.set({ kind: 'taken-elsewhere' });
  });
  // After the page has loaded: the worker's first install downloads the whole book (~10 MB),
  // which must not compete with the reader's first page.
  if (document.readyState === 'complete') register(sw);
  else addEventListener('load', () => register(sw), { once: true });
}

function register(sw: ServiceWorkerContainer): void {
  sw.register(new URL('sw.js', document.baseURI).href)
    .then((registration) => {
      if (registration.active) bookOffline.set({ kind: 'ready' });
      if (registration.waiting && sw.controller) bookUpdate.set({ kind: 'available' });
      registration.addEventListener('updatefound', () => followInstall(registration));
      if (registration.installing) followInstall(registration);
      // A reader who keeps the book open for days still hears of a new version.
      setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
    })
    .catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e); // the browser's words
      bookOffline.set({ kind: 'failed', reason: () => message });
    });
}

/** A worker installing: the first one saves the book; a later one is a new version, saved beside the old. */
function followInstall(registration: ServiceWorkerRegistration): void {
  const worker = registration.installing;
  if (!worker) return;
  worker.addEventListener('statechange', () => {
    if (worker.state === 'installed' && navigator.serviceWorker.controller) bookUpdate.set({ kind: 'available' });
    else if (worker.state === 'activated') bookOffline.set({ kind: 'ready' });
    else if (worker.state === 'redundant' && !registration.active && !registration.waiting) {
      bookOffline.set({ kind: 'failed', reason: (m) => m.offline.filesNotSaved });
    }
  });
}

/** The reader chose the new version: it takes over, and the page reloads on the change of controller. */
export function applyUpdate(): void {
  bookUpdate.set({ kind: 'applying' });
  void navigator.serviceWorker.getRegistration().then((r) => {
    if (r?.waiting) r.waiting.postMessage({ type: SW_MESSAGE_SKIP_WAITING });
    else location.reload(); // it took over already (another tab): the reload gets the new version
  });
}
