/**
 * The benchmark's workloads, each twice: through our library (gluon + autograd + Trainer) and
 * through raw TensorFlow.js (tf.variableGrads + tf.train.sgd), with the same shapes. A
 * workload is built once (parameters, data) and returns a `step` that runs one unit of work
 * and awaits a read, so GPU backends finish the work inside the timed interval.
 */
import { tf } from '../../src/lib/engine/tf';
import { autograd, gluon, init, nd, type NDArray } from '../../src/lib/index';
import type { RecurrentLayer } from '../../src/lib/gluon/rnn/rnn-layer';

export interface Workload {
  step: () => Promise<void>;
  /** Floating-point operations of one step (multiply-adds count 2), or null. */
  flops: number | null;
  /** Releases what the workload holds (raw tensors; ours are finalized). */
  dispose?: () => void;
}

/** A value read back must be a finite number: a NaN loss means the backend computed garbage. */
function expectFinite(what: string, v: number): void {
  if (!Number.isFinite(v)) throw new Error(`${what}: read back ${v}, expected a finite number (the backend computed wrong values)`);
}

const randomLabels = (n: number, classes: number): number[] => Array.from({ length: n }, () => Math.floor(Math.random() * classes));

// ---------------------------------------------------------------- matmul

/** C = A B with A, B (n, n): 2 n^3 FLOPs. `check` compares a few entries with a JS product. */
export async function matmulOurs(n: number): Promise<Workload> {
  const a = nd.random.normal(0, 1, [n, n]);
  const b = nd.random.normal(0, 1, [n, n]);
  await checkProduct(await a.toArray(), await b.toArray(), await nd.dot(a, b).toArray(), n);
  return { flops: 2 * n ** 3, step: async () => void (await nd.dot(a, b).get(0, 0).asScalar()) };
}

export async function matmulRaw(n: number): Promise<Workload> {
  const a = tf.randomNormal([n, n]);
  const b = tf.randomNormal([n, n]);
  const c0 = tf.matMul(a, b);
  await checkProduct(await a.array(), await b.array(), await c0.array(), n);
  c0.dispose();
  return {
    flops: 2 * n ** 3,
    step: async () => {
      const c = tf.matMul(a, b);
      const corner = tf.slice(c, [0, 0], [1, 1]);
      await corner.data();
      tf.dispose([c, corner]);
    },
    dispose: () => tf.dispose([a, b]),
  };
}

/** Spot-checks 16 entries of C = A B against a float64 product in JS. */
async function checkProduct(a: unknown, b: unknown, c: unknown, n: number): Promise<void> {
  const A = a as number[][];
  const B = b as number[][];
  const C = c as number[][];
  for (let s = 0; s < 16; s++) {
    const i = Math.floor(Math.random() * n);
    const j = Math.floor(Math.random() * n);
    let want = 0;
    for (let k = 0; k < n; k++) want += A[i]![k]! * B[k]![j]!;
    const got = C[i]![j]!;
    // float32 sums of n products of N(0,1) values: error grows like sqrt(n) * eps * |terms|
    if (!(Math.abs(got - want) <= 1e-3 * Math.sqrt(n) * 4)) {
      throw new Error(`wrong product: C[${i}][${j}] = ${got}, expected ${want.toFixed(4)} (compared with a product in JS)`);
    }
  }
}

// ---------------------------------------------------------------- MLP 784-256-10

const MLP_BATCH = 256;
/** Forward X W1, H W2; backward dW1 (dX not needed), dW2 and dH: 2 + 3 matmuls' worth. */
const MLP_FLOPS = 2 * MLP_BATCH * (2 * 784 * 256 + 3 * 256 * 10);

export function mlpOurs(): Workload {
  const net = new gluon.nn.Sequential();
  net.add(new gluon.nn.Dense(256, { activation: 'relu' }), new gluon.nn.Dense(10));
  net.initialize(new init.Xavier());
  const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
  const loss = new gluon.loss.SoftmaxCrossEntropyLoss();
  const X = nd.random.normal(0, 1, [MLP_BATCH, 784]); // (256, 784)
  const y = nd.array(randomLabels(MLP_BATCH, 10)); // (256,)
  return {
    flops: MLP_FLOPS,
    step: async () => {
      const l = autograd.record(() => loss.forward(net.forward(X), y)); // (256,)
      l.backward();
      trainer.step(MLP_BATCH);
      expectFinite('MLP loss', await l.mean().asScalar());
    },
  };
}

