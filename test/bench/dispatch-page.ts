/**
 * Where one op's time goes: 1,000 adds of (10,) arrays, raw TensorFlow.js and ours, in
 * variants that each remove one cost (disposal, tidy, our wrapper). A developer's tool for
 * iterating on the dispatch path (test/bench/dispatch.mjs); the numbers that count are the
 * bench's (npm run bench). Runs on the page's main thread, one backend per page load.
 */
import { tf } from '../../src/lib/engine/tf';
import { initBackend, type BackendName } from '../../src/lib/engine/backends';
import { autograd, gluon, init, nd, NDArray } from '../../src/lib/index';
import { reclaimMemory } from '../../src/lib/nd/lifetime';
import { maxArrayBytes } from '../../src/lib/nd/backend-limits';
// Raw TensorFlow.js's gradients, for the raw side of profiled workloads (as bench-worker.ts).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as w from './workloads';

const OPS = 1000;

type Variant = () => Promise<void>;

function check(v: number): void {
  if (v !== OPS) throw new Error(`got ${v}, expected ${OPS}`);
}

function mlpStep(fillBiases: boolean): Variant {
  const net = new gluon.nn.Sequential();
  net.add(new gluon.nn.Dense(256, { activation: 'relu', inUnits: 784 }), new gluon.nn.Dense(10, { inUnits: 256 }));
  net.initialize(new init.Xavier());
  const params = net.collectParams();
  if (fillBiases) for (const k of params.keys()) if (k.endsWith('bias')) { const d = params.getByName(k).data(); d.replaceTensor(tf.fill(d.shape, 0)); }
  const trainer = new gluon.Trainer(params, 'sgd', { learningRate: 0.1 });
  const loss = new gluon.loss.SoftmaxCrossEntropyLoss();
  const X = nd.random.normal(0, 1, [256, 784]);
  const y = nd.array(Array.from({ length: 256 }, (_, i) => i % 10));
  return async () => {
    const l = autograd.record(() => loss.forward(net.forward(X), y));
    l.backward();
    trainer.step(256);
    if (!Number.isFinite(await l.mean().asScalar())) throw new Error('MLP loss not finite');
  };
}

