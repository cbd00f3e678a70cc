/**
 * Neural-network primitives: convolution, pooling, softmax, logSoftmax. Forward values against
 * hand-computed cases, plain-JS loops (helpers/nn-reference.ts) and TensorFlow.js; gradients
 * against the plain-JS vector-Jacobian products and central finite differences. In Node this
 * runs on the WASM backend, which has no Conv2DBackpropFilter: passing here shows the conv
 * gradients are built from kernels WASM has.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { autograd, nd, NDArray, ArgumentError, ShapeError } from '../../../../../src/lib/index';
import { requestedBackend, useBackend } from '../../../helpers/backend';
import { checkOp, expectClose, expectNoLeak, values } from '../../../helpers/check-op';
import { type ConvSpec, type PoolSpec, type Shape4, convForward, convOutShape, convVjp, poolForward } from '../../../helpers/nn-reference';

beforeAll(useBackend);

const range = (n: number, scale = 1, shift = 0): number[] => Array.from({ length: n }, (_, i) => i * scale + shift);

/** Our gradients for L = sum(f(...xs) * head), for the inputs in `wrt`. */
async function gradsWithHead(f: (...xs: NDArray[]) => NDArray, inputs: NDArray[], head: NDArray, wrt: number[]): Promise<number[][]> {
  const xs = inputs.map((x) => x.copy());
  wrt.forEach((i) => xs[i]!.attachGrad());
  autograd.record(() => f(...xs)).backward(head);
  return Promise.all(wrt.map((i) => values(xs[i]!.grad)));
}

// ---- convolution ------------------------------------------------------------------------

describe('convolution: hand-computed cases', () => {
  it('2-D cross-correlation of a 3x3 input with a 2x2 kernel', async () => {
    // [[0,1,2],[3,4,5],[6,7,8]] (*) [[0,1],[2,3]]: top-left 0*0 + 1*1 + 3*2 + 4*3 = 19, ...
    const X = nd.array([[[range(3), range(3, 1, 3), range(3, 1, 6)]]]);
    const K = nd.array([[[[0, 1], [2, 3]]]]);
    await checkOp((x, k) => nd.convolution(x, k, null), [X, K], { expected: [[[[19, 25], [37, 43]]]] });
  });

  it('edge detection: the kernel [1, -1] marks where a row changes from 1 to 0 and back', async () => {
    const row = [1, 1, 0, 0, 0, 0, 1, 1];
    const X = nd.array([[Array.from({ length: 6 }, () => row)]]); // (1, 1, 6, 8)
    const K = nd.array([[[[1, -1]]]]); // (1, 1, 1, 2)
    const y = nd.convolution(X, K, null);
    expect(y.shape).toEqual([1, 1, 6, 7]);
    expect(await values(y)).toEqual(Array.from({ length: 6 }, () => [0, 1, 0, 0, 0, -1, 0]).flat());
  });

  it('two input channels are summed, and the bias added per filter', async () => {
    // channel 0: [[0..8]] with [[0,1],[2,3]]; channel 1: [[1..9]] with [[1,2],[3,4]]: 19+37 = 56, ...
    const X = nd.array([[[range(3), range(3, 1, 3), range(3, 1, 6)], [range(3, 1, 1), range(3, 1, 4), range(3, 1, 7)]]]);
    const K = nd.array([[[[0, 1], [2, 3]], [[1, 2], [3, 4]]]]);
    await checkOp((x, k) => nd.convolution(x, k, null), [X, K], { expected: [[[[56, 72], [104, 120]]]] });
    await checkOp((x, k, b) => nd.convolution(x, k, b), [X, K, nd.array([0.5])], { expected: [[[[56.5, 72.5], [104.5, 120.5]]]] });
  });

  it('stride 2 and padding 1 on a 4x4 input with a 2x2 kernel of ones', async () => {
    // padded 6x6 windows at rows/cols 0, 2, 4 of the padded input: corners see one input cell each
    const X = nd.array([[[range(4), range(4, 1, 4), range(4, 1, 8), range(4, 1, 12)]]]);
    const y = nd.convolution(X, nd.ones([1, 1, 2, 2]), null, { stride: 2, pad: 1 });
    expect(await values(y)).toEqual([0, 1 + 2, 3, 4 + 8, 5 + 6 + 9 + 10, 7 + 11, 12, 13 + 14, 15]);
  });

  it('matches TensorFlow.js conv2d (NHWC) on a random case', async () => {
    nd.random.seed(3);
    const x = nd.random.normal(0, 1, [2, 3, 6, 5]);
    const w = nd.random.normal(0, 1, [4, 3, 3, 2]);
    await checkOp((a, b) => nd.convolution(a, b, null, { stride: [2, 1], pad: [1, 0] }), [x, w], {
      tfRef: (a, b) => tf.transpose(tf.conv2d(tf.transpose(a, [0, 2, 3, 1]) as tf.Tensor4D, tf.transpose(b, [2, 3, 1, 0]) as tf.Tensor4D, [2, 1], [[0, 0], [1, 1], [0, 0], [0, 0]]), [0, 3, 1, 2]),
      refGrads: false, // tf.grads of conv2d needs Conv2DBackpropFilter, which WASM lacks
      wrt: [],
    });
  });
});

