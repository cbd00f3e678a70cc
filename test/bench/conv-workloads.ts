/**
 * Convolutional workloads of the bench beyond LeNet: a training step of the small ResNet of the
 * book's ResNet section (chapters/05-convolutional-networks/09-resnet.md), ours (gluon, a
 * residual Block as the section writes it) and raw TensorFlow.js (the same layers in NHWC with
 * tf.variableGrads; raw cannot train it on WASM, which lacks Conv2DBackpropFilter).
 *
 * The network on 1 x 28 x 28 inputs, batch 128: a 3 x 3 convolution of stride 2 (16 channels,
 * 28 -> 14) with batch norm and ReLU; three residual blocks of two 3 x 3 convolutions with batch
 * norm (16 channels at 14 x 14; 32 at 7 x 7 and 64 at 4 x 4, each halving with stride 2 and a
 * 1 x 1 convolution of stride 2 on the shortcut); global average pooling; a dense layer to 10.
 */
import { tf } from '../../src/lib/engine/tf';
import { autograd, gluon, init, nd, type NDArray } from '../../src/lib/index';
import type { Workload } from './workloads';

export const RESNET_BATCH = 128;

/** (input size, output size, in channels, out channels, kernel) of each convolution, in order. */
const RESNET_CONVS: [number, number, number, number, number][] = [
  [28, 14, 1, 16, 3], // stem, stride 2
  [14, 14, 16, 16, 3], [14, 14, 16, 16, 3], // block 1
  [14, 7, 16, 32, 3], [7, 7, 32, 32, 3], [14, 7, 16, 32, 1], // block 2 and its 1 x 1 shortcut
  [7, 4, 32, 64, 3], [4, 4, 64, 64, 3], [7, 4, 32, 64, 1], // block 3 and its 1 x 1 shortcut
];

/**
 * FLOPs of one step: each convolution's forward, its weight gradient, and its input gradient
 * (all but the stem's, whose input needs none), each 2 * outputs * (in channels * k^2); the dense
 * layer likewise. Batch norm, ReLU and pooling are not counted.
 */
function resnetFlops(batch: number): number {
  let per = 0;
  RESNET_CONVS.forEach(([, o, c, f, k], i) => {
    const conv = 2 * o * o * f * c * k * k;
    per += conv * (i === 0 ? 2 : 3);
  });
  per += 3 * 2 * 64 * 10;
  return batch * per;
}

function expectFinite(what: string, v: number): void {
  if (!Number.isFinite(v)) throw new Error(`${what}: read back ${v}, expected a finite number (the backend computed wrong values)`);
}

const randomLabels = (n: number, classes: number): number[] => Array.from({ length: n }, () => Math.floor(Math.random() * classes));

/** The section's residual block: two 3 x 3 convolutions with batch norm, plus the input (or its 1 x 1 projection). */
type Layer = InstanceType<typeof gluon.nn.Block>;

class Residual extends gluon.nn.Block {
  conv1: Layer;
  bn1: Layer;
  conv2: Layer;
  bn2: Layer;
  conv3: Layer | null;

  constructor(channels: number, { use1x1conv = false, strides = 1 } = {}) {
    super();
    this.conv1 = new gluon.nn.Conv2D(channels, { kernelSize: 3, padding: 1, strides });
    this.bn1 = new gluon.nn.BatchNorm();
    this.conv2 = new gluon.nn.Conv2D(channels, { kernelSize: 3, padding: 1 });
    this.bn2 = new gluon.nn.BatchNorm();
    this.conv3 = use1x1conv ? new gluon.nn.Conv2D(channels, { kernelSize: 1, strides }) : null;
  }

  override forward(x: NDArray): NDArray {
    const y = this.bn2.forward(this.conv2.forward(this.bn1.forward(this.conv1.forward(x)).relu()));
    return y.add(this.conv3 === null ? x : this.conv3.forward(x)).relu();
  }
}

