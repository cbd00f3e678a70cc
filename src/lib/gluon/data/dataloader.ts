/**
 * Gluon's DataLoader: iterates a dataset in mini-batches.
 *
 *   const trainIter = new gluon.data.DataLoader(mnistTrain.transformFirst(new ToTensor()),
 *                                               { batchSize: 256, shuffle: true });
 *   for (const [X, y] of trainIter) { ... }          // X: (256, 1, 28, 28), y: (256,)
 *   trainIter.length                                  // batches per epoch: 235
 *
 * Each `for...of` is one epoch. Shuffling draws from the library's seeded generator, so
 * `nd.random.seed(s)` makes the order reproducible. `lastBatch` says what happens to the
 * shorter last batch: 'keep' (default), 'discard', or 'rollover' (its examples start the next
 * epoch).
 *
 * Speed: with the default batchify, a batch is gathered whole when the dataset can
 * (ArrayDataset: one `take` per NDArray; FashionMNIST: one upload from the raw bytes) and a
 * batch-capable transform (the vision transforms, or `{ batched: true }`) runs once per
 * batch. Otherwise examples are read one by one with `get(i)` and stacked.
 */
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError } from '../../nd/errors';
import { ndScope } from '../../nd/lifetime';
import { defaultBatchifyFn } from './batchify';
import type { Dataset } from './dataset';
import { BatchSampler, RandomSampler, SequentialSampler, type LastBatch, type Sampler } from './sampler';

export interface DataLoaderOptions {
  /** Examples per batch (required unless batchSampler is given). */
  batchSize?: number;
  /** A new random order each epoch (default false). */
  shuffle?: boolean;
  /** Your own order of example indices (then shuffle must be left out). */
  sampler?: Sampler<number>;
  /** What to do with the shorter last batch: 'keep' (default), 'discard', 'rollover'. */
  lastBatch?: LastBatch;
  /** Your own lists of indices, one per batch (then batchSize, shuffle, sampler, lastBatch must be left out). */
  batchSampler?: Sampler<number[]>;
  /** Makes a batch from a list of examples (default: stack NDArrays, batch tuples field by field). */
  batchify?: (examples: unknown[]) => unknown;
  /** Accepted for Gluon compatibility and ignored: batches are made in the kernel's own thread. */
  numWorkers?: number;
  /** Accepted for Gluon compatibility and ignored. */
  pinMemory?: boolean;
  /** Accepted for Gluon compatibility and ignored. */
  threadPool?: boolean;
}

const OPTION_NAMES = ['batchSize', 'shuffle', 'sampler', 'lastBatch', 'batchSampler', 'batchify', 'numWorkers', 'pinMemory', 'threadPool'];

function checkOptions(options: unknown): DataLoaderOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') {
    throw new ArgumentError(`DataLoader: the second argument is an options object such as { batchSize: 256, shuffle: true }, got ${options === null ? 'null' : typeof options}.`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.includes(key)) {
      const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      const hint = OPTION_NAMES.includes(camel) ? ` Did you mean ${camel}?` : '';
      throw new ArgumentError(`DataLoader: unknown option '${key}'.${hint} Options: ${OPTION_NAMES.join(', ')}.`);
    }
  }
  return options as DataLoaderOptions;
}

/** B, the batch type, defaults to NDArray[] ([X, y]); a dataset of single arrays gives NDArray batches. */
export class DataLoader<B = NDArray[]> implements Iterable<B> {
  /** The dataset the batches are drawn from. */
  readonly dataset: Dataset<unknown>;
  private readonly batchSampler: Sampler<number[]>;
  private readonly batchify: ((examples: unknown[]) => unknown) | null;

  constructor(dataset: Dataset<unknown>, options?: DataLoaderOptions) {
    const o = checkOptions(options);
    if (dataset === null || typeof dataset !== 'object' || typeof (dataset as { get?: unknown }).get !== 'function') {
      throw new ArgumentError('DataLoader: the first argument must be a dataset (with length and get(i)), e.g. new gluon.data.ArrayDataset(X, y).');
    }
    const n = dataset.length;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new ArgumentError(`DataLoader: the dataset's length must be a non-negative integer, got ${String(n)}. A Dataset subclass defines 'get length()'.`);
    }
    this.dataset = dataset;
    if (o.batchSampler === undefined) {
      if (o.batchSize === undefined) throw new ArgumentError('DataLoader: batchSize must be given unless batchSampler is, e.g. { batchSize: 256 }.');
      let sampler = o.sampler;
      if (sampler === undefined) sampler = o.shuffle ? new RandomSampler(n) : new SequentialSampler(n);
      else if (o.shuffle) throw new ArgumentError('DataLoader: shuffle must not be given together with sampler (the sampler decides the order).');
      this.batchSampler = new BatchSampler(sampler, o.batchSize, o.lastBatch ?? 'keep');
    } else {
      if (o.batchSize !== undefined || o.shuffle || o.sampler !== undefined || o.lastBatch !== undefined) {
        throw new ArgumentError('DataLoader: batchSize, shuffle, sampler and lastBatch must not be given together with batchSampler (it makes the batches).');
      }
      this.batchSampler = o.batchSampler;
    }
    if (o.batchify !== undefined && typeof o.batchify !== 'function') {
      throw new ArgumentError(`DataLoader: batchify must be a function (examples) => batch, got ${typeof o.batchify}.`);
    }
    this.batchify = o.batchify ?? null;
  }

  /** Batches per epoch (with 'rollover', in the next epoch). */
  get length(): number {
    return this.batchSampler.length;
  }

  *[Symbol.iterator](): Iterator<B> {
    for (const indices of this.batchSampler) yield this.batch(indices);
  }

  private batch(indices: readonly number[]): B {
    const n = this.dataset.length;
    for (const i of indices) {
      if (!Number.isInteger(i) || i < 0 || i >= n) throw new ArgumentError(`DataLoader: the sampler gave index ${i}, outside the dataset's 0..${n - 1}.`);
    }
    // The scope frees the per-example arrays and temporaries once the batch is made.
    return ndScope(() => {
      if (this.batchify === null) {
        const whole = this.dataset.batchOf(indices);
        if (whole !== null) return whole;
      }
      const examples = indices.map((i) => this.dataset.get(i));
      return (this.batchify ?? defaultBatchifyFn)(examples);
    }) as B;
  }
}
