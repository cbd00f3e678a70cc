/**
 * The gradient of max pooling, built from kernels every backend has (reshape, transpose,
 * argMax, oneHot, Conv2D, Conv2DBackpropInput) instead of TensorFlow.js's MaxPoolGrad.
 *
 * Why not TensorFlow.js's MaxPoolGrad kernel: on the WASM backend (tfjs 4.22) it starts each
 * window's running maximum at FLT_MIN (the smallest POSITIVE float) instead of -inf, so every
 * window whose maximum is <= 0 sends its gradient to the window's first cell, whatever the
 * arg-max is (measured: window [-4, -3, -2, -1] -> gradient at -4); it also breaks ties
 * towards the last cell. Our version gives each window's gradient to its first arg-max in
 * row-major order, as MXNet does, on every backend.
 *
 *   y[i, j] = max_{a, b} xp[i*sh + a, j*sw + b]   (xp: x padded with -inf, so padding never wins)
 *   dL/dxp[r, c] = sum over windows (i, j) whose arg-max is (r, c) of dL/dy[i, j]
 */
import { tf, type Tensor } from '../../engine/tf';
import { maxPoolGradWasm } from '../fast-paths/pool-grad-wasm';

export interface MaxPoolGeometry {
  kernel: [number, number];
  stride: [number, number];
  pad: [number, number];
}

/** x (m, h, w), dy (m, oh, ow) -> dL/dx (m, h, w). */
export function maxPoolGrad(x: Tensor, dy: Tensor, { kernel, stride, pad }: MaxPoolGeometry): Tensor {
  const fast = maxPoolGradWasm(x, dy, { kernel, stride, pad });
  if (fast !== null) return fast;
  const [m, h, w] = x.shape as [number, number, number];
  const [oh, ow] = [dy.shape[1]!, dy.shape[2]!];
  const [kh, kw] = kernel;
  const [sh, sw] = stride;
  const [ph, pw] = pad;
  const k = kh * kw;
  const [hp, wp] = [h + 2 * ph, w + 2 * pw];
  // Non-overlapping windows that tile the input (stride == kernel, e.g. 2x2/2, or a single
  // window along an axis, e.g. global pooling): the patches are a reshape and a transpose,
  // and so is the way back.
  const tiles = (sh === kh || oh === 1) && (sw === kw || ow === 1);

  if (tiles) {
    const xp = ph > 0 || pw > 0 ? tf.pad(x, [[0, 0], [ph, ph], [pw, pw]], -Infinity) : x; // (m, hp, wp)
    // patches[m, i, j, a*kw + b] = xp[m, i*kh + a, j*kw + b]; each window's gradient goes to
    // its arg-max (the first one on ties), then the same reshape/transpose puts it back.
    // (The slice stays even when it keeps everything: on WebGPU, transposing a view of an
    // int32 array cast to float32 compiled a shader with mismatched types, and zeros came back.)
    const crop = tf.slice(xp, [0, 0, 0], [m, oh * kh, ow * kw]);
    // (4-D views only: 5-D kernels fail to compile on WebGL/WebGPU, see conv-kernels.ts)
    const patches = tf.reshape(tf.transpose(tf.reshape(crop, [m * oh, kh, ow, kw]), [0, 2, 1, 3]), [m, oh, ow, k]);
    // (cast, not oneHot's dtype argument: WASM's OneHot writes int32 bits whatever the dtype)
    const winner = tf.cast(tf.oneHot(tf.argMax(patches, 3), k), 'float32'); // (m, oh, ow, kh*kw), 0/1
    const routed = tf.mul(winner, tf.expandDims(dy, 3)); // (m, oh, ow, kh*kw)
    const back = tf.reshape(tf.transpose(tf.reshape(routed, [m * oh, ow, kh, kw]), [0, 2, 1, 3]), [m, oh * kh, ow * kw]);
    const dxp = tf.pad(back, [[0, 0], [0, hp - oh * kh], [0, wp - ow * kw]]); // rows/cols no window reached get 0
    return ph > 0 || pw > 0 ? tf.slice(dxp, [0, ph, pw], [m, h, w]) : dxp;
  }

  // Other windows (overlapping, e.g. 3x3/1 or 3x3/2, or with gaps). Extracting the patches by
  // stacking kh*kw strided slices on a new last axis is ~20x slower on WASM than this: a
  // convolution with the identity filter eye[a, b, 0, a*kw + b] = 1 copies window offset
  // (a, b) into channel a*kw + b — exactly, since every output is one x*1 plus zeros. Padding
  // uses -FLT_MAX rather than -inf there, because -inf * 0 would be NaN.
  // The way back is the transposed convolution with the same filter, which adds each routed
  // gradient at its offset (Conv2DBackpropInput: registered by cpu, wasm, webgl, webgpu).
  const eye = tf.reshape(tf.eye(k), [kh, kw, 1, k]) as tf.Tensor4D; // (kh, kw, 1, kh*kw)
  const xq = tf.pad(tf.reshape(x, [m, h, w, 1]), [[0, 0], [ph, ph], [pw, pw], [0, 0]], -3.4028234663852886e38);
  const patches = tf.conv2d(xq as tf.Tensor4D, eye, stride, 'valid'); // (m, oh, ow, kh*kw)
  const winner = tf.oneHot(tf.argMax(patches, 3), k); // (m, oh, ow, kh*kw), 0/1: the first arg-max
  const routed = tf.mul(tf.cast(winner, 'float32'), tf.expandDims(dy, 3)) as tf.Tensor4D; // (m, oh, ow, kh*kw)
  const dxp = tf.reshape(tf.conv2dTranspose(routed, eye, [m, hp, wp, 1], stride, 'valid'), [m, hp, wp]); // (m, hp, wp)
  return ph > 0 || pw > 0 ? tf.slice(dxp, [0, ph, pw], [m, h, w]) : dxp;
}