interface ConvCase {
  name: string;
  x: Shape4;
  /** (f, c/g, kh, kw) */
  w: Shape4;
  stride?: [number, number];
  pad?: [number, number];
  dilate?: [number, number];
  numGroup?: number;
  bias?: boolean;
}

const convCases: ConvCase[] = [
  { name: 'C=3, F=2, batch 2, bias', x: [2, 3, 5, 5], w: [2, 3, 3, 3], bias: true },
  { name: 'no bias, 1x1 kernel', x: [2, 3, 3, 4], w: [2, 3, 1, 1] },
  { name: 'stride 2, padding 1, (7 + 2 - 3) % 2 == 0', x: [1, 2, 7, 7], w: [2, 2, 3, 3], stride: [2, 2], pad: [1, 1], bias: true },
  { name: 'stride 2 with an untouched last row and column ((6 - 3) % 2 != 0)', x: [2, 2, 6, 6], w: [2, 2, 3, 3], stride: [2, 2], bias: true },
  { name: 'non-square kernel, stride (3, 2), padding (1, 0), untouched rows', x: [1, 2, 8, 7], w: [3, 2, 2, 3], stride: [3, 2], pad: [1, 0], bias: true },
  { name: 'dilation 2 with padding 2', x: [1, 2, 7, 6], w: [2, 2, 3, 3], dilate: [2, 2], pad: [2, 2], bias: true },
  { name: 'stride 2 and dilation 2 together (zero-spaced filter path)', x: [1, 2, 9, 8], w: [2, 2, 3, 3], stride: [2, 2], dilate: [2, 2], pad: [1, 1] },
  { name: 'stride 2 and dilation 3 together (stride-1-then-subsample path)', x: [1, 1, 11, 10], w: [2, 1, 3, 3], stride: [2, 2], dilate: [3, 3], bias: true },
  { name: 'padding larger than the kernel reach (negative padding in the input gradient)', x: [1, 2, 4, 4], w: [2, 2, 2, 2], pad: [2, 2], bias: true },
  { name: 'numGroup 2 (C=4, F=2)', x: [2, 4, 5, 5], w: [2, 2, 3, 3], numGroup: 2, bias: true },
  { name: 'numGroup 2 with stride 2 (C=2, F=4)', x: [1, 2, 6, 5], w: [4, 1, 3, 2], numGroup: 2, stride: [2, 2], pad: [1, 1] },
  { name: 'depthwise: numGroup = C = F = 3', x: [1, 3, 5, 5], w: [3, 1, 3, 3], numGroup: 3 },
];

