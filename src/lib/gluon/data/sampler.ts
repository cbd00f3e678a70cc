/**
 * Samplers, as Gluon's gluon.data.sampler: which example indices an epoch visits, in which
 * order, and how they are grouped into batches.
 */
import { ArgumentError } from '../../nd/errors';
import { permutation } from '../../nd/ops/random';

/** Anything with a length that yields indices (or, for batch samplers, lists of indices). */
export interface Sampler<T = number> extends Iterable<T> {
  /** The number of indices one pass yields. */
  readonly length: number;
}

function checkCount(op: string, name: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new ArgumentError(`${op}: ${name} must be an integer >= ${min}, got ${typeof v === 'number' ? v : JSON.stringify(v) ?? typeof v}.`);
  }
  return v;
}

/** 0, 1, ..., length - 1 in order. */
export class SequentialSampler implements Sampler {
  /** The number of indices one pass yields. */
  readonly length: number;
  constructor(length: number) {
    this.length = checkCount('SequentialSampler', 'length', length, 0);
  }
  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.length; i++) yield i;
  }
}

/**
 * 0..length-1 in a new random order each epoch, drawn from the library's seeded generator:
 * after `nd.random.seed(s)` the order of every epoch is reproducible.
 */
export class RandomSampler implements Sampler {
  /** The number of indices one pass yields. */
  readonly length: number;
  constructor(length: number) {
    this.length = checkCount('RandomSampler', 'length', length, 0);
  }
  *[Symbol.iterator](): Iterator<number> {
    yield* permutation(this.length);
  }
}

export type LastBatch = 'keep' | 'discard' | 'rollover';

/**
 * Groups a sampler's indices into lists of `batchSize`. The last, shorter list is yielded
 * ('keep'), dropped ('discard'), or carried over to the front of the next epoch ('rollover').
 */
export class BatchSampler implements Sampler<number[]> {
  private readonly batchSize: number;
  private prev: number[] = [];

  constructor(
    private readonly sampler: Sampler,
    batchSize: number,
    private readonly lastBatch: LastBatch = 'keep',
  ) {
    this.batchSize = checkCount('BatchSampler', 'batchSize', batchSize, 1);
    if (!['keep', 'discard', 'rollover'].includes(lastBatch)) {
      throw new ArgumentError(`BatchSampler: lastBatch must be one of 'keep', 'discard' or 'rollover', got ${JSON.stringify(lastBatch)}.`);
    }
  }

  *[Symbol.iterator](): Iterator<number[]> {
    let batch = this.prev;
    this.prev = [];
    for (const i of this.sampler) {
      batch.push(i);
      if (batch.length === this.batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) {
      if (this.lastBatch === 'keep') yield batch;
      else if (this.lastBatch === 'rollover') this.prev = batch;
    }
  }

  /** Batches in the next epoch. */
  get length(): number {
    const n = this.sampler.length;
    switch (this.lastBatch) {
      case 'keep':
        return Math.ceil(n / this.batchSize);
      case 'discard':
        return Math.floor(n / this.batchSize);
      case 'rollover':
        return Math.floor((this.prev.length + n) / this.batchSize);
    }
  }
}
