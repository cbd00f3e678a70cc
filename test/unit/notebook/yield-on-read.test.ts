// The notebook host's turns of the event loop at array reads (src/notebook/yield-on-read.ts).
import { describe, expect, it } from 'vitest';
import { NDArray, nd } from '../../../src/lib/index';
import { yieldOnReads } from '../../../src/notebook/yield-on-read';
import { useBackend } from '../helpers/backend';

describe('reads give the event loop a turn now and then', () => {
  it('asScalar, data, toArray and format still return their values; the turn comes once the interval has passed', async () => {
    await useBackend();
    const saved = Object.fromEntries((['data', 'toArray', 'asScalar', 'format'] as const).map((k) => [k, NDArray.prototype[k]]));
    let clock = 0;
    let turns = 0;
    try {
      yieldOnReads(100, () => clock, async () => void turns++);
      const x = nd.array([1, 2, 3]);
      expect(await x.sum().asScalar()).toBe(6);
      expect(turns).toBe(0); // not due yet
      clock = 150;
      expect(await x.toArray()).toEqual([1, 2, 3]);
      expect(turns).toBe(1);
      expect(await x.format()).toContain('<NDArray 3 @');
      expect([...(await x.data())]).toEqual([1, 2, 3]);
      expect(turns).toBe(1); // the interval starts again after a turn
      expect(NDArray.prototype.asScalar.name).toBe('asScalar');
    } finally {
      for (const [k, f] of Object.entries(saved)) Object.defineProperty(NDArray.prototype, k, { value: f, writable: true, configurable: true });
    }
  });
});
