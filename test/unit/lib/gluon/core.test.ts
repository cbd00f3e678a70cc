import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, gluon, init, nd, DeferredInitializationError, GluonError, ShapeError, type NDArray } from '../../../../src/lib/index';
import { useBackend } from '../../helpers/backend';
import { expectClose, values } from '../../helpers/check-op';

beforeAll(useBackend);

const { Block, Parameter } = gluon;
const { Sequential, Dense } = gluon.nn;

class MLP extends Block {
  hidden: InstanceType<typeof Dense>;
  output: InstanceType<typeof Dense>;
  constructor(options: ConstructorParameters<typeof Block>[0] = {}) {
    super(options);
    [this.hidden, this.output] = this.nameScope(() => [new Dense(256, { activation: 'relu' }), new Dense(10)]);
  }
  override forward(x: NDArray): NDArray {
    return this.output.forward(this.hidden.forward(x));
  }
}

describe('Block naming, children and printing', () => {
  it('prefixes: global counters at top level, the parent prefix inside nameScope', () => {
    const a = new Dense(3);
    const b = new Dense(3);
    const na = Number(/^dense(\d+)_$/.exec(a.prefix)![1]);
    expect(b.prefix).toBe(`dense${na + 1}_`);
    const mlp = new MLP();
    expect(mlp.prefix).toMatch(/^mlp\d+_$/);
    expect(mlp.hidden.prefix).toBe(`${mlp.prefix}dense0_`);
    expect(mlp.output.prefix).toBe(`${mlp.prefix}dense1_`);
    expect(mlp.collectParams().keys()).toEqual([
      `${mlp.prefix}dense0_weight`,
      `${mlp.prefix}dense0_bias`,
      `${mlp.prefix}dense1_weight`,
      `${mlp.prefix}dense1_bias`,
    ]);
    expect(new Dense(2, { prefix: 'out_' }).prefix).toBe('out_');
  });

  it('prints the tree as Gluon does', () => {
    const net = new Sequential();
    net.add(new Dense(256, { activation: 'relu' }), new Dense(10));
    expect(net.toString()).toBe('Sequential(\n  (0): Dense(None -> 256, Activation(relu))\n  (1): Dense(None -> 10, linear)\n)');
    const mlp = new MLP();
    expect(mlp.toString()).toBe('MLP(\n  (hidden): Dense(None -> 256, Activation(relu))\n  (output): Dense(None -> 10, linear)\n)');
    const nested = new Sequential();
    nested.add(new MLP(), new Dense(5, { inUnits: 10 }));
    expect(nested.toString()).toBe(
      'Sequential(\n  (0): MLP(\n    (hidden): Dense(None -> 256, Activation(relu))\n    (output): Dense(None -> 10, linear)\n  )\n  (1): Dense(10 -> 5, linear)\n)',
    );
  });

  it('Sequential: get, length, nesting', async () => {
    const inner = new Sequential().add(new Dense(4, { activation: 'relu' }), new Dense(4));
    const net = new Sequential().add(inner, new Dense(2));
    net.initialize();
    const y = net.forward(nd.ones([3, 5]));
    expect(y.shape).toEqual([3, 2]);
    expect(net.length).toBe(2);
    expect(net.get(0)).toBe(inner);
    expect(net.get(-1)).toBe(net.get(1));
    expect(() => net.get(2)).toThrow(/index 2 is out of range for 2 layers/);
    expect(net.collectParams().size).toBe(6);
  });
});

