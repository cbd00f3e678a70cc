/** Section chunks, loaded once each (navigating back is instant) and prefetched for "next". */
import { loadSection } from 'virtual:book';
import type { CompiledSection } from '../../content/types';

const cache = new Map<string, Promise<CompiledSection>>();
const resolved = new Map<string, CompiledSection>();

/** A section already loaded, to render at once without a loading frame. */
export function peekSection(slug: string): CompiledSection | null {
  return resolved.get(slug) ?? null;
}

export function getSection(slug: string): Promise<CompiledSection> {
  let p = cache.get(slug);
  if (!p) {
    p = loadSection(slug).then((s) => (resolved.set(slug, s), s));
    cache.set(slug, p);
    p.catch(() => cache.delete(slug)); // a failed load (offline) may be retried
  }
  return p;
}

/** Fetches a section's chunk when the browser is idle. */
export function prefetchSection(slug: string): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  const go = () => void getSection(slug).catch(() => undefined);
  if (idle) idle(go, { timeout: 3000 });
  else setTimeout(go, 1000);
}
