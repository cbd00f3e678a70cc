import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, gluon, init, nd, DeferredInitializationError, ShapeError, type NDArray } from '../../../../../src/lib/index';
import type { Parameter } from '../../../../../src/lib/gluon/parameter';
import { useBackend } from '../../../helpers/backend';
import { checkOp, expectClose, expectNoLeak, values } from '../../../helpers/check-op';
import { checkParamGrads } from '../../../helpers/param-grads';
import { collectParamsWithPrefix } from '../../../../../src/lib/gluon/parameter-files';

beforeAll(useBackend);

const { RNN, LSTM, GRU } = gluon.rnn;
type Layer = InstanceType<typeof RNN> | InstanceType<typeof LSTM> | InstanceType<typeof GRU>;
type Mode = 'rnn_relu' | 'rnn_tanh' | 'lstm' | 'gru';

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** The layer's parameter by its Gluon name (l0_i2h_weight ...). */
function param(layer: Layer, name: string): Parameter {
  return layer.collectParams().getByName(layer.prefix + name);
}

interface RefCell {
  wi: number[]; // (G*H, in) row-major
  wh: number[]; // (G*H, H)
  bi: number[];
  bh: number[];
}

/** W v for a row-major (rows, cols) matrix. */
function matVec(w: number[], rows: number, v: number[]): number[] {
  const cols = v.length;
  return Array.from({ length: rows }, (_, r) => v.reduce((s, x, c) => s + w[r * cols + c]! * x, 0));
}

/**
 * The cell equations of MXNet's fused RNN, by hand: layers stacked, each direction run over
 * time (the 'r' one backwards), outputs of both directions concatenated.
 * x: (T, N, C) nested; states (L*D, N, H) nested. Returns outputs (T, N, D*H) and states.
 */
function reference(mode: Mode, H: number, x: number[][][], cells: RefCell[][], h0: number[][][], c0: number[][][] | null) {
  const T = x.length;
  const N = x[0]!.length;
  const G = { rnn_relu: 1, rnn_tanh: 1, lstm: 4, gru: 3 }[mode];
  let seq = x;
  const hN: number[][][] = [];
  const cN: number[][][] = [];
  cells.forEach((dirs, layer) => {
    const outs = dirs.map((w, d) => {
      const slot = layer * dirs.length + d;
      const ys: number[][][] = Array.from({ length: T }, () => []);
      const hLast: number[][] = [];
      const cLast: number[][] = [];
      for (let n = 0; n < N; n++) {
        let h = h0[slot]![n]!.slice();
        let c = c0 ? c0[slot]![n]!.slice() : [];
        for (let k = 0; k < T; k++) {
          const t = d === 0 ? k : T - 1 - k;
          const a = matVec(w.wi, G * H, seq[t]![n]!).map((v, r) => v + w.bi[r]!);
          const b = matVec(w.wh, G * H, h).map((v, r) => v + w.bh[r]!);
          const g = (q: number, j: number): number => a[q * H + j]! + b[q * H + j]!;
          if (mode === 'rnn_relu') h = h.map((_, j) => Math.max(0, g(0, j)));
          else if (mode === 'rnn_tanh') h = h.map((_, j) => Math.tanh(g(0, j)));
          else if (mode === 'lstm') {
            c = c.map((cj, j) => sigmoid(g(1, j)) * cj + sigmoid(g(0, j)) * Math.tanh(g(2, j)));
            h = h.map((_, j) => sigmoid(g(3, j)) * Math.tanh(c[j]!));
          } else {
            h = h.map((hj, j) => {
              const r = sigmoid(a[j]! + b[j]!);
              const z = sigmoid(a[H + j]! + b[H + j]!);
              const nn = Math.tanh(a[2 * H + j]! + r * b[2 * H + j]!);
              return (1 - z) * nn + z * hj;
            });
          }
          ys[t]![n] = h;
        }
        hLast.push(h);
        cLast.push(c);
      }
      hN.push(hLast);
      cN.push(cLast);
      return ys;
    });
    seq = outs[0]!.map((step, t) => step.map((row, n) => (outs.length === 1 ? row : [...row, ...outs[1]![t]![n]!])));
  });
  return { out: seq, hN, cN };
}

function nest3(flat: number[], [a, b, c]: number[]): number[][][] {
  return Array.from({ length: a! }, (_, i) => Array.from({ length: b! }, (_, j) => flat.slice((i * b! + j) * c!, (i * b! + j + 1) * c!)));
}

