/**
 * Gluon's gluon.data.vision.transforms: Blocks that prepare images for a network.
 *
 *   const transformer = new Compose([new Resize(224), new ToTensor()]);
 *   const trainIter = new DataLoader(mnistTrain.transformFirst(transformer), { batchSize: 128 });
 *
 * Like Gluon's, each accepts one image or a batch of them (a new first axis): ToTensor and
 * Resize take (H, W, C) or (N, H, W, C), Normalize takes (C, H, W) or (N, C, H, W). So they
 * are batch-capable (`batchable` is true): the DataLoader applies them once per batch, which
 * is much faster than once per image and gives the same values.
 * They are data preparation, not layers: Resize has no gradient.
 */
import { tf } from '../../../engine/tf';
import { NDArray, type DType } from '../../../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../../../nd/errors';
import { ndScope } from '../../../nd/lifetime';
import { array as ndArray } from '../../../nd/ops/creation';
import { Block } from '../../block';
import { Sequential } from '../../nn/sequential';
import { applyTransform, isBatchable, type Batchable, type Transform } from '../transform';

function expectArray(op: string, x: unknown): NDArray {
  if (!(x instanceof NDArray)) throw new ArgumentError(`${op}: expected an NDArray image, got ${x === null ? 'null' : typeof x}.`);
  return x;
}

function expectImageRank(op: string, x: NDArray, layout: string): void {
  if (x.ndim !== 3 && x.ndim !== 4) {
    const [c, h, w] = layout.split('');
    throw new ShapeError(
      `${op}: expected an image of shape (${h}, ${w}, ${c}) or a batch (N, ${h}, ${w}, ${c}) — here (${layout.split('').join(', ')}) — got shape ${fmtShape(x.shape)}.` +
        (layout === 'HWC' ? ' Fashion-MNIST images are (28, 28, 1).' : ' Apply ToTensor first to get (C, H, W).'),
    );
  }
}

/**
 * (H, W, C) values in [0, 255] -> (C, H, W) float32 in [0, 1]; a batch (N, H, W, C) ->
 * (N, C, H, W). Networks here take channels first (NCHW), images come channels last.
 */
export class ToTensor extends Block implements Batchable {
  /** True: the DataLoader may apply this transform to a whole batch at once. */
  get batchable(): boolean {
    return true;
  }

  override forward(x: NDArray): NDArray {
    expectArray('ToTensor', x);
    expectImageRank('ToTensor', x, 'HWC');
    const axes = x.ndim === 3 ? [2, 0, 1] : [0, 3, 1, 2];
    return ndScope(() => x.astype('float32').div(255).transpose(axes));
  }
}

/**
 * (x - mean[c]) / std[c] per channel c, for (C, H, W) or (N, C, H, W). mean and std are one
 * number for every channel or one per channel.
 */
export class Normalize extends Block implements Batchable {
  /** Per-channel mean subtracted. */
  readonly mean: number[];
  /** Per-channel standard deviation divided by. */
  readonly std: number[];

  constructor(mean: number | number[] = 0, std: number | number[] = 1) {
    super();
    const list = (name: string, v: unknown): number[] => {
      const l = typeof v === 'number' ? [v] : v;
      if (!Array.isArray(l) || l.length === 0 || l.some((e) => typeof e !== 'number' || !Number.isFinite(e))) {
        throw new ArgumentError(`Normalize: ${name} must be a number or a list of numbers (one per channel), got ${JSON.stringify(v)}.`);
      }
      return l as number[];
    };
    this.mean = list('mean', mean);
    this.std = list('std', std);
    if (this.std.some((s) => s === 0)) throw new ArgumentError(`Normalize: std must not contain 0, got ${JSON.stringify(std)}.`);
  }

  /** True: the DataLoader may apply this transform to a whole batch at once. */
  get batchable(): boolean {
    return true;
  }

  override forward(x: NDArray): NDArray {
    expectArray('Normalize', x);
    expectImageRank('Normalize', x, 'CHW');
    const c = x.shape[x.ndim - 3]!;
    for (const [name, v] of [['mean', this.mean], ['std', this.std]] as const) {
      if (v.length !== 1 && v.length !== c) {
        throw new ShapeError(`Normalize: ${name} has ${v.length} values but the image ${fmtShape(x.shape)} has ${c} channels; give one value per channel or a single number.`);
      }
    }
    return ndScope(() => {
      const perChannel = (v: number[]): NDArray => ndArray(v).reshape([v.length, 1, 1]); // (C, 1, 1) broadcasts over H, W (and N)
      const xf = x.dtype === 'float32' ? x : x.astype('float32');
      return xf.sub(perChannel(this.mean)).div(perChannel(this.std));
    });
  }
}

export interface ResizeOptions {
  /** With a single size: scale the shorter side to it, keeping the aspect ratio. */
  keepRatio?: boolean;
  /** 0 nearest neighbour, 1 bilinear (default), as OpenCV's codes in Gluon. */
  interpolation?: 0 | 1;
}

