/**
 * Tensor-level building blocks of the convolution op (no NDArrays, no tape): one forward
 * cross-correlation that accepts any padding (negative = crop) and any stride/dilation pair,
 * and zero insertion between elements. The convolution's forward AND both of its gradients
 * are expressed with these, i.e. with the Conv2D kernel that every backend registers
 * (the WASM backend has no Conv2DBackpropFilter).
 */
import { tf, type Tensor } from '../../engine/tf';

/** Per-side padding [top, bottom, left, right]; a negative side crops instead. */
export type Pads = [number, number, number, number];

/**
 * y[n, i, j, f] = sum_{a, b, c} xp[n, i*sh + a*dh, j*sw + b*dw, c] * filter[a, b, c, f] (+ bias[f]),
 * xp = x padded with zeros by `pads` (cropped where a pad is negative).
 * x (n, h, w, c), filter (kh, kw, c, f), bias (f,) or none -> (n, oh, ow, f).
 * The bias goes into the convolution kernel (FusedConv2D: XNNPACK adds it as it writes each
 * output, instead of a separate pass over the output).
 */
export function conv2dNhwc(x: Tensor, filter: Tensor, stride: [number, number], dilation: [number, number], pads: Pads, bias?: Tensor): Tensor {
  let [top, bottom, left, right] = pads;
  if (top < 0 || bottom < 0 || left < 0 || right < 0) {
    // A negative pad removes input rows/cols: crop them before the convolution.
    const [n, h, w, c] = x.shape as [number, number, number, number];
    const cropTop = Math.max(0, -top), cropBottom = Math.max(0, -bottom);
    const cropLeft = Math.max(0, -left), cropRight = Math.max(0, -right);
    x = tf.slice(x, [0, cropTop, cropLeft, 0], [n, h - cropTop - cropBottom, w - cropLeft - cropRight, c]);
    [top, bottom, left, right] = [Math.max(0, top), Math.max(0, bottom), Math.max(0, left), Math.max(0, right)];
  }
  const padArg = top === 0 && bottom === 0 && left === 0 && right === 0 ? 'valid' : ([[0, 0], [top, bottom], [left, right], [0, 0]] as [[0, 0], [number, number], [number, number], [0, 0]]);
  const [sh, sw] = stride;
  const [dh, dw] = dilation;
  const strided = sh > 1 || sw > 1;
  const dilated = dh > 1 || dw > 1;
  if (!(strided && dilated)) {
    if (bias !== undefined) {
      // The kernel itself, not tf.fused.conv2d: that wraps it in a gradient op of its own.
      const attrs = { strides: [sh, sw], pad: padArg, dataFormat: 'NHWC', dilations: [dh, dw], dimRoundingMode: undefined, activation: 'linear', leakyreluAlpha: 0.2 };
      return tf.engine().runKernel('FusedConv2D', { x, filter, bias }, attrs as never) as Tensor;
    }
    return tf.conv2d(x as tf.Tensor4D, filter as tf.Tensor4D, [sh, sw], padArg, 'NHWC', [dh, dw]);
  }
  if (bias !== undefined) return tf.add(conv2dNhwc(x, filter, stride, dilation, pads), bias); // (f,) broadcasts over the last axis
  // TensorFlow.js refuses stride > 1 together with dilation > 1. Two exact rewrites; take the cheaper:
  //  (a) spell the dilation out: zeros between the filter's taps, then a plain strided conv;
  //      cost ~ outputs * (effective kernel area);
  //  (b) stride 1, then keep every sh-th row and sw-th column; cost ~ outputs * sh*sw * kernel area.
  const [kh, kw] = filter.shape as [number, number];
  const effArea = (dh * (kh - 1) + 1) * (dw * (kw - 1) + 1);
  if (effArea <= sh * sw * kh * kw) {
    const dilatedFilter = dilateZeros(dilateZeros(filter, 0, dh), 1, dw); // (keh, kew, c, f)
    return tf.conv2d(x as tf.Tensor4D, dilatedFilter as tf.Tensor4D, [sh, sw], padArg, 'NHWC', 1);
  }
  const dense = tf.conv2d(x as tf.Tensor4D, filter as tf.Tensor4D, 1, padArg, 'NHWC', [dh, dw]); // (n, oh1, ow1, f)
  const [n, oh1, ow1, f] = dense.shape;
  return tf.stridedSlice(dense, [0, 0, 0, 0], [n, oh1, ow1, f], [1, sh, sw, 1]);
}

/**
 * Inserts (s - 1) zeros between consecutive elements along `axis`: length n -> (n - 1) s + 1.
 * Done with reshape + pad + slice on at most 3-D views: (outer*n, 1, inner) -> pad the middle
 * axis to s -> (outer, n*s, inner) -> drop the trailing s - 1 zeros. (A 5-D pad fails to
 * compile on WebGL and WebGPU in tfjs 4.22 — and a failed WebGPU shader silently spoils the
 * whole command batch — so no view here goes beyond 3-D.)
 */
export function dilateZeros(t: Tensor, axis: number, s: number): Tensor {
  if (s === 1) return t;
  const shape = t.shape;
  const n = shape[axis]!;
  const outer = shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const inner = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const spaced = tf.pad(tf.reshape(t, [outer * n, 1, inner]), [[0, 0], [0, s - 1], [0, 0]]); // (outer*n, s, inner)
  const kept = tf.slice(tf.reshape(spaced, [outer, n * s, inner]), [0, 0, 0], [outer, (n - 1) * s + 1, inner]);
  return tf.reshape(kept, shape.map((d, i) => (i === axis ? (n - 1) * s + 1 : d)));
}
