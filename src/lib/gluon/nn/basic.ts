/**
 * Gluon's small basic layers: Flatten, Dropout, Embedding and Lambda (a function as a block).
 */
import { nd } from '../../nd/index';
import { NDArray } from '../../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import { expectArray } from '../../nd/ops/operand';
import { isTraining } from '../../autograd/state';
import { Block, layerOptions, type BlockOptions } from '../block';
import type { InitSpec, Parameter } from '../parameter';
import { pyFloat, pyTuple } from '../../nd/py-repr';

/** (batch, a, b, ...) -> (batch, a*b*...), e.g. between convolutions and dense layers. */
export class Flatten extends Block {
  override forward(x: NDArray): NDArray {
    return expectArray(`${this.name}: Flatten`, 'the input', x).flatten(); // (batch, features)
  }

  override toString(): string {
    return 'Flatten';
  }
}

export interface DropoutOptions extends BlockOptions {
  /** Axes along which one mask value is shared (e.g. [0] for one mask per feature across the batch); default none. */
  axes?: number[];
}

/**
 * Inverted dropout: each unit is zeroed with probability p and the kept ones are scaled by
 * 1/(1-p), so the expected output equals the input. The mask is drawn from the library's
 * seeded generator (nd.random.seed makes it reproducible). `mask` broadcasts over `axes`.
 */
export function dropout(x: NDArray, p: number, axes: readonly number[] = []): NDArray {
  if (p === 0) return x;
  return nd.scope(() => {
    const maskShape = x.shape.map((d, a) => (axes.includes(a) ? 1 : d));
    if (p === 1) return x.mul(nd.zeros(maskShape)); // everything dropped (1/(1-p) would be infinite)
    // keep with probability 1-p:  y = x * [u < 1-p] / (1-p)   dL/dx = dL/dy * mask / (1-p)
    const mask = nd.random.uniform(0, 1, maskShape).less(1 - p).mul(1 / (1 - p));
    return x.mul(mask);
  });
}

/** Dropout(rate): random zeroing during training (inside autograd.record), identity when predicting. */
export class Dropout extends Block {
  readonly axes: number[];

  constructor(
    readonly rate: number,
    options: DropoutOptions = {},
  ) {
    super(layerOptions('Dropout', options, ['axes']));
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      throw new ArgumentError(`Dropout: rate must be a number in [0, 1] (the fraction of units to drop), got ${String(rate)}.`);
    }
    const axes = options.axes ?? [];
    if (!Array.isArray(axes) || !axes.every((a) => Number.isInteger(a) && a >= 0)) {
      throw new ArgumentError(`Dropout: axes must be a list of non-negative axis numbers, got ${JSON.stringify(axes)}.`);
    }
    this.axes = [...axes];
  }

  override forward(x: NDArray): NDArray {
    expectArray(`${this.name}: Dropout`, 'the input', x);
    const bad = this.axes.find((a) => a >= x.ndim);
    if (bad !== undefined) throw new ShapeError(`${this.name}: Dropout shares its mask along axis ${bad}, but the input ${fmtShape(x.shape)} has only ${x.ndim} axes.`);
    // Predicting: a new array with the input's values (MXNet's identity returns a new NDArray; giving back
    // the input itself would make y.backward() on it fail when x has attachGrad()).
    return isTraining() && this.rate > 0 ? dropout(x, this.rate, this.axes) : x.copy();
  }

  /** Gluon's repr: `Dropout(p = 0.5, axes=())`. */
  override toString(): string {
    return `Dropout(p = ${pyFloat(this.rate)}, axes=${pyTuple(this.axes)})`;
  }
}

export interface EmbeddingOptions extends BlockOptions {
  weightInitializer?: InitSpec;
}

/**
 * Embedding(inputDim, outputDim): row i of the weight (inputDim, outputDim) is the vector of
 * token i; indices of any shape give that shape plus (outputDim,). The gradient flows to the
 * rows that were used (repeated indices add up).
 */
export class Embedding extends Block {
  /** The embedding table, shape (inputDim, outputDim). */
  readonly weight: Parameter;

  constructor(
    readonly inputDim: number,
    readonly outputDim: number,
    options: EmbeddingOptions = {},
  ) {
    super(layerOptions('Embedding', options, ['weightInitializer']));
    for (const [name, v] of [['inputDim', inputDim], ['outputDim', outputDim]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new ArgumentError(`Embedding: ${name} must be a positive integer, got ${String(v)}.`);
    }
    this.weight = this.params.get('weight', { shape: [inputDim, outputDim], init: options.weightInitializer });
  }

  override forward(x: NDArray): NDArray {
    expectArray(`${this.name}: Embedding`, 'the indices', x);
    return nd.take(this.weight.data(), x); // x.shape + (outputDim,)
  }

  /** Gluon's repr: `Embedding(28 -> 256, float32)`. */
  override toString(): string {
    return `Embedding(${this.inputDim} -> ${this.outputDim}, float32)`;
  }
}

/** Lambda(fn): wraps a function of arrays (or the name of an nd function, e.g. 'tanh') as a block. */
export class Lambda extends Block {
  private readonly fn: (...xs: NDArray[]) => NDArray;
  private readonly fnName: string;

  constructor(fn: ((...xs: NDArray[]) => NDArray) | string, options: BlockOptions = {}) {
    super(options);
    if (typeof fn === 'string') {
      const f = (nd as unknown as Record<string, unknown>)[fn];
      if (typeof f !== 'function') throw new ArgumentError(`Lambda: there is no function nd.${fn}; pass the name of an nd function (e.g. 'tanh') or a function.`);
      this.fn = f as (...xs: NDArray[]) => NDArray;
      this.fnName = fn;
    } else if (typeof fn === 'function') {
      this.fn = fn;
      this.fnName = fn.name || '<lambda>';
    } else {
      throw new ArgumentError(`Lambda: expected a function or the name of an nd function, got ${typeof fn}.`);
    }
  }

  override forward(...xs: NDArray[]): NDArray {
    const y = this.fn(...xs);
    if (!(y instanceof NDArray)) throw new ArgumentError(`${this.name}: the Lambda's function returned ${typeof y}, not an NDArray.`);
    return y;
  }

  /** Gluon's repr: `Lambda(tanh)`. */
  override toString(): string {
    return `Lambda(${this.fnName})`;
  }
}
