/**
 * Learning-rate schedules, as MXNet's `mx.lr_scheduler` (cells see them as `lrScheduler`). A
 * scheduler maps the number of updates so far, t, to a learning rate; an optimizer given one
 * (`lrScheduler` option) asks it at every step. Each may start with a warm-up of `warmupSteps`
 * updates, from `warmupBeginLr` to `baseLr` (linearly, or constant at `warmupBeginLr`):
 *
 *   warm-up (t < w):   lr = warmupBeginLr + (baseLr - warmupBeginLr) t / w
 *   FactorScheduler:   lr = baseLr * factor^k once t > k * step (never below stopFactorLr)
 *   MultiFactor:       lr = baseLr * factor^k once t has passed k of the steps
 *   PolyScheduler:     lr = finalLr + (baseLr - finalLr) (1 - (t - w) / (T - w))^pwr,  t <= T
 *   CosineScheduler:   lr = finalLr + (baseLr - finalLr) (1 + cos(pi (t - w) / (T - w))) / 2
 *
 * As in MXNet, Factor and MultiFactor keep their state (they multiply baseLr as t passes each
 * step, so t should only grow), and Poly and Cosine remember the baseLr they were made with.
 * An optimizer created with an explicit learningRate sets the scheduler's baseLr to it (MXNet's
 * Optimizer does the same).
 */
import { ArgumentError } from '../../nd/errors';

export interface LRSchedulerOptions {
  /** The learning rate after the warm-up (default 0.01). */
  baseLr?: number;
  /** Updates of warm-up (default 0: none). */
  warmupSteps?: number;
  /** The learning rate the warm-up starts from (default 0). */
  warmupBeginLr?: number;
  /** 'linear' (default) rises to baseLr; 'constant' stays at warmupBeginLr. */
  warmupMode?: 'linear' | 'constant';
}

const BASE_KEYS = ['baseLr', 'warmupSteps', 'warmupBeginLr', 'warmupMode'] as const;

function checkKeys(name: string, options: object, extra: readonly string[]): void {
  const known = [...BASE_KEYS, ...extra];
  for (const k of Object.keys(options)) {
    if (!known.includes(k)) {
      const camel = k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      const hint = camel !== k && known.includes(camel) ? ` Did you mean ${camel}? Options are camelCase here.` : '';
      throw new ArgumentError(`${name}: unknown option '${k}'.${hint} Known options: ${known.join(', ')}.`);
    }
  }
}

function finite(name: string, key: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ArgumentError(`${name}: ${key} must be a finite number, got ${String(v)}.`);
  return v;
}

function positiveInt(name: string, key: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ArgumentError(`${name}: ${key} must be an integer of at least 1, got ${String(v)}.`);
  return v;
}

/** MXNet's LRScheduler: the base of the schedules; `call(numUpdate)` gives the learning rate. */
export class LRScheduler {
  baseLr: number;
  readonly warmupSteps: number;
  readonly warmupBeginLr: number;
  readonly warmupFinalLr: number;
  readonly warmupMode: 'linear' | 'constant';

