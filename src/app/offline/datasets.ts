/**
 * "Make this book available offline": the pages and code are precached by the service worker;
 * the datasets (32 MB, too much to take unasked) are fetched here, into the same cache the
 * kernel's downloads use (../run/downloads.ts), so a cell finds them there offline.
 */
import { cachedAssetFetcher, CACHE_NAME, downloads } from '../files/downloads';

export interface BookDataset {
  /** Under data/ of the site. */
  path: string;
  bytes: number;
}

declare const __BOOK_DATASETS__: readonly BookDataset[];
/** Every dataset a section reads (scripts/datasets.mjs, placed into the build by vite.config.ts). */
export const BOOK_DATASETS: readonly BookDataset[] = __BOOK_DATASETS__;

export const totalBytes = (list: readonly BookDataset[]): number => list.reduce((s, d) => s + d.bytes, 0);

/** The datasets already in Cache Storage (none when it is unavailable). */
export async function savedDatasets(siteBase: string): Promise<Set<string>> {
  const saved = new Set<string>();
  try {
    if (typeof caches === 'undefined') return saved;
    const cache = await caches.open(CACHE_NAME);
    for (const d of BOOK_DATASETS) if (await cache.match(`${siteBase}data/${d.path}`)) saved.add(d.path);
  } catch {
    // storage blocked: nothing saved
  }
  return saved;
}

/**
 * Fetches every dataset not yet saved, one after another (the status bar shows each file too);
 * `onProgress(bytesDone)` as bytes arrive. Asks the browser to keep the site's storage (persist),
 * so the saved book is not evicted under storage pressure.
 */
export async function saveAllDatasets(siteBase: string, onProgress: (bytesDone: number) => void): Promise<void> {
  await navigator.storage?.persist?.().catch(() => false);
  const fetchAsset = cachedAssetFetcher(siteBase);
  const saved = await savedDatasets(siteBase);
  let done = totalBytes(BOOK_DATASETS.filter((d) => saved.has(d.path)));
  let current: string | null = null;
  // The fetcher reports each file's bytes as they stream in (about every 100 ms).
  const unsubscribe = downloads.subscribe(() => {
    const d = downloads.get().find((x) => x.path === current && x.state === 'downloading');
    if (d) onProgress(done + d.loaded);
  });
  try {
    onProgress(done);
    for (const d of BOOK_DATASETS) {
      if (saved.has(d.path)) continue;
      current = d.path;
      await fetchAsset(d.path);
      done += d.bytes;
      onProgress(done);
    }
  } finally {
    unsubscribe();
  }
}
