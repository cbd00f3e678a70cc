// The page's cache of the kernel's speed probe (src/kernel/page/probe-cache.ts): kept for 30 days
// after it was measured, then measured again; entries without a time count as expired.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isFreshProbe, PROBE_CACHE_KEY, PROBE_MAX_AGE_MS, storageProbeCache, type KeyValueStorage } from '../../../src/kernel/page/probe-cache';
import type { BackendProbe } from '../../../src/kernel/protocol';

const DAY = 24 * 60 * 60 * 1000;
const MEASURED = Date.parse('2026-11-01T12:00:00.000Z');

const probe = (measuredAt: string = new Date(MEASURED).toISOString()): BackendProbe => ({
  version: 1,
  key: 'k',
  chosen: 'wasm',
  basis: 'fastest',
  trials: [{ name: 'wasm', outcome: 'timed', ms: 12.4, samples: [12.4], stoppedEarly: false }],
  recheck: null,
  measuredAt,
  totalMs: 2345,
  fromCache: false,
});

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

/** A cache over a fresh in-memory storage and a clock the test sets. */
function setup(at = MEASURED) {
  const storage = memoryStorage();
  const clock = { now: at };
  return { storage, clock, cache: storageProbeCache(() => storage, () => clock.now) };
}

describe('probe cache', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a probe, marked as not from the cache (the kernel marks what it reuses)', () => {
    const { cache, storage } = setup();
    cache.write({ ...probe(), fromCache: true });
    expect(JSON.parse(storage.map.get(PROBE_CACHE_KEY)!).fromCache).toBe(false);
    expect(cache.read()).toEqual(probe());
  });

  it('reads it back up to 30 days after it was measured, and not after', () => {
    const { cache, clock, storage } = setup();
    cache.write(probe());
    clock.now = MEASURED + 29 * DAY;
    expect(cache.read()?.measuredAt).toBe(probe().measuredAt);
    clock.now = MEASURED + PROBE_MAX_AGE_MS;
    expect(cache.read()).not.toBeNull();
    clock.now = MEASURED + PROBE_MAX_AGE_MS + 1;
    expect(cache.read()).toBeNull();
    expect(storage.map.has(PROBE_CACHE_KEY), 'an expired entry is removed').toBe(false);
  });

  it('entries without a readable time count as expired', () => {
    const { cache, storage } = setup();
    const { measuredAt: _, ...old } = probe();
    storage.map.set(PROBE_CACHE_KEY, JSON.stringify(old));
    expect(cache.read()).toBeNull();
    storage.map.set(PROBE_CACHE_KEY, JSON.stringify(probe('yesterday')));
    expect(cache.read()).toBeNull();
    storage.map.set(PROBE_CACHE_KEY, JSON.stringify({ ...probe(), measuredAt: 1764590400000 }));
    expect(cache.read()).toBeNull();
  });

  it('a probe from the future (the clock was set back) is not trusted beyond a few minutes', () => {
    const { cache, clock } = setup();
    cache.write(probe());
    clock.now = MEASURED - 60 * 1000;
    expect(cache.read()).not.toBeNull();
    clock.now = MEASURED - DAY;
    expect(cache.read()).toBeNull();
  });

  it('clear() forgets it: the next start measures again', () => {
    const { cache, storage } = setup();
    cache.write(probe());
    cache.clear();
    expect(storage.map.size).toBe(0);
    expect(cache.read()).toBeNull();
  });

  it('corrupt, missing or blocked storage reads as no probe and never throws', () => {
    const { cache, storage } = setup();
    storage.map.set(PROBE_CACHE_KEY, '{not json');
    expect(cache.read()).toBeNull();
    expect(storageProbeCache(() => null).read()).toBeNull();
    const blocked = storageProbeCache(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(blocked.read()).toBeNull();
    expect(() => blocked.write(probe())).not.toThrow();
    expect(() => blocked.clear()).not.toThrow();
  });

  it('uses the system clock by default', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const cache = storageProbeCache(() => storage);
    cache.write(probe());
    vi.setSystemTime(MEASURED + 10 * DAY);
    expect(cache.read()).not.toBeNull();
    vi.setSystemTime(MEASURED + 31 * DAY);
    expect(cache.read()).toBeNull();
  });

  it('isFreshProbe: only objects with a measuredAt inside the window', () => {
    expect(isFreshProbe(null, MEASURED)).toBe(false);
    expect(isFreshProbe('x', MEASURED)).toBe(false);
    expect(isFreshProbe(probe(), MEASURED + DAY)).toBe(true);
    expect(isFreshProbe(probe(), MEASURED + 31 * DAY)).toBe(false);
  });
});
