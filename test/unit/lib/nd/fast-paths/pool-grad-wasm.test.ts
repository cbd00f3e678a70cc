/**
 * The pooling gradients on larger inputs than nn.test.ts's, with many exact ties (small
 * integers), negative windows, padding, overlapping and gapped windows, against a plain-loop
 * reference (first arg-max in row-major order, padding never wins; average pooling counting
 * padded cells). On WASM this exercises the heap loop of fast-paths/pool-grad-wasm.ts, elsewhere
 * the kernel formulation; both must agree with the reference. Also: no leaked tensors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { autograd, nd, type NDArray } from '../../../../../src/lib/index';
import { maxPoolGradWasm } from '../../../../../src/lib/nd/fast-paths/pool-grad-wasm';
import { expectClose, expectNoLeak, values } from '../../../helpers/check-op';
import { requestedBackend, useBackend } from '../../../helpers/backend';

beforeAll(useBackend);

interface Geometry {
  kernel: [number, number];
  stride: [number, number];
  pad: [number, number];
}

/** dL/dx of pooling over (m, h, w) with head dy (m, oh, ow), by loops. */
function reference(type: 'max' | 'avg', x: Float32Array, [m, h, w]: number[], dy: Float32Array, [oh, ow]: number[], { kernel: [kh, kw], stride: [sh, sw], pad: [ph, pw] }: Geometry): number[] {
  const dx = new Array<number>(m * h * w).fill(0);
  for (let p = 0; p < m; p++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const g = dy[(p * oh + i) * ow + j]!;
        let at = -1;
        let best = -Infinity;
        for (let a = 0; a < kh; a++) {
          for (let b = 0; b < kw; b++) {
            const r = i * sh - ph + a;
            const c = j * sw - pw + b;
            if (r < 0 || r >= h || c < 0 || c >= w) continue;
            const k = (p * h + r) * w + c;
            if (type === 'avg') dx[k] += g / (kh * kw);
            else if (at < 0 || x[k]! > best) [at, best] = [k, x[k]!];
          }
        }
        if (type === 'max') dx[at] += g;
      }
    }
  }
  return dx;
}

const CASES: [string, [number, number, number, number], Geometry][] = [
  ['2 x 2 / 2 (LeNet)', [4, 3, 12, 12], { kernel: [2, 2], stride: [2, 2], pad: [0, 0] }],
  ['3 x 3 / 2, pad 1 (ResNet stem)', [3, 2, 11, 10], { kernel: [3, 3], stride: [2, 2], pad: [1, 1] }],
  ['3 x 3 / 1, pad 1', [2, 3, 7, 7], { kernel: [3, 3], stride: [1, 1], pad: [1, 1] }],
  ['2 x 3 / (3, 2), pad (1, 0): gaps and odd sizes', [2, 2, 9, 8], { kernel: [2, 3], stride: [3, 2], pad: [1, 0] }],
  ['global 5 x 5', [3, 4, 5, 5], { kernel: [5, 5], stride: [1, 1], pad: [0, 0] }],
];

describe('pooling gradients against loops (ties, negatives, padding)', () => {
  for (const type of ['max', 'avg'] as const) {
    for (const [name, shape, g] of CASES) {
      it(`${type}: ${name}`, async () => {
        nd.random.seed(5);
        // integers in [-3, 2]: many ties and many windows whose maximum is <= 0
        const x = nd.random.randint(-3, 3, shape).astype('float32');
        const [n, c, h, w] = shape;
        const oh = Math.floor((h + 2 * g.pad[0] - g.kernel[0]) / g.stride[0]) + 1;
        const ow = Math.floor((w + 2 * g.pad[1] - g.kernel[1]) / g.stride[1]) + 1;
        const head = nd.random.normal(0, 1, [n, c, oh, ow]);
        x.attachGrad();
        const y = autograd.record(() => nd.pooling(x, { kernel: g.kernel, stride: g.stride, pad: g.pad, poolType: type }));
        expect(y.shape).toEqual([n, c, oh, ow]);
        y.backward(head);
        const want = reference(type, Float32Array.from(await values(x)), [n * c, h, w], Float32Array.from(await values(head)), [oh, ow], g);
        expectClose(await values(x.grad), want, 1e-5, `dL/dx (${type})`);
      });
    }
  }

  it('the heap loop runs on WASM only, and no pooling gradient leaks', async () => {
    const x = tf.zeros([2, 4, 4]);
    const dy = tf.ones([2, 2, 2]);
    const fast = maxPoolGradWasm(x, dy, { kernel: [2, 2], stride: [2, 2], pad: [0, 0] });
    expect(fast !== null).toBe(requestedBackend() === 'wasm');
    if (fast) expectClose(await fast.data(), reference('max', new Float32Array(32), [2, 4, 4], new Float32Array(8).fill(1), [2, 2], { kernel: [2, 2], stride: [2, 2], pad: [0, 0] }), 0, 'all-zero windows');
    tf.dispose([x, dy, fast ?? []]);
    const data: NDArray = nd.random.normal(0, 1, [2, 3, 9, 9]);
    data.attachGrad();
    await expectNoLeak(async () => {
      for (const type of ['max', 'avg'] as const) {
        autograd.record(() => nd.pooling(data, { kernel: 3, stride: 2, pad: 1, poolType: type }).sum()).backward();
        await data.grad.data();
      }
    });
  });
});
