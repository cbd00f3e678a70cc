/**
 * Ops along one axis through a rank-3 view (pre, n, post) of the tensor. The WebGL and WebGPU
 * kernels fail above rank 4 for several ops (pad: a shader compile error or zeros; reverse,
 * where, strided slice: "not yet supported"), so indexing and the gradients of shape ops go
 * one axis at a time and never hand those kernels more than four dims, whatever x's rank.
 */
import { tf, type Tensor } from '../../engine/tf';
import { fastSlice } from '../fast-paths/slice-wasm';

/** The rank-3 view of `shape` around `axis`: (product before, n, product after). */
export function view3(shape: readonly number[], axis: number): [number, number, number] {
  const pre = shape.slice(0, axis).reduce((a, d) => a * d, 1);
  const post = shape.slice(axis + 1).reduce((a, d) => a * d, 1);
  return [pre, shape[axis]!, post];
}

function withAxis(shape: readonly number[], axis: number, n: number): number[] {
  return shape.map((d, a) => (a === axis ? n : d));
}

/** Elements begin, begin + s, ..., (count of them) along `axis`. */
export function sliceAxis(t: Tensor, axis: number, begin: number, count: number, s: number): Tensor {
  const [pre, n, post] = view3(t.shape, axis);
  const v = tf.reshape(t, [pre, n, post]);
  // A cut of the first axis is one run of elements: fastSlice copies just that run on WASM (tf.slice copies all of t).
  const cut =
    pre === 1 && (s === 1 || count === 1)
      ? fastSlice(v, [0, begin, 0], [pre, count, post])
      : s === 1 || count === 1
        ? tf.slice(v, [0, begin, 0], [pre, count, post])
        : v.dtype === 'int32'
          ? // tfjs's WASM StridedSlice writes int32 input as float32 bits (1 read back as 1.4e-45): gather the rows instead
            tf.gather(v, tf.range(begin, begin + count * s, s, 'int32'), 1)
          : tf.stridedSlice(v, [0, begin, 0], [pre, begin + (count - 1) * s + 1, post], [1, s, 1]);
  return tf.reshape(cut, withAxis(t.shape, axis, count));
}

export function reverseAxis(t: Tensor, axis: number): Tensor {
  const [pre, n, post] = view3(t.shape, axis);
  return tf.reshape(tf.reverse(tf.reshape(t, [pre, n, post]), 1), t.shape);
}

/** tf.gather along `axis`: (..., n, ...) -> (..., idx.shape..., ...). */
export function gatherAxis(t: Tensor, idx: Tensor, axis: number): Tensor {
  const [pre, n, post] = view3(t.shape, axis);
  const picked = tf.gather(tf.reshape(t, [pre, n, post]), tf.reshape(idx, [idx.size]), 1); // (pre, m, post)
  return tf.reshape(picked, [...t.shape.slice(0, axis), ...idx.shape, ...t.shape.slice(axis + 1)]);
}

/** (..., n, ...) -> (..., lo + n + hi, ...) with zeros before and after along `axis`. */
export function padAxis(t: Tensor, axis: number, lo: number, hi: number): Tensor {
  const [pre, n, post] = view3(t.shape, axis);
  const padded = tf.pad(tf.reshape(t, [pre, n, post]), [[0, 0], [lo, hi], [0, 0]]);
  return tf.reshape(padded, withAxis(t.shape, axis, lo + n + hi));
}

/** (..., c, ...) -> (..., (c-1)*s + 1, ...): s-1 zeros between consecutive elements along `axis`. */
export function spreadAxis(t: Tensor, axis: number, s: number): Tensor {
  const [pre, c, post] = view3(t.shape, axis);
  // (pre, c, 1, post) -> pad to (pre, c, s, post) -> (pre, c*s, post) -> first (c-1)*s+1
  const cells = tf.pad(tf.reshape(t, [pre, c, 1, post]), [[0, 0], [0, 0], [0, s - 1], [0, 0]]);
  const spaced = tf.slice(tf.reshape(cells, [pre, c * s, post]), [0, 0, 0], [pre, (c - 1) * s + 1, post]);
  return tf.reshape(spaced, withAxis(t.shape, axis, (c - 1) * s + 1));
}

/** Moves the block of `len` dims starting at `start` to the front (a rank-3 transpose). */
export function blockToFront(t: Tensor, start: number, len: number): Tensor {
  const shape = t.shape;
  const a = shape.slice(0, start);
  const b = shape.slice(start, start + len);
  const c = shape.slice(start + len);
  const size = (s: number[]) => s.reduce((p, d) => p * d, 1);
  const moved = tf.transpose(tf.reshape(t, [size(a), size(b), size(c)]), [1, 0, 2]);
  return tf.reshape(moved, [...b, ...a, ...c]);
}

/** The inverse of blockToFront: the first `len` dims go back to position `start`. */
export function blockFromFront(t: Tensor, start: number, len: number): Tensor {
  const shape = t.shape;
  const b = shape.slice(0, len);
  const a = shape.slice(len, len + start);
  const c = shape.slice(len + start);
  const size = (s: number[]) => s.reduce((p, d) => p * d, 1);
  const moved = tf.transpose(tf.reshape(t, [size(b), size(a), size(c)]), [1, 0, 2]);
  return tf.reshape(moved, [...a, ...b, ...c]);
}