async function refCells(layer: Layer, numLayers: number, dirs: string[]): Promise<RefCell[][]> {
  const cells: RefCell[][] = [];
  for (let l = 0; l < numLayers; l++) {
    const row: RefCell[] = [];
    for (const d of dirs) {
      const v = async (kind: string): Promise<number[]> => values(param(layer, `${d}${l}_${kind}`).data());
      row.push({ wi: await v('i2h_weight'), wh: await v('h2h_weight'), bi: await v('i2h_bias'), bh: await v('h2h_bias') });
    }
    cells.push(row);
  }
  return cells;
}

/** Random biases, so that the test sees whether each one is used where it should be. */
function randomizeBiases(layer: Layer): void {
  for (const p of layer.collectParams().values()) if (p.name.endsWith('bias')) p.setData(nd.random.uniform(-0.5, 0.5, p.shape!));
}

const make = (mode: Mode, hidden: number, options: Record<string, unknown> = {}): Layer =>
  mode === 'lstm' ? new LSTM(hidden, options) : mode === 'gru' ? new GRU(hidden, options) : new RNN(hidden, { ...options, activation: mode === 'rnn_relu' ? 'relu' : 'tanh' });

describe('recurrent layers: shapes, states, deferred init, printing, names', () => {
  it("the book's example: RNN(256) over (35, 2, vocab) one-hot steps", () => {
    const vocabSize = 1027;
    const rnnLayer = new RNN(256);
    rnnLayer.initialize();
    const state = rnnLayer.beginState({ batchSize: 2 });
    expect(state.length).toBe(1);
    expect(state[0]!.shape).toEqual([1, 2, 256]);
    const X = nd.random.uniform(0, 1, [35, 2, vocabSize]);
    const [Y, stateNew] = rnnLayer.forward(X, state);
    expect(Y.shape).toEqual([35, 2, 256]);
    expect(stateNew.length).toBe(1);
    expect(stateNew[0]!.shape).toEqual([1, 2, 256]);
  });

  it('output and state shapes: LSTM has (h, c); layers, directions and NTC layout', () => {
    const x = nd.random.normal(0, 1, [5, 3, 4]); // (T, N, C)
    for (const [layer, outShape, stateShape, count] of [
      [new LSTM(6), [5, 3, 6], [1, 3, 6], 2],
      [new GRU(6, { numLayers: 3 }), [5, 3, 6], [3, 3, 6], 1],
      [new RNN(6, 2, { bidirectional: true }), [5, 3, 12], [4, 3, 6], 1],
      [new LSTM(6, { numLayers: 2, bidirectional: true }), [5, 3, 12], [4, 3, 6], 2],
    ] as [Layer, number[], number[], number][]) {
      layer.initialize();
      const states = layer.beginState({ batchSize: 3 });
      expect(states.map((s) => s.shape)).toEqual(new Array(count).fill(stateShape));
      const [out, next] = layer.forward(x, states);
      expect(out.shape).toEqual(outShape);
      expect(next.map((s) => s.shape)).toEqual(new Array(count).fill(stateShape));
      expect(layer.forward(x).shape).toEqual(outShape); // no state given: only the outputs, as Gluon
    }
    const ntc = new GRU(6, { layout: 'NTC' });
    ntc.initialize();
    const [out, [h]] = ntc.forward(nd.random.normal(0, 1, [3, 5, 4]), ntc.beginState(3)); // (N, T, C)
    expect(out.shape).toEqual([3, 5, 6]);
    expect(h!.shape).toEqual([1, 3, 6]);
  });

  it('beginState gives zeros; a wrong state is a clear error', async () => {
    const layer = new LSTM(4);
    layer.initialize();
    const [h, c] = layer.beginState({ batchSize: 2 });
    expect(await values(h!)).toEqual(new Array(8).fill(0));
    expect(await values(c!)).toEqual(new Array(8).fill(0));
    const x = nd.ones([3, 2, 5]);
    expect(() => layer.forward(x, [nd.zeros([1, 3, 4]), nd.zeros([1, 3, 4])])).toThrow(ShapeError);
    expect(() => layer.forward(x, [nd.zeros([1, 3, 4]), nd.zeros([1, 3, 4])])).toThrow(/Expecting \(1, 2, 4\), got \(1, 3, 4\).*beginState\(\{ batchSize: 2 \}\)/);
    expect(() => layer.forward(x, [h!])).toThrow(/a list of 2 state arrays/);
    expect(() => layer.forward(nd.ones([3, 2]), [h!, c!])).toThrow(/expects a 3-D input \(time, batch, features\)/);
    expect(() => layer.beginState()).toThrow(/batchSize must be a positive integer/);
    const ones = layer.beginState({ batchSize: 1, func: (shape) => nd.ones(shape) });
    expect(await values(ones[1]!)).toEqual([1, 1, 1, 1]);
  });

  it('deferred init of the input size; names and printing as Gluon', () => {
    const layer = new Sequential({ prefix: 'model_' }).nameScope(() => new LSTM(8, { numLayers: 2 }));
    expect(layer.prefix).toBe('model_lstm0_');
    expect(layer.collectParams().keys()).toEqual(
      ['l0_i2h_weight', 'l0_h2h_weight', 'l0_i2h_bias', 'l0_h2h_bias', 'l1_i2h_weight', 'l1_h2h_weight', 'l1_i2h_bias', 'l1_h2h_bias'].map((k) => `model_lstm0_${k}`),
    );
    expect(layer.toString()).toBe('LSTM(None -> 8, TNC, num_layers=2)');
    layer.initialize();
    const w = param(layer, 'l0_i2h_weight');
    expect(w.shape).toEqual([32, 0]);
    expect(() => w.data()).toThrow(DeferredInitializationError);
    layer.forward(nd.ones([2, 1, 5]));
    expect(w.data().shape).toEqual([32, 5]);
    expect(param(layer, 'l1_i2h_weight').data().shape).toEqual([32, 8]);
    expect(param(layer, 'l0_h2h_weight').data().shape).toEqual([32, 8]);
    expect(layer.toString()).toBe('LSTM(5 -> 8, TNC, num_layers=2)');
    expect([...collectParamsWithPrefix(layer).keys()].slice(0, 4)).toEqual(['l0_i2h_weight', 'l0_h2h_weight', 'l0_i2h_bias', 'l0_h2h_bias']);
    expect(() => layer.forward(nd.ones([2, 1, 6]))).toThrow(/expects 5 features per time step/);
    expect(new Sequential({ prefix: 'm_' }).nameScope(() => new RNN(16)).collectParams().keys()[0]).toBe('m_rnn0_l0_i2h_weight');
    expect(new RNN(16, { inputSize: 4 }).toString()).toBe('RNN(4 -> 16, TNC)');
    expect(new GRU(16, { layout: 'NTC', dropout: 0.2, bidirectional: true }).toString()).toBe('GRU(None -> 16, NTC, dropout=0.2, bidirectional)');
    const bi = new Sequential({ prefix: 'b_' }).nameScope(() => new GRU(3, { bidirectional: true }));
    expect(bi.collectParams().keys().slice(0, 8)).toEqual(
      ['l0_i2h_weight', 'l0_h2h_weight', 'l0_i2h_bias', 'l0_h2h_bias', 'r0_i2h_weight', 'r0_h2h_weight', 'r0_i2h_bias', 'r0_h2h_bias'].map((k) => `b_gru0_${k}`),
    );
  });
});