const variants = (): Record<string, Variant> => {
  const oneT = tf.ones([10]);
  const one = nd.ones([10]);
  const oneG = NDArray.fromTensor(tf.fill([10], 1));
  const w = nd.ones([10]);
  w.attachGrad();
  const mmX = tf.randomNormal([256, 784]);
  const mmW = tf.randomNormal([784, 256]);
  const mmWt = tf.randomNormal([256, 784]);
  const mmG = tf.randomNormal([256, 256]);
  const cvDy = tf.randomNormal([256, 10, 10, 16]) as tf.Tensor4D;
  const cvW = tf.randomNormal([5, 5, 6, 16]) as tf.Tensor4D;
  const cvX = tf.randomNormal([256, 14, 14, 6]) as tf.Tensor4D;
  const cvX1 = tf.randomNormal([256, 28, 28, 1]) as tf.Tensor4D;
  const cvW1 = tf.randomNormal([5, 5, 1, 6]) as tf.Tensor4D;
  const cvXt = tf.randomNormal([1, 28, 28, 256]) as tf.Tensor4D;
  const cvDyF = tf.randomNormal([28, 28, 256, 6]) as tf.Tensor4D;
  return {
    'raw, dispose': async () => {
      let x = tf.zeros([10]);
      for (let i = 0; i < OPS; i++) {
        const next = tf.add(x, oneT);
        x.dispose();
        x = next;
      }
      check((await x.data())[0]!);
      x.dispose();
    },
    // tf.fill runs a kernel: on WebGL/WebGPU its result lives on the GPU, while tf.zeros'
    // values start on the CPU, where those backends run small ops without the GPU.
    'raw, dispose, GPU-resident': async () => {
      const oneG = tf.fill([10], 1);
      let x = tf.fill([10], 0);
      for (let i = 0; i < OPS; i++) {
        const next = tf.add(x, oneG);
        x.dispose();
        x = next;
      }
      check((await x.data())[0]!);
      tf.dispose([x, oneG]);
    },
    'raw, keep all then dispose': async () => {
      const all: tf.Tensor[] = [tf.zeros([10])];
      for (let i = 0; i < OPS; i++) all.push(tf.add(all[all.length - 1]!, oneT));
      check((await all[all.length - 1]!.data())[0]!);
      tf.dispose(all);
    },
    'raw, tidy per op': async () => {
      let x = tf.zeros([10]);
      for (let i = 0; i < OPS; i++) {
        const prev = x;
        x = tf.tidy(() => tf.add(prev, oneT));
        prev.dispose();
      }
      check((await x.data())[0]!);
      x.dispose();
    },
    'ours, dispose': async () => {
      let x: NDArray = nd.zeros([10]);
      for (let i = 0; i < OPS; i++) {
        const next = x.add(one);
        x.dispose();
        x = next;
      }
      check(((await x.toArray()) as number[])[0]!);
    },
    'ours (as the bench)': async () => {
      let x: NDArray = nd.zeros([10]);
      for (let i = 0; i < OPS; i++) x = x.add(one);
      check(((await x.toArray()) as number[])[0]!);
    },
    // The same adds starting from arrays made by the fill kernel (GPU-resident on WebGL/WebGPU),
    // as nd.zeros/nd.ones made them before they made small arrays in JavaScript.
    'ours, GPU-resident start': async () => {
      let x: NDArray = NDArray.fromTensor(tf.fill([10], 0));
      for (let i = 0; i < OPS; i++) x = x.add(oneG);
      check(((await x.toArray()) as number[])[0]!);
    },
    // What every op asked before maxArrayBytes cached it per backend (backend-limits.ts), against
    // the cached call; 1,000 calls each.
    'limit, read from the backend': async () => {
      let m = 0;
      for (let i = 0; i < OPS; i++) {
        const limits = (tf.backend() as unknown as { device?: { limits?: Record<string, number> } }).device?.limits;
        const sizes = [limits?.maxBufferSize, limits?.maxStorageBufferBindingSize].filter((v): v is number => typeof v === 'number');
        m += sizes.length ? Math.min(...sizes) : tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
      }
      if (!(m > 0)) throw new Error('no limit');
    },
    'limit, cached': async () => {
      let m = 0;
      for (let i = 0; i < OPS; i++) m += maxArrayBytes();
      if (!(m > 0)) throw new Error('no limit');
    },
    // The bench's MLP step, with its biases as nd.zeros makes them (in JavaScript), and with
    // biases made by the fill kernel (as nd.zeros made them before): does residency matter?
    'mlp ours': mlpStep(false),
    'mlp ours, fill-made biases': mlpStep(true),
    'ours, scalar operand': async () => {
      let x: NDArray = nd.zeros([10]);
      for (let i = 0; i < OPS; i++) x = x.add(1);
      check(((await x.toArray()) as number[])[0]!);
    },
    // One product as Dense computes it, x W^T, with W (256, 784) as Gluon stores it, and as raw
    // TensorFlow.js's MLP does, x W with W (784, 256). Read back, so the GPU finishes.
    'mm x W^T (flag)': async () => {
      const y = tf.matMul(mmX, mmWt, false, true);
      await y.data();
      y.dispose();
    },
    'mm x W^T (transpose first)': async () => {
      const y = tf.tidy(() => tf.matMul(mmX, tf.transpose(mmWt)));
      await y.data();
      y.dispose();
    },
    'transpose 2-D W': async () => {
      const y = tf.transpose(mmWt);
      await y.data();
      y.dispose();
    },
    'transpose W as 3-D': async () => {
      const y = tf.tidy(() => tf.transpose(tf.reshape(mmWt, [1, 256, 784]), [0, 2, 1]));
      await y.data();
      y.dispose();
    },
    'mm x W^T (3-D transpose first)': async () => {
      const y = tf.tidy(() => tf.matMul(mmX, tf.reshape(tf.transpose(tf.reshape(mmWt, [1, 256, 784]), [0, 2, 1]), [784, 256])));
      await y.data();
      y.dispose();
    },
    // LeNet's second convolution's input gradient (dy (256,10,10,16), w (5,5,6,16) in HWIO):
    // as a forward convolution of the padded dy with the flipped filter (ours), and as
    // Conv2DBackpropInput (tf.conv2dTranspose, what raw's gradient runs).
    'conv dx as Conv2D': async () => {
      const y = tf.tidy(() => tf.conv2d(cvDy, tf.transpose(tf.reverse(cvW, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D, 1, [[0, 0], [4, 4], [4, 4], [0, 0]]));
      await y.data();
      y.dispose();
    },
    'conv dx as Conv2D, out channels padded to 8': async () => {
      const y = tf.tidy(() => {
        const f = tf.pad(tf.transpose(tf.reverse(cvW, [0, 1]), [0, 1, 3, 2]), [[0, 0], [0, 0], [0, 0], [0, 2]]) as tf.Tensor4D;
        return tf.slice(tf.conv2d(cvDy, f, 1, [[0, 0], [4, 4], [4, 4], [0, 0]]), [0, 0, 0, 0], [256, 14, 14, 6]);
      });
      await y.data();
      y.dispose();
    },
    'conv1 forward, 6 filters': async () => {
      const y = tf.conv2d(cvX1, cvW1, 1, [[0, 0], [2, 2], [2, 2], [0, 0]]);
      await y.data();
      y.dispose();
    },
    'conv1 forward, padded to 8 filters': async () => {
      const y = tf.tidy(() => tf.slice(tf.conv2d(cvX1, tf.pad(cvW1, [[0, 0], [0, 0], [0, 0], [0, 2]]) as tf.Tensor4D, 1, [[0, 0], [2, 2], [2, 2], [0, 0]]), [0, 0, 0, 0], [256, 28, 28, 6]));
      await y.data();
      y.dispose();
    },
    // LeNet's first filter gradient as ours computes it: x as (c, h, w, n), dy as the filter.
    'conv dw1, 6 out channels': async () => {
      const y = tf.conv2d(cvXt, cvDyF, 1, [[0, 0], [2, 2], [2, 2], [0, 0]]);
      await y.data();
      y.dispose();
    },
    'conv dw1, padded to 8 out channels': async () => {
      const y = tf.tidy(() => tf.slice(tf.conv2d(cvXt, tf.pad(cvDyF, [[0, 0], [0, 0], [0, 0], [0, 2]]) as tf.Tensor4D, 1, [[0, 0], [2, 2], [2, 2], [0, 0]]), [0, 0, 0, 0], [1, 5, 5, 6]));
      await y.data();
      y.dispose();
    },
    'conv dx as Conv2DBackpropInput': async () => {
      const y = tf.conv2dTranspose(cvDy, cvW, [256, 14, 14, 6], 1, 'valid');
      await y.data();
      y.dispose();
    },
    'conv forward (256,14,14,6)*(5,5,6,16)': async () => {
      const y = tf.conv2d(cvX, cvW, 1, 'valid');
      await y.data();
      y.dispose();
    },
    'mm x W': async () => {
      const y = tf.matMul(mmX, mmW);
      await y.data();
      y.dispose();
    },
    'mm G^T x (flag)': async () => {
      const y = tf.matMul(mmG, mmX, true, false);
      await y.data();
      y.dispose();
    },
    'mm x^T G (flag)': async () => {
      const y = tf.matMul(mmX, mmG, true, false);
      await y.data();
      y.dispose();
    },
    'ours, recorded': async () => {
      const x = autograd.record(() => {
        let x: NDArray = w.mul(0);
        for (let i = 0; i < OPS; i++) x = x.add(one);
        return x;
      });
      check(((await x.toArray()) as number[])[0]!);
    },
  };
};

async function run(backend: BackendName, reps: number, only: string[]): Promise<Record<string, number>> {
  const info = await initBackend(backend);
  if (info.name !== backend) throw new Error(`${backend} did not start (${JSON.stringify(info.skipped)})`);
  const all = variants();
  const out: Record<string, number> = {};
  // Interleaved rounds: a load spike hits every variant alike.
  const times: Record<string, number[]> = {};
  const names = Object.keys(all).filter((n) => only.length === 0 || only.some((o) => n.includes(o)));
  for (const n of names) for (let i = 0; i < 2; i++) await all[n]!(); // warm-up
  for (let r = 0; r < reps; r++) {
    for (const n of names) {
      await reclaimMemory();
      const t0 = performance.now();
      await all[n]!();
      (times[n] ??= []).push(performance.now() - t0);
    }
  }
  for (const n of names) {
    const s = times[n]!.sort((a, b) => a - b);
    out[n] = Math.round(s[s.length >> 1]! * 100) / 100; // ms per run (for 1,000 ops: µs per op)
  }
  return out;
}

(window as unknown as { dispatch: unknown }).dispatch = { run };

/** Kernel time by kernel name over one step (after a warm-up step) of a bench workload. */
async function profile(backend: BackendName, which: 'lenet' | 'mlp'): Promise<Record<string, string[]>> {
  const info = await initBackend(backend);
  if (info.name !== backend) throw new Error(`${backend} did not start`);
  const out: Record<string, string[]> = {};
  for (const [side, wl] of which === 'lenet' ? ([['ours', w.lenetOurs()], ['raw', w.lenetRaw()]] as const) : ([['ours', w.mlpOurs()], ['raw', w.mlpRaw()]] as const)) {
    await wl.step();
    const t0 = performance.now();
    const p = await tf.profile(async () => {
      await wl.step();
      return [];
    });
    const wall = performance.now() - t0;
    const by = new Map<string, { ms: number; n: number }>();
    for (const k of p.kernels) {
      const key = `${k.name} ${k.inputShapes.map((s) => `(${(s ?? []).join(',')})`).join(' ')}`;
      const g = by.get(key) ?? { ms: 0, n: 0 };
      g.ms += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : NaN;
      g.n++;
      by.set(key, g);
    }
    out[side] = [`wall ${wall.toFixed(0)} ms, ${p.kernels.length} kernels`, ...[...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14).map(([k, g]) => `${g.ms.toFixed(1)} ms x${g.n} ${k}`)];
  }
  return out;
}

(window as unknown as { profileStep: unknown }).profileStep = profile;
