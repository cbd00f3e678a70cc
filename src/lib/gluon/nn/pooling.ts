/**
 * Pooling layers over NCHW images, as Gluon's: MaxPool2D, AvgPool2D (window, strides =
 * window by default), and GlobalMaxPool2D / GlobalAvgPool2D (one value per channel).
 * They have no parameters. The arithmetic is nd.pooling's; this file adds Gluon's options
 * that the op lacks: ceilMode (MXNet's 'full' convention) and countIncludePad=false.
 */
import { nd } from '../../nd/index';
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import { Block, layerOptions, type BlockOptions } from '../block';
import { oneOf } from '../../nd/options';
import { expectInput } from './layer-args';
import { pair, type Pair } from '../../nd/ops/nn-options';
import { pyBool, pyTuple } from '../../nd/py-repr';

export interface Pool2DOptions extends BlockOptions {
  /** The window (kh, kw), default 2. */
  poolSize?: Pair;
  /** default: the window (Gluon's strides=None) */
  strides?: Pair | null;
  /** zeros (avg) / ignored cells (max) on each side, default 0 */
  padding?: Pair;
  /** ceil instead of floor in the output size (MXNet's pooling_convention 'full'), default false */
  ceilMode?: boolean;
  /** only 'NCHW' (Gluon's default) */
  layout?: 'NCHW';
}

export interface AvgPool2DOptions extends Pool2DOptions {
  /** Divide by the whole window, padding included (default true, as Gluon), or only by the cells inside the image. */
  countIncludePad?: boolean;
}

type PoolType = 'max' | 'avg';

/** The lowest float32: MXNet's max pooling starts from it, so cells beyond the image never win. */
const LOWEST = -3.4028234663852886e38;

/** Gluon's _Pooling: the shared options, the forward pass and the printed form. */
export class Pooling2D extends Block {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: [number, number];
  readonly ceilMode: boolean;
  readonly globalPool: boolean;
  readonly poolType: PoolType;
  readonly countIncludePad: boolean;

  protected constructor(poolType: PoolType, globalPool: boolean, sizeOrOptions: Pair | AvgPool2DOptions | undefined, maybeOptions: AvgPool2DOptions) {
    const positional = typeof sizeOrOptions === 'number' || Array.isArray(sizeOrOptions);
    const given = positional ? { ...maybeOptions, poolSize: sizeOrOptions as Pair } : ((sizeOrOptions ?? {}) as AvgPool2DOptions);
    const keys = globalPool ? ['layout'] : ['poolSize', 'strides', 'padding', 'ceilMode', 'layout', ...(poolType === 'avg' ? ['countIncludePad'] : [])];
    const options: AvgPool2DOptions = layerOptions(new.target.name, given, keys);
    oneOf(new.target.name, 'layout', options.layout, ['NCHW'], 'NCHW'); // Gluon's default; the only layout here
    super(options);
    const where = new.target.name;
    this.poolType = poolType;
    this.globalPool = globalPool;
    if (globalPool) {
      // Gluon builds the global layers with pool_size (1, 1), strides None, padding 0, ceil_mode True.
      this.poolSize = [1, 1];
      this.strides = [1, 1];
      this.padding = [0, 0];
      this.ceilMode = true;
      this.countIncludePad = true;
      return;
    }
    this.poolSize = pair(where, 'poolSize', options.poolSize, 2, 1);
    this.strides = options.strides === undefined || options.strides === null ? [...this.poolSize] : pair(where, 'strides', options.strides, 1, 1);
    this.padding = pair(where, 'padding', options.padding, 0, 0);
    this.ceilMode = options.ceilMode ?? false;
    this.countIncludePad = options.countIncludePad ?? true;
    if (typeof this.ceilMode !== 'boolean') throw new ArgumentError(`${where}: ceilMode must be true or false, got ${String(this.ceilMode)}.`);
    if (this.padding[0] >= this.poolSize[0] || this.padding[1] >= this.poolSize[1]) {
      throw new ArgumentError(`${where}: padding ${pyTuple(this.padding)} must be smaller than poolSize ${pyTuple(this.poolSize)}, so that every window covers some input.`);
    }
  }

  protected override nameHint(): string {
    return 'pool';
  }

