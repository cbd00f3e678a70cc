/** Matrix products and sums of arrays. */
import { tf, type Tensor } from '../../engine/tf';
import { ArgumentError, ShapeError, fmtShape } from '../errors';
import type { NDArray } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { expectArray } from './operand';
import { bool, checkOptions } from '../options';
import { shapesEqual } from '../shape-utils';
import { checkAllocation } from '../memory-guard';
import { matMulWasmTransposed } from '../fast-paths/matmul-wasm-transposed';
import { matMulWasmWeightGradient } from '../fast-paths/matmul-wasm-weight-gradient';
import { matMulWebgpuTransposedB } from '../fast-paths/matmul-webgpu-transposed-b';

/**
 * tf.matMul through the backends' fast paths (fast-paths/matmul-*.ts: each applies on one backend
 * under one condition, else gives null), with an empty sum made 0.
 */
export function matMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor {
  const k = transposeA ? a.shape[a.rank - 2]! : a.shape[a.rank - 1]!;
  if (k === 0 || a.size === 0 || b.size === 0) {
    // A sum over no terms is 0. tfjs's WASM MatMul leaves its output uninitialized when the
    // inner dimension is 0 (XNNPACK refuses the empty layer and 3.6e-41 comes back).
    const rows = transposeA ? a.shape[a.rank - 1]! : a.shape[a.rank - 2]!;
    const cols = transposeB ? b.shape[b.rank - 2]! : b.shape[b.rank - 1]!;
    return tf.zeros([...a.shape.slice(0, -2), rows, cols], a.dtype);
  }
  return (
    matMulWasmWeightGradient(a, b, transposeA, transposeB) ??
    matMulWasmTransposed(a, b, transposeA, transposeB) ??
    matMulWebgpuTransposedB(a, b, transposeA, transposeB) ??
    tf.matMul(a, b, transposeA, transposeB)
  );
}

interface DotAttrs {
  /** a as a matrix (rows, k), b as a matrix (k, cols), and the shape of the result. */
  aMat: [number, number];
  bMat: [number, number];
  outShape: number[];
  transposeA: boolean;
  transposeB: boolean;
}

// C = A B (A, B seen as matrices)     dL/dA = dL/dC B^T,   dL/dB = A^T dL/dC
// (with A stored transposed, dL/dA is (dL/dC B^T)^T = B dL/dC^T, and likewise for B)
const Dot = definePrimitive<DotAttrs>({
  name: 'dot',
  forward: ([a, b], { aMat, bMat, outShape, transposeA, transposeB }) =>
    tf.reshape(matMul(tf.reshape(a!, aMat), tf.reshape(b!, bMat), transposeA, transposeB), outShape),
  backward: (dy, { inputs: [a, b], inputShapes, needsGrad }, { aMat, bMat, transposeA, transposeB }) => {
    const A = tf.reshape(a!, aMat);
    const B = tf.reshape(b!, bMat);
    const rows = transposeA ? aMat[1] : aMat[0];
    const cols = transposeB ? bMat[0] : bMat[1];
    const G = tf.reshape(dy, [rows, cols]); // (rows, cols)
    const dA = needsGrad[0] ? (transposeA ? matMul(B, G, transposeB, true) : matMul(G, B, false, !transposeB)) : null;
    const dB = needsGrad[1] ? (transposeB ? matMul(G, A, true, transposeA) : matMul(A, G, !transposeA, false)) : null;
    return [dA && tf.reshape(dA, [...inputShapes[0]!]), dB && tf.reshape(dB, [...inputShapes[1]!])];
  },
});

/**
 * MXNet's dot: 1-D . 1-D is the inner product (shape (1,)), 2-D . 2-D the matrix product,
 * and in general the sum over a's last axis and b's first axis. `transposeA/B` for 2-D.
 */