  constructor(options: LRSchedulerOptions = {}, extraKeys: readonly string[] = []) {
    const name = this.constructor.name;
    if (options === null || typeof options !== 'object') throw new ArgumentError(`${name}: options must be an object, got ${String(options)}.`);
    checkKeys(name, options, extraKeys);
    this.baseLr = finite(name, 'baseLr', options.baseLr ?? 0.01);
    const w = options.warmupSteps ?? 0;
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0) throw new ArgumentError(`${name}: warmupSteps must be an integer of at least 0, got ${String(w)}.`);
    this.warmupSteps = w;
    this.warmupFinalLr = this.baseLr;
    this.warmupBeginLr = finite(name, 'warmupBeginLr', options.warmupBeginLr ?? 0);
    if (this.warmupBeginLr > this.warmupFinalLr) throw new ArgumentError(`${name}: baseLr (${this.baseLr}) must be at least warmupBeginLr (${this.warmupBeginLr}).`);
    const mode = options.warmupMode ?? 'linear';
    if (mode !== 'linear' && mode !== 'constant') throw new ArgumentError(`${name}: warmupMode must be 'linear' or 'constant', got ${String(mode)}.`);
    this.warmupMode = mode;
  }

  /** The learning rate during the warm-up (numUpdate < warmupSteps). */
  getWarmupLr(numUpdate: number): number {
    if (this.warmupMode === 'constant') return this.warmupBeginLr;
    return this.warmupBeginLr + ((this.warmupFinalLr - this.warmupBeginLr) * numUpdate) / this.warmupSteps;
  }

  /** The learning rate after `numUpdate` updates (MXNet's __call__). */
  call(numUpdate: number): number {
    if (numUpdate < this.warmupSteps) return this.getWarmupLr(numUpdate);
    return this.baseLr;
  }

  /** The schedule as a function, for code that takes (numUpdate) => lr. */
  asFunction(): (numUpdate: number) => number {
    return (t) => this.call(t);
  }

  toString(): string {
    return `${this.constructor.name}(baseLr=${this.baseLr})`;
  }
}

export interface FactorSchedulerOptions extends LRSchedulerOptions {
  /** Updates between two reductions (at least 1). */
  step: number;
  /** Multiplies the rate at each reduction (at most 1; default 1). */
  factor?: number;
  /** The rate never falls below this (default 1e-8). */
  stopFactorLr?: number;
}

/** Multiplies the learning rate by `factor` every `step` updates. */
export class FactorScheduler extends LRScheduler {
  readonly step: number;
  readonly factor: number;
  readonly stopFactorLr: number;
  /** The update count of the last reduction. */
  count = 0;

  constructor(options: FactorSchedulerOptions) {
    super(options, ['step', 'factor', 'stopFactorLr']);
    this.step = positiveInt('FactorScheduler', 'step', options.step);
    this.factor = finite('FactorScheduler', 'factor', options.factor ?? 1);
    if (this.factor > 1) throw new ArgumentError(`FactorScheduler: factor must be at most 1 so that the rate falls, got ${this.factor}.`);
    this.stopFactorLr = finite('FactorScheduler', 'stopFactorLr', options.stopFactorLr ?? 1e-8);
  }

  override call(numUpdate: number): number {
    if (numUpdate < this.warmupSteps) return this.getWarmupLr(numUpdate);
    while (numUpdate > this.count + this.step) {
      this.count += this.step;
      this.baseLr = Math.max(this.baseLr * this.factor, this.stopFactorLr);
    }
    return this.baseLr;
  }
}

export interface MultiFactorSchedulerOptions extends LRSchedulerOptions {
  /** The update counts after which the rate is reduced, increasing. */
  step: number[];
  factor?: number;
}

/** Multiplies the learning rate by `factor` after each of the given update counts. */
export class MultiFactorScheduler extends LRScheduler {
  readonly step: number[];
  readonly factor: number;
  curStepInd = 0;
  count = 0;

  constructor(options: MultiFactorSchedulerOptions) {
    super(options, ['step', 'factor']);
    const steps = options.step;
    if (!Array.isArray(steps) || steps.length === 0) throw new ArgumentError(`MultiFactorScheduler: step must be a non-empty array of increasing update counts, got ${String(steps)}.`);
    steps.forEach((s, i) => {
      positiveInt('MultiFactorScheduler', `step[${i}]`, s);
      if (i > 0 && s <= steps[i - 1]!) throw new ArgumentError(`MultiFactorScheduler: step must increase, but step[${i}] = ${s} follows ${steps[i - 1]}.`);
    });
    this.step = steps.slice();
    this.factor = finite('MultiFactorScheduler', 'factor', options.factor ?? 1);
    if (this.factor > 1) throw new ArgumentError(`MultiFactorScheduler: factor must be at most 1 so that the rate falls, got ${this.factor}.`);
  }

