/**
 * Fashion-MNIST (Xiao, Rasul & Vollgraf, 2017): 28x28 grey images of clothes in 10 classes,
 * 60,000 for training and 10,000 for testing, read from the real IDX files in public/data.
 *
 *   const mnistTrain = await gluon.data.vision.FashionMNIST.create({ train: true });
 *   const [feature, label] = mnistTrain.get(0);   // (28, 28, 1) int32 NDArray, a number
 *   const [X, y] = mnistTrain.get('0:9');          // (9, 28, 28, 1) and a list of 9 labels
 *
 * Why `await ...create()` and not `new FashionMNIST()` as in Gluon: the files come from disk
 * or through the page (the kernel's sandbox cannot fetch), and are decompressed with
 * DecompressionStream — all asynchronous, and a JavaScript constructor cannot wait.
 *
 * Examples are as Gluon's: an image of shape (28, 28, 1) (height, width, channel) with values
 * 0..255, and an integer label 0..9. Gluon's images are uint8; this library has float32 and
 * int32, so they are int32. The dataset keeps the raw bytes (47 MB for the training set, a
 * quarter of an int32 or float32 copy) in JavaScript memory, not on the device, and makes
 * tensors only for the examples and batches asked for: a DataLoader batch is one upload of
 * the gathered bytes (and labels) and, with a batch-capable transform, one transform.
 */
import { tf } from '../../../engine/tf';
import { AssetError, gunzip, isGzip, loadAsset } from '../../../assets';
import { NDArray } from '../../../nd/ndarray';
import { ArgumentError } from '../../../nd/errors';
import { resolveSlice } from '../../../nd/ops/index-parse';
import { GluonError } from '../../errors';
import { checkIndex, Dataset } from '../dataset';
import { applyTransform, checkTransform, isBatchable, type Transform } from '../transform';
import { parseIdx } from './idx';

export interface FashionMNISTOptions {
  /** The 60,000 training examples (default) or the 10,000 test examples. */
  train?: boolean;
  /** Called with (image, label) for each example; returns the new example, e.g. [f(image), label]. */
  transform?: Transform;
  /** The folder of the four .gz files, relative to public/data (default 'fashion-mnist'). */
  root?: string;
}

interface RawSet {
  /** n * rows * cols bytes, row-major. */
  images: Uint8Array;
  labels: Uint8Array;
  rows: number;
  cols: number;
}

const CREATE = Symbol('FashionMNIST.create');
const cache = new Map<string, Promise<RawSet>>();

async function readIdx(path: string, ndim: number): Promise<ReturnType<typeof parseIdx>> {
  const bytes = await loadAsset(path);
  let raw: Uint8Array;
  // Servers may send .gz files with Content-Encoding: gzip (Vite's does): fetch then returns them decompressed.
  try {
    raw = isGzip(bytes) ? await gunzip(bytes) : bytes;
  } catch (e) {
    throw new AssetError(`${path}: ${(e as Error).message} Run \`npm run data\` to download and verify the file again.`);
  }
  return parseIdx(raw, ndim, path);
}

async function readSet(root: string, train: boolean): Promise<RawSet> {
  const stem = train ? 'train' : 't10k';
  const [images, labels] = await Promise.all([
    readIdx(`${root}/${stem}-images-idx3-ubyte.gz`, 3),
    readIdx(`${root}/${stem}-labels-idx1-ubyte.gz`, 1),
  ]);
  const [n, rows, cols] = images.dims as [number, number, number];
  if (labels.dims[0] !== n) {
    throw new AssetError(`FashionMNIST: ${root}/${stem}-images has ${n} images but ${root}/${stem}-labels has ${labels.dims[0]} labels; the files do not belong together. Run \`npm run data\` again.`);
  }
  const bad = labels.data.findIndex((v) => v > 9);
  if (bad >= 0) throw new AssetError(`FashionMNIST: label ${bad} in ${root}/${stem}-labels is ${labels.data[bad]}, not a class 0..9; the file is corrupt. Run \`npm run data\` again.`);
  return { images: images.data, labels: labels.data, rows, cols };
}