describe('convolution: forward vs plain loops, gradients vs plain-loop VJP and finite differences', () => {
  convCases.forEach((c, k) => {
    it(c.name, async () => {
      nd.random.seed(100 + k);
      const spec: ConvSpec = { stride: c.stride ?? [1, 1], pad: c.pad ?? [0, 0], dilate: c.dilate ?? [1, 1], groups: c.numGroup ?? 1 };
      const x = nd.random.normal(0, 1, c.x);
      const w = nd.random.normal(0, 1, c.w);
      const b = c.bias ? nd.random.normal(0, 1, [c.w[0]]) : null;
      const inputs = b ? [x, w, b] : [x, w];
      const opts = { stride: spec.stride, pad: spec.pad, dilate: spec.dilate, numGroup: spec.groups };
      const f = (...a: NDArray[]) => nd.convolution(a[0]!, a[1]!, b ? a[2]! : null, opts);
      const [xv, wv] = [await values(x), await values(w)];
      const expected = convForward(xv, c.x, wv, c.w, b ? await values(b) : null, spec);
      const outShape = convOutShape(c.x, c.w, spec);
      expect(f(...inputs).shape).toEqual(outShape);

      // exact VJP from the loops, with a random head gradient
      const head = nd.random.uniform(-1, 1, outShape);
      const ref = convVjp(xv, c.x, wv, c.w, await values(head), spec);
      const wrt = inputs.map((_, i) => i);
      const ours = await gradsWithHead(f, inputs, head, wrt);
      expectClose(ours[0]!, ref.dx, 1e-4, 'dL/dx vs loops');
      expectClose(ours[1]!, ref.dw, 1e-4, 'dL/dw vs loops');
      if (b) expectClose(ours[2]!, ref.db, 1e-4, 'dL/db vs loops');

      // forward values and finite differences (conv is linear in each input: differences are exact up to rounding)
      await checkOp(f, inputs, { expected, fdTol: 1e-2 });
    });
  });

  it('only the weight needs a gradient (first layer): data gets none and nothing fails', async () => {
    nd.random.seed(7);
    const x = nd.random.normal(0, 1, [2, 1, 5, 5]);
    const w = nd.random.normal(0, 1, [2, 1, 3, 3]);
    w.attachGrad();
    autograd.record(() => nd.convolution(x, w, null, { stride: 2 })).backward();
    const ref = convVjp(await values(x), [2, 1, 5, 5], await values(w), [2, 1, 3, 3], new Array(2 * 2 * 2 * 2).fill(1), { stride: [2, 2], pad: [0, 0], dilate: [1, 1], groups: 1 });
    expectClose(await values(w.grad), ref.dw, 1e-4, 'dL/dw');
  });

  it('forward and backward use only registered kernels, none of the unreliable ones, on tensors of at most 4 dimensions', async () => {
    // 5-D pads fail to compile on WebGL and WebGPU (a failed WebGPU shader silently spoils the
    // whole command batch); WASM lacks Conv2DBackpropFilter and its MaxPoolGrad is wrong.
    nd.random.seed(9);
    const x = nd.random.normal(0, 1, [2, 4, 9, 8]);
    const w = nd.random.normal(0, 1, [4, 2, 3, 3]);
    const b = nd.zeros([4]);
    for (const p of [x, w, b]) p.attachGrad();
    const info = await tf.profile(() => {
      autograd
        .record(() => {
          const c = nd.convolution(x, w, b, { stride: 2, pad: 1, dilate: 2, numGroup: 2 }); // (2, 4, 3, 3)
          const d = nd.convolution(x, w, b, { stride: [2, 1], numGroup: 2 }); // (2, 4, 4, 6)
          const m = nd.pooling(d, { kernel: 3, stride: 2, pad: 1 }).sum().add(nd.pooling(d, { kernel: 2, stride: 2 }).sum());
          return nd.logSoftmax(c, { axis: 1 }).sum().add(nd.softmax(nd.pooling(d, { kernel: 3, pad: 1, poolType: 'avg' })).mul(m).sum());
        })
        .backward();
      return tf.scalar(0);
    });
    const here = new Set(tf.getKernelsForBackend(tf.getBackend()).map((k) => k.kernelName));
    const cpu = new Set(tf.getKernelsForBackend('cpu').map((k) => k.kernelName));
    const names = new Set(info.kernels.map((k) => k.name));
    for (const name of names) {
      expect(here.has(name) && cpu.has(name), `${name} registered`).toBe(true);
      expect(['Conv2DBackpropFilter', 'MaxPoolGrad', 'DepthwiseConv2dNativeBackpropFilter', 'UnsortedSegmentSum']).not.toContain(name);
    }
    for (const k of info.kernels) {
      for (const s of [...k.inputShapes, ...k.outputShapes]) expect(s?.length ?? 0, `${k.name} on ${JSON.stringify(s)}`).toBeLessThanOrEqual(4);
    }
    expect(names.has('Conv2D')).toBe(true); // the profile saw the work
  });

  it('runs on this backend without the kernels it lacks', () => {
    // Documents why the gradients are hand-built: the WASM backend has no Conv2DBackpropFilter.
    const kernels = new Set(tf.getKernelsForBackend(tf.getBackend()).map((k) => k.kernelName));
    if (requestedBackend() === 'wasm') expect(kernels.has('Conv2DBackpropFilter')).toBe(false);
    for (const needed of ['Conv2D', 'MaxPoolGrad', 'AvgPoolGrad', 'PadV2', 'Transpose', 'Reverse', 'StridedSlice']) {
      expect(kernels.has(needed), `${needed} registered on ${tf.getBackend()}`).toBe(true);
    }
  });
});

