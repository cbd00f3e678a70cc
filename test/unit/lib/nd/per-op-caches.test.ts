/**
 * Two values every op used to recompute are now cached: the active backend's largest array
 * (memory-guard.ts, per backend instance) and the context new arrays record (one shared
 * immutable Context per kind). Both must still follow a switch of backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mx, nd } from '../../../../src/lib/index';
import { tf } from '../../../../src/lib/engine/tf';
import { currentContext } from '../../../../src/lib/engine/context';
import { OutOfMemoryError } from '../../../../src/lib/nd/memory-guard';
import { maxArrayBytes } from '../../../../src/lib/nd/backend-limits';
import { requestedBackend, useBackend } from '../../helpers/backend';

beforeAll(useBackend);

describe('per-op caches follow the backend', () => {
  const other = requestedBackend() === 'cpu' ? 'wasm' : 'cpu';

  it(`the array size limit is the active backend's, before, inside and after a switch to ${other}`, async () => {
    const here = maxArrayBytes();
    expect(maxArrayBytes()).toBe(here); // cached: the same answer
    const inside = await mx.withBackend(other, () => maxArrayBytes());
    expect(inside).toBe(other === 'cpu' ? Infinity : 4294901760);
    expect(maxArrayBytes()).toBe(here);
    if (Number.isFinite(here)) {
      // The limit still stops, before allocating, a product whose result would not fit.
      const side = Math.ceil(Math.sqrt(here / 4)) + 1;
      expect(() => nd.dot(nd.ones([side, 1]), nd.ones([1, side]))).toThrow(OutOfMemoryError);
      expect(Array.from(await nd.ones([2]).add(1).data())).toEqual([2, 2]); // and the backend still works
    }
  });

  it('new arrays record the running backend; one shared context per kind', async () => {
    const kind = ['webgpu', 'webgl'].includes(tf.getBackend()) ? 'gpu' : 'cpu';
    expect(nd.ones([2]).context.deviceType).toBe(kind);
    expect(currentContext()).toBe(currentContext());
    // A context names the running backend of its kind when printed, so print it inside.
    const inside = await mx.withBackend(other, () => ({ kind: nd.ones([2]).context.deviceType, name: nd.ones([2]).context.toString() }));
    expect(inside).toEqual({ kind: 'cpu', name: `${other}(0)` });
    expect(nd.ones([2]).context.deviceType).toBe(kind);
    expect(nd.ones([2]).context.toString()).toBe(`${tf.getBackend()}(0)`);
  });
});