export function resnetOurs(): Workload {
  const net = new gluon.nn.Sequential();
  net.add(new gluon.nn.Conv2D(16, { kernelSize: 3, padding: 1, strides: 2 }), new gluon.nn.BatchNorm(), new gluon.nn.Activation('relu'));
  net.add(new Residual(16), new Residual(32, { use1x1conv: true, strides: 2 }), new Residual(64, { use1x1conv: true, strides: 2 }));
  net.add(new gluon.nn.GlobalAvgPool2D(), new gluon.nn.Dense(10));
  net.initialize(new init.Xavier());
  const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
  const loss = new gluon.loss.SoftmaxCrossEntropyLoss();
  const X = nd.random.uniform(0, 1, [RESNET_BATCH, 1, 28, 28]); // NCHW as Gluon
  const y = nd.array(randomLabels(RESNET_BATCH, 10));
  return {
    flops: resnetFlops(RESNET_BATCH),
    step: async () => {
      const l = autograd.record(() => loss.forward(net.forward(X), y));
      l.backward();
      trainer.step(RESNET_BATCH);
      expectFinite('ResNet loss', await l.mean().asScalar());
    },
  };
}

export function resnetRaw(): Workload {
  const vars: tf.Variable[] = [];
  const variable = (t: tf.Tensor): tf.Variable => {
    const v = tf.variable(t);
    vars.push(v);
    return v;
  };
  const conv = (c: number, f: number, k: number) => ({ w: variable(tf.randomNormal([k, k, c, f], 0, Math.sqrt(2 / (c * k * k)))), b: variable(tf.zeros([f])) });
  const bn = (f: number) => ({ gamma: variable(tf.ones([f])), beta: variable(tf.zeros([f])) });
  const layers = RESNET_CONVS.map(([, , c, f, k]) => ({ ...conv(c, f, k), ...bn(f) }));
  const W = variable(tf.randomNormal([64, 10], 0, Math.sqrt(2 / 64)));
  const b = variable(tf.zeros([10]));
  const X = tf.randomUniform([RESNET_BATCH, 28, 28, 1]); // NHWC, tfjs's layout
  const Y = tf.oneHot(tf.tensor1d(randomLabels(RESNET_BATCH, 10), 'int32'), 10);
  /** convolution (pad (k-1)/2 on every side, as ours), then batch norm with the batch's statistics */
  const convBn = (h: tf.Tensor, i: number, stride: number): tf.Tensor => {
    const L = layers[i]!;
    const p = (L.w.shape[0]! - 1) / 2;
    const z = tf.add(tf.conv2d(h as tf.Tensor4D, L.w as tf.Tensor4D, stride, [[0, 0], [p, p], [p, p], [0, 0]]), L.b);
    const { mean, variance } = tf.moments(z, [0, 1, 2]);
    return tf.batchNorm(z, mean, variance, L.beta, L.gamma, 1e-5);
  };
  const block = (h: tf.Tensor, first: number, stride: number, shortcut: number | null): tf.Tensor => {
    const y = convBn(tf.relu(convBn(h, first, stride)), first + 1, 1);
    return tf.relu(tf.add(y, shortcut === null ? h : convBn(h, shortcut, stride)));
  };
  const lossFn = (): tf.Scalar => {
    let h = tf.relu(convBn(X, 0, 2)); // (128, 14, 14, 16)
    h = block(h, 1, 1, null); // (128, 14, 14, 16)
    h = block(h, 3, 2, 5); // (128, 7, 7, 32)
    h = block(h, 6, 2, 8); // (128, 4, 4, 64)
    const logits = tf.add(tf.matMul(tf.mean(h, [1, 2]), W), b); // (128, 10)
    return tf.losses.softmaxCrossEntropy(Y, logits) as tf.Scalar;
  };
  const opt = tf.train.sgd(0.1);
  return {
    flops: resnetFlops(RESNET_BATCH),
    step: async () => {
      const value = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(lossFn, vars);
        opt.applyGradients(grads);
        return value;
      });
      const v = (await value.data())[0]!;
      value.dispose();
      expectFinite('raw ResNet loss', v);
    },
    dispose: () => tf.dispose([...vars, X, Y]),
  };
}
