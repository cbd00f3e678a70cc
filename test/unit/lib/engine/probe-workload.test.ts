// The speed probe's workload (src/lib/backend-choice/probe-workload.ts): its reference is exact and
// non-trivial, the pass through our library matches it on the running backend, a wrong number
// anywhere is caught, and nothing leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { probeReference, prepareProbe } from '../../../../src/lib/backend-choice/probe-workload';
import { WrongResultError } from '../../../../src/lib/engine/backend-probe';
import { tf } from '../../../../src/lib/engine/tf';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);

const ref = probeReference();

describe('probe workload', () => {
  it('has a reference whose ReLU mask is mixed and whose gradient is made of exact integers', () => {
    const positives = ref.gradW.filter((v) => v !== 0).length;
    expect(positives).toBeGreaterThan(ref.gradW.length / 2); // most weights get a gradient
    expect(ref.gradW.every((v) => Number.isInteger(v) && Math.abs(v) <= 768)).toBe(true);
    expect(Number.isInteger(ref.loss * 2)).toBe(true);
    expect(ref.loss).not.toBe(0);
    // Both sides of the ReLU are exercised: the loss is neither the all-active nor the all-zero one.
    expect(ref.lossScale).toBeGreaterThan(0);
  });

  it('runs on the active backend with every number right, and frees its arrays', async () => {
    const before = tf.memory().numTensors;
    const run = prepareProbe(ref);
    await run.step(true);
    await run.step(false);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects one wrong entry of dL/dW, naming it', async () => {
    const bad = { ...ref, gradW: Float64Array.from(ref.gradW) };
    bad.gradW[5 * 256 + 7]! += 1;
    const run = prepareProbe(bad);
    await expect(run.step(true)).rejects.toThrow(WrongResultError);
    await expect(run.step(true)).rejects.toThrow(/dL\/dW\[5, 7\] is .*, expected/);
    run.dispose();
  });

  it('checks the loss and the gradient sum on every timed run', async () => {
    // 1% of the loss's scale: far beyond float32 rounding (the tolerance is 1e-4 of it).
    const run = prepareProbe({ ...ref, loss: ref.loss + 0.01 * ref.lossScale });
    await expect(run.step(false)).rejects.toThrow(/L = sum\(relu\(X W \+ 0.5\) \* G\) is .*, expected/);
    run.dispose();
    const run2 = prepareProbe({ ...ref, gradSum: ref.gradSum + 0.01 * ref.gradScale });
    await expect(run2.step(false)).rejects.toThrow(/sum\(dL\/dW\)/);
    run2.dispose();
  });
});
