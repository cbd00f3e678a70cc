/**
 * Gluon's ArrayDataset: zips arrays of equal length. `new ArrayDataset(features, labels)`
 * has examples `[features[i], labels[i]]`; with one array, the examples are its elements
 * themselves (not 1-tuples), as in Gluon.
 *
 * Columns may be NDArrays (the example is the row `x[i]`; a 1-D array gives numbers, as Gluon
 * turns 1-D NDArrays into NumPy arrays), plain or typed arrays of numbers, nested number lists
 * (made into a float32 NDArray), or lists of anything else (kept as they are).
 *
 * Batches are gathered column by column, not example by example: one `take` per NDArray
 * column and one upload per number column, so a batch of 256 costs a few tensor ops.
 */
import { NDArray } from '../../nd/ndarray';
import { ArgumentError, SyncReadError } from '../../nd/errors';
import { array as ndArray } from '../../nd/ops/creation';
import { take } from '../../nd/ops/indexing';
import { stack } from '../../nd/ops/shape';
import { resolveSlice } from '../../nd/ops/index-parse';
import { numbersToArray } from './batchify';
import { checkIndex, Dataset } from './dataset';

export type ArrayColumn = NDArray | ArrayLike<unknown>;

type Column =
  | { kind: 'ndarray'; x: NDArray; host: Float32Array | Int32Array | null }
  | { kind: 'numbers'; values: ArrayLike<number>; dtype: 'int32' | 'float32' | null }
  | { kind: 'ndarrays'; items: readonly NDArray[] }
  | { kind: 'items'; items: readonly unknown[] };

function isNumberList(a: ArrayLike<unknown>): boolean {
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'number') return false;
  return true;
}

function isNestedNumbers(v: unknown): boolean {
  return Array.isArray(v) ? v.every(isNestedNumbers) : typeof v === 'number';
}

const INT_ARRAYS = [Int32Array, Int16Array, Int8Array, Uint16Array, Uint8Array, Uint8ClampedArray];

function toColumn(a: unknown, k: number): Column {
  if (a instanceof NDArray) return { kind: 'ndarray', x: a, host: null };
  if (ArrayBuffer.isView(a) && !(a instanceof DataView)) {
    const typed = a as unknown as ArrayLike<number>;
    return { kind: 'numbers', values: typed, dtype: INT_ARRAYS.some((C) => a instanceof C) ? 'int32' : 'float32' };
  }
  if (Array.isArray(a)) {
    if (isNumberList(a)) return { kind: 'numbers', values: a as number[], dtype: null };
    if (a.length > 0 && a.every((v) => v instanceof NDArray)) return { kind: 'ndarrays', items: a as NDArray[] };
    if (a.length > 0 && a.every((v) => Array.isArray(v)) && isNestedNumbers(a)) return { kind: 'ndarray', x: ndArray(a as number[][]).keep(), host: null };
    return { kind: 'items', items: a };
  }
  throw new ArgumentError(`ArrayDataset: argument ${k} must be an NDArray or an array (plain or typed), got ${a === null ? 'null' : typeof a}.`);
}

function columnLength(c: Column): number {
  switch (c.kind) {
    case 'ndarray':
      return c.x.shape[0]!;
    case 'numbers':
      return c.values.length;
    default:
      return c.items.length;
  }
}

/** Gluon's ArrayDataset: zips arrays of equal length; item i is (a[i], b[i], ...). */
export class ArrayDataset extends Dataset<unknown> {
  private readonly columns: Column[];
  private readonly n: number;

  constructor(...arrays: ArrayColumn[]) {
    super();
    if (arrays.length === 0) throw new ArgumentError('ArrayDataset: needs at least one array, e.g. new ArrayDataset(features, labels).');
    this.columns = arrays.map(toColumn);
    this.n = columnLength(this.columns[0]!);
    this.columns.forEach((c, k) => {
      const len = columnLength(c);
      if (len !== this.n) {
        throw new ArgumentError(`ArrayDataset: all arrays must have the same length; array 0 has length ${this.n} while array ${k} has ${len}.`);
      }
    });
  }

  get length(): number {
    return this.n;
  }

  /**
   * The i-th example; a slice string ('0:9', '::2') gives the selected rows of every array
   * instead (NDArray rows as an NDArray, numbers as a list), as Gluon's `dataset[0:9]`.
   */
  get(i: number | string): unknown {
    if (typeof i === 'string') {
      const { start, step, count } = resolveSlice('ArrayDataset.get', i, 0, this.n);
      const idx = Array.from({ length: count }, (_, k) => start + k * step);
      return this.pack(this.columns.map((c) => this.rows(c, idx)));
    }
    const j = checkIndex('ArrayDataset.get', i, this.n);
    return this.pack(this.columns.map((c) => this.element(c, j)));
  }

  override batchOf(indices: readonly number[]): unknown {
    const parts: unknown[] = [];
    for (const c of this.columns) {
      switch (c.kind) {
        case 'ndarray':
          parts.push(take(c.x, indices as number[])); // (batch, ...rest): one gather
          break;
        case 'numbers':
          parts.push(numbersToArray(indices.map((j) => c.values[j]!), c.dtype ?? undefined));
          break;
        case 'ndarrays':
          parts.push(stack(indices.map((j) => c.items[j]!)));
          break;
        case 'items':
          return null; // let the batchify function decide what a batch of these is
      }
    }
    return this.pack(parts);
  }

  private pack(parts: unknown[]): unknown {
    return parts.length === 1 ? parts[0] : parts;
  }

  private element(c: Column, j: number): unknown {
    switch (c.kind) {
      case 'ndarray':
        return c.x.ndim === 1 ? this.host(c)[j]! : c.x.get(j);
      case 'numbers':
        return c.values[j];
      default:
        return c.items[j];
    }
  }

  private rows(c: Column, idx: number[]): unknown {
    switch (c.kind) {
      case 'ndarray':
        return c.x.ndim === 1 ? idx.map((j) => this.host(c)[j]!) : take(c.x, idx);
      case 'numbers':
        return idx.map((j) => c.values[j]!);
      default:
        return idx.map((j) => c.items[j]);
    }
  }

  /** A 1-D NDArray's values on the host, read once (Gluon copies them to NumPy at construction). */
  private host(c: Extract<Column, { kind: 'ndarray' }>): Float32Array | Int32Array {
    if (c.host === null) {
      try {
        c.host = c.x.dataSync();
      } catch (e) {
        if (!(e instanceof SyncReadError)) throw e;
        throw new SyncReadError(
          `ArrayDataset.get: this dataset has a 1-D NDArray column, whose elements are numbers that must be read from ${c.x.context}, ` +
            'where synchronous reads are not possible. Iterate it with a DataLoader (batches are gathered on the device), ' +
            'or build the dataset from the values: new ArrayDataset(features, await labels.data()).',
        );
      }
    }
    return c.host;
  }
}