const { Sequential } = gluon.nn;

describe('recurrent layers against the cell equations by hand', () => {
  const cases: [Mode, number, boolean][] = [
    ['rnn_relu', 1, false],
    ['rnn_tanh', 1, false],
    ['lstm', 1, false],
    ['gru', 1, false],
    ['rnn_tanh', 2, true],
    ['lstm', 2, true],
    ['gru', 2, true],
  ];
  for (const [mode, numLayers, bidirectional] of cases) {
    it(`${mode}, ${numLayers} layer(s)${bidirectional ? ', bidirectional' : ''}`, async () => {
      const H = 4;
      const dirs = bidirectional ? ['l', 'r'] : ['l'];
      const layer = make(mode, H, { numLayers, bidirectional });
      layer.initialize(new init.Normal(0.5));
      const x = nd.random.normal(0, 1, [3, 2, 5]); // (T, N, C)
      const slots = numLayers * dirs.length;
      const states = layer.beginState({ batchSize: 2, func: (shape) => nd.random.normal(0, 0.5, shape) });
      layer.forward(x, states); // finishes deferred init
      randomizeBiases(layer);
      const [out, next] = layer.forward(x, states);
      const ref = reference(
        mode,
        H,
        nest3(await values(x), [3, 2, 5]),
        await refCells(layer, numLayers, dirs),
        nest3(await values(states[0]!), [slots, 2, H]),
        mode === 'lstm' ? nest3(await values(states[1]!), [slots, 2, H]) : null,
      );
      expectClose(await values(out), ref.out.flat(2), 1e-5, 'outputs');
      expectClose(await values(next[0]!), ref.hN.flat(2), 1e-5, 'final h');
      if (mode === 'lstm') expectClose(await values(next[1]!), ref.cN.flat(2), 1e-5, 'final c');
      // the last output of the forward direction is the final state of the last layer
      if (!bidirectional) expectClose((await values(out)).slice(2 * 2 * H), (await values(next[0]!)).slice((numLayers - 1) * 2 * H), 1e-6);
    });
  }

  it("RNN's default activation is relu, as Gluon", async () => {
    const layer = new RNN(3);
    layer.initialize(new init.Normal(1));
    const out = await values(layer.forward(nd.random.normal(0, 1, [4, 5, 2])));
    expect(out.every((v) => v >= 0)).toBe(true);
    expect(out.some((v) => v === 0)).toBe(true);
  });
});

