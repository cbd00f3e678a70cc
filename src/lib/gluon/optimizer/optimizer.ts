/**
 * Optimizer: MXNet's base class. An optimizer owns the hyper-parameters (learning rate,
 * weight decay, gradient rescaling and clipping) and per-parameter update counts, and
 * defines `createState(index, weight)` and `update(index, weight, grad, state)`. Updates are
 * in place, so parameter arrays keep their identity. Gluon's Trainer drives it through an
 * Updater, which keeps the states and runs updates outside autograd and inside a scope.
 */
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError } from '../../nd/errors';
import { GluonError } from '../errors';
import { LRScheduler } from './lr-scheduler';

/** Whatever an optimizer keeps per parameter: nothing, one array (momentum) or several (Adam's m and v). */
export type OptimizerState = NDArray | null | (NDArray | null)[];

/** The per-parameter settings an optimizer reads from a Gluon Parameter. */
export interface ParamMults {
  readonly lrMult: number;
  /** Per-parameter weight-decay multipliers (MXNet's wd_mult). */
  readonly wdMult: number;
}

export interface OptimizerOptions {
  /** Step size (default 0.01; Adam and RMSProp default to 0.001). */
  learningRate?: number;
  /** Weight decay: adds wd * weight to the gradient (L2 regularization); default 0. */
  wd?: number;
  /** Multiplies every gradient first; the Trainer sets it to 1 / batchSize at each step. */
  rescaleGrad?: number;
  /** Clips each (rescaled) gradient entry to [-clipGradient, clipGradient]; default none. */
  clipGradient?: number | null;
  /**
   * A schedule: the learning rate as a function of the number of updates so far, an
   * lrScheduler.FactorScheduler (Cosine, Poly, MultiFactor...) or any (numUpdate) => lr.
   */
  lrScheduler?: LRScheduler | ((numUpdate: number) => number) | null;
  /** The update count to start from (default 0). */
  beginNumUpdate?: number;
  /** Accepted for MXNet compatibility; arrays here are float32, so it changes nothing. */
  multiPrecision?: boolean;
  /** index -> Parameter (for lrMult/wdMult); the Trainer fills it. */
  paramDict?: Map<number, ParamMults>;
}

const BASE_KEYS = ['learningRate', 'wd', 'rescaleGrad', 'clipGradient', 'lrScheduler', 'beginNumUpdate', 'multiPrecision', 'paramDict'];

function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Rejects option names the optimizer does not know (a typo would otherwise be silently ignored). */
export function checkOptions(name: string, options: object, extraKeys: readonly string[]): void {
  const known = [...BASE_KEYS, ...extraKeys];
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const c = camel(key);
    const hint = key === 'lr' ? ' Did you mean learningRate?' : c !== key && known.includes(c) ? ` Did you mean ${c}? Options are camelCase here.` : '';
    throw new ArgumentError(`${name}: unknown option '${key}'.${hint} Known options: ${known.filter((k) => k !== 'paramDict').join(', ')}.`);
  }
}

function checkNumber(name: string, key: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ArgumentError(`${name}: ${key} must be a finite number, got ${String(v)}.`);
  return v;
}

type OptimizerClass = new (options?: never) => Optimizer;

const registry = new Map<string, OptimizerClass>();

/** MXNet's Optimizer: the base of the update rules; Trainer calls update(index, weight, grad, state) for each parameter. */
export class Optimizer {
  /** Multiplies gradients before the update (1 / batchSize under a Trainer). */
  rescaleGrad: number;
  wd: number;
  clipGradient: number | null;
  lrScheduler: LRScheduler | ((numUpdate: number) => number) | null;
  /** The largest update count over the parameters: the step number. */
  numUpdate: number;
  readonly beginNumUpdate: number;
  /** index -> Parameter: lrMult and wdMult are read from it at each update (Gluon). */
  paramDict: Map<number, ParamMults>;
  /** Per-index multipliers for parameters not in paramDict (MXNet's set_lr_mult / set_wd_mult). */
  lrMult: Map<number, number> = new Map();
  /** Per-index weight-decay multipliers (MXNet's set_wd_mult). */
  wdMult: Map<number, number> = new Map();
  private lr: number;
  private readonly indexUpdateCount = new Map<number, number>();

  constructor(options: OptimizerOptions = {}, extraKeys: readonly string[] = []) {
    const name = this.constructor.name;
    if (options === null || typeof options !== 'object') throw new ArgumentError(`${name}: options must be an object such as { learningRate: 0.1 }, got ${String(options)}.`);
    checkOptions(name, options, extraKeys);
    this.lr = checkNumber(name, 'learningRate', options.learningRate ?? 0.01);
    this.wd = checkNumber(name, 'wd', options.wd ?? 0);
    this.rescaleGrad = checkNumber(name, 'rescaleGrad', options.rescaleGrad ?? 1);
    this.clipGradient = options.clipGradient ?? null;
    if (this.clipGradient !== null) checkNumber(name, 'clipGradient', this.clipGradient);
    this.lrScheduler = options.lrScheduler ?? null;
    if (this.lrScheduler !== null && typeof this.lrScheduler !== 'function' && !(this.lrScheduler instanceof LRScheduler)) {
      throw new ArgumentError(`${name}: lrScheduler must be a scheduler (new lrScheduler.FactorScheduler({ step: 10, factor: 0.9 })) or a function (numUpdate) => learning rate.`);
    }
    // MXNet's Optimizer: an explicit learning rate becomes the scheduler's base rate.
    if (this.lrScheduler instanceof LRScheduler && options.learningRate !== undefined) this.lrScheduler.baseLr = this.lr;
    this.beginNumUpdate = options.beginNumUpdate ?? 0;
    this.numUpdate = this.beginNumUpdate;
    this.paramDict = options.paramDict ?? new Map();
  }