/** A raw step: variableGrads of `lossFn`, an sgd update, a read of the loss. */
function rawTrainStep(lossFn: () => tf.Scalar, variables: tf.Variable[], what: string): () => Promise<void> {
  const opt = tf.train.sgd(0.1);
  return async () => {
    const value = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(lossFn, variables);
      opt.applyGradients(grads);
      return value;
    });
    const v = (await value.data())[0]!;
    value.dispose();
    expectFinite(what, v);
  };
}

const heNormal = (shape: number[], fanIn: number): tf.Variable => tf.variable(tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn)));

export function mlpRaw(): Workload {
  const W1 = heNormal([784, 256], 784);
  const b1 = tf.variable(tf.zeros([256]));
  const W2 = heNormal([256, 10], 256);
  const b2 = tf.variable(tf.zeros([10]));
  const X = tf.randomNormal([MLP_BATCH, 784]);
  const Y = tf.oneHot(tf.tensor1d(randomLabels(MLP_BATCH, 10), 'int32'), 10); // (256, 10)
  const vars = [W1, b1, W2, b2];
  const lossFn = (): tf.Scalar => {
    const H = tf.relu(tf.add(tf.matMul(X, W1), b1)); // (256, 256)
    const logits = tf.add(tf.matMul(H, W2), b2); // (256, 10)
    return tf.losses.softmaxCrossEntropy(Y, logits) as tf.Scalar;
  };
  return { flops: MLP_FLOPS, step: rawTrainStep(lossFn, vars, 'raw MLP loss'), dispose: () => tf.dispose([...vars, X, Y]) };
}

// ---------------------------------------------------------------- LeNet

const LENET_BATCH = 256;

/**
 * FLOPs of one LeNet training step: forward convolutions and dense layers; backward the
 * weight gradients of every layer and the input gradients of all but the first.
 */
function lenetFlops(batch: number): number {
  const conv1 = 2 * 6 * 28 * 28 * (1 * 5 * 5); // pad 2: 6 x 28 x 28 outputs
  const conv2 = 2 * 16 * 10 * 10 * (6 * 5 * 5);
  const dense = 2 * (400 * 120 + 120 * 84 + 84 * 10);
  const forward = conv1 + conv2 + dense;
  const backward = conv1 + 2 * conv2 + 2 * dense;
  return batch * (forward + backward);
}

export function lenetOurs(): Workload {
  const net = new gluon.nn.Sequential();
  net.add(
    new gluon.nn.Conv2D(6, { kernelSize: 5, padding: 2, activation: 'relu' }),
    new gluon.nn.MaxPool2D({ poolSize: 2, strides: 2 }),
    new gluon.nn.Conv2D(16, { kernelSize: 5, activation: 'relu' }),
    new gluon.nn.MaxPool2D({ poolSize: 2, strides: 2 }),
    new gluon.nn.Dense(120, { activation: 'relu' }),
    new gluon.nn.Dense(84, { activation: 'relu' }),
    new gluon.nn.Dense(10),
  );
  net.initialize(new init.Xavier());
  const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
  const loss = new gluon.loss.SoftmaxCrossEntropyLoss();
  const X = nd.random.uniform(0, 1, [LENET_BATCH, 1, 28, 28]); // (256, 1, 28, 28) NCHW as Gluon
  const y = nd.array(randomLabels(LENET_BATCH, 10));
  return {
    flops: lenetFlops(LENET_BATCH),
    step: async () => {
      const l = autograd.record(() => loss.forward(net.forward(X), y));
      l.backward();
      trainer.step(LENET_BATCH);
      expectFinite('LeNet loss', await l.mean().asScalar());
    },
  };
}