describe('convolution: errors say what to fix', () => {
  const x = () => nd.zeros([1, 3, 5, 5]);
  it('channel mismatch names both shapes', () => {
    expect(() => nd.convolution(x(), nd.zeros([2, 2, 3, 3]), null)).toThrow(ShapeError);
    expect(() => nd.convolution(x(), nd.zeros([2, 2, 3, 3]), null)).toThrow(/\(1, 3, 5, 5\) has 3 channels.*\(2, 2, 3, 3\) needs 3/);
  });
  it('a bias of the wrong length', () => {
    expect(() => nd.convolution(x(), nd.zeros([2, 3, 3, 3]), nd.zeros([3]))).toThrow(/bias must have shape \(2,\)/);
  });
  it('a kernel larger than the padded input', () => {
    expect(() => nd.convolution(x(), nd.zeros([2, 3, 7, 7]), null)).toThrow(/larger than the padded input \(5, 5\)/);
  });
  it('data that is not 4-D', () => {
    expect(() => nd.convolution(nd.zeros([5, 5]), nd.zeros([1, 1, 3, 3]), null)).toThrow(/must be 4-D \(batch, channels, height, width\), got shape \(5, 5\)/);
  });
  it('bad stride, pad, numGroup', () => {
    const w = nd.zeros([2, 3, 3, 3]);
    expect(() => nd.convolution(x(), w, null, { stride: 0 })).toThrow(ArgumentError);
    expect(() => nd.convolution(x(), w, null, { pad: [1, -1] })).toThrow(/pad must be an integer >= 0/);
    expect(() => nd.convolution(x(), w, null, { stride: 1.5 })).toThrow(/stride must be an integer >= 1/);
    expect(() => nd.convolution(x(), nd.zeros([2, 1, 3, 3]), null, { numGroup: 3 })).toThrow(/numGroup=3 must divide/);
  });
});

// ---- pooling -----------------------------------------------------------------------------

/** Distinct values at least 0.1 apart: a finite-difference step of 0.01 never changes an arg-max. */
function spreadValues(shape: Shape4, seed: number): NDArray {
  const n = shape.reduce((p, d) => p * d, 1);
  nd.random.seed(seed);
  const order = nd.random.permutation(n);
  return NDArray.fromTensor(tf.tensor(order.map((v) => v * 0.1 - n * 0.05), shape)); // (no NDArray reshape needed)
}

interface PoolCase {
  name: string;
  x: Shape4;
  kernel?: [number, number];
  stride?: [number, number];
  pad?: [number, number];
  globalPool?: boolean;
}

const poolCases: PoolCase[] = [
  { name: 'kernel 2, stride 2', x: [2, 2, 4, 4], kernel: [2, 2], stride: [2, 2] },
  { name: 'kernel 3, stride 1, pad 1', x: [1, 2, 4, 5], kernel: [3, 3], stride: [1, 1], pad: [1, 1] },
  { name: 'kernel 2, stride 2 on 5x5 (last row and column unused)', x: [1, 2, 5, 5], kernel: [2, 2], stride: [2, 2] },
  { name: 'non-square kernel (2, 3), stride (1, 2), pad (1, 1)', x: [2, 1, 4, 6], kernel: [2, 3], stride: [1, 2], pad: [1, 1] },
  { name: 'kernel 2, stride 2, pad 1 (windows tile the padded input)', x: [1, 2, 5, 4], kernel: [2, 2], stride: [2, 2], pad: [1, 1] },
  { name: 'kernel 3, stride 2, pad 1 (overlapping, as in ResNet)', x: [2, 1, 7, 6], kernel: [3, 3], stride: [2, 2], pad: [1, 1] },
  { name: 'kernel 2, stride 3 (gaps between windows)', x: [1, 2, 8, 7], kernel: [2, 2], stride: [3, 3] },
  { name: 'global pooling', x: [2, 3, 3, 4], globalPool: true },
];

