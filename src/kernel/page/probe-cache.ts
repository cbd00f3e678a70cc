/**
 * Where the page keeps the kernel's last speed probe (backend-probe.ts), so that opening another
 * chapter, or the book tomorrow, starts the kernel at once on the backend measured fastest here.
 *
 * In the site's localStorage, next to the reader's backend choice (src/app/backend/backend-choice.ts):
 * it is a setting of this browser, a few hundred bytes. Not through the kernel's storage relay:
 * that stores the files cells save, in the reader's file list and quota. The kernel never reads
 * this itself (its sandbox has no storage); the page sends it with the start request and the
 * kernel ignores it unless it was measured for the same machine key.
 *
 * A probe expires PROBE_MAX_AGE_MS after its `measuredAt`: the key covers the machine, the browser
 * and TensorFlow.js's version, but not a browser update or a new GPU driver, which can change the
 * ranking. The reader can also drop it at once ("Measure again" in the status bar).
 *
 * The probe comes from the kernel, and a cell may speak for the kernel (it shares its worker): so
 * it is checked against the protocol's schema and its size bounded when written, and checked
 * again when read (storage may hold anything: an older version's entry, a hand edit). An entry
 * that fails either check is not kept; a failed read removes it, and the kernel measures again.
 */
import type { BackendProbe } from '../protocol';
import { validateBackendProbe } from './message-validator';

export interface ProbeCache {
  /** The kept probe, or null when there is none, it is unreadable or it expired. */
  read(): BackendProbe | null;
  write(probe: BackendProbe): void;
  /** Forgets the probe: the next kernel start measures again. */
  clear(): void;
}

export const PROBE_CACHE_KEY = 'handson/backend-probe';

/** A probe is a few hundred bytes; anything near this is not one. */
export const PROBE_MAX_CHARS = 16 * 1024;

/** 30 days. */
export const PROBE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A clock moved back makes a probe look measured in the future; past this much it is not trusted
 * (a few minutes of drift between the page's and the worker's reading of the clock are normal).
 */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

/** The part of the Storage API the cache uses (localStorage in the page, a Map in unit tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Whether a stored entry is still good at `now` (ms since 1970): it has a readable `measuredAt`
 * at most PROBE_MAX_AGE_MS old. Entries without one count as expired. The shape of the rest is
 * checked by the kernel (isBackendProbe).
 */
export function isFreshProbe(entry: unknown, now: number): entry is BackendProbe {
  if (typeof entry !== 'object' || entry === null) return false;
  const at = (entry as { measuredAt?: unknown }).measuredAt;
  if (typeof at !== 'string') return false;
  const t = Date.parse(at);
  if (Number.isNaN(t)) return false;
  const age = now - t;
  return age <= PROBE_MAX_AGE_MS && age >= -FUTURE_SLACK_MS;
}

/**
 * A cache in `storage` (a function: reaching localStorage can throw where storage is blocked);
 * blocked or full storage only means the next start probes again.
 */
export function storageProbeCache(storage: () => KeyValueStorage | null, now: () => number = () => Date.now()): ProbeCache {
  const attempt = <T>(fn: (s: KeyValueStorage) => T, otherwise: T): T => {
    try {
      const s = storage();
      return s ? fn(s) : otherwise;
    } catch {
      return otherwise; // storage blocked (a private window), or a corrupt entry
    }
  };
  const clear = () => attempt((s) => s.removeItem(PROBE_CACHE_KEY), undefined);
  return {
    read() {
      const entry = attempt((s) => {
        const raw = s.getItem(PROBE_CACHE_KEY);
        if (raw !== null && raw.length > PROBE_MAX_CHARS) return 'too large';
        return raw === null ? null : (JSON.parse(raw) as unknown);
      }, 'unreadable' as unknown);
      if (entry === null) return null;
      const checked = validateBackendProbe(entry);
      if (checked.ok && isFreshProbe(checked.value, now())) return checked.value;
      clear(); // expired, unreadable or not a probe: measured again at this start, and overwritten
      return null;
    },
    write(probe) {
      const checked = validateBackendProbe({ ...probe, fromCache: false });
      if (!checked.ok) return;
      const json = JSON.stringify(checked.value);
      if (json.length > PROBE_MAX_CHARS) return;
      attempt((s) => s.setItem(PROBE_CACHE_KEY, json), undefined);
    },
    clear,
  };
}

/** The probe in the page's localStorage. */
export const localProbeCache: ProbeCache = storageProbeCache(() => globalThis.localStorage ?? null);