describe('recurrent layers: gradients against finite differences', () => {
  for (const mode of ['rnn_tanh', 'lstm', 'gru'] as Mode[]) {
    it(`${mode}: inputs, initial states and every parameter`, async () => {
      const layer = make(mode, 2, { numLayers: 2 });
      layer.initialize(new init.Normal(0.6));
      const x = nd.random.normal(0, 1, [3, 2, 2]);
      const states = layer.beginState({ batchSize: 2, func: (shape) => nd.random.normal(0, 0.5, shape) });
      layer.forward(x, states);
      randomizeBiases(layer);
      // Everything the layer returns: outputs and final states, flattened into one vector.
      const run = (v: NDArray, ...s: NDArray[]): NDArray => {
        const [out, next] = layer.forward(v, s);
        return nd.concat(out.reshape([-1]), ...next.map((t) => t.reshape([-1])), { dim: 0 });
      };
      await checkOp(run, [x, ...states], { fdTol: 3e-2 });
      await checkParamGrads(() => run(x, ...states), layer.collectParams().values(), { maxEntries: 8, tol: 3e-2 });
    });
  }

  it('bidirectional 2-layer RNN (the fused sequence primitive), NTC layout, with states: input, state and parameter gradients', async () => {
    const layer = new RNN(3, { numLayers: 2, bidirectional: true, layout: 'NTC', activation: 'tanh' });
    layer.initialize(new init.Normal(0.6));
    const x = nd.random.normal(0, 1, [2, 3, 2]); // (N, T, C)
    const states = layer.beginState({ batchSize: 2, func: (shape) => nd.random.normal(0, 0.5, shape) });
    layer.forward(x, states);
    randomizeBiases(layer);
    const run = (v: NDArray, s: NDArray): NDArray => {
      const [out, next] = layer.forward(v, [s]);
      return nd.concat(out.reshape([-1]), next[0]!.reshape([-1]), { dim: 0 });
    };
    await checkOp(run, [x, states[0]!], { fdTol: 3e-2 });
    await checkParamGrads(() => run(x, states[0]!), layer.collectParams().values(), { maxEntries: 8, tol: 3e-2 });
  });

  it('bidirectional GRU, NTC layout: input and parameter gradients', async () => {
    const layer = new GRU(2, { bidirectional: true, layout: 'NTC' });
    layer.initialize(new init.Normal(0.6));
    const x = nd.random.normal(0, 1, [2, 3, 2]);
    layer.forward(x);
    randomizeBiases(layer);
    await checkOp((v) => layer.forward(v), [x], { fdTol: 3e-2 });
    await checkParamGrads(() => layer.forward(x), layer.collectParams().values(), { maxEntries: 6, tol: 3e-2 });
  });
});

describe('recurrent layers: dropout between layers, memory', () => {
  it('dropout acts between layers only in training', async () => {
    const layer = new LSTM(8, { numLayers: 2, dropout: 0.5 });
    layer.initialize(new init.Normal(0.5));
    const x = nd.random.normal(0, 1, [4, 3, 5]);
    const a = await values(layer.forward(x));
    const b = await values(layer.forward(x));
    expect(a).toEqual(b);
    const t = await values(autograd.record(() => layer.forward(x)));
    expect(t).not.toEqual(a);
    nd.random.seed(5);
    const t1 = await values(autograd.record(() => layer.forward(x)));
    nd.random.seed(5);
    const t2 = await values(autograd.record(() => layer.forward(x)));
    expect(t1).toEqual(t2);
    const single = new LSTM(8, { dropout: 0.5 }); // one layer: nothing to drop between
    single.initialize();
    expect(await values(autograd.record(() => single.forward(x)))).toEqual(await values(single.forward(x)));
  });

  it('no tensor leaks over forward/backward with carried states', async () => {
    const layer = new LSTM(8, { numLayers: 2 });
    const dense = new gluon.nn.Dense(5, { flatten: false });
    layer.initialize();
    dense.initialize();
    const x = nd.random.normal(0, 1, [6, 3, 5]);
    const params = [...layer.collectParams().values(), ...dense.collectParams().values()];
    const trainer = new gluon.Trainer(params, 'sgd', { learningRate: 0.1 });
    let state = layer.beginState({ batchSize: 3 });
    await expectNoLeak(async () => {
      state = state.map((s) => s.detach());
      const l = autograd.record(() => {
        const [out, next] = layer.forward(x, state);
        state = next;
        return dense.forward(out).square().mean();
      });
      l.backward();
      trainer.step(1);
      await l.data();
    }, 3);
  });
});