describe('pooling: forward vs plain loops and TensorFlow.js, gradients vs tf.grads and finite differences', () => {
  for (const type of ['max', 'avg'] as const) {
    poolCases.forEach((c, k) => {
      it(`${type}: ${c.name}`, async () => {
        const x = spreadValues(c.x, 200 + k);
        const spec: PoolSpec = c.globalPool
          ? { kernel: [c.x[2], c.x[3]], stride: [1, 1], pad: [0, 0], type }
          : { kernel: c.kernel!, stride: c.stride!, pad: c.pad ?? [0, 0], type };
        const ref = poolForward(await values(x), c.x, spec);
        const f = (a: NDArray) => nd.pooling(a, c.globalPool ? { globalPool: true, poolType: type } : { kernel: spec.kernel, stride: spec.stride, pad: spec.pad, poolType: type });
        expect(f(x).shape).toEqual(ref.shape);
        const [ph, pw] = spec.pad;
        const tfRef = (a: tf.Tensor) => {
          const nhwc = tf.transpose(a, [0, 2, 3, 1]) as tf.Tensor4D;
          const pooled =
            type === 'max'
              ? tf.maxPool(nhwc, spec.kernel, spec.stride, [[0, 0], [ph, ph], [pw, pw], [0, 0]])
              : tf.avgPool(tf.pad(nhwc, [[0, 0], [ph, ph], [pw, pw], [0, 0]]), spec.kernel, spec.stride, 'valid'); // zeros counted, as MXNet
          return tf.transpose(pooled, [0, 3, 1, 2]);
        };
        // tf.grads of maxPool uses the MaxPoolGrad kernel, wrong on WASM for windows whose max is
        // <= 0 (see src/lib/nd/ops/max-pool-grad.ts): there, finite differences are the reference.
        const refGrads = type === 'avg' || tf.getBackend() !== 'wasm';
        await checkOp(f, [x], { expected: ref.y, tfRef, refGrads });
      });
    });
  }

  it('the classic 3x3 example: max [[4, 5], [7, 8]], avg [[2, 3], [5, 6]]; the default stride is 1 (MXNet)', async () => {
    const X = nd.array([[[range(3), range(3, 1, 3), range(3, 1, 6)]]]);
    expect(await values(nd.pooling(X, { kernel: 2 }))).toEqual([4, 5, 7, 8]);
    expect(await values(nd.pooling(X, { kernel: 2, poolType: 'avg' }))).toEqual([2, 3, 5, 6]);
  });

  it('padding: max ignores it, avg counts it as zeros (count_include_pad)', async () => {
    const X = nd.array([[[range(4), range(4, 1, 4), range(4, 1, 8), range(4, 1, 12)]]]); // 0..15
    expect(await values(nd.pooling(X, { kernel: 3, stride: 2, pad: 1 }))).toEqual([5, 7, 13, 15]);
    const avg = await values(nd.pooling(X, { kernel: 3, stride: 2, pad: 1, poolType: 'avg' }));
    // top-left window covers 0, 1, 4, 5 and five padded zeros: (0 + 1 + 4 + 5) / 9
    expectClose(avg, [10 / 9, (1 + 2 + 3 + 5 + 6 + 7) / 9, (4 + 5 + 8 + 9 + 12 + 13) / 9, (5 + 6 + 7 + 9 + 10 + 11 + 13 + 14 + 15) / 9], 1e-6);
  });

  it('max sends the gradient to the arg-max of each window, summed where windows overlap', async () => {
    const X = nd.array([[[[1, 9, 2], [3, 4, 5], [8, 0, 6]]]]);
    X.attachGrad();
    autograd.record(() => nd.pooling(X, { kernel: 2 })).backward(); // windows' maxima: 9, 9, 8, 6
    expect(await values(X.grad)).toEqual([0, 2, 0, 0, 0, 0, 1, 0, 1]);
  });

  it('max routes the gradient correctly when every value is negative (WASM MaxPoolGrad does not)', async () => {
    const X = nd.array([[[[-4, -3, -7, -9], [-2, -1, -8, -6], [-5, -5, -3, -3], [-5, -5, -3, -3]]]]);
    X.attachGrad();
    autograd.record(() => nd.pooling(X, { kernel: 2, stride: 2 })).backward(nd.array([[[[1, 2], [3, 4]]]]));
    // maxima -1 (row 1, col 1), -6 (row 1, col 3), and ties -5 and -3: the first of each window
    expect(await values(X.grad)).toEqual([0, 0, 0, 0, 0, 1, 0, 2, 3, 0, 4, 0, 0, 0, 0, 0]);
  });

  it('errors: no kernel, padding >= kernel, unknown poolType, window larger than the input', () => {
    const x = nd.zeros([1, 1, 4, 4]);
    expect(() => nd.pooling(x, {})).toThrow(/kernel is required/);
    expect(() => nd.pooling(x, { kernel: 2, pad: 2 })).toThrow(/pad \(2, 2\) must be smaller than kernel \(2, 2\)/);
    expect(() => nd.pooling(x, { kernel: 2, poolType: 'sum' as 'max' })).toThrow(/poolType must be one of "max", "avg"/);
    expect(() => nd.pooling(x, { kernel: 5 })).toThrow(ShapeError);
  });
});