  /** Registers an Optimizer subclass under its lower-cased class name, for create() and Trainer('name'). */
  static register<C extends OptimizerClass>(klass: C): C {
    registry.set(klass.name.toLowerCase(), klass);
    return klass;
  }

  /** An optimizer by name (case-insensitive): 'sgd', 'nag', 'adam', 'adagrad', 'rmsprop', or a registered one. */
  static create(name: string, options: OptimizerOptions = {}): Optimizer {
    const klass = registry.get(String(name).toLowerCase());
    if (klass === undefined) {
      throw new ArgumentError(`Cannot find optimizer ${JSON.stringify(name) ?? typeof name} (Optimizer.create, as used by gluon.Trainer). Known optimizers: ${[...registry.keys()].map((k) => `'${k}'`).join(', ')}; or pass an Optimizer instance.`);
    }
    return new klass(options as never);
  }

  /** The current learning rate (the schedule's value when there is one). */
  get learningRate(): number {
    const s = this.lrScheduler;
    return s === null ? this.lr : s instanceof LRScheduler ? s.call(this.numUpdate) : s(this.numUpdate);
  }

  set learningRate(lr: number) {
    this.setLearningRate(lr);
  }

  /** Changes the learning rate for the following updates (MXNet's set_learning_rate). */
  setLearningRate(lr: number): void {
    if (this.lrScheduler !== null) {
      throw new GluonError(`${this.constructor.name}: an lrScheduler sets the learning rate; setLearningRate works only for optimizers without one.`);
    }
    this.lr = checkNumber(this.constructor.name, 'learningRate', lr);
  }

  /** Per-index learning-rate multipliers (Gluon parameters' own lrMult wins). */
  setLrMult(mults: Record<number, number>): void {
    this.lrMult = new Map(Object.entries(mults).map(([k, v]) => [Number(k), v]));
  }

  /** Sets per-parameter weight-decay multipliers (MXNet's set_wd_mult). */
  setWdMult(mults: Record<number, number>): void {
    this.wdMult = new Map(Object.entries(mults).map(([k, v]) => [Number(k), v]));
  }

  /** The auxiliary state of one parameter (momentum, moments...), created once, at its first update. */
  createState(_index: number, _weight: NDArray): OptimizerState {
    return null;
  }

  /** Updates `weight` in place from `grad` and `state`. Subclasses implement it. */
  update(_index: number, _weight: NDArray, _grad: NDArray, _state: OptimizerState): void {
    throw new GluonError(`${this.constructor.name}: update() is not defined. Subclasses of Optimizer implement update(index, weight, grad, state).`);
  }

  /** Counts one more update of parameter `index` (Adam's t). */
  protected updateCount(index: number): void {
    const n = (this.indexUpdateCount.get(index) ?? this.beginNumUpdate) + 1;
    this.indexUpdateCount.set(index, n);
    this.numUpdate = Math.max(n, this.numUpdate);
  }

  /** How many times parameter `index` was updated. */
  protected count(index: number): number {
    return this.indexUpdateCount.get(index) ?? this.beginNumUpdate;
  }

  /** lr * lrMult of the parameter. */
  protected getLr(index: number): number {
    const p = this.paramDict.get(index);
    return this.learningRate * (p !== undefined ? p.lrMult : (this.lrMult.get(index) ?? 1));
  }

  /** wd * wdMult of the parameter (Gluon decays biases too unless their wdMult is 0). */
  protected getWd(index: number): number {
    const p = this.paramDict.get(index);
    return this.wd * (p !== undefined ? p.wdMult : (this.wdMult.get(index) ?? 1));
  }

  /** MXNet passes clip_gradient to its kernels only when it is set and non-zero. */
  protected get clipping(): number | null {
    return this.clipGradient ? this.clipGradient : null;
  }

  /** The optimizer's name and settings. */
  toString(): string {
    return `${this.constructor.name}(learningRate=${this.learningRate}, wd=${this.wd}, rescaleGrad=${this.rescaleGrad})`;
  }
}

/** Narrows a state to the one array an optimizer made in createState. */
export function stateArray(owner: string, state: OptimizerState, i = 0): NDArray {
  const s = Array.isArray(state) ? state[i] : i === 0 ? state : null;
  if (s === null || s === undefined) throw new GluonError(`${owner}: the optimizer state is missing; it must come from createState().`);
  return s;
}
