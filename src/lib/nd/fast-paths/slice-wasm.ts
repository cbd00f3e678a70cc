/**
 * tf.slice, tf.unstack and tf.split, avoiding WASM's copy of the whole input.
 *
 * | backend | when | measured win | test |
 * | --- | --- | --- | --- |
 * | wasm | a float32 or int32 input of 4096 elements or more | the gradient of stacking 35 (32, 256) RNN outputs: ~47 ms before | test/unit/lib/nd/fast-paths/slice-wasm.test.ts |
 *
 * tfjs's WASM Slice kernel reads its input with readSync, which copies all of it out of the heap, for every
 * slice: cutting a (T, ...) array into T pieces copies it T times (measured, the gradient of
 * stacking an RNN's 35 (32, 256) outputs: ~47 ms, against well under 1 ms of data to move).
 * There a slice of a large array copies just its own elements: a contiguous slice (every axis
 * after the first cut one whole) straight from the heap, any other as a gather along each cut
 * axis (a C++ kernel that reads only the rows it keeps, but slow: ~0.6 ms per (32, 256) piece).
 * Small arrays and other backends keep tf.slice.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** Below this many elements tfjs's whole-input copy costs little. */
const GATHER_FROM = 4096;

/** Whether slices of x are made here (WASM, a large float32 or int32 array). */
function slicedHere(x: Tensor): boolean {
  return x.size >= GATHER_FROM && (x.dtype === 'float32' || x.dtype === 'int32') && tf.getBackend() === 'wasm';
}

/** tf.slice(x, begin, size), reading only the sliced elements on WASM. */
export function fastSlice(x: Tensor, begin: readonly number[], size: readonly number[]): Tensor {
  if (!slicedHere(x)) return tf.slice(x, begin as number[], size as number[]);
  const s = x.shape.map((n, a) => (size[a] === -1 ? n - begin[a]! : size[a]!));
  if (s.every((n, a) => n === x.shape[a])) return tf.clone(x);
  // One run of elements: size 1 on the axes before some axis, whole axes after it.
  const wide = s.findIndex((n) => n !== 1);
  if (wide === -1 || s.every((n, a) => a <= wide || n === x.shape[a])) return contiguousSlice(x, begin, s);
  return tf.tidy(() => {
    let y = x;
    x.shape.forEach((n, a) => {
      const s = size[a] === -1 ? n - begin[a]! : size[a]!;
      if (s === n) return; // the whole axis: nothing to cut
      y = tf.gather(y, tf.range(begin[a]!, begin[a]! + s, 1, 'int32'), a);
    });
    return y === x ? tf.clone(x) : y;
  });
}

/**
 * A slice that is one run of x's elements, copied within the WASM heap into a new tensor (what
 * tfjs's Slice does after copying all of x out: here only the run is read).
 */
function contiguousSlice(x: Tensor, begin: readonly number[], size: readonly number[]): Tensor {
  const backend = tf.backend() as BackendWasm;
  const strides = [...x.strides, 1];
  const start = begin.reduce((o, b, a) => o + b * strides[a]!, 0);
  const count = size.reduce((p, n) => p * n, 1);
  const out = backend.makeOutput([...size], x.dtype); // may grow the heap: take the views after
  backend.typedArrayFromHeap(out).set(backend.typedArrayFromHeap(x).subarray(start, start + count));
  return tf.engine().makeTensorFromTensorInfo(out, backend);
}

/** The pieces of x along `axis`, that axis dropped (tf.unstack). */
export function fastUnstack(x: Tensor, axis: number): Tensor[] {
  if (!slicedHere(x)) return tf.unstack(x, axis);
  const pieceShape = x.shape.filter((_, a) => a !== axis);
  const size = x.shape.map((n, a) => (a === axis ? 1 : n));
  return Array.from({ length: x.shape[axis]! }, (_, k) =>
    tf.tidy(() => tf.reshape(fastSlice(x, x.shape.map((_, a) => (a === axis ? k : 0)), size), pieceShape)),
  );
}

/** x cut along `axis` into pieces of the given sizes (tf.split). */
export function fastSplit(x: Tensor, sizes: readonly number[], axis: number): Tensor[] {
  if (!slicedHere(x)) return tf.split(x, sizes as number[], axis);
  let start = 0;
  return sizes.map((s) => {
    const begin = x.shape.map((_, a) => (a === axis ? start : 0));
    start += s;
    return fastSlice(x, begin, x.shape.map((n, a) => (a === axis ? s : n)));
  });
}