/**
 * Resizes (H, W, C) images or (N, H, W, C) batches to `size` (a number for a square, or
 * [width, height] as Gluon), bilinearly by default with OpenCV's pixel-centre convention.
 * Integer images stay integer (rounded), as uint8 images do in Gluon.
 */
export class Resize extends Block implements Batchable {
  /** The output size (width, height). */
  readonly size: number | [number, number];
  readonly keepRatio: boolean;
  readonly interpolation: 0 | 1;

  constructor(size: number | [number, number], options: ResizeOptions = {}) {
    super();
    const ok = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v > 0;
    if (!(ok(size) || (Array.isArray(size) && size.length === 2 && size.every(ok)))) {
      throw new ArgumentError(`Resize: size must be a positive integer or [width, height], got ${JSON.stringify(size)}.`);
    }
    this.size = size;
    this.keepRatio = options.keepRatio ?? false;
    const interpolation = options.interpolation ?? 1;
    if (interpolation !== 0 && interpolation !== 1) {
      throw new ArgumentError(`Resize: interpolation ${JSON.stringify(interpolation)} is not available here; use 0 (nearest neighbour) or 1 (bilinear).`);
    }
    this.interpolation = interpolation;
  }

  /** True: the DataLoader may apply this transform to a whole batch at once. */
  get batchable(): boolean {
    return true;
  }

  /** The output (height, width) for an input of height h and width w (Gluon's rule, int() truncation). */
  outputSize(h: number, w: number): [number, number] {
    if (typeof this.size !== 'number') return [this.size[1], this.size[0]];
    if (!this.keepRatio) return [this.size, this.size];
    return h > w ? [Math.trunc((h * this.size) / w), this.size] : [this.size, Math.trunc((w * this.size) / h)];
  }

  override forward(x: NDArray): NDArray {
    expectArray('Resize', x);
    expectImageRank('Resize', x, 'HWC');
    const [h, w] = x.shape.slice(-3, -1) as [number, number];
    const size = this.outputSize(h, w);
    const t = tf.tidy(() => {
      const src = x.dtype === 'float32' ? x.tensor : tf.cast(x.tensor, 'float32');
      const img = src.rank === 3 ? (src as tf.Tensor3D) : (src as tf.Tensor4D);
      // halfPixelCenters: source coordinate (i + 0.5) * in/out - 0.5, OpenCV's INTER_LINEAR
      const out = this.interpolation === 1 ? tf.image.resizeBilinear(img, size, false, true) : tf.image.resizeNearestNeighbor(img, size, false, false);
      // round half up, as OpenCV's fixed-point arithmetic does for uint8 images
      return x.dtype === 'int32' ? tf.cast(tf.floor(tf.add(out, 0.5)), 'int32') : out;
    });
    return NDArray.fromTensor(t);
  }
}

/** Changes the dtype (Gluon's transforms.Cast), default float32. */
export class Cast extends Block implements Batchable {
  constructor(readonly dtype: DType = 'float32') {
    super();
    if (dtype !== 'float32' && dtype !== 'int32') throw new ArgumentError(`Cast: dtype must be 'float32' or 'int32', got ${JSON.stringify(dtype)}.`);
  }
  /** True: the DataLoader may apply this transform to a whole batch at once. */
  get batchable(): boolean {
    return true;
  }
  override forward(x: NDArray): NDArray {
    return expectArray('Cast', x).astype(this.dtype);
  }
}

/** A plain function inside a Compose. */
class Lambda extends Block {
  constructor(private readonly fn: Transform) {
    super();
  }
  override forward(x: NDArray): NDArray {
    return applyTransform(this.fn, [x]) as NDArray;
  }
  override toString(): string {
    const name = typeof this.fn === 'function' ? this.fn.name : '';
    return `Lambda(${name || '<function>'})`;
  }
}

/** Applies transforms one after another: new Compose([new Resize(224), new ToTensor()]). */
export class Compose extends Sequential implements Batchable {
  constructor(transforms: Transform[]) {
    super();
    if (!Array.isArray(transforms)) throw new ArgumentError('Compose: expected a list of transforms, e.g. new Compose([new Resize(224), new ToTensor()]).');
    transforms.forEach((t, i) => {
      if (t instanceof Block) this.add(t);
      else if (typeof t === 'function') this.add(new Lambda(t));
      else throw new ArgumentError(`Compose: transform ${i} must be a Block or a function, got ${t === null ? 'null' : typeof t}.`);
    });
  }

  /** Batch-capable when every step is. */
  /** True: the DataLoader may apply this transform to a whole batch at once. */
  get batchable(): boolean {
    for (let i = 0; i < this.length; i++) if (!isBatchable(this.get(i))) return false;
    return true;
  }
}

export const transforms = { Compose, Cast, ToTensor, Normalize, Resize };