// ---- softmax -----------------------------------------------------------------------------

describe('softmax and logSoftmax', () => {
  const logits = () => nd.array([[0.5, -1.2, 2.0, 0.1], [1.5, 0.3, -0.7, 0.9], [0.2, 1.1, -0.4, -1.6]]);
  const cube = () => nd.array([[[0.5, -1.2], [2.0, 0.1], [1.5, 0.3]], [[-0.7, 0.9], [0.2, 1.1], [-0.4, -1.6]]]); // (2, 3, 2)
  /** tf.softmax works on the last axis only: move `axis` there and back. */
  const alongAxis = (g: (t: tf.Tensor) => tf.Tensor, axis: number) => (t: tf.Tensor) => {
    const perm = [...Array(t.rank).keys()];
    [perm[axis], perm[t.rank - 1]] = [perm[t.rank - 1]!, perm[axis]!];
    return tf.transpose(g(tf.transpose(t, perm)), perm);
  };

  it('softmax: rows sum to 1; values and gradient match tf', async () => {
    await checkOp((x) => nd.softmax(x), [logits()], { tfRef: (t) => tf.softmax(t) });
    const rows = await values(nd.softmax(logits()).sum({ axis: 1 }));
    expectClose(rows, [1, 1, 1], 1e-6);
  });
  it('logSoftmax: values and gradient match tf; exp of it sums to 1', async () => {
    await checkOp((x) => nd.logSoftmax(x), [logits()], { tfRef: (t) => tf.logSoftmax(t) });
    expectClose(await values(nd.logSoftmax(logits()).exp().sum({ axis: 1 })), [1, 1, 1], 1e-6);
  });
  for (const axis of [0, 1, -1]) {
    it(`axis ${axis} of a 3-D array`, async () => {
      const a = axis < 0 ? axis + 3 : axis;
      await checkOp((x) => nd.softmax(x, { axis }), [cube()], { tfRef: alongAxis((t) => tf.softmax(t), a) });
      await checkOp((x) => nd.logSoftmax(x, { axis }), [cube()], { tfRef: alongAxis((t) => tf.logSoftmax(t), a) });
    });
  }
  it('is stable for logits like 1000 and -1000: finite values and gradients', async () => {
    const big = () => nd.array([[1000, 0, -1000], [-1000, -1000, -999]]);
    const s = await values(nd.softmax(big()));
    expectClose(s, [1, 0, 0, 1 / (2 + Math.E), 1 / (2 + Math.E), Math.E / (2 + Math.E)], 1e-6);
    const ls = await values(nd.logSoftmax(big()));
    expect(ls.every(Number.isFinite)).toBe(true);
    expectClose(ls, [0, -1000, -2000, -Math.log(2 + Math.E), -Math.log(2 + Math.E), 1 - Math.log(2 + Math.E)], 1e-6);
    const x = big();
    x.attachGrad();
    autograd.record(() => nd.logSoftmax(x).mul(nd.array([[1, 2, 3], [1, 0, 0]])).sum()).backward();
    // dL/dx = h - softmax(x) * sum(h): row 1: [1, 2, 3] - [6, 0, 0]
    expectClose(await values(x.grad), [-5, 2, 3, 1 - 1 / (2 + Math.E), -1 / (2 + Math.E), -Math.E / (2 + Math.E)], 1e-6);
  });
  it('logSoftmax equals log(softmax) where both are representable, along any axis', async () => {
    expectClose(await values(nd.logSoftmax(cube(), { axis: 1 })), await values(nd.softmax(cube(), { axis: 1 }).log()), 1e-5);
  });
  it('errors: axis out of range, int arrays', () => {
    expect(() => nd.softmax(logits(), { axis: 2 })).toThrow(/axis 2 is out of range/);
    expect(() => nd.logSoftmax(nd.array([1, 2], { dtype: 'int32' }))).toThrow(/must be float32, got int32/);
  });
});

