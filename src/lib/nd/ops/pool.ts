/**
 * 2-D pooling (MXNet's Pooling, layout NCHW, 'valid' convention) as two primitives (max, avg).
 *
 * Pooling acts on each channel alone, so (n, c, h, w) is viewed as (n*c, h, w, 1) — a free
 * reshape into TensorFlow.js's NHWC, no transpose. The avg gradient uses the AvgPoolGrad kernel
 * (registered by cpu, wasm, webgl and webgpu in tfjs 4.22); the max gradient is built from
 * forward kernels because WASM's MaxPoolGrad is wrong (see max-pool-grad.ts).
 */
import { tf, type Tensor } from '../../engine/tf';
import { ArgumentError, ShapeError, fmtShape } from '../errors';
import type { NDArray } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { avgPoolGradWasm } from '../fast-paths/pool-grad-wasm';
import { maxPoolGrad } from './max-pool-grad';
import { POOLING_KEYS, type PoolingOptions, expectNchw, outSize, pair } from './nn-options';
import { bool, checkOptions, oneOf } from '../options';

interface PoolAttrs {
  kernel: [number, number];
  stride: [number, number];
  pad: [number, number];
}

type ExplicitPad = [[0, 0], [number, number], [number, number], [0, 0]];

function explicitPad([ph, pw]: [number, number]): ExplicitPad {
  return [[0, 0], [ph, ph], [pw, pw], [0, 0]];
}

/** (n, c, h, w) -> (n*c, h, w, 1) */
function perChannel(x: Tensor): Tensor {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  return tf.reshape(x, [n * c, h, w, 1]);
}

/** (n*c, oh, ow, 1) -> (n, c, oh, ow) */
function fromChannels(y4: Tensor, inShape: readonly number[]): Tensor {
  return tf.reshape(y4, [inShape[0]!, inShape[1]!, y4.shape[1]!, y4.shape[2]!]);
}

function runKernel(name: string, inputs: Record<string, Tensor>, attrs: Record<string, unknown>): Tensor {
  return tf.engine().runKernel(name, inputs, attrs as never) as Tensor;
}

// y = max over each window   dL/dx = dL/dy at the window's arg-max, 0 elsewhere (summed over windows).
// Padded cells never win (TensorFlow.js skips them, as MXNet does). The backward is ours
// (see max-pool-grad.ts: the WASM MaxPoolGrad kernel is wrong for windows with max <= 0).
const MaxPooling = definePrimitive<PoolAttrs>({
  name: 'maxPooling',
  forward: ([x], { kernel, stride, pad }) => {
    const y4 = tf.maxPool(perChannel(x!) as tf.Tensor4D, kernel, stride, explicitPad(pad)); // (n*c, oh, ow, 1)
    return fromChannels(y4, x!.shape);
  },
  backward: (dy, { inputs: [x] }, geometry) => {
    const [n, c, h, w] = x!.shape as [number, number, number, number];
    const [oh, ow] = [dy.shape[2]!, dy.shape[3]!];
    const dx = maxPoolGrad(tf.reshape(x!, [n * c, h, w]), tf.reshape(dy, [n * c, oh, ow]), geometry); // (n*c, h, w)
    return [tf.reshape(dx, [n, c, h, w])];
  },
});