describe("the language-model chapter's RNNModel (Embedding -> Dropout -> LSTM -> Dense)", () => {
  class RNNModel extends gluon.Block {
    drop: InstanceType<typeof gluon.nn.Dropout>;
    encoder: InstanceType<typeof gluon.nn.Embedding>;
    rnn: InstanceType<typeof LSTM>;
    decoder: InstanceType<typeof gluon.nn.Dense>;
    constructor(
      vocabSize: number,
      embedDim: number,
      readonly hiddenDim: number,
      numLayers: number,
      dropout: number,
    ) {
      super();
      [this.drop, this.encoder, this.rnn, this.decoder] = this.nameScope(() => [
        new gluon.nn.Dropout(dropout),
        new gluon.nn.Embedding(vocabSize, embedDim, { weightInitializer: new init.Uniform(0.1) }),
        new LSTM(hiddenDim, numLayers, { dropout, inputSize: embedDim }),
        new gluon.nn.Dense(vocabSize, { inUnits: hiddenDim }),
      ]);
    }
    override forward(inputs: NDArray): NDArray;
    override forward(inputs: NDArray, state: NDArray[]): [NDArray, NDArray[]];
    override forward(inputs: NDArray, state?: NDArray[]): NDArray | [NDArray, NDArray[]] {
      const emb = this.drop.forward(this.encoder.forward(inputs)); // (T, N, embedDim)
      const [output, next] = this.rnn.forward(emb, state ?? this.beginState(inputs.shape[1]!));
      const decoded = this.decoder.forward(this.drop.forward(output).reshape([-1, this.hiddenDim])); // (T * N, vocab)
      return [decoded, next];
    }
    beginState(batchSize: number): NDArray[] {
      return this.rnn.beginState({ batchSize, func: nd.zeros });
    }
  }

  it('prints, and learns a periodic sequence with carried (detached) states', async () => {
    nd.random.seed(3);
    const model = new RNNModel(6, 8, 16, 2, 0.1);
    expect(model.toString()).toMatch(
      /^RNNModel\(\n  \(drop\): Dropout\(p = 0\.1, axes=\(\)\)\n  \(encoder\): Embedding\(6 -> 8, float32\)\n  \(rnn\): LSTM\(8 -> 16, TNC, num_layers=2, dropout=0\.1\)\n  \(decoder\): Dense\(16 -> 6, linear\)\n\)$/,
    );
    model.initialize(new init.Xavier());
    const trainer = new gluon.Trainer(model.collectParams(), 'adam', { learningRate: 0.02 });
    const loss = new gluon.loss.SoftmaxCrossEntropyLoss();
    const T = 5;
    const N = 4;
    // column n reads 0 1 2 3 4 5 0 1 ... starting at n; batch k continues where batch k-1 stopped
    const batch = (k: number, shift: number): NDArray => nd.array(Array.from({ length: T }, (_, t) => Array.from({ length: N }, (_, n) => (k * T + t + n + shift) % 6)));
    let state = model.beginState(N);
    const losses: number[] = [];
    for (let k = 0; k < 40; k++) {
      state = state.map((s) => s.detach());
      const l = autograd.record(() => {
        const [out, next] = model.forward(batch(k, 0), state);
        state = next;
        return loss.forward(out, batch(k, 1).reshape([-1]));
      });
      l.backward();
      await gluon.utils.clipGlobalNorm(model.collectParams().values().filter((p) => p.gradReq !== 'null').map((p) => p.grad()), 1);
      trainer.step(T * N);
      losses.push(await l.mean().asScalar());
    }
    expect(losses[0]!).toBeGreaterThan(1.5); // about ln 6 = 1.79 at the start
    expect(losses.slice(-5).reduce((a, b) => a + b, 0) / 5).toBeLessThan(0.5);
  });
});