// ---- together ----------------------------------------------------------------------------

describe('a tiny LeNet-like network trains with our autograd', () => {
  it('conv -> relu -> max pool -> conv -> global avg pool -> logSoftmax: SGD steps reduce the loss', async () => {
    nd.random.seed(11);
    const n = 8;
    const X = nd.random.normal(0, 1, [n, 1, 8, 8]);
    const labels = [0, 1, 2, 0, 1, 2, 0, 1];
    const Y = nd.array(labels.map((l) => [0, 1, 2].map((k) => [[k === l ? 1 : 0]]))); // one-hot (n, 3, 1, 1)
    const w1 = nd.random.normal(0, 0.3, [4, 1, 3, 3]);
    const b1 = nd.zeros([4]);
    const w2 = nd.random.normal(0, 0.3, [3, 4, 3, 3]);
    const b2 = nd.zeros([3]);
    const params = [w1, b1, w2, b2];
    params.forEach((p) => p.attachGrad());
    const loss = () => {
      const h = nd.pooling(nd.convolution(X, w1, b1, { pad: 1 }).relu(), { kernel: 2, stride: 2 }); // (n, 4, 4, 4)
      const z = nd.pooling(nd.convolution(h, w2, b2), { globalPool: true, poolType: 'avg' }); // (n, 3, 1, 1)
      return nd.logSoftmax(z, { axis: 1 }).mul(Y).sum().mul(-1 / n); // cross-entropy
    };
    const losses: number[] = [];
    for (let step = 0; step < 40; step++) {
      const l = autograd.record(loss);
      l.backward();
      losses.push(await l.asScalar());
      for (const p of params) p.subInPlace(p.grad.mul(0.2));
    }
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]!).toBeLessThan(0.5 * losses[0]!);
  });

  it('conv + pool + softmax forward/backward do not leak tensors', async () => {
    nd.random.seed(5);
    const x = nd.random.normal(0, 1, [2, 2, 6, 6]);
    const w = nd.random.normal(0, 1, [3, 2, 3, 3]);
    const b = nd.zeros([3]);
    for (const p of [x, w, b]) p.attachGrad();
    await expectNoLeak(async () => {
      const y = autograd.record(() => {
        const c = nd.convolution(x, w, b, { stride: 2, pad: 1, dilate: 1 }); // (2, 3, 3, 3)
        const m = nd.pooling(c, { kernel: 2, stride: 1 }); // (2, 3, 2, 2)
        const a = nd.pooling(c, { kernel: 3, pad: 1, poolType: 'avg' });
        return nd.logSoftmax(m, { axis: 1 }).sum().add(nd.softmax(a).sum());
      });
      y.backward();
      await y.asScalar();
      y.dispose();
    });
  });
});