  override call(numUpdate: number): number {
    if (numUpdate < this.warmupSteps) return this.getWarmupLr(numUpdate);
    while (this.curStepInd < this.step.length && numUpdate > this.step[this.curStepInd]!) {
      this.count = this.step[this.curStepInd]!;
      this.curStepInd++;
      this.baseLr *= this.factor;
    }
    return this.baseLr;
  }
}

export interface PolySchedulerOptions extends LRSchedulerOptions {
  /** Updates until the rate reaches finalLr. */
  maxUpdate: number;
  /** The power of the decay (default 2). */
  pwr?: number;
  finalLr?: number;
}

/** Decays the learning rate polynomially to finalLr at maxUpdate. */
export class PolyScheduler extends LRScheduler {
  readonly power: number;
  readonly baseLrOrig: number;
  readonly maxUpdate: number;
  readonly finalLr: number;
  readonly maxSteps: number;

  constructor(options: PolySchedulerOptions) {
    super(options, ['maxUpdate', 'pwr', 'finalLr']);
    this.maxUpdate = positiveInt('PolyScheduler', 'maxUpdate', options.maxUpdate);
    this.power = finite('PolyScheduler', 'pwr', options.pwr ?? 2);
    this.finalLr = finite('PolyScheduler', 'finalLr', options.finalLr ?? 0);
    this.baseLrOrig = this.baseLr;
    this.maxSteps = this.maxUpdate - this.warmupSteps;
    if (this.maxSteps < 1) throw new ArgumentError(`PolyScheduler: maxUpdate (${this.maxUpdate}) must exceed warmupSteps (${this.warmupSteps}).`);
  }

  override call(numUpdate: number): number {
    if (numUpdate < this.warmupSteps) return this.getWarmupLr(numUpdate);
    if (numUpdate <= this.maxUpdate) {
      this.baseLr = this.finalLr + (this.baseLrOrig - this.finalLr) * (1 - (numUpdate - this.warmupSteps) / this.maxSteps) ** this.power;
    }
    return this.baseLr;
  }
}

export interface CosineSchedulerOptions extends LRSchedulerOptions {
  /** Updates until the rate reaches finalLr. */
  maxUpdate: number;
  finalLr?: number;
}

/** Half a cosine from baseLr down to finalLr over maxUpdate updates (Loshchilov and Hutter's SGDR, one cycle). */
export class CosineScheduler extends LRScheduler {
  readonly baseLrOrig: number;
  readonly maxUpdate: number;
  readonly finalLr: number;
  readonly maxSteps: number;

  constructor(options: CosineSchedulerOptions) {
    super(options, ['maxUpdate', 'finalLr']);
    this.maxUpdate = positiveInt('CosineScheduler', 'maxUpdate', options.maxUpdate);
    this.finalLr = finite('CosineScheduler', 'finalLr', options.finalLr ?? 0);
    this.baseLrOrig = this.baseLr;
    this.maxSteps = this.maxUpdate - this.warmupSteps;
    if (this.maxSteps < 1) throw new ArgumentError(`CosineScheduler: maxUpdate (${this.maxUpdate}) must exceed warmupSteps (${this.warmupSteps}).`);
  }

  override call(numUpdate: number): number {
    if (numUpdate < this.warmupSteps) return this.getWarmupLr(numUpdate);
    if (numUpdate <= this.maxUpdate) {
      this.baseLr = this.finalLr + ((this.baseLrOrig - this.finalLr) * (1 + Math.cos((Math.PI * (numUpdate - this.warmupSteps)) / this.maxSteps))) / 2;
    }
    return this.baseLr;
  }
}

export const lrScheduler = { LRScheduler, FactorScheduler, MultiFactorScheduler, PolyScheduler, CosineScheduler };