describe('Parameters: deferred initialization exactly as Gluon', () => {
  it('unknown input size: initialize defers, the first forward finishes', async () => {
    const net = new Sequential().add(new Dense(8, { activation: 'relu' }), new Dense(2));
    net.initialize();
    const w = (net.get(0) as InstanceType<typeof Dense>).weight;
    expect(w.shape).toEqual([8, 0]);
    expect(w.toString()).toBe(`Parameter ${w.name} (shape=(8, 0), dtype=float32)`);
    expect(() => w.data()).toThrow(DeferredInitializationError);
    expect(() => w.data()).toThrow(/deferred.*Run one forward pass first.*inUnits/);
    net.forward(nd.ones([4, 20]));
    expect(w.shape).toEqual([8, 20]);
    expect(w.data().shape).toEqual([8, 20]);
    expect(net.toString()).toContain('Dense(20 -> 8, Activation(relu))');
  });

  it('inUnits avoids deferral; accessing before initialize says to initialize', () => {
    const d = new Dense(3, { inUnits: 4 });
    expect(() => d.weight.data()).toThrow(GluonError);
    expect(() => d.weight.data()).toThrow(/has not been initialized. Call net.initialize\(\) first/);
    d.initialize();
    expect(d.weight.data().shape).toEqual([3, 4]);
  });

  it('a wrong input size after initialization is a clear shape error', () => {
    const d = new Dense(3, { inUnits: 4 });
    d.initialize();
    expect(() => d.forward(nd.ones([2, 5]))).toThrow(ShapeError);
    expect(() => d.forward(nd.ones([2, 5]))).toThrow(/expects inputs with 4 features/);
  });

  it('built-in initializers: bias zeros, weights by the rule, own init wins; forceReinit', async () => {
    const d = new Dense(64, { inUnits: 100 });
    d.initialize(new init.Normal(0.5));
    expect(await values(d.bias!.data())).toEqual(new Array(64).fill(0));
    const w = await values(d.weight.data());
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(std).toBeGreaterThan(0.45);
    expect(std).toBeLessThan(0.55);
    const same = d.weight.data();
    d.initialize(new init.Constant(2), { forceReinit: true });
    expect(d.weight.data()).toBe(same); // identity kept
    expect(await values(d.weight.data())).toEqual(new Array(6400).fill(2));
    d.initialize(new init.Zero()); // already initialized: kept, as Gluon
    expect((await values(d.weight.data()))[0]).toBe(2);
  });

  it('Xavier has the right scale', async () => {
    const d = new Dense(200, { inUnits: 300 });
    d.initialize(new init.Xavier());
    const w = await values(d.weight.data());
    const bound = Math.sqrt(3 / ((200 + 300) / 2));
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(bound * 0.99);
  });

  it('custom Initializer subclasses (initWeight) run, as in the custom-initialization section', async () => {
    class MyInit extends init.Initializer {
      seen: string[] = [];
      override initWeight(name: string, data: NDArray): void {
        this.seen.push(name);
        data.set(nd.random.uniform(-10, 10, data.shape));
        data.mulInPlace(data.abs().greaterEqual(5));
      }
    }
    const d = new Dense(16, { inUnits: 32 });
    const my = new MyInit();
    d.initialize(my);
    expect(my.seen).toEqual([d.weight.name]);
    const w = await values(d.weight.data());
    expect(w.every((v) => v === 0 || Math.abs(v) >= 5)).toBe(true);
  });

  it('setData, zeroGrad, gradReq, collectParams with a pattern, setattr', async () => {
    const net = new Sequential().add(new Dense(2, { inUnits: 3 }), new Dense(1, { inUnits: 2 }));
    net.initialize();
    const params = net.collectParams();
    const weights = net.collectParams('.*weight');
    expect(weights.keys().every((k) => k.endsWith('weight'))).toBe(true);
    expect(weights.size).toBe(2);
    const d0 = net.get(0) as InstanceType<typeof Dense>;
    d0.weight.setData(nd.ones([2, 3]));
    expect(await values(d0.weight.data())).toEqual([1, 1, 1, 1, 1, 1]);
    expect(() => d0.weight.setData(nd.ones([3, 3]))).toThrow(/expected shape \(2, 3\), got \(3, 3\)/);
    autograd.record(() => net.forward(nd.ones([4, 3])).sum()).backward();
    expect((await values(d0.weight.grad())).some((v) => v !== 0)).toBe(true);
    params.zeroGrad();
    expect(await values(d0.weight.grad())).toEqual([0, 0, 0, 0, 0, 0]);
    params.setattr('gradReq', 'null');
    expect(() => d0.weight.grad()).toThrow(/gradReq 'null'/);
  });

  it('parameter sharing through the params option: the same array', async () => {
    const shared = new Dense(8, { activation: 'relu', inUnits: 8 });
    const net = new Sequential().add(new Dense(8, { activation: 'relu', inUnits: 4 }), shared, new Dense(8, { activation: 'relu', params: shared.params }), new Dense(1));
    net.initialize();
    net.forward(nd.random.uniform(0, 1, [2, 4]));
    const l1 = net.get(1) as InstanceType<typeof Dense>;
    const l2 = net.get(2) as InstanceType<typeof Dense>;
    expect(l2.weight).toBe(l1.weight);
    expect(l2.weight.data()).toBe(l1.weight.data());
    l1.weight.data().set(7, 0, 0);
    expect((await values(l2.weight.data()))[0]).toBe(7);
    // the shared weight receives the sum of both uses' gradients
    const x = nd.random.uniform(0, 1, [2, 4]);
    autograd.record(() => net.forward(x).sum()).backward();
    expect(net.collectParams().size).toBe(6);
  });

  it('constant parameters never train', async () => {
    class FancyMLP extends Block {
      dense = new Dense(4, { activation: 'relu', inUnits: 4 });
      randWeight = this.params.getConstant('rand_weight', nd.random.uniform(0, 1, [4, 4]));
      override forward(x: NDArray): NDArray {
        return this.dense.forward(nd.dot(x, this.randWeight.data()).add(1).relu());
      }
    }
    const net = new FancyMLP();
    net.initialize();
    const before = await values(net.randWeight.data());
    autograd.record(() => net.forward(nd.ones([2, 4])).sum()).backward();
    expect(net.randWeight.gradReq).toBe('null');
    expect(await values(net.randWeight.data())).toEqual(before);
    expect(net.collectParams().keys()).toContain(`${net.prefix}rand_weight`);
  });

  it('a Block without forward says to define it', () => {
    class Empty extends Block {}
    expect(() => new Empty().forward(nd.ones([1]))).toThrow(/forward\(\) is not defined/);
  });

  it('Parameter can be made and initialized on its own', async () => {
    const p = new Parameter('exp_weight', { shape: [2, 3], init: 'ones' });
    p.initialize();
    expect(await values(p.data())).toEqual([1, 1, 1, 1, 1, 1]);
    expectClose(await values(p.data().sum()), [6]);
  });
});
