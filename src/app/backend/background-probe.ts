/**
 * The speed probe for a reader who picked a backend by hand. The kernel times the backends only
 * when it starts on Auto; a reader who chose CPU (say) on their first visit would never learn
 * that another backend is ten times faster here. So when a cell has run long on a browser with
 * no kept probe, the page times the backends once, in a throwaway kernel, after that cell ends
 * (measuring during the run would slow the reader's cell and skew the timings on a busy CPU).
 * The probe is kept like Auto's (localProbeCache), so the next long cell says how much faster
 * another backend is. The reader's own kernel, its backend and variables are left alone.
 */
import { localProbeCache } from '../../kernel/page/probe-cache';
import { Store } from '../run/store';

export type BackgroundProbeState = 'none' | 'waiting' | 'measuring' | 'done' | 'failed';

/** What the page's one background probe is doing (a cell's hint shows it). */
export const backgroundProbe = new Store<BackgroundProbeState>('none');

/** Short pause after the cell ends: the page first shows its outputs. */
const AFTER_CELL_MS = 500;

/**
 * Asks for a background probe, started by the returned function (call it when the long cell has
 * ended). Once per page: a probe that failed is not retried until the next visit.
 */
export function requestBackgroundProbe(siteBase: string): () => void {
  if (backgroundProbe.get() !== 'none' || localProbeCache.read()) return () => undefined;
  backgroundProbe.set('waiting');
  let started = false;
  return () => {
    if (started) return;
    started = true;
    setTimeout(() => void measure(siteBase), AFTER_CELL_MS);
  };
}

async function measure(siteBase: string): Promise<void> {
  backgroundProbe.set('measuring');
  const { KernelClient } = await import('../../kernel/page/client');
  // No backend: the kernel times them all, and the client keeps the result in localProbeCache.
  // It runs no cell, so the default storage (opened only when a cell saves a file) stays unused.
  const client = new KernelClient({ frameUrl: `${siteBase}kernel-frame.html`, siteBase });
  try {
    await client.start();
    backgroundProbe.set(localProbeCache.read() ? 'done' : 'failed');
  } catch {
    backgroundProbe.set('failed');
  } finally {
    client.dispose();
  }
}
