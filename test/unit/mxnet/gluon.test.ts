/**
 * test_gluon.py, test_init.py and test_gluon_data.py in the MXNet port: layer output shapes,
 * BatchNorm's training step, parameters (sharing, collection, deferred init), initializers,
 * Dropout, and DataLoader batching. Values from generate.py where there are numbers to compute.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SyncReadError, autograd, gluon, init, nd, type NDArray } from '../../../src/lib/index';
import { requestedBackend, useBackend } from '../helpers/backend';
import { expectMatches, toNd, type ArrayJson, type OtherCase } from './cases';
import gluonCases from './cases/gluon.json';
import dataCases from './cases/data.json';

beforeAll(useBackend);

const others = (gluonCases as unknown as OtherCase[]).filter((c) => 'kind' in c);
type AnyBlock = InstanceType<typeof gluon.Block>;

function makeLayer(name: string, options: Record<string, unknown>): AnyBlock {
  const nn = gluon.nn as unknown as Record<string, new (...a: unknown[]) => AnyBlock>;
  if (name === 'Conv2D') {
    const { channels, ...rest } = options;
    return new nn.Conv2D!(channels, rest);
  }
  if (name === 'Dense') {
    const { units, ...rest } = options;
    return new nn.Dense!(units, rest);
  }
  return new nn[name]!(options);
}

describe('MXNet port: test_gluon.py layer shapes', () => {
  for (const c of others.filter((o) => o.kind === 'layerShape')) {
    it(`${c.id}: ${c.layer as string}(${JSON.stringify(c.options)}) on ${JSON.stringify(c.inShape)}`, () => {
      const layer = makeLayer(c.layer as string, c.options as Record<string, unknown>);
      layer.initialize();
      const y = layer.forward(nd.ones(c.inShape as number[]));
      expect(y.shape).toEqual(c.outShape);
    });
  }
});

describe('MXNet port: test_gluon.py::test_batchnorm (training step)', () => {
  for (const c of others.filter((o) => o.kind === 'batchNormTrain')) {
    it(`${c.id}: normalizes with the batch statistics and moves the running ones by momentum 0.9`, async () => {
      const bn = new gluon.nn.BatchNorm();
      bn.initialize();
      const x = toNd(c.x as ArrayJson);
      autograd.pause(() => bn.forward(x)); // deferred shapes (predict mode: running stats untouched)
      bn.gamma.setData(toNd(c.gamma as ArrayJson));
      bn.beta.setData(toNd(c.beta as ArrayJson));
      const y = autograd.record(() => bn.forward(x));
      await expectMatches(y, c.y as ArrayJson, 1e-4, 'output');
      // MXNet's moving variance follows the biased batch variance (divided by n, not n - 1).
      await expectMatches(bn.runningMean.data(), c.runningMean as ArrayJson, 1e-4, 'running mean');
      await expectMatches(bn.runningVar.data(), c.runningVarBiased as ArrayJson, 1e-4, 'running var');
    });
  }
});

describe('MXNet port: test_gluon.py::test_batchnorm (prediction)', () => {
  it('outside training, BatchNorm normalizes with the running statistics, not the batch', async () => {
    const bn = new gluon.nn.BatchNorm({ inChannels: 2 });
    bn.initialize();
    bn.runningMean.setData(nd.array([1, -2]));
    bn.runningVar.setData(nd.array([4, 0.25]));
    bn.gamma.setData(nd.array([2, 1]));
    bn.beta.setData(nd.array([0.5, 0]));
    const x = nd.array([[3, -1], [1, -3]]);
    const y = (await bn.forward(x).toArray()) as number[][];
    const eps = 1e-5;
    // y = gamma (x - runningMean) / sqrt(runningVar + eps) + beta, per channel (column)
    const expected = [
      [(2 * (3 - 1)) / Math.sqrt(4 + eps) + 0.5, (-1 + 2) / Math.sqrt(0.25 + eps)],
      [(2 * (1 - 1)) / Math.sqrt(4 + eps) + 0.5, (-3 + 2) / Math.sqrt(0.25 + eps)],
    ];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(y[i]![j]).toBeCloseTo(expected[i]![j]!, 4);
    // and the running statistics did not move
    expect(Array.from(await bn.runningMean.data().data())).toEqual([1, -2]);
  });
});

describe('MXNet port: test_gluon.py parameters', () => {
  it('test_parameter: shape, initialize, data and grad', async () => {
    const p = new gluon.Parameter('weight', { shape: [10, 10] });
    p.initialize({ init: 'xavier' });
    expect(p.data().shape).toEqual([10, 10]);
    expect(p.grad().shape).toEqual([10, 10]);
    expect(p.listCtx().length).toBe(1);
  });

  it('test_parameter_invalid_access: data() before initialize() is an error that says how to fix it', () => {
    const p = new gluon.Parameter('weight', { shape: [10, 10] });
    expect(() => p.data()).toThrow(/initialize/);
  });

  it('test_constant: a Constant initializer fills the parameter', async () => {
    const p = new gluon.Parameter('c', { shape: [2, 3] });
    p.initialize({ init: new init.Constant(3) });
    expect(Array.from(await p.data().data())).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it('test_collect_parameters: names in registration order, and the regex select', () => {
    const net = new gluon.nn.Sequential({ prefix: 'test_' });
    net.nameScope(() => net.add(new gluon.nn.Conv2D(10, 3), new gluon.nn.Dense(10, { activation: 'relu' })));
    expect(net.collectParams().keys()).toEqual(['test_conv0_weight', 'test_conv0_bias', 'test_dense0_weight', 'test_dense0_bias']);
    expect(net.collectParams('.*weight').keys()).toEqual(['test_conv0_weight', 'test_dense0_weight']);
  });

  it('test_parameter_sharing: a layer built with another\'s params uses the same arrays', async () => {
    const a = new gluon.nn.Dense(5, { inUnits: 5 });
    const b = new gluon.nn.Dense(5, { inUnits: 5, params: a.collectParams() });
    a.initialize();
    const x = nd.random.uniform(-1, 1, [3, 5]);
    expect(Array.from(await b.forward(x).data())).toEqual(Array.from(await a.forward(x).data()));
  });

  it('test_parameter_sharing: a whole network built with params: other.collectParams() shares every parameter', async () => {
    const build = (params?: InstanceType<typeof gluon.ParameterDict>): AnyBlock => {
      const net = new gluon.nn.Sequential(params ? { params } : {});
      net.add(new gluon.nn.Dense(4, { inUnits: 3 }), new gluon.nn.Dense(2, { inUnits: 4 }));
      return net;
    };
    const net1 = build();
    net1.initialize();
    const net2 = build(net1.collectParams());
    net2.initialize();
    const x = nd.random.uniform(-1, 1, [2, 3]);
    expect(Array.from(await net2.forward(x).data())).toEqual(Array.from(await net1.forward(x).data()));
  });

  it('test_deferred_init: Dense(None -> 4) learns its input size on the first call', () => {
    const layer = new gluon.nn.Dense(4);
    layer.initialize();
    expect(layer.weight.shape).toEqual([4, 0]);
    layer.forward(nd.ones([2, 7]));
    expect(layer.weight.shape).toEqual([4, 7]);
    expect(layer.weight.data().shape).toEqual([4, 7]);
  });

  it('test_zero_grad: zeroGrad() sets every gradient to 0', async () => {
    const net = new gluon.nn.Dense(3, { inUnits: 2 });
    net.initialize();
    autograd.record(() => net.forward(nd.ones([4, 2])).sum()).backward();
    expect(Math.abs((await net.weight.grad().sum().asScalar()))).toBeGreaterThan(0);
    net.collectParams().zeroGrad();
    expect(Array.from(await net.weight.grad().data()).every((v) => v === 0)).toBe(true);
  });

  it('test_sequential: layers run in order and index like a list', () => {
    const net = new gluon.nn.Sequential();
    net.add(new gluon.nn.Dense(3), new gluon.nn.Dense(2));
    net.initialize();
    expect(net.forward(nd.ones([5, 4])).shape).toEqual([5, 2]);
    expect(net.length).toBe(2);
  });

  it('test_block_attr_list_of_block: blocks kept in an array field are registered', () => {
    class Model extends gluon.Block {
      layers: AnyBlock[];
      constructor() {
        super();
        this.layers = [new gluon.nn.Dense(2, { inUnits: 3 }), new gluon.nn.Dense(2, { inUnits: 3 })];
      }
      override forward(x: NDArray): NDArray {
        return this.layers[1]!.forward(x).add(this.layers[0]!.forward(x));
      }
    }
    const m = new Model();
    expect(m.collectParams().keys().length).toBe(4);
  });

  it('test_lambda: a Lambda block applies its function', async () => {
    const net = new gluon.nn.Lambda((x: NDArray) => x.mul(2));
    const x = nd.array([1, 2]);
    expect(Array.from(await net.forward(x).data())).toEqual([2, 4]);
  });

  it('test_embedding: rows of the weight, and a gradient that adds up repeated indices', async () => {
    const layer = new gluon.nn.Embedding(10, 4);
    layer.initialize();
    const x = nd.array([[0, 1, 2], [5, 1, 0]]);
    const y = autograd.record(() => layer.forward(x));
    expect(y.shape).toEqual([2, 3, 4]);
    y.backward();
    const g = (await layer.weight.grad().toArray()) as number[][];
    expect(g[0]).toEqual([2, 2, 2, 2]);
    expect(g[1]).toEqual([2, 2, 2, 2]);
    expect(g[2]).toEqual([1, 1, 1, 1]);
    expect(g[3]).toEqual([0, 0, 0, 0]);
  });

  it('test_dropout: identity in predict mode (a new array), scaled by 1/(1-p) in training, mean kept', async () => {
    const drop = new gluon.nn.Dropout(0.5);
    const x = nd.ones([100, 100]);
    const yp = drop.forward(x);
    // identity compared directly: a failing toBe would walk both arrays, a synchronous read on WebGPU
    expect(yp === x, 'Dropout in predict mode returns a new array').toBe(false);
    expect(await yp.sum().asScalar()).toBe(10000);
    const yt = autograd.record(() => drop.forward(x));
    const v = Array.from(await yt.data());
    expect(v.every((e) => e === 0 || Math.abs(e - 2) < 1e-6)).toBe(true);
    const mean = v.reduce((s, e) => s + e, 0) / v.length;
    expect(Math.abs(mean - 1)).toBeLessThan(0.05);
  });

  it('test_global_norm_clip: scales arrays so their joint norm is at most maxNorm and returns the norm before', async () => {
    const a = nd.ones([3, 3]);
    const b = nd.ones([4, 4]);
    const norm = await gluon.utils.clipGlobalNorm([a, b], 1);
    expect(norm).toBeCloseTo(5, 5);
    expect(await a.get(0, 0).asScalar()).toBeCloseTo(0.2, 5);
  });

  it('test_split_data: even split along the batch axis, and the error on uneven splits', () => {
    const parts = gluon.utils.splitData(nd.arange(0, 12).reshape([6, 2]), 3);
    expect(parts.map((p) => p.shape)).toEqual([[2, 2], [2, 2], [2, 2]]);
    expect(() => gluon.utils.splitData(nd.arange(0, 10).reshape([5, 2]), 3)).toThrow();
    expect(gluon.utils.splitData(nd.arange(0, 10).reshape([5, 2]), 3, { evenSplit: false }).map((p) => p.shape[0])).toEqual([1, 1, 3]);
  });
});

describe('MXNet port: test_init.py', () => {
  const stats = async (a: NDArray): Promise<{ min: number; max: number; mean: number; std: number }> => {
    const v = Array.from(await a.data());
    const mean = v.reduce((s, e) => s + e, 0) / v.length;
    const std = Math.sqrt(v.reduce((s, e) => s + (e - mean) ** 2, 0) / v.length);
    return { min: Math.min(...v), max: Math.max(...v), mean, std };
  };

  it('test_default_init: Uniform(0.07) weights, zero biases', async () => {
    const layer = new gluon.nn.Dense(50, { inUnits: 40 });
    layer.initialize();
    const s = await stats(layer.weight.data());
    expect(s.min).toBeGreaterThanOrEqual(-0.07);
    expect(s.max).toBeLessThanOrEqual(0.07);
    expect(Array.from(await layer.bias!.data().data()).every((v) => v === 0)).toBe(true);
  });

  it('test_variable_init: Normal(sigma) has that standard deviation', async () => {
    const layer = new gluon.nn.Dense(100, { inUnits: 100 });
    layer.initialize(new init.Normal(0.5));
    const s = await stats(layer.weight.data());
    expect(Math.abs(s.mean)).toBeLessThan(0.03);
    expect(Math.abs(s.std - 0.5)).toBeLessThan(0.03);
  });

  it('test_xavier: uniform on [-c, c] with c = sqrt(3 / ((fan_in + fan_out) / 2)) (rnd_type uniform, factor avg, magnitude 3)', async () => {
    const layer = new gluon.nn.Dense(60, { inUnits: 40 });
    layer.initialize(new init.Xavier());
    const c = Math.sqrt(3 / ((40 + 60) / 2));
    const s = await stats(layer.weight.data());
    expect(s.max).toBeLessThanOrEqual(c);
    expect(s.min).toBeGreaterThanOrEqual(-c);
    expect(s.max).toBeGreaterThan(0.9 * c);
    expect(Math.abs(s.std - c / Math.sqrt(3))).toBeLessThan(0.02);
  });

  it('test_uniform / test_zero / test_one / test_constant', async () => {
    const p = new gluon.Parameter('u', { shape: [1000] });
    p.initialize({ init: new init.Uniform(0.3) });
    const s = await stats(p.data());
    expect(s.min).toBeGreaterThanOrEqual(-0.3);
    expect(s.max).toBeLessThanOrEqual(0.3);
    for (const [ini, v] of [[new init.Zero(), 0], [new init.One(), 1], [new init.Constant(-2.5), -2.5]] as const) {
      const q = new gluon.Parameter('q', { shape: [3] });
      q.initialize({ init: ini });
      expect(Array.from(await q.data().data())).toEqual([v, v, v]);
    }
  });

  it('test_init (custom Initializer): a subclass fills the array its own way', async () => {
    class Twos extends init.Initializer {
      override initWeight(_name: string, arr: NDArray): void {
        arr.set(2);
      }
    }
    const layer = new gluon.nn.Dense(2, { inUnits: 2 });
    layer.initialize(new Twos());
    expect(Array.from(await layer.weight.data().data())).toEqual([2, 2, 2, 2]);
  });
});

describe('MXNet port: test_gluon_data.py', () => {
  for (const c of dataCases as unknown as OtherCase[]) {
    it(`${c.id}: ${c.n} examples, batchSize ${c.batchSize}, lastBatch '${c.lastBatch}'`, () => {
      const X = nd.arange(0, c.n as number).reshape([c.n as number, 1]);
      const y = nd.arange(0, c.n as number);
      const loader = new gluon.data.DataLoader(new gluon.data.ArrayDataset(X, y), { batchSize: c.batchSize as number, lastBatch: c.lastBatch as 'keep' });
      const epochs = c.epochs as number[][];
      for (const sizes of epochs) {
        const got = [...loader].map((b) => (b as NDArray[])[0]!.shape[0]);
        expect(got).toEqual(sizes);
      }
      expect(loader.length).toBe(epochs[0]!.length);
    });
  }

  it('test_array_dataset: items are (x[i], y[i]) and length is the number of rows', async () => {
    const X = nd.random.uniform(0, 1, [10, 20]);
    const y = nd.random.uniform(0, 1, [10]);
    const ds = new gluon.data.ArrayDataset(X, y);
    expect(ds.length).toBe(10);
    // Gluon turns a 1-D column into NumPy values, so its items are plain numbers. Deliberate
    // difference: on WebGPU those numbers cannot be read synchronously, and get() says so.
    if (requestedBackend() === 'webgpu') {
      expect(() => ds.get(3)).toThrow(SyncReadError);
      return;
    }
    const [xi, yi] = ds.get(3) as [NDArray, number];
    expect(Array.from(await xi.data())).toEqual(Array.from(await X.get(3).data()));
    expect(yi).toBe(await y.get(3).asScalar());
  });
});
