/**
 * LayerNorm and InstanceNorm (Gluon's): normalization by statistics of each example rather than
 * of the batch, so they behave the same in training and prediction and keep no running stats.
 *   LayerNorm:    over `axis` (default -1, the features) of each example;
 *   InstanceNorm: over the spatial axes of each example and channel (axis 1 is the channel).
 *   y = (x - mean) / sqrt(var + eps) * gamma + beta,   var biased (1/n), as MXNet.
 * Composites of primitives (mean, sub, square, sqrt, div): the gradient through the statistics
 * comes from the tape, no hand-written backward.
 */
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import { expectArray } from '../../nd/ops/operand';
import { bool } from '../../nd/options';
import { Block, layerOptions, type BlockOptions } from '../block';
import type { InitSpec, Parameter } from '../parameter';
import { pyBool, pyFloat } from '../../nd/py-repr';

export interface NormOptions extends BlockOptions {
  /** LayerNorm: the normalized axis (default -1); InstanceNorm: the channel axis (default 1). */
  axis?: number;
  /** Added to the variance (default 1e-5). */
  epsilon?: number;
  /** Learn the shift beta (default true). */
  center?: boolean;
  /** Learn the scale gamma (LayerNorm default true; InstanceNorm default false, as Gluon). */
  scale?: boolean;
  /** Size of `axis`; 0 (default) infers it on the first forward pass. */
  inChannels?: number;
  betaInitializer?: InitSpec;
  gammaInitializer?: InitSpec;
}

const KEYS = ['axis', 'epsilon', 'center', 'scale', 'inChannels', 'betaInitializer', 'gammaInitializer'];

/** The shared part: gamma and beta of shape (c,) along `axis`, deferred until the input is seen. */
abstract class PerExampleNorm extends Block {
  readonly gamma: Parameter;
  readonly beta: Parameter;
  readonly axis: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;

  protected constructor(kind: string, options: NormOptions, defaultAxis: number, defaultScale: boolean) {
    super(layerOptions(kind, options, KEYS));
    this.axis = options.axis ?? defaultAxis;
    this.epsilon = options.epsilon ?? 1e-5;
    this.center = bool(kind, 'center', options.center, true);
    this.scale = bool(kind, 'scale', options.scale, defaultScale);
    if (!Number.isInteger(this.axis)) throw new ArgumentError(`${kind}: axis must be an integer, got ${String(this.axis)}.`);
    if (typeof this.epsilon !== 'number' || !(this.epsilon > 0)) throw new ArgumentError(`${kind}: epsilon must be a positive number, got ${String(this.epsilon)}.`);
    const c = options.inChannels ?? 0;
    if (!Number.isInteger(c) || c < 0) throw new ArgumentError(`${kind}: inChannels must be a non-negative integer, got ${String(c)}.`);
    this.gamma = this.params.get('gamma', { shape: [c], init: options.gammaInitializer ?? 'ones', gradReq: this.scale ? 'write' : 'null' });
    this.beta = this.params.get('beta', { shape: [c], init: options.betaInitializer ?? 'zeros', gradReq: this.center ? 'write' : 'null' });
  }

  /** The axes the statistics are taken over, for an input of this rank (the channel axis normalized). */
  protected abstract statAxes(ndim: number, axis: number): number[];

  override forward(x: NDArray): NDArray {
    const where = `${this.name}: ${this.constructor.name}`;
    expectArray(where, 'the input', x);
    const axis = this.axis < 0 ? this.axis + x.ndim : this.axis;
    if (axis < 0 || axis >= x.ndim) throw new ShapeError(`${where} uses axis ${this.axis}, which the input ${fmtShape(x.shape)} does not have.`);
    const c = x.shape[axis]!;
    for (const p of [this.gamma, this.beta]) {
      p.inferShape([c], () => `${where} was built for ${p.shape![0]} entries along axis ${axis}, but the input ${fmtShape(x.shape)} has ${c}.`);
    }
    const axes = this.statAxes(x.ndim, axis);
    if (axes.length === 0) throw new ShapeError(`${where}: the input ${fmtShape(x.shape)} has no axis to take statistics over.`);
    const bshape = x.shape.map((d, a) => (a === axis ? d : 1)); // (1, c, 1, ...): broadcasts along axis
    const mean = x.mean({ axis: axes, keepDims: true });
    const centered = x.sub(mean);
    const variance = centered.square().mean({ axis: axes, keepDims: true }); // biased, as MXNet
    let y = centered.div(variance.add(this.epsilon).sqrt());
    if (this.scale) y = y.mul(this.gamma.data().reshape(bshape));
    if (this.center) y = y.add(this.beta.data().reshape(bshape));
    return y;
  }
}

/** Gluon's LayerNorm(axis=-1, epsilon=1e-5, center=true, scale=true): normalizes each example's features. */
export class LayerNorm extends PerExampleNorm {
  constructor(options: NormOptions = {}) {
    super('LayerNorm', options, -1, true);
  }

  protected statAxes(_ndim: number, axis: number): number[] {
    return [axis];
  }

  /** Gluon's repr: `LayerNorm(eps=1e-05, axis=-1, center=True, scale=True, in_channels=None)`. */
  override toString(): string {
    return `LayerNorm(eps=${pyFloat(this.epsilon)}, axis=${this.axis}, center=${pyBool(this.center)}, scale=${pyBool(this.scale)}, in_channels=${this.gamma.shape![0] || 'None'})`;
  }
}

/** Gluon's InstanceNorm(axis=1, epsilon=1e-5, center=true, scale=false): normalizes each example's channels over space. */
export class InstanceNorm extends PerExampleNorm {
  constructor(options: NormOptions = {}) {
    super('InstanceNorm', options, 1, false);
  }

  protected statAxes(ndim: number, axis: number): number[] {
    return [...Array(ndim).keys()].filter((a) => a !== 0 && a !== axis); // every axis but batch and channel
  }

  /** Gluon's repr: `InstanceNorm(eps=1e-05, axis=1, center=True, scale=False, in_channels=None)`. */
  override toString(): string {
    return `InstanceNorm(eps=${pyFloat(this.epsilon)}, axis=${this.axis}, center=${pyBool(this.center)}, scale=${pyBool(this.scale)}, in_channels=${this.gamma.shape![0] || 'None'})`;
  }
}
