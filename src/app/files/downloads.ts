/**
 * Dataset files the kernel asks for: fetched by the page (the kernel has no network), read
 * with a streaming reader so the status bar can show progress, and kept in Cache Storage so
 * the second load comes from disk. Datasets never change (checked by sha256 at build), so
 * the cache is keyed by URL only.
 */
import { Store } from '../run/store';
import { messagesFor, type Messages } from '../i18n/messages';

export interface Download {
  path: string;
  loaded: number;
  /** From Content-Length; null when the server did not say. */
  total: number | null;
  state: 'downloading' | 'done' | 'failed';
  fromCache: boolean;
  error: string | null;
}

export const downloads = new Store<readonly Download[]>([]);

/** Cache Storage of the datasets (also read by src/app/offline/datasets.ts). */
export const CACHE_NAME = 'handson-data-v1';

function report(d: Download): void {
  downloads.update((list) => [...list.filter((x) => x.path !== d.path), d]);
}

async function openCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(CACHE_NAME);
  } catch {
    return null; // not a secure context, or storage blocked: fetch every time
  }
}

export class AssetFetchError extends Error {
  override name = 'AssetFetchError';
}

/** Fetches `data/<path>` under the site root, with progress and Cache Storage. */
export function cachedAssetFetcher(siteBase: string): (path: string) => Promise<Uint8Array> {
  return async (path) => {
    const url = `${siteBase}data/${path}`;
    const cache = await openCache();
    const hit = await cache?.match(url).catch(() => undefined);
    if (hit) {
      const bytes = new Uint8Array(await hit.arrayBuffer());
      report({ path, loaded: bytes.length, total: bytes.length, state: 'done', fromCache: true, error: null });
      return bytes;
    }
    const d: Download = { path, loaded: 0, total: null, state: 'downloading', fromCache: false, error: null };
    report(d);
    try {
      const res = await fetch(url);
      if (!res.ok) throw new AssetFetchError(`could not load data/${path}: HTTP ${res.status} ${res.statusText}; the site may be missing its datasets (npm run data, then rebuild)`);
      const length = Number(res.headers.get('content-length'));
      d.total = Number.isFinite(length) && length > 0 ? length : null;
      const bytes = await readWithProgress(res, (loaded) => report({ ...d, loaded }));
      report({ ...d, loaded: bytes.length, total: bytes.length, state: 'done' });
      // A full cache only costs a download next time: never fail the cell for it.
      await cache?.put(url, new Response(bytes.slice(), { headers: { 'content-type': res.headers.get('content-type') ?? 'application/octet-stream' } })).catch(() => undefined);
      return bytes;
    } catch (e) {
      report({ ...d, state: 'failed', error: (e as Error).message });
      throw e;
    }
  };
}

async function readWithProgress(res: Response, onProgress: (loaded: number) => void): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    const now = performance.now();
    if (now - lastReport > 100) {
      lastReport = now;
      onProgress(loaded);
    }
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** Human names for the files the book uses (the status bar shows these). */
export function datasetLabel(path: string, m: Messages = messagesFor('en')): string {
  if (/fashion/i.test(path) || /-ubyte/.test(path)) return m.datasets.fashionMnist(path.split('/').pop() ?? path);
  if (/house|kaggle/i.test(path)) return m.datasets.housePrices(path.split('/').pop() ?? path);
  if (/timemachine/i.test(path)) return m.datasets.timeMachine;
  return path;
}