/** Gluon's FashionMNIST: 28x28 grayscale clothing images with labels 0-9 (60,000 for training, 10,000 for testing). */
export class FashionMNIST extends Dataset<[NDArray, number]> {
  /** True for the training set, false for the test set. */
  readonly train: boolean;
  /** The transform applied to each example, if any. */
  readonly transformFn: Transform | null;
  /** The raw image bytes, n x 28 x 28 row-major (shared by every dataset made from the same files). */
  readonly images: Uint8Array;
  /** The raw labels, one byte 0..9 per image. */
  readonly labels: Uint8Array;
  private readonly rows: number;
  private readonly cols: number;

  /** Reads the files (once per kernel; later calls share the bytes) and returns the dataset. */
  static async create(options: FashionMNISTOptions = {}): Promise<FashionMNIST> {
    if (options === null || typeof options !== 'object') {
      throw new ArgumentError(`FashionMNIST.create: expected an options object such as { train: true }, got ${options === null ? 'null' : typeof options}.`);
    }
    const train = options.train ?? true;
    const root = options.root ?? 'fashion-mnist';
    const transform = options.transform === undefined ? null : checkTransform('FashionMNIST.create', options.transform);
    const key = `${root}|${train}`;
    let raw = cache.get(key);
    if (raw === undefined) {
      raw = readSet(root, train);
      cache.set(key, raw);
      raw.catch(() => cache.delete(key)); // a later try reads the files again
    }
    return new FashionMNIST(CREATE, await raw, train, transform);
  }

  /** Not for readers: use `await FashionMNIST.create({ train })` (the files are read asynchronously). */
  constructor(key: unknown, raw?: RawSet, train = true, transform: Transform | null = null) {
    super();
    if (key !== CREATE || raw === undefined) {
      throw new GluonError(
        'FashionMNIST: reading the dataset files is asynchronous, and a constructor cannot wait. ' +
          'Use: const mnistTrain = await gluon.data.vision.FashionMNIST.create({ train: true });',
      );
    }
    this.train = train;
    this.transformFn = transform;
    this.images = raw.images;
    this.labels = raw.labels;
    this.rows = raw.rows;
    this.cols = raw.cols;
  }

  get length(): number {
    return this.labels.length;
  }

  /**
   * The i-th example [image (28, 28, 1) int32, label]; a slice such as '0:9' gives
   * [images (k, 28, 28, 1), labels as a list], as Gluon's `mnist_train[0:9]`.
   */
  get(i: number): [NDArray, number];
  get(slice: string): [NDArray, number[]];
  get(i: number | string): [NDArray, number] | [NDArray, number[]] {
    if (typeof i === 'string') {
      const { start, step, count } = resolveSlice('FashionMNIST.get', i, 0, this.length);
      const idx = Array.from({ length: count }, (_, k) => start + k * step);
      const example: [NDArray, number[]] = [this.gatherImages(idx), idx.map((j) => this.labels[j]!)];
      return (this.transformFn ? applyTransform(this.transformFn, example) : example) as [NDArray, number[]];
    }
    const j = checkIndex('FashionMNIST.get', i, this.length);
    const example: [NDArray, number] = [this.gatherImages([j], false), this.labels[j]!];
    return (this.transformFn ? applyTransform(this.transformFn, example) : example) as [NDArray, number];
  }

  override batchOf(indices: readonly number[]): unknown {
    if (this.transformFn !== null && !isBatchable(this.transformFn)) return null;
    const labels = Int32Array.from(indices, (j) => this.labels[j]!);
    const batch: [NDArray, NDArray] = [this.gatherImages(indices), NDArray.fromTensor(tf.tensor1d(labels, 'int32'))]; // (b, 28, 28, 1), (b,)
    return this.transformFn ? applyTransform(this.transformFn, batch) : batch;
  }

  /** A one-line description: which split, how many examples. */
  override toString(): string {
    return `FashionMNIST(${this.train ? 'train' : 'test'}: ${this.length} images of ${this.rows}x${this.cols})`;
  }

  /** The images at `indices` as one int32 array (k, rows, cols, 1), or (rows, cols, 1) for a single one. */
  private gatherImages(indices: readonly number[], batched = true): NDArray {
    const size = this.rows * this.cols;
    const out = new Int32Array(indices.length * size);
    indices.forEach((j, k) => out.set(this.images.subarray(j * size, (j + 1) * size), k * size));
    const shape = batched ? [indices.length, this.rows, this.cols, 1] : [this.rows, this.cols, 1];
    return NDArray.fromTensor(tf.tensor(out, shape, 'int32'));
  }
}