// MXNet's avg pooling counts padded cells as zeros (count_include_pad): pad explicitly, then
// y = (1/(kh kw)) sum over the window of xp   dL/dxp = dL/dy / (kh kw) spread over each window,
// and dL/dx is dL/dxp without the padding rows and columns. Reads no values: saves nothing.
const AvgPooling = definePrimitive<PoolAttrs>({
  name: 'avgPooling',
  saves: 'none',
  forward: ([x], { kernel, stride, pad }) => {
    const y4 = tf.avgPool(tf.pad(perChannel(x!), explicitPad(pad)) as tf.Tensor4D, kernel, stride, 'valid'); // (n*c, oh, ow, 1)
    return fromChannels(y4, x!.shape);
  },
  backward: (dy, { inputShapes }, { kernel, stride, pad }) => {
    const [n, c, h, w] = inputShapes[0] as [number, number, number, number];
    const [ph, pw] = pad;
    const [kh, kw] = kernel;
    const [oh, ow] = [dy.shape[2]!, dy.shape[3]!];
    const fast = avgPoolGradWasm(tf.reshape(dy, [n * c, oh, ow]), [n * c, h, w], { kernel, stride, pad });
    if (fast !== null) return [tf.reshape(fast, [n, c, h, w])];
    if (ph === 0 && pw === 0 && (stride[0] === kh || oh === 1) && (stride[1] === kw || ow === 1)) {
      // Windows that tile the input (2x2/2, global pooling): each dy[i, j] / (kh kw) goes to
      // every cell of its window, a broadcast and a reshape. WASM's AvgPoolGrad took ~20x the
      // forward's time for a (128, 16, 28, 28) input (README, Performance).
      const tiled = tf.mul(tf.reshape(dy, [n * c * oh, 1, ow, 1]), tf.fill([1, kh, 1, kw], 1 / (kh * kw))); // (n*c*oh, kh, ow, kw)
      const back = tf.reshape(tiled, [n, c, oh * kh, ow * kw]); // cells no window reached are missing: pad them with 0
      return [oh * kh === h && ow * kw === w ? back : tf.pad(back, [[0, 0], [0, 0], [0, h - oh * kh], [0, w - ow * kw]])];
    }
    const xpShape = tf.zeros([n * c, h + 2 * ph, w + 2 * pw, 1]); // AvgPoolGrad reads only the input's shape
    const dxp4 = runKernel('AvgPoolGrad', { dy: perChannel(dy), input: xpShape }, { filterSize: kernel, strides: stride, pad: 'valid' });
    const dx4 = tf.slice(dxp4, [0, ph, pw, 0], [n * c, h, w, 1]);
    return [tf.reshape(dx4, [n, c, h, w])];
  },
});

/** Max or average pooling over (n, c, h, w) -> (n, c, oh, ow), oh = floor((h + 2ph - kh)/sh) + 1. */
export function pooling(data: NDArray, options: PoolingOptions): NDArray {
  const op = 'nd.pooling';
  const o = checkOptions(op, options, POOLING_KEYS, "{ kernel: 2, stride: 2, poolType: 'max' }");
  expectNchw(op, 'data', data);
  const type = oneOf(op, 'poolType', o.poolType, ['max', 'avg'], 'max');
  oneOf(op, 'poolingConvention', o.poolingConvention, ['valid'], 'valid');
  oneOf(op, 'layout', o.layout, ['NCHW'], 'NCHW');
  bool(op, 'cudnnOff', o.cudnnOff, false);
  if (!bool(op, 'countIncludePad', o.countIncludePad, true)) {
    throw new ArgumentError(`${op}: countIncludePad: false is not supported; average pooling counts padded cells as zeros (MXNet's default, countIncludePad: true).`);
  }
  bool(op, 'globalPool', o.globalPool, false);
  const [, , h, w] = data.shape as [number, number, number, number];
  if (o.globalPool === true) {
    // MXNet: kernel = (h, w), padding 0; one output per channel.
    return apply(type === 'max' ? MaxPooling : AvgPooling, [data], { kernel: [h, w], stride: [1, 1], pad: [0, 0] });
  }
  if (o.kernel === undefined) {
    throw new ArgumentError(`${op}: options.kernel is required (e.g. { kernel: 2, stride: 2 }) unless globalPool is true.`);
  }
  const kernel = pair(op, 'kernel', o.kernel, 1, 1);
  const stride = pair(op, 'stride', o.stride, 1, 1);
  const pad = pair(op, 'pad', o.pad, 0, 0);
  if (pad[0] >= kernel[0] || pad[1] >= kernel[1]) {
    throw new ArgumentError(`${op}: pad (${pad.join(', ')}) must be smaller than kernel (${kernel.join(', ')}), so that every window covers some input.`);
  }
  const oh = outSize(h, kernel[0], pad[0], stride[0]);
  const ow = outSize(w, kernel[1], pad[1], stride[1]);
  if (oh < 1 || ow < 1) {
    throw new ShapeError(
      `${op}: the window (${kernel.join(', ')}) is larger than the padded input (${h + 2 * pad[0]}, ${w + 2 * pad[1]}) of data ${fmtShape(data.shape)}: ` +
        `use a smaller kernel, more padding, or globalPool: true.`,
    );
  }
  return apply(type === 'max' ? MaxPooling : AvgPooling, [data], { kernel, stride, pad });
}
