/**
 * How each op of the reference cases is called through the reader's API. `p` holds the case's
 * options (MXNet's keyword arguments in camelCase, as generate.py wrote them).
 */
import { autograd, gluon, nd, type NDArray } from '../../../src/lib/index';
import type { IndexSpec } from '../../../src/lib/nd/ops/index-parse';
import type { DType } from '../../../src/lib/index';

type P = Record<string, unknown>;
/**
 * `gradOf[i]`, when an op sets it, is the array whose .grad holds the gradient for input i
 * (a layer copies its weight input into a Parameter, whose data receives the gradient).
 */
export type OpFn = (xs: NDArray[], p: P, gradOf: GradSource[]) => NDArray | NDArray[];

/** What holds an input's gradient after backward: the input itself, or a layer's Parameter. */
export interface GradSource {
  readonly grad: NDArray;
}

const num = (p: P, k: string): number => p[k] as number;

/** A Gluon loss block: forward(pred, label, sampleWeight?, posWeight?). */
interface LossBlock {
  forward(pred: NDArray, label: NDArray, sampleWeight?: NDArray | null, posWeight?: NDArray | null): NDArray;
}
const lossClass = (name: string): new (o: object) => LossBlock => (gluon.loss as unknown as Record<string, new (o: object) => LossBlock>)[name]!;

/**
 * A library function that issue 16 adds (topk, sort, reshapeLike, LayerNorm, ...), looked up by
 * its MXNet name in camelCase so this file type-checks before it exists; missing -> a clear error.
 */
function feature<T>(owner: object, path: string, name: string): T {
  const f = (owner as Record<string, unknown>)[name];
  if (f === undefined) throw new Error(`${path}.${name} is not in the library (a feature of issue 16)`);
  return f as T;
}
type Fn = (...a: unknown[]) => NDArray;
type LayerClass = new (o?: object) => { initialize(): void; forward(x: NDArray): NDArray };

/** Runs `block` on x with its parameters set to `values` (inputs 1, 2, ... of the case). */
function withParams(block: InstanceType<typeof gluon.Block>, values: NDArray[], names: string[], x: NDArray, gradOf: GradSource[]): NDArray {
  // Set up outside the recording (as a reader does before training): shapes, then the values.
  autograd.pause(() => {
    block.initialize();
    block.forward(x); // completes the deferred shapes
  });
  const params = block.collectParams();
  names.forEach((suffix, i) => {
    const found = [...params].find(([k]) => k.endsWith(`_${suffix}`));
    if (found === undefined) throw new Error(`no parameter ending in _${suffix} among ${params.keys().join(', ')}`);
    const param = found[1];
    autograd.pause(() => param.setData(values[i]!));
    gradOf[i + 1] = { get grad() { return param.grad(); } };
  });
  return block.forward(x);
}

