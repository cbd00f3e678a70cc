/**
 * `nd`: the NDArray namespace readers use, as MXNet's `mx.nd`.
 */
import { checkOptions } from './options';
import { tf } from '../engine/tf';
import { NDArray } from './ndarray';
import * as creation from './ops/creation';
import * as random from './ops/random';
import * as ew from './ops/elementwise';
import * as red from './ops/reduce';
import * as shape from './ops/shape';
import * as linalg from './ops/linalg';
import * as indexing from './ops/indexing';
import * as nn from './ops/nn';
import * as sorting from './ops/sort';
import { ndScope, reclaimMemory } from './lifetime';
import * as storage from '../io/storage';
import { deserialize, serialize } from '../io/serialize';
import type { Operand, ReduceOptions } from './ndarray';

/** The out= form of MXNet's elementwise ops: writes into `out` (keeping its identity) when given. */
function withOut(op: string, compute: () => NDArray, options?: { out?: NDArray }): NDArray {
  checkOptions(op, options, ['out'], '{ out: y }'); // before computing: a bad call costs nothing
  const result = compute();
  return options?.out ? options.out.assignResult(result) : result;
}

export const nd = {
  NDArray,
  // creation
  array: creation.array,
  zeros: creation.zeros,
  ones: creation.ones,
  full: creation.full,
  arange: creation.arange,
  zerosLike: creation.zerosLike,
  onesLike: creation.onesLike,
  random: {
    seed: random.seed,
    normal: random.normal,
    uniform: random.uniform,
    randint: random.randint,
    shuffle: random.shuffle,
    permutation: random.permutation,
  },
  // elementwise (also methods of NDArray)
  add: ew.add,
  subtract: ew.sub,
  sub: ew.sub,
  multiply: ew.mul,
  mul: ew.mul,
  divide: ew.div,
  div: ew.div,
  power: ew.pow,
  pow: ew.pow,
  maximum: ew.maximum,
  minimum: ew.minimum,
  equal: ew.equal,
  notEqual: ew.notEqual,
  greater: ew.greater,
  greaterEqual: ew.greaterEqual,
  less: ew.less,
  lessEqual: ew.lessEqual,
  negative: ew.neg,
  neg: ew.neg,
  abs: ew.abs,
  exp: ew.exp,
  log: ew.log,
  sqrt: ew.sqrt,
  square: ew.square,
  sign: ew.sign,
  relu: ew.relu,
  sigmoid: ew.sigmoid,
  tanh: ew.tanh,
  clip: ew.clip,
  where: ew.where,
  /** MXNet's elemwise_add: a + b of equal shapes, optionally into `out` in place. */
  elemwiseAdd: (a: NDArray, b: Operand, options?: { out?: NDArray }) => withOut('nd.elemwiseAdd', () => ew.add(a, b), options),
  elemwiseSub: (a: NDArray, b: Operand, options?: { out?: NDArray }) => withOut('nd.elemwiseSub', () => ew.sub(a, b), options),
  elemwiseMul: (a: NDArray, b: Operand, options?: { out?: NDArray }) => withOut('nd.elemwiseMul', () => ew.mul(a, b), options),
  elemwiseDiv: (a: NDArray, b: Operand, options?: { out?: NDArray }) => withOut('nd.elemwiseDiv', () => ew.div(a, b), options),
  // reductions
  sum: (x: NDArray, o?: ReduceOptions) => red.sum(x, o),
  mean: (x: NDArray, o?: ReduceOptions) => red.mean(x, o),
  max: (x: NDArray, o?: ReduceOptions) => red.max(x, o),
  min: (x: NDArray, o?: ReduceOptions) => red.min(x, o),
  prod: (x: NDArray, o?: ReduceOptions) => red.prod(x, o),
  norm: red.norm,
  argmax: red.argmax,
  argmin: red.argmin,
  // sorting (MXNet's topk, sort, argsort)
  topk: sorting.topk,
  sort: sorting.sort,
  argsort: sorting.argsort,
  // shape
  reshape: shape.reshape,
  reshapeLike: shape.reshapeLike,
  transpose: shape.transpose,
  expandDims: shape.expandDims,
  squeeze: shape.squeeze,
  flatten: shape.flatten,
  broadcastTo: shape.broadcastTo,
  tile: shape.tile,
  /** Joins arrays along an existing axis (MXNet's concat; options.dim, default 1): nd.concat(a, b, { dim: 0 }). */
  concat: (...args: [...NDArray[], { dim?: number }] | NDArray[]) => {
    const last = args[args.length - 1];
    const hasOptions = last !== undefined && !(last instanceof NDArray);
    const arrays = (hasOptions ? args.slice(0, -1) : args) as NDArray[];
    return shape.concat(arrays, hasOptions ? (last as { dim?: number }) : undefined);
  },
  /** Joins arrays of one shape along a new axis (MXNet's stack; options.axis, default 0). */
  stack: (...args: [...NDArray[], { axis?: number }] | NDArray[]) => {
    const last = args[args.length - 1];
    const hasOptions = last !== undefined && !(last instanceof NDArray);
    const arrays = (hasOptions ? args.slice(0, -1) : args) as NDArray[];
    return shape.stack(arrays, hasOptions ? (last as { axis?: number }) : undefined);
  },
  split: shape.split,
  addN: linalg.addN,
  // indexing
  take: indexing.take,
  pick: indexing.pick,
  oneHot: indexing.oneHot,
  // linear algebra
  dot: linalg.dot,
  batchDot: linalg.batchDot,
  // neural-network primitives
  convolution: nn.convolution,
  pooling: nn.pooling,
  softmax: nn.softmax,
  logSoftmax: nn.logSoftmax,
  /**
   * MXNet's waitall: waits until queued GPU work is done, and frees the memory of arrays that
   * are no longer reachable. Training loops in cells need not call it: the kernel does.
   */
  waitAll: async (): Promise<void> => {
    await tf.ready();
    await reclaimMemory();
  },
  /** Frees every array `fn` makes except those it returns (like tf.tidy); rarely needed. */
  scope: ndScope,
  // saving and loading (docs/file-format.md): a file path in Node, the book's storage in the browser
  save: storage.save,
  load: storage.load,
  serialize,
  deserialize,
  download: storage.download,
  upload: storage.upload,
  setStorageBackend: storage.setStorageBackend,
};

export { NDArray };
export type { DType, GradReq, Nested, Operand, ReduceOptions } from './ndarray';
