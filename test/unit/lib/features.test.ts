/**
 * The features of issue 16, in MXNet's names and semantics: values against hand-computed
 * (NumPy-style) references, gradients against tf.grads and finite differences, no leaks.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { autograd, gluon, mx, nd, NDArray, ShapeError } from '../../../src/lib/index';
import { useBackend } from '../helpers/backend';
import { checkOp, expectClose, expectNoLeak, values } from '../helpers/check-op';

beforeAll(useBackend);
afterEach(() => vi.restoreAllMocks());

const X = () => nd.array([[3, 1, 4, 1.5], [5, 9, 2, 6]]); // (2, 4), distinct within rows

describe('topk, sort, argsort, argmin', () => {
  it('topk returns indices by default (float32), values, both or a mask, along any axis', async () => {
    const x = X();
    const i = nd.topk(x, { k: 2 }) as NDArray;
    expect(i.dtype).toBe('float32');
    expect(await values(i)).toEqual([2, 0, 1, 3]);
    expect(await values(nd.topk(x, { k: 2, retTyp: 'value' }) as NDArray)).toEqual([4, 3, 9, 6]);
    expect(await values(nd.topk(x, { k: 1, retTyp: 'value', isAscend: true }) as NDArray)).toEqual([1, 2]);
    expect(await values(nd.topk(x, { k: 1, axis: 0 }) as NDArray)).toEqual([1, 1, 0, 1]);
    const [v, j] = x.topk({ k: 3, retTyp: 'both', dtype: 'int32' }) as [NDArray, NDArray];
    expect(await values(v)).toEqual([4, 3, 1.5, 9, 6, 5]);
    expect(j.dtype).toBe('int32');
    expect(await values(j)).toEqual([2, 0, 3, 1, 3, 0]);
    expect(await values(nd.topk(x, { k: 2, retTyp: 'mask' }) as NDArray)).toEqual([1, 0, 1, 0, 0, 1, 0, 1]);
    expect(await values(nd.topk(x, { k: 2, axis: null, retTyp: 'value' }) as NDArray)).toEqual([9, 6]);
    expect(await values(nd.topk(x, { k: 0, retTyp: 'value' }) as NDArray)).toEqual([4, 3, 1.5, 1, 9, 6, 5, 2]); // k < 1: all
    expect(() => nd.topk(x, { k: 5 })).toThrow(ShapeError);
    expect(() => nd.topk(x, { ret_typ: 'value' } as object)).toThrow(/Did you mean retTyp/);
  });

  it('the gradient of topk values goes back to the selected positions', async () => {
    const x = nd.array([[0.3, -1.2, 2.5, 0.9], [1.1, 0.2, -0.7, 1.8], [-0.4, 0.6, 0.1, -2.0]]);
    await checkOp((a) => nd.topk(a, { k: 2, retTyp: 'value' }) as NDArray, [x], { tfRef: (a) => tf.topk(a, 2).values, refGrads: false }); // tfjs has no TopK gradient: finite differences check ours
    await checkOp((a) => nd.topk(a, { k: 2, axis: 0, retTyp: 'value', isAscend: true }) as NDArray, [x], {
      tfRef: (a) => tf.neg(tf.transpose(tf.topk(tf.neg(tf.transpose(a)), 2).values)),
      refGrads: false,
    });
    await checkOp((a) => nd.sort(a, { axis: 1 }), [x], { expected: [-1.2, 0.3, 0.9, 2.5, -0.7, 0.2, 1.1, 1.8, -2.0, -0.4, 0.1, 0.6] });
  });

  it('sort and argsort are ascending by default; argsort gives float32 indices; ties keep their order', async () => {
    const x = nd.array([3, 1, 2, 1]);
    expect(await values(nd.sort(x))).toEqual([1, 1, 2, 3]);
    expect(await values(nd.sort(x, { isAscend: false }))).toEqual([3, 2, 1, 1]);
    expect(await values(nd.argsort(x))).toEqual([1, 3, 2, 0]);
    expect(nd.argsort(x).dtype).toBe('float32');
    expect(await values(X().argsort({ axis: 0, isAscend: false }))).toEqual([1, 1, 0, 1, 0, 0, 1, 0]);
    expect(await values(nd.argmin(X(), { axis: 1 }))).toEqual([1, 2]);
  });

  it('sorting leaks nothing, with and without a recorded gradient', async () => {
    await expectNoLeak(async () => {
      const x = nd.random.normal(0, 1, [3, 5]);
      x.attachGrad();
      autograd.record(() => (nd.topk(x, { k: 2, retTyp: 'value' }) as NDArray).sum()).backward();
      nd.argsort(x);
      nd.topk(x, { retTyp: 'mask', k: 3 });
      await values(x.grad);
    });
  });
});

describe('reshape codes and reshapeLike', () => {
  const x = () => nd.arange(24).reshape([2, 3, 4]);
  it('MXNet\'s special values 0, -1, -2, -3, -4', () => {
    const cases: [number[], number[]][] = [
      [[4, 0, 2], [4, 3, 2]],
      [[2, 0, 0], [2, 3, 4]],
      [[6, 1, -1], [6, 1, 4]],
      [[3, -1, 8], [3, 1, 8]],
      [[-2], [2, 3, 4]],
      [[2, -2], [2, 3, 4]],
      [[-2, 1, 1], [2, 3, 4, 1, 1]],
      [[-3, 4], [6, 4]],
      [[-3, -2], [6, 4]],
      [[0, -3], [2, 12]],
      [[-4, 1, 2, -2], [1, 2, 3, 4]],
      [[2, -4, -1, 3, -2], [2, 1, 3, 4]],
    ];
    for (const [code, want] of cases) expect(x().reshape(code).shape, JSON.stringify(code)).toEqual(want);
    expect(() => x().reshape([-4, 5, -1, -2])).toThrow(/-4 cannot split dimension 2/);
    expect(() => x().reshape([-1, -1])).toThrow(/at most one -1/);
    expect(() => x().reshape([-3, -3])).toThrow(ShapeError);
  });

  it('reshapeLike takes the other array\'s shape, with the gradient reshaped back', async () => {
    await checkOp((a) => a.reshapeLike(nd.zeros([3, 2])), [nd.random.normal(0, 1, [2, 3])], { tfRef: (a) => tf.reshape(a, [3, 2]) });
    expect(() => nd.reshapeLike(nd.zeros([2, 3]), nd.zeros([4]))).toThrow(ShapeError);
  });
});

describe('losses', () => {
  const pred = () => nd.array([[0.5, -1.0], [2.0, 0.3]]);
  const label = () => nd.array([[0.0, 1.5], [2.2, -0.5]]);
  it('HuberLoss: quadratic within rho, linear beyond (Gluon\'s formula), with gradient', async () => {
    // d = |label - pred| = [[0.5, 2.5], [0.2, 0.8]], rho = 1: [[0.125, 2.0], [0.02, 0.32]] -> means [1.0625, 0.17]
    expectClose(await values(new gluon.loss.HuberLoss().forward(pred(), label())), [1.0625, 0.17], 1e-6);
    // rho = 2: [[0.0625, 1.5], [0.01, 0.16]] -> [0.78125, 0.085]
    expectClose(await values(new gluon.loss.HuberLoss({ rho: 2 }).forward(pred(), label())), [0.78125, 0.085], 1e-6);
    await checkOp((p) => new gluon.loss.HuberLoss().forward(p, label()), [pred()], {});
  });

  it('L1Loss is the mean absolute error per example', async () => {
    expectClose(await values(new gluon.loss.L1Loss().forward(pred(), label())), [1.5, 0.5], 1e-6);
  });

  it('KLDivLoss: fromLogits (default) takes log-probabilities; otherwise logSoftmax first', async () => {
    const q = nd.array([[0.2, 0.8], [0.5, 0.5]]);
    const p = nd.array([[0.6, 0.4], [0.1, 0.9]]);
    const kl = (pp: number[], qq: number[]) => qq.map((v, i) => (v * (Math.log(v + 1e-12) - Math.log(pp[i]!)))).reduce((a, b) => a + b) / qq.length;
    const want = [kl([0.6, 0.4], [0.2, 0.8]), kl([0.1, 0.9], [0.5, 0.5])];
    expectClose(await values(new gluon.loss.KLDivLoss().forward(p.log(), q)), want, 1e-5);
    const scores = nd.array([[1.0, 2.0], [-0.5, 0.5]]);
    const sm = (a: number, b: number) => [Math.exp(a) / (Math.exp(a) + Math.exp(b)), Math.exp(b) / (Math.exp(a) + Math.exp(b))];
    const want2 = [kl(sm(1, 2), [0.2, 0.8]), kl(sm(-0.5, 0.5), [0.5, 0.5])];
    expectClose(await values(new gluon.loss.KLDivLoss({ fromLogits: false }).forward(scores, q)), want2, 1e-5);
    await checkOp((s) => new gluon.loss.KLDivLoss({ fromLogits: false }).forward(s, q), [scores], {});
  });

  it('CosineEmbeddingLoss: 1 - cos for similar pairs, max(0, cos - margin) for dissimilar ones', async () => {
    const a = nd.array([[1, 0], [1, 1], [0, 2]]);
    const b = nd.array([[1, 1], [1, 1], [1, 0]]);
    const y = nd.array([1, -1, -1]);
    const c = Math.SQRT1_2; // cos of the first pair; 1 and 0 for the others
    expectClose(await values(new gluon.loss.CosineEmbeddingLoss().forward(a, b, y)), [1 - c, 1, 0], 1e-6);
    expectClose(await values(new gluon.loss.CosineEmbeddingLoss({ margin: 0.5 }).forward(a, b, y)), [1 - c, 0.5, 0], 1e-6);
    await checkOp((u, v) => new gluon.loss.CosineEmbeddingLoss().forward(u, v, nd.array([1, -1])), [nd.array([[0.3, 0.9, -0.2], [1.2, -0.4, 0.5]]), nd.array([[0.8, 0.1, 0.4], [0.9, 0.2, 0.7]])], {});
  });
});

describe('normalization layers and Embedding', () => {
  const manualNorm = (v: number[], eps = 1e-5): number[] => {
    const m = v.reduce((a, b) => a + b) / v.length;
    const s = v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length;
    return v.map((x) => (x - m) / Math.sqrt(s + eps));
  };
  it('LayerNorm normalizes each example\'s features (gamma 1, beta 0 at first); gradient checked', async () => {
    const ln = new gluon.nn.LayerNorm();
    ln.initialize();
    const x = nd.array([[1, 2, 4], [3, -1, 0.5]]);
    expectClose(await values(ln.forward(x)), [...manualNorm([1, 2, 4]), ...manualNorm([3, -1, 0.5])], 1e-4);
    expect(ln.gamma.shape).toEqual([3]);
    await checkOp((a) => ln.forward(a), [x], { fdTol: 5e-2 });
    expect(String(ln)).toBe('LayerNorm(eps=1e-05, axis=-1, center=True, scale=True, in_channels=3)');
  });

  it('InstanceNorm normalizes each example and channel over space (scale off by default, as Gluon)', async () => {
    const inorm = new gluon.nn.InstanceNorm();
    inorm.initialize();
    const x = nd.array([[[1, 2, 3, 6], [0, 0, 1, 1]], [[2, 2, 2, 4], [5, -1, 0, 3]]]); // (2, 2, 4)
    const rows = [[1, 2, 3, 6], [0, 0, 1, 1], [2, 2, 2, 4], [5, -1, 0, 3]];
    expectClose(await values(inorm.forward(x)), rows.flatMap((r) => manualNorm(r)), 1e-4);
    expect(inorm.scale).toBe(false);
    expect(inorm.gamma.gradReq).toBe('null');
    await checkOp((a) => inorm.forward(a), [x], { fdTol: 5e-2 });
  });

  it('Embedding maps indices to rows of its weight, gradients adding up for repeated indices', async () => {
    const emb = new gluon.nn.Embedding(5, 3);
    emb.initialize();
    const w = await values(emb.weight.data());
    const out = emb.forward(nd.array([[4, 0], [4, 2]]));
    expect(out.shape).toEqual([2, 2, 3]);
    expect((await values(out)).slice(0, 3)).toEqual(w.slice(12, 15));
    autograd.record(() => emb.forward(nd.array([4, 4, 1])).sum()).backward();
    expect(await values(emb.weight.grad())).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 2, 2, 2]);
  });
});

describe('masked softmax, hybridize, summary, splitAndLoad', () => {
  it('nd.softmax with a length (MXNet\'s useLength) gives 0 beyond each row\'s length; gradient checked', async () => {
    const x = nd.array([[1, 2, 3], [1, 1, 5], [0.5, 0.2, 0.1]]);
    const y = await values(nd.softmax(x, { length: nd.array([2, 3, 0]), useLength: true }));
    const e = [Math.exp(1), Math.exp(2)];
    expectClose(y.slice(0, 3), [e[0]! / (e[0]! + e[1]!), e[1]! / (e[0]! + e[1]!), 0], 1e-6);
    expectClose(y.slice(3, 6), await values(nd.softmax(nd.array([1, 1, 5]))), 1e-6);
    expect(y.slice(6)).toEqual([0, 0, 0]); // an empty row
    const len = nd.array([1, 2]);
    await checkOp((a) => nd.softmax(a, { length: len, axis: 0 }), [nd.array([[0.3, 1.0], [-0.5, 0.2]])], {});
    expectClose(await values(nd.softmax(nd.array([2, 4]), { temperature: 2 })), await values(nd.softmax(nd.array([1, 2]))), 1e-6);
    expect(() => nd.softmax(x, { length: nd.array([1, 2]) })).toThrow(/length must have x's shape without axis 1, \(3,\)/);
    expect(() => nd.softmax(x, { useLength: true })).toThrow(/no length/);
  });

  it('hybridize() keeps MXNet code running and changes nothing', async () => {
    const net = new gluon.nn.HybridSequential().add(new gluon.nn.Dense(3));
    net.initialize();
    const x = nd.ones([2, 4]);
    const before = await values(net.forward(x));
    expect(net.hybridize()).toBe(net);
    expect(net.hybridize({ staticAlloc: true, staticShape: true })).toBe(net);
    expect(await values(net.forward(x))).toEqual(before);
    expect(() => net.hybridize({ static_alloc: true } as object)).toThrow(/Did you mean staticAlloc/);
  });

  it('a HybridBlock written as in MXNet (hybridForward(F, x, params)) runs, with its parameters by name', async () => {
    class Affine extends gluon.HybridBlock {
      constructor() {
        super();
        this.params.get('weight', { shape: [3, 2], init: 'ones' });
        this.params.get('bias', { shape: [2], init: 'zeros' });
      }
      override hybridForward(F: typeof nd, x: NDArray, p: { weight: NDArray; bias: NDArray }): NDArray {
        return F.relu(F.dot(x, p.weight).add(p.bias));
      }
    }
    const net = new Affine();
    net.initialize();
    net.hybridize();
    expect(await values(net.forward(nd.array([[1, -2, 0.5]])))).toEqual([0, 0]);
    expect(await values(net.forward(nd.array([[1, 2, 0.5]])))).toEqual([3.5, 3.5]);
    const x = nd.array([[1, 2, 0.5]]);
    autograd.record(() => net.forward(x).sum()).backward();
    expect(await values(net.collectParams().values()[1]!.grad())).toEqual([1, 1]);
    expect(() => new gluon.HybridBlock().forward(x)).toThrow(/hybridForward/);
  });

  it('Block.summary prints MXNet\'s table: Layer (type), Output Shape, Param #, totals', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const net = new gluon.nn.Sequential().add(new gluon.nn.Dense(4, { activation: 'relu' }), new gluon.nn.BatchNorm(), new gluon.nn.Dense(2));
    net.initialize();
    const text = net.summary(nd.ones([2, 5]));
    expect(log).toHaveBeenCalledWith(text);
    const line = (a: string, b: string, c: string) => `${a.padStart(20)}  ${b.padStart(42)} ${c.padStart(15)}`;
    expect(text.split('\n')).toEqual([
      '-'.repeat(80),
      line('Layer (type)', 'Output Shape', 'Param #'),
      '='.repeat(80),
      line('Input', '(2, 5)', '0'),
      line('Dense-1', '(2, 4)', '24'),
      line('BatchNorm-2', '(2, 4)', '16'),
      line('Dense-3', '(2, 2)', '10'),
      '='.repeat(80),
      'Parameters in forward computation graph, duplicate included',
      '   Total params: 50',
      '   Trainable params: 42',
      '   Non-trainable params: 8',
      'Shared params in forward computation graph: 0',
      'Unique parameters in model: 50',
      '-'.repeat(80),
    ]);
    // a layer used twice counts its parameters once as shared
    const shared = new gluon.nn.Dense(5, { inUnits: 5 });
    const twice = new gluon.nn.Sequential().add(shared, shared);
    twice.initialize();
    const t2 = twice.summary(nd.ones([1, 5]));
    expect(t2).toContain('Shared params in forward computation graph: 30');
    expect(t2).toContain('Unique parameters in model: 30');
  });

  it('gluon.utils.splitAndLoad: one device gives the whole batch on it', async () => {
    const parts = gluon.utils.splitAndLoad(nd.arange(6).reshape([3, 2]), [mx.currentContext()]);
    expect(parts.length).toBe(1);
    expect(await values(parts[0]!)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(gluon.utils.splitData(nd.arange(6), 3).map((p) => p.shape)).toEqual([[2], [2], [2]]);
  });
});

describe('sorting integers', () => {
  it('int32 arrays sort along any axis and keep their dtype', async () => {
    const x = nd.array([[3, 1, 2], [0, 5, 4]], { dtype: 'int32' });
    const s = nd.sort(x, { axis: 0, isAscend: false });
    expect(s.dtype).toBe('int32');
    expect(await values(s)).toEqual([3, 5, 4, 0, 1, 2]);
    expect(await values(nd.topk(x, { axis: 0, retTyp: 'mask' }) as NDArray)).toEqual([1, 0, 0, 0, 1, 1]);
    expect(await values(nd.argsort(x, { dtype: 'int32' }))).toEqual([1, 2, 0, 0, 2, 1]);
  });
});

describe('the new ops and layers leak nothing, forward and backward', () => {
  // One leak check per op next to its gradient checks above: repeated record + backward must
  // leave no tensor behind (the tape's saved arrays die with the graph).
  const cases: [string, (x: NDArray) => NDArray][] = [
    ['reshape codes', (x) => x.reshape([0, -1]).reshape([-3]).reshape([-4, 2, -1])],
    ['reshapeLike', (x) => x.reshapeLike(nd.zeros([4, 3]))],
    ['masked softmax', (x) => nd.softmax(x, { length: nd.array([1, 2, 3, 4]), useLength: true, axis: 0 })],
    ['HuberLoss', (x) => new gluon.loss.HuberLoss().forward(x, nd.zerosLike(x))],
    ['KLDivLoss', (x) => new gluon.loss.KLDivLoss({ fromLogits: false }).forward(nd.softmax(x), nd.softmax(nd.onesLike(x)))],
    ['CosineEmbeddingLoss', (x) => new gluon.loss.CosineEmbeddingLoss().forward(x, nd.onesLike(x), nd.array([1, -1, 1]))],
    ['sort', (x) => nd.sort(x, { axis: 1 })],
  ];
  for (const [name, f] of cases) {
    it(name, async () => {
      await expectNoLeak(async () => {
        const x = nd.random.normal(0, 1, [3, 4]);
        x.attachGrad();
        autograd.record(() => f(x).sum()).backward();
        await values(x.grad);
      });
    });
  }
  it('LayerNorm and InstanceNorm', async () => {
    const ln = new gluon.nn.LayerNorm();
    const inorm = new gluon.nn.InstanceNorm();
    ln.initialize();
    inorm.initialize();
    await expectNoLeak(async () => {
      const x = nd.random.normal(0, 1, [2, 3, 4]);
      x.attachGrad();
      autograd.record(() => ln.forward(x).add(inorm.forward(x)).sum()).backward();
      await values(x.grad);
    });
  });
});
