/**
 * tf.slice, tf.unstack and tf.split, avoiding WASM's copy of the whole input. tfjs's WASM Slice
 * kernel reads its input with readSync, which copies all of it out of the heap, for every
 * slice: cutting a (T, ...) array into T pieces copies it T times (measured, the gradient of
 * stacking an RNN's 35 (32, 256) outputs: ~47 ms, against well under 1 ms of data to move).
 * There a slice of a large array is a gather along each sliced axis instead (a C++ kernel that
 * reads only the rows it keeps). Small arrays and other backends keep tf.slice.
 */
import { tf, type Tensor } from '../../engine/tf';

/** Below this many elements the whole-input copy is cheaper than a gather's setup. */
const GATHER_FROM = 4096;

/** Whether a slice of x goes through gathers (WASM, a large float32 or int32 array). */
function viaGather(x: Tensor): boolean {
  return x.size >= GATHER_FROM && (x.dtype === 'float32' || x.dtype === 'int32') && tf.getBackend() === 'wasm';
}

export function sliceKernel(x: Tensor, begin: readonly number[], size: readonly number[]): Tensor {
  if (!viaGather(x)) return tf.slice(x, begin as number[], size as number[]);
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

/** The pieces of x along `axis`, that axis dropped (tf.unstack). */
export function unstackKernel(x: Tensor, axis: number): Tensor[] {
  if (!viaGather(x)) return tf.unstack(x, axis);
  const pieceShape = x.shape.filter((_, a) => a !== axis);
  const size = x.shape.map((n, a) => (a === axis ? 1 : n));
  return Array.from({ length: x.shape[axis]! }, (_, k) =>
    tf.tidy(() => tf.reshape(sliceKernel(x, x.shape.map((_, a) => (a === axis ? k : 0)), size), pieceShape)),
  );
}

/** x cut along `axis` into pieces of the given sizes (tf.split). */
export function splitKernel(x: Tensor, sizes: readonly number[], axis: number): Tensor[] {
  if (!viaGather(x)) return tf.split(x, sizes as number[], axis);
  let start = 0;
  return sizes.map((s) => {
    const begin = x.shape.map((_, a) => (a === axis ? start : 0));
    start += s;
    return sliceKernel(x, begin, x.shape.map((n, a) => (a === axis ? s : n)));
  });
}