export function lenetRaw(): Workload {
  const W1 = heNormal([5, 5, 1, 6], 25);
  const b1 = tf.variable(tf.zeros([6]));
  const W2 = heNormal([5, 5, 6, 16], 150);
  const b2 = tf.variable(tf.zeros([16]));
  const W3 = heNormal([400, 120], 400);
  const b3 = tf.variable(tf.zeros([120]));
  const W4 = heNormal([120, 84], 120);
  const b4 = tf.variable(tf.zeros([84]));
  const W5 = heNormal([84, 10], 84);
  const b5 = tf.variable(tf.zeros([10]));
  const vars = [W1, b1, W2, b2, W3, b3, W4, b4, W5, b5];
  const X = tf.randomUniform([LENET_BATCH, 28, 28, 1]); // NHWC, tfjs's layout
  const Y = tf.oneHot(tf.tensor1d(randomLabels(LENET_BATCH, 10), 'int32'), 10);
  const lossFn = (): tf.Scalar => {
    let h: tf.Tensor = tf.relu(tf.add(tf.conv2d(X as tf.Tensor4D, W1 as tf.Tensor4D, 1, 'same'), b1)); // (256, 28, 28, 6)
    h = tf.maxPool(h as tf.Tensor4D, 2, 2, 'valid'); // (256, 14, 14, 6)
    h = tf.relu(tf.add(tf.conv2d(h as tf.Tensor4D, W2 as tf.Tensor4D, 1, 'valid'), b2)); // (256, 10, 10, 16)
    h = tf.maxPool(h as tf.Tensor4D, 2, 2, 'valid'); // (256, 5, 5, 16)
    h = tf.reshape(h, [LENET_BATCH, 400]);
    h = tf.relu(tf.add(tf.matMul(h, W3), b3)); // (256, 120)
    h = tf.relu(tf.add(tf.matMul(h, W4), b4)); // (256, 84)
    const logits = tf.add(tf.matMul(h, W5), b5); // (256, 10)
    return tf.losses.softmaxCrossEntropy(Y, logits) as tf.Scalar;
  };
  return { flops: lenetFlops(LENET_BATCH), step: rawTrainStep(lossFn, vars, 'raw LeNet loss'), dispose: () => tf.dispose([...vars, X, Y]) };
}

// ---------------------------------------------------------------- char-RNN

const RNN_STEPS = 35;
const RNN_BATCH = 32;
const RNN_HIDDEN = 256;
/** The Time Machine's characters: 26 letters, space, and one for everything else. */
const RNN_VOCAB = 28;

/**
 * Per time step x W_xh and h W_hh; the output layer on all (35 x 32) hidden states. Backward:
 * dW_xh (no input gradient: one-hot inputs), dW_hh and dH, and both products of the output layer.
 */
function rnnFlops(): number {
  const perStep = 2 * RNN_BATCH * (RNN_VOCAB * RNN_HIDDEN + RNN_HIDDEN * RNN_HIDDEN);
  const out = 2 * RNN_STEPS * RNN_BATCH * RNN_HIDDEN * RNN_VOCAB;
  const forward = RNN_STEPS * perStep + out;
  const backward = RNN_STEPS * 2 * RNN_BATCH * (RNN_VOCAB * RNN_HIDDEN + 2 * RNN_HIDDEN * RNN_HIDDEN) + 2 * out;
  return forward + backward;
}

const randomTokens = (): number[][] => Array.from({ length: RNN_STEPS }, () => randomLabels(RNN_BATCH, RNN_VOCAB));

/**
 * One training step of a character language model around a recurrent layer of ours (the char-RNN,
 * GRU and LSTM rows): one-hot inputs (35, 32, 28) in the 'TNC' layout, the layer from a fresh
 * state, a Dense output layer on all 35 x 32 states, softmax cross-entropy on the next characters.
 */