export function dot(a: NDArray, b: NDArray, options: { transposeA?: boolean; transposeB?: boolean } = {}): NDArray {
  expectArray('nd.dot', 'a', a);
  expectArray('nd.dot', 'b', b);
  const o = checkOptions('nd.dot', options, ['transposeA', 'transposeB'], '{ transposeB: true }');
  const ta = bool('nd.dot', 'transposeA', o.transposeA, false);
  const tb = bool('nd.dot', 'transposeB', o.transposeB, false);
  if ((ta && a.ndim !== 2) || (tb && b.ndim !== 2)) {
    throw new ArgumentError(`nd.dot: transposeA/transposeB apply to 2-D arrays; got shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)}.`);
  }
  if (a.ndim === 0 || b.ndim === 0) throw new ShapeError(`nd.dot: needs arrays with at least one dimension, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}.`);
  const aShape = a.shape;
  const bShape = b.shape;
  const k = ta ? aShape[0]! : aShape[aShape.length - 1]!;
  const kb = tb ? bShape[1]! : bShape[0]!;
  if (k !== kb) {
    throw new ShapeError(
      `nd.dot: shapes ${fmtShape(aShape)} and ${fmtShape(bShape)}${ta || tb ? ` (transposeA=${ta}, transposeB=${tb})` : ''} do not align: ` +
        `a's ${ta ? 'first' : 'last'} dimension (${k}) must equal b's ${tb ? 'last' : 'first'} dimension (${kb}).`,
    );
  }
  const aLead = ta ? [aShape[1]!] : aShape.slice(0, -1);
  const bTrail = tb ? [bShape[0]!] : bShape.slice(1);
  const rows = aLead.reduce((p, d) => p * d, 1);
  const cols = bTrail.reduce((p, d) => p * d, 1);
  const aMat: [number, number] = ta ? [k, rows] : [rows, k];
  const bMat: [number, number] = tb ? [cols, k] : [k, cols];
  let outShape = [...aLead, ...bTrail];
  if (outShape.length === 0) outShape = [1]; // MXNet: no 0-d arrays
  checkAllocation('nd.dot', outShape);
  return apply(Dot, [a, b], { aMat, bMat, outShape, transposeA: ta, transposeB: tb });
}

interface BatchDotAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

// C_i = A_i B_i for every batch element i; the same rule as dot, batch by batch.
const BatchDot = definePrimitive<BatchDotAttrs>({
  name: 'batchDot',
  forward: ([a, b], { transposeA, transposeB }) => matMul(a!, b!, transposeA, transposeB),
  backward: (dy, { inputs: [a, b], needsGrad }, { transposeA, transposeB }) => [
    needsGrad[0] ? (transposeA ? matMul(b!, dy, transposeB, true) : matMul(dy, b!, false, !transposeB)) : null,
    needsGrad[1] ? (transposeB ? matMul(dy, a!, true, transposeA) : matMul(a!, dy, !transposeA, false)) : null,
  ],
});

/** Batched matrix product of (n, r, k) and (n, k, c) arrays -> (n, r, c). */
export function batchDot(a: NDArray, b: NDArray, options: { transposeA?: boolean; transposeB?: boolean } = {}): NDArray {
  expectArray('nd.batchDot', 'a', a);
  expectArray('nd.batchDot', 'b', b);
  const o = checkOptions('nd.batchDot', options, ['transposeA', 'transposeB'], '{ transposeB: true }');
  const ta = bool('nd.batchDot', 'transposeA', o.transposeA, false);
  const tb = bool('nd.batchDot', 'transposeB', o.transposeB, false);
  if (a.ndim !== 3 || b.ndim !== 3) throw new ShapeError(`nd.batchDot: needs two 3-D arrays (batch, rows, cols), got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}.`);
  const k = ta ? a.shape[1] : a.shape[2];
  const kb = tb ? b.shape[2] : b.shape[1];
  if (a.shape[0] !== b.shape[0] || k !== kb) {
    throw new ShapeError(`nd.batchDot: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} do not align: the batch sizes must match and a's inner dimension (${k}) must equal b's (${kb}).`);
  }
  return apply(BatchDot, [a, b], { transposeA: ta, transposeB: tb });
}

// y = x_1 + ... + x_n      dL/dx_i = dL/dy for every i.
// Pairwise adds: tf.addN with 8+ inputs silently returns zeros on WebGPU (BROWSER-NOTES).
const AddN = definePrimitive({
  name: 'addN',
  saves: 'none',
  forward: (xs) => xs.slice(1).reduce((acc: Tensor, x) => tf.add(acc, x), xs[0]!),
  backward: (dy, { inputShapes }) => inputShapes.map(() => dy),
});

/** Elementwise sum of arrays of one shape. */
export function addN(...arrays: NDArray[]): NDArray {
  if (arrays.length === 0) throw new ArgumentError('nd.addN: needs at least one array.');
  arrays.forEach((x, i) => expectArray('nd.addN', `argument ${i}`, x));
  const s = arrays[0]!.shape;
  arrays.forEach((x, i) => {
    if (!shapesEqual(x.shape, s)) {
      throw new ShapeError(`nd.addN: every array must have the same shape; argument 0 has ${fmtShape(s)} and argument ${i} has ${fmtShape(x.shape)}.`);
    }
  });
  return apply(AddN, arrays, undefined);
}
