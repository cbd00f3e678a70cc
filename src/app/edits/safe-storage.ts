/**
 * The browser's localStorage, opened defensively: it may be missing (private modes, disabled
 * cookies, sandboxed frames), throw on access, or be full. Edits must survive all of these in
 * memory, so callers get either a working storage or the reason there is none.
 */
import { pageMessages } from '../i18n/messages';

/** The part of the Web Storage API the edit store uses (a Map-backed fake in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StorageProblem {
  kind: 'full' | 'unavailable';
  /** For the reader: what happened and what to do (in the page's language when it happened). */
  message: string;
}


/**
 * Space the app keeps for the reader's edits. Other things share this origin's storage (the
 * kernel's speed probe; on GitHub Pages every project site of the same user), and anything may
 * fill it. So while there is room, the app holds RESERVE_CHARS under its own key; when a save of
 * the reader's edits fails for quota, the reserve and the app's other evictable keys are removed
 * and the save is tried again (freeSpaceForEdits): the reader's work is written before anything
 * else of ours. The reserve is taken again on a later page load.
 */
export const RESERVE_KEY = 'handson/reserve';
export const RESERVE_CHARS = 64 * 1024;
/** App keys that may go to make room for edits: the reserve, and the speed probe (measured again at the next start). */
export const EVICTABLE_KEYS: readonly string[] = [RESERVE_KEY, 'handson/backend-probe'];

/** Takes the reserve if there is room (quietly: no room is no problem yet). */
export function takeReserve(storage: StorageLike): void {
  try {
    if (storage.getItem(RESERVE_KEY) === null) storage.setItem(RESERVE_KEY, ' '.repeat(RESERVE_CHARS));
  } catch {
    // full already: the first failing save will say so
  }
}

/** Removes the app's evictable keys; true when any was there. */
export function freeSpaceForEdits(storage: StorageLike): boolean {
  let freed = false;
  for (const key of EVICTABLE_KEYS) {
    try {
      if (storage.getItem(key) !== null) {
        storage.removeItem(key);
        freed = true;
      }
    } catch {
      // blocked: nothing to free
    }
  }
  return freed;
}

/** Whether an exception from setItem means "quota exceeded" (names differ across browsers). */
export function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error) && !(typeof DOMException !== 'undefined' && e instanceof DOMException)) return false;
  const { name, code } = e as { name?: string; code?: number };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** The problem a failed write reports. */
export function writeProblem(e: unknown): StorageProblem {
  return isQuotaError(e)
    ? { kind: 'full', message: pageMessages().edits.storageFull }
    : { kind: 'unavailable', message: `${pageMessages().edits.storageUnavailable}${pageMessages().punct.paren(e instanceof Error ? e.message : String(e))}` };
}

/** localStorage if it can be read and written, else null with the reason. */
export function openBrowserStorage(): { storage: StorageLike | null; problem: StorageProblem | null } {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return { storage: null, problem: { kind: 'unavailable', message: pageMessages().edits.storageUnavailable } };
    const probe = 'handson/probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    takeReserve(storage);
    return { storage, problem: null };
  } catch (e) {
    // A full storage still reads: keep it, and report on the first failed save.
    if (isQuotaError(e)) return { storage: globalThis.localStorage, problem: null };
    return { storage: null, problem: writeProblem(e) };
  }
}