function languageModelOurs(layer: RecurrentLayer, flops: number, what: string): Workload {
  const dense = new gluon.nn.Dense(RNN_VOCAB);
  layer.initialize(new init.Xavier());
  dense.initialize(new init.Xavier());
  const trainer = new gluon.Trainer([...layer.collectParams().values(), ...dense.collectParams().values()], 'sgd', { learningRate: 0.1 });
  const loss = new gluon.loss.SoftmaxCrossEntropyLoss();
  const tokens = randomTokens();
  const X = nd.oneHot(nd.array(tokens), RNN_VOCAB); // (35, 32, 28), layout TNC
  const y = nd.array(tokens.slice(1).concat([tokens[0]!])).reshape([-1]); // (35 * 32,) next characters
  return {
    flops,
    step: async () => {
      const state = layer.beginState({ batchSize: RNN_BATCH });
      const l = autograd.record(() => {
        const [out] = layer.forward(X, state); // (35, 32, 256)
        return loss.forward(dense.forward(out.reshape([-1, RNN_HIDDEN])), y); // (1120,)
      });
      l.backward();
      trainer.step(RNN_STEPS * RNN_BATCH); // the mean over all predictions, as raw's loss
      expectFinite(what, await l.mean().asScalar());
    },
  };
}

/**
 * The same step in raw TensorFlow.js, the cell unrolled as a tfjs user writes it: `cell(x, state)`
 * returns the next state, whose first entry is h; `cellVars` are the cell's weights (trained with
 * the output layer's).
 */
function languageModelRaw(cellVars: tf.Variable[], cell: (x: tf.Tensor, state: tf.Tensor[]) => tf.Tensor[], stateCount: number, flops: number, what: string): Workload {
  const Why = heNormal([RNN_HIDDEN, RNN_VOCAB], RNN_HIDDEN);
  const by = tf.variable(tf.zeros([RNN_VOCAB]));
  const vars = [...cellVars, Why, by];
  const tokens = randomTokens();
  const Xs = tokens.map((row) => tf.oneHot(tf.tensor1d(row, 'int32'), RNN_VOCAB)); // 35 x (32, 28)
  const Y = tf.oneHot(tf.tensor1d(tokens.slice(1).concat([tokens[0]!]).flat(), 'int32'), RNN_VOCAB); // (1120, 28)
  const lossFn = (): tf.Scalar => {
    let state: tf.Tensor[] = Array.from({ length: stateCount }, () => tf.zeros([RNN_BATCH, RNN_HIDDEN]));
    const outs: tf.Tensor[] = [];
    for (const x of Xs) {
      state = cell(x, state);
      outs.push(state[0]!); // h, (32, 256)
    }
    const logits = tf.add(tf.matMul(tf.concat(outs, 0), Why), by); // (1120, 28)
    return tf.losses.softmaxCrossEntropy(Y, logits) as tf.Scalar;
  };
  return { flops, step: rawTrainStep(lossFn, vars, what), dispose: () => tf.dispose([...vars, ...Xs, Y]) };
}

export function rnnOurs(): Workload {
  return languageModelOurs(new gluon.rnn.RNN(RNN_HIDDEN, { activation: 'tanh' }), rnnFlops(), 'char-RNN loss');
}

export function rnnRaw(): Workload {
  const Wxh = heNormal([RNN_VOCAB, RNN_HIDDEN], RNN_VOCAB);
  const Whh = heNormal([RNN_HIDDEN, RNN_HIDDEN], RNN_HIDDEN);
  const bh = tf.variable(tf.zeros([RNN_HIDDEN]));
  const cell = (x: tf.Tensor, [h]: tf.Tensor[]): tf.Tensor[] => [tf.tanh(tf.add(tf.add(tf.matMul(x, Wxh), tf.matMul(h!, Whh)), bh))]; // (32, 256)
  return languageModelRaw([Wxh, Whh, bh], cell, 1, rnnFlops(), 'raw char-RNN loss');
}

// ---------------------------------------------------------------- GRU and LSTM language models

/** The gated layers on the char-RNN's task and sizes (35 steps, batch 32, hidden 256, 28 characters). */
export type GatedKind = 'gru' | 'lstm';
const GATE_COUNT: Record<GatedKind, number> = { gru: 3, lstm: 4 };

