/**
 * Where the page keeps the kernel's last speed probe (backend-probe.ts), so that opening another
 * chapter, or the book tomorrow, starts the kernel at once on the backend measured fastest here.
 *
 * In the site's localStorage, next to the reader's backend choice (src/app/run/backend-choice.ts):
 * it is a setting of this browser, a few hundred bytes. Not through the kernel's storage relay:
 * that stores the files cells save, in the reader's file list and quota. The kernel never reads
 * this itself (its sandbox has no storage); the page sends it with the start request and the
 * kernel ignores it unless it was measured for the same machine key.
 */
import type { BackendProbe } from '../lib/engine/backend-probe';

export interface ProbeCache {
  read(): BackendProbe | null;
  write(probe: BackendProbe): void;
}

export const PROBE_CACHE_KEY = 'handson/backend-probe';

/** The probe in localStorage; blocked or full storage only means the next start probes again. */
export const localProbeCache: ProbeCache = {
  read() {
    try {
      const raw = localStorage.getItem(PROBE_CACHE_KEY);
      return raw === null ? null : (JSON.parse(raw) as BackendProbe); // its shape is checked by the kernel (isBackendProbe)
    } catch {
      return null;
    }
  },
  write(probe) {
    try {
      localStorage.setItem(PROBE_CACHE_KEY, JSON.stringify({ ...probe, fromCache: false }));
    } catch {
      // Storage blocked (a private window): the probe runs again next time, nothing else changes.
    }
  },
};