  override forward(x: NDArray): NDArray {
    const where = `${this.name}: ${this.constructor.name}`;
    expectInput(where, x, 4, '(batch, channels, height, width)');
    if (this.globalPool) return nd.pooling(x, { globalPool: true, poolType: this.poolType }); // (batch, channels, 1, 1)
    const [, , h, w] = x.shape as [number, number, number, number];
    const [kh, kw] = this.poolSize;
    const [sh, sw] = this.strides;
    const [ph, pw] = this.padding;
    if (h + 2 * ph < kh || w + 2 * pw < kw) {
      throw new ShapeError(
        `${where}: the window ${pyTuple(this.poolSize)} is larger than the padded input (${h + 2 * ph}, ${w + 2 * pw}) of ${fmtShape(x.shape)}; ` +
          `use a smaller poolSize or more padding.`,
      );
    }
    const oh = outputSize(h, kh, ph, sh, this.ceilMode);
    const ow = outputSize(w, kw, pw, sw, this.ceilMode);
    return nd.scope(() => {
      // ceilMode: extend the bottom and right edges so the last, partial windows exist.
      const eh = (oh - 1) * sh + kh - (h + 2 * ph);
      const ew = (ow - 1) * sw + kw - (w + 2 * pw);
      const fill = this.poolType === 'max' ? LOWEST : 0;
      let xe = x;
      if (eh > 0) xe = nd.concat(xe, nd.full([xe.shape[0]!, xe.shape[1]!, eh, xe.shape[3]!], fill), { dim: 2 }); // (n, c, h + eh, w)
      if (ew > 0) xe = nd.concat(xe, nd.full([xe.shape[0]!, xe.shape[1]!, xe.shape[2]!, ew], fill), { dim: 3 }); // (n, c, h + eh, w + ew)
      const y = nd.pooling(xe, { kernel: this.poolSize, stride: this.strides, pad: this.padding, poolType: this.poolType }); // (n, c, oh, ow)
      if (this.poolType === 'max') return y;
      // nd.pooling divides every window by kh*kw. MXNet divides by the window clipped to the
      // padded image (count_include_pad) or to the image itself: rescale where they differ.
      const rows = divisors(oh, kh, sh, ph, h, this.countIncludePad);
      const cols = divisors(ow, kw, sw, pw, w, this.countIncludePad);
      if (rows.every((d) => d === kh) && cols.every((d) => d === kw)) return y;
      const factor = rows.map((r) => cols.map((c) => (kh * kw) / Math.max(1, r * c)));
      return y.mul(nd.array(factor).reshape([1, 1, oh, ow]));
    });
  }

  /** Gluon's repr: `MaxPool2D(size=(2, 2), stride=(2, 2), padding=(0, 0), ceil_mode=False, global_pool=False, pool_type=max, layout=NCHW)`. */
  override toString(): string {
    return (
      `${this.constructor.name}(size=${pyTuple(this.poolSize)}, stride=${pyTuple(this.strides)}, padding=${pyTuple(this.padding)}, ` +
      `ceil_mode=${pyBool(this.ceilMode)}, global_pool=${pyBool(this.globalPool)}, pool_type=${this.poolType}, layout=NCHW)`
    );
  }
}

/** floor (valid) or ceil (full) of (x + 2p - k)/s, plus one. */
function outputSize(x: number, k: number, p: number, s: number, ceil: boolean): number {
  const q = (x + 2 * p - k) / s;
  return (ceil ? Math.ceil(q) : Math.floor(q)) + 1;
}

/** MXNet's avg-pool divisor along one axis for each output position (pool.h). */
function divisors(out: number, k: number, s: number, p: number, x: number, includePad: boolean): number[] {
  return Array.from({ length: out }, (_, i) => {
    const start = i * s - p;
    const end = Math.min(start + k, x + p);
    return includePad ? end - start : Math.min(end, x) - Math.max(start, 0);
  });
}

/** Max over each window: `new MaxPool2D({ poolSize: 3, strides: 2 })` or `new MaxPool2D(2)`. */
export class MaxPool2D extends Pooling2D {
  constructor(poolSizeOrOptions?: Pair | Pool2DOptions, options: Pool2DOptions = {}) {
    super('max', false, poolSizeOrOptions, options);
  }
}

/** Mean over each window; padded cells count as zeros unless countIncludePad is false. */
export class AvgPool2D extends Pooling2D {
  constructor(poolSizeOrOptions?: Pair | AvgPool2DOptions, options: AvgPool2DOptions = {}) {
    super('avg', false, poolSizeOrOptions, options);
  }
}

/** Max over the whole image: (n, c, h, w) -> (n, c, 1, 1). */
export class GlobalMaxPool2D extends Pooling2D {
  constructor(options: BlockOptions = {}) {
    super('max', true, options, {});
  }
}

/** Mean over the whole image: (n, c, h, w) -> (n, c, 1, 1). */
export class GlobalAvgPool2D extends Pooling2D {
  constructor(options: BlockOptions = {}) {
    super('avg', true, options, {});
  }
}