/** As rnnFlops, with G gate blocks in every recurrent product. */
function gatedFlops(kind: GatedKind): number {
  const g = GATE_COUNT[kind];
  const perStep = 2 * RNN_BATCH * g * (RNN_VOCAB * RNN_HIDDEN + RNN_HIDDEN * RNN_HIDDEN);
  const out = 2 * RNN_STEPS * RNN_BATCH * RNN_HIDDEN * RNN_VOCAB;
  const backward = RNN_STEPS * 2 * RNN_BATCH * g * (RNN_VOCAB * RNN_HIDDEN + 2 * RNN_HIDDEN * RNN_HIDDEN) + 2 * out;
  return RNN_STEPS * perStep + out + backward;
}

export function gatedOurs(kind: GatedKind): Workload {
  return languageModelOurs(kind === 'gru' ? new gluon.rnn.GRU(RNN_HIDDEN) : new gluon.rnn.LSTM(RNN_HIDDEN), gatedFlops(kind), `${kind} LM loss`);
}

/** The gated step in raw TensorFlow.js (one product per step for all gates). */
export function gatedRaw(kind: GatedKind): Workload {
  const g = GATE_COUNT[kind];
  const Wx = heNormal([RNN_VOCAB, g * RNN_HIDDEN], RNN_VOCAB);
  const Wh = heNormal([RNN_HIDDEN, g * RNN_HIDDEN], RNN_HIDDEN);
  const b = tf.variable(tf.zeros([g * RNN_HIDDEN]));
  const lstm = (x: tf.Tensor, [h, c]: tf.Tensor[]): tf.Tensor[] => {
    const [i, f, gg, o] = tf.split(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h!, Wh)), b), 4, 1) as tf.Tensor[]; // (32, 256) each
    const next = tf.add(tf.mul(tf.sigmoid(f!), c!), tf.mul(tf.sigmoid(i!), tf.tanh(gg!)));
    return [tf.mul(tf.sigmoid(o!), tf.tanh(next)), next];
  };
  const gru = (x: tf.Tensor, [h]: tf.Tensor[]): tf.Tensor[] => {
    const [xr, xz, xn] = tf.split(tf.add(tf.matMul(x, Wx), b), 3, 1) as tf.Tensor[];
    const [hr, hz, hn] = tf.split(tf.matMul(h!, Wh), 3, 1) as tf.Tensor[];
    const r = tf.sigmoid(tf.add(xr!, hr!));
    const z = tf.sigmoid(tf.add(xz!, hz!));
    const n = tf.tanh(tf.add(xn!, tf.mul(r, hn!)));
    return [tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h!))];
  };
  return languageModelRaw([Wx, Wh, b], kind === 'lstm' ? lstm : gru, kind === 'lstm' ? 2 : 1, gatedFlops(kind), `raw ${kind} LM loss`);
}

// ---------------------------------------------------------------- dispatch overhead

export const TINY_OPS = 1000;

/** 1,000 adds of (10,) arrays, one after another: the per-op cost of each layer. */
export function tinyOurs(): Workload {
  const one = nd.ones([10]);
  return {
    flops: null,
    step: async () => {
      let x: NDArray = nd.zeros([10]);
      for (let i = 0; i < TINY_OPS; i++) x = x.add(one);
      const v = ((await x.toArray()) as number[])[0]!;
      if (v !== TINY_OPS) throw new Error(`tiny adds: got ${v}, expected ${TINY_OPS}`);
    },
  };
}

export function tinyRaw(): Workload {
  const one = tf.ones([10]);
  return {
    flops: null,
    step: async () => {
      // a careful raw user disposes as they go (the cost of tidy's bookkeeping is similar)
      let x = tf.zeros([10]);
      for (let i = 0; i < TINY_OPS; i++) {
        const next = tf.add(x, one);
        x.dispose();
        x = next;
      }
      const v = (await x.data())[0]!;
      x.dispose();
      if (v !== TINY_OPS) throw new Error(`tiny adds: got ${v}, expected ${TINY_OPS}`);
    },
    dispose: () => one.dispose(),
  };
}