export const OPS: Record<string, OpFn> = {
  relu: ([x]) => x!.relu(),
  sigmoid: ([x]) => x!.sigmoid(),
  tanh: ([x]) => x!.tanh(),
  abs: ([x]) => x!.abs(),
  sign: ([x]) => x!.sign(),
  square: ([x]) => x!.square(),
  exp: ([x]) => x!.exp(),
  log: ([x]) => x!.log(),
  sqrt: ([x]) => x!.sqrt(),
  neg: ([x]) => nd.negative(x!),
  add: ([a, b]) => nd.add(a!, b!),
  sub: ([a, b]) => nd.subtract(a!, b!),
  mul: ([a, b]) => nd.multiply(a!, b!),
  div: ([a, b]) => nd.divide(a!, b!),
  pow: ([a, b]) => nd.power(a!, b!),
  maximum: ([a, b]) => nd.maximum(a!, b!),
  minimum: ([a, b]) => nd.minimum(a!, b!),
  addScalar: ([x], p) => x!.add(num(p, 'scalar')),
  subScalar: ([x], p) => x!.sub(num(p, 'scalar')),
  mulScalar: ([x], p) => x!.mul(num(p, 'scalar')),
  divScalar: ([x], p) => x!.div(num(p, 'scalar')),
  powScalar: ([x], p) => x!.pow(num(p, 'scalar')),
  equal: ([a, b]) => nd.equal(a!, b!),
  notEqual: ([a, b]) => nd.notEqual(a!, b!),
  greater: ([a, b]) => nd.greater(a!, b!),
  greaterEqual: ([a, b]) => nd.greaterEqual(a!, b!),
  less: ([a, b]) => nd.less(a!, b!),
  lessEqual: ([a, b]) => nd.lessEqual(a!, b!),
  clip: ([x], p) => nd.clip(x!, num(p, 'min'), num(p, 'max')),
  where: ([c, a, b]) => nd.where(c!, a!, b!),
  whereScalars: ([c], p) => nd.where(c!, num(p, 'a'), num(p, 'b')),
  arange: (_, p) => nd.arange(num(p, 'start'), num(p, 'stop'), num(p, 'step')),
  full: (_, p) => nd.full(p.shape as number[], num(p, 'value')),
  arrayScalar: (_, p) => nd.array(num(p, 'value')),
  addN: (xs) => nd.addN(...xs),
  sum: ([x], p) => nd.sum(x!, p),
  mean: ([x], p) => nd.mean(x!, p),
  max: ([x], p) => nd.max(x!, p),
  min: ([x], p) => nd.min(x!, p),
  prod: ([x], p) => nd.prod(x!, p),
  norm: ([x], p) => nd.norm(x!, p as { ord?: 1 | 2 }),
  argmax: ([x], p) => nd.argmax(x!, p),
  argmin: ([x], p) => nd.argmin(x!, p),
  reshape: ([x], p) => nd.reshape(x!, p.shape as number[]),
  transpose: ([x], p) => nd.transpose(x!, p.axes as number[] | undefined),
  expandDims: ([x], p) => nd.expandDims(x!, num(p, 'axis')),
  squeeze: ([x], p) => nd.squeeze(x!, p.axis as number | number[] | undefined),
  flatten: ([x]) => nd.flatten(x!),
  broadcastTo: ([x], p) => nd.broadcastTo(x!, p.shape as number[]),
  tile: ([x], p) => nd.tile(x!, p.reps as number[]),
  concat: (xs, p) => nd.concat(...xs, { dim: num(p, 'dim') }),
  stack: (xs, p) => nd.stack(...xs, { axis: num(p, 'axis') }),
  split: ([x], p) => nd.split(x!, num(p, 'numOutputs'), { axis: num(p, 'axis'), squeezeAxis: p.squeezeAxis as boolean }),
  astype: ([x], p) => x!.astype(p.dtype as DType),
  get: ([x], p) => x!.get(...(p.index as IndexSpec[])),
  set: ([x, v], p) => {
    const target = x!.copy();
    target.set(p.scalar ? num(p, 'value') : v!.reshape(p.valueShape as number[]), ...(p.index as IndexSpec[]));
    return target;
  },
  take: ([x, i], p) => nd.take(x!, i!, p as { axis?: number; mode?: 'clip' | 'wrap' }),
  pick: ([x, i], p) => nd.pick(x!, i!, p as { axis?: number; keepDims?: boolean }),
  oneHot: ([i], p) => nd.oneHot(i!, num(p, 'depth'), { onValue: num(p, 'onValue'), offValue: num(p, 'offValue') }),
  dot: ([a, b], p) => nd.dot(a!, b!, p),
  batchDot: ([a, b], p) => nd.batchDot(a!, b!, p),
  softmax: ([x], p) => nd.softmax(x!, p),
  logSoftmax: ([x], p) => nd.logSoftmax(x!, p),
  convolution: ([x, w, b], p) => nd.convolution(x!, w!, b!, p),
  convolutionNoBias: ([x, w], p) => nd.convolution(x!, w!, null, p),
  pooling: ([x], p) => nd.pooling(x!, p),
  reshapeLike: ([a, b]) => feature<Fn>(nd, 'nd', 'reshapeLike')(a, b),
  topk: ([x], p) => feature<Fn>(nd, 'nd', 'topk')(x, p),
  sort: ([x], p) => feature<Fn>(nd, 'nd', 'sort')(x, p),
  argsort: ([x], p) => feature<Fn>(nd, 'nd', 'argsort')(x, p),
  layerNorm: ([x], p) => {
    const layer = new (feature<LayerClass>(gluon.nn, 'gluon.nn', 'LayerNorm'))(p);
    layer.initialize();
    return layer.forward(x!);
  },
  instanceNorm: ([x], p) => {
    const layer = new (feature<LayerClass>(gluon.nn, 'gluon.nn', 'InstanceNorm'))(p);
    layer.initialize();
    return layer.forward(x!);
  },
  loss: ([pred, label, w], p) => {
    if (!(p.loss as string in gluon.loss)) throw new Error(`gluon.loss.${p.loss as string} is not in the library (a feature of issue 16)`);
    const L = new (lossClass(p.loss as string))(p.options as object);
    if (p.threeInputs) return (L.forward as (...a: NDArray[]) => NDArray)(pred!, label!, w!);
    return p.posWeight ? L.forward(pred!, label!, null, w!) : L.forward(pred!, label!, w ?? null);
  },
  lossSum: ([pred, label, w], p) => new (lossClass(p.loss as string))(p.options as object).forward(pred!, label!, w ?? null).sum(),
  denseLayer: ([x, W, b], p, gradOf) =>
    withParams(new gluon.nn.Dense(num(p, 'units'), { activation: p.activation as 'relu' | null, flatten: p.flatten as boolean }), [W!, b!], ['weight', 'bias'], x!, gradOf),
  conv2dLayer: ([x, W, b], p, gradOf) => {
    const { channels, kernelSize, ...rest } = p as { channels: number; kernelSize: number };
    return withParams(new gluon.nn.Conv2D(channels, kernelSize, rest), [W!, b!], ['weight', 'bias'], x!, gradOf);
  },
};
