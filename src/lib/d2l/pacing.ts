/**
 * Long loops inside d2l helpers (training and evaluation over a whole dataset) are not cell
 * code, so the kernel's per-loop stop checks and yields do not reach them. A pacer gives them
 * the same manners: now and then it yields to the event loop, so a stop request arrives, live
 * charts are sent, and the arrays dropped since the last yield are freed (nd.waitAll).
 */
import { reclaimMemory } from '../nd/lifetime';

/** How often a helper's loop yields (ms): the kernel's own loops yield every 100 ms. */
const YIELD_INTERVAL_MS = 100;

/** Returns `pace()`: await it once per iteration; it yields only when the interval has passed. */
export function makePacer(intervalMs = YIELD_INTERVAL_MS): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < intervalMs) return;
    await reclaimMemory();
    last = performance.now();
  };
}
