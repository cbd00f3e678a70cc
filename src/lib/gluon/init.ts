/**
 * Initializers, as MXNet's `mx.init`. An initializer fills a parameter's array in place; the
 * parameter's name decides the rule (Gluon's convention): `*weight` -> initWeight (the
 * initializer's own rule), `*bias`, `*beta`, `*mean` -> zeros, `*gamma`, `*var` -> ones.
 * Subclass `Initializer` and override `initWeight(name, data)` for a custom rule.
 */
import { nd } from '../nd/index';
import type { NDArray } from '../nd/ndarray';
import { ArgumentError } from '../nd/errors';

/** MXNet's Initializer: fills parameters by name (weights by its rule, biases 0, gammas 1); subclass it for a custom rule. */
export class Initializer {
  /** Fills `data` (in place, with data.set(...)) for the parameter called `name`. */
  apply(name: string, data: NDArray): void {
    if (name.endsWith('weight')) this.initWeight(name, data);
    else if (name.endsWith('bias') || name.endsWith('beta') || name.endsWith('mean')) this.initZero(name, data);
    else if (name.endsWith('gamma') || name.endsWith('var')) this.initOne(name, data);
    else this.initDefault(name, data);
  }

  /** Fills a weight in place; subclasses define their rule here. */
  initWeight(name: string, data: NDArray): void {
    throw new ArgumentError(`${this.constructor.name}: no rule for the weight '${name}' ${JSON.stringify(data.shape)}; subclasses of Initializer override initWeight(name, data).`);
  }

  /** Fills with 0 (biases, betas, running means). */
  initZero(_name: string, data: NDArray): void {
    data.set(0);
  }

  /** Fills with 1 (gammas, running variances). */
  initOne(_name: string, data: NDArray): void {
    data.set(1);
  }

  /** Parameters whose names follow no convention (e.g. made with params.get('scale')) get the weight rule. */
  initDefault(name: string, data: NDArray): void {
    this.initWeight(name, data);
  }

  /** The initializer's name, as MXNet prints it. */
  toString(): string {
    return `${this.constructor.name}()`;
  }
}

/** w ~ U(-scale, scale); Gluon's default (scale 0.07). */
export class Uniform extends Initializer {
  constructor(readonly scale = 0.07) {
    super();
  }
  override initWeight(_name: string, data: NDArray): void {
    data.set(nd.random.uniform(-this.scale, this.scale, data.shape));
  }
}

/** w ~ N(0, sigma^2). */
export class Normal extends Initializer {
  constructor(readonly sigma = 0.01) {
    super();
  }
  override initWeight(_name: string, data: NDArray): void {
    data.set(nd.random.normal(0, this.sigma, data.shape));
  }
}

/** Every element of every parameter set to `value` (weights and biases alike, as MXNet's Constant). */
export class Constant extends Initializer {
  constructor(readonly value: number) {
    super();
  }
  override apply(_name: string, data: NDArray): void {
    data.set(this.value);
  }
}

/** MXNet's Zero: fills with 0. */
export class Zero extends Constant {
  constructor() {
    super(0);
  }
}

/** MXNet's One: fills with 1. */
export class One extends Constant {
  constructor() {
    super(1);
  }
}

export interface XavierOptions {
  rndType?: 'uniform' | 'gaussian';
  factorType?: 'avg' | 'in' | 'out';
  magnitude?: number;
}

/**
 * Xavier/Glorot: keeps the variance of activations and gradients about equal across layers.
 * With fanIn = shape[1] * receptive field and fanOut = shape[0] * receptive field, and
 * factor = (fanIn + fanOut)/2 (avg), scale = sqrt(magnitude / factor): uniform draws
 * U(-scale, scale), gaussian draws N(0, scale^2). magnitude 3 with uniform gives Var = 2/(fanIn+fanOut).
 */
export class Xavier extends Initializer {
  /** 'uniform' or 'gaussian' draws. */
  readonly rndType: 'uniform' | 'gaussian';
  /** Which fan scales the range: 'avg', 'in' or 'out'. */
  readonly factorType: 'avg' | 'in' | 'out';
  /** The scale of the range (default 3). */
  readonly magnitude: number;
  constructor(options: XavierOptions = {}) {
    super();
    this.rndType = options.rndType ?? 'uniform';
    this.factorType = options.factorType ?? 'avg';
    this.magnitude = options.magnitude ?? 3;
  }
  override initWeight(name: string, data: NDArray): void {
    const shape = data.shape;
    if (shape.length < 2) {
      throw new ArgumentError(`Xavier: the weight '${name}' has shape ${JSON.stringify(shape)}; Xavier needs at least 2 dimensions (fan-out, fan-in, ...).`);
    }
    const receptive = shape.slice(2).reduce((p, d) => p * d, 1);
    const fanIn = shape[1]! * receptive;
    const fanOut = shape[0]! * receptive;
    const factor = this.factorType === 'avg' ? (fanIn + fanOut) / 2 : this.factorType === 'in' ? fanIn : fanOut;
    const scale = Math.sqrt(this.magnitude / factor);
    data.set(this.rndType === 'uniform' ? nd.random.uniform(-scale, scale, shape) : nd.random.normal(0, scale, shape));
  }
}

export const init = { Initializer, Uniform, Normal, Constant, Zero, One, Xavier };
