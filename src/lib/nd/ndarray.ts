/**
 * NDArray: an n-dimensional array on the reader's device, wrapping a tf.Tensor.
 *
 * It behaves like MXNet's NDArray: operators are methods (`x.add(y)`, broadcasting like
 * NumPy), `x.set(v)` writes in place and keeps the object's identity, `attachGrad()` +
 * `autograd.record()` + `backward()` give gradients, and the text form matches MXNet's.
 * Reads are asynchronous first (`await x.asScalar()`): a GPU may still be working.
 */
import { checkOptions, oneOf } from './options';
import { tf, type Tensor } from '../engine/tf';
import { syncReadsAreSafe } from '../engine/backends';
import { guardRead } from '../engine/device-loss';
import { currentContext, type Context } from '../engine/context';
import { runBackward, type BackwardOptions, type TapeNode } from '../autograd/tape';
import { isRecording } from '../autograd/state';
import { ArgumentError, AutogradError, NDArrayCoercionError, ShapeError, SyncReadError, fmtShape } from './errors';
import { apply, definePrimitive } from './primitive';
import { keep, release, track, type TensorBox } from './lifetime';
import { formatArray } from './format';
import { shapesEqual, type Shape } from './shape-utils';
import * as ew from './ops/elementwise';
import * as red from './ops/reduce';
import * as shp from './ops/shape';
import * as idx from './ops/indexing';
import * as srt from './ops/sort';
import type { IndexSpec } from './ops/indexing';

export type DType = 'float32' | 'int32';
export type GradReq = 'write' | 'add' | 'null';
export type Operand = NDArray | number;
export type Nested = number | Nested[];

export interface ReduceOptions {
  axis?: number | number[];
  keepDims?: boolean;
}

/** MXNet's NDArray: an n-dimensional array on the reader's device, with operators as methods and gradients by autograd. */
export class NDArray {
  /** @internal the tensor lives in a box the finalizer can see (see lifetime.ts) */
  readonly box: TensorBox;
  /** @internal the tape node that produced this array while recording, if any */
  tapeNode: TapeNode | null = null;
  private gradBuffer: NDArray | null = null;
  private gradRequest: GradReq = 'null';
  /** The device the array lives on (MXNet's x.context), e.g. webgpu(0). */
  readonly context: Context;

  private constructor(t: Tensor, inScope: boolean) {
    this.box = { t };
    this.context = currentContext();
    track(this, inScope);
  }

  /** @internal wraps a tensor the caller hands over (the array now owns it). */
  static fromTensor(t: Tensor, options: { persistent?: boolean } = {}): NDArray {
    return new NDArray(t, !options.persistent);
  }

  /** @internal the current tensor; never dispose it from outside. */
  get tensor(): Tensor {
    const t = this.box.t;
    if (t.isDisposed) {
      throw new ArgumentError(`This NDArray ${fmtShape(t.shape)} was disposed and can no longer be used.`);
    }
    return t;
  }

  /** The length of each axis (MXNet's x.shape), as a new list. */
  get shape(): number[] {
    return this.box.t.shape.slice();
  }
  /** The number of elements (the product of the shape). */
  get size(): number {
    return this.box.t.size;
  }
  /** The number of axes. */
  get ndim(): number {
    return this.box.t.rank;
  }
  /** The element type: 'float32' (the default, as MXNet) or 'int32'. */
  get dtype(): DType {
    return this.box.t.dtype as DType;
  }

  // ---- autograd ----------------------------------------------------------------------

  /**
   * Allocates `x.grad` (zeros) so backward() writes dL/dx there. `gradReq: 'add'` makes
   * backward accumulate instead of overwrite (then reset with `x.grad.set(0)`).
   * Calling it on a computed array detaches it: it becomes a new leaf.
   */
  attachGrad(options: { gradReq?: GradReq } = {}): void {
    const req = oneOf('attachGrad', 'gradReq', checkOptions('attachGrad', options, ['gradReq'], "{ gradReq: 'add' }").gradReq, ['write', 'add', 'null'] as const, 'write');
    this.gradRequest = req;
    this.tapeNode = null;
    if (req === 'null') {
      this.gradBuffer = null;
      return;
    }
    if (this.gradBuffer === null || !shapesEqual(this.gradBuffer.shape, this.shape)) {
      this.gradBuffer = NDArray.fromTensor(tf.zerosLike(this.tensor), { persistent: true });
    }
  }

  /** dL/dx after backward(); exists once attachGrad() was called. */
  get grad(): NDArray {
    if (this.gradBuffer === null) {
      throw new AutogradError(`x.grad: this array ${fmtShape(this.shape)} has no gradient buffer. Call x.attachGrad() before recording the computation.`);
    }
    return this.gradBuffer;
  }

  /** @internal */
  get hasGrad(): boolean {
    return this.gradRequest !== 'null' && this.gradBuffer !== null;
  }

  /** How backward() writes this array's gradient: 'write', 'add' or 'null' (set by attachGrad). */
  get gradReq(): GradReq {
    return this.gradRequest;
  }

  /** @internal called by backward with a kept tensor the array now owns. */
  receiveGradient(g: Tensor): void {
    const buf = this.grad;
    if (this.gradRequest === 'add') {
      const sum = tf.add(buf.tensor, g);
      g.dispose();
      buf.replaceTensor(sum);
    } else {
      buf.replaceTensor(g.dtype === buf.dtype ? g : castAndDispose(g, buf.dtype));
    }
  }

  /**
   * Backpropagates from this array. A non-scalar output is summed first (MXNet's rule), or
   * weighted by `headGrad` (same shape) — the vector in a vector-Jacobian product.
   */
  backward(headGrad?: NDArray | null, options: BackwardOptions = {}): void {
    if (headGrad !== undefined && headGrad !== null && !(headGrad instanceof NDArray)) {
      throw new ArgumentError(`backward: the head gradient must be an NDArray of the output's shape ${fmtShape(this.shape)} (or null), got ${typeof headGrad}. Options go second: y.backward(null, { retainGraph: true }).`);
    }
    runBackward(this, headGrad ? headGrad.tensor : null, checkOptions('backward', options, ['retainGraph'], '{ retainGraph: true }'));
  }

  /** A new array with the same values and no history: gradients stop here. */
  detach(): NDArray {
    return NDArray.fromTensor(tf.clone(this.tensor));
  }

  // ---- in-place writes (keep identity) ------------------------------------------------

  /** @internal swaps the tensor in place, freeing the old one. */
  replaceTensor(t: Tensor): void {
    const old = this.box.t;
    this.box.t = t;
    if (old !== t && !old.isDisposed) old.dispose();
  }

  /**
   * In-place write, keeping this object's identity: `x.set(v)` is MXNet's `x[:] = v`;
   * `x.set(v, '1:3', 0)` writes the region `x[1:3, 0]`. `v` broadcasts to the target.
   */
  set(value: Operand | Nested, ...index: IndexSpec[]): this {
    idx.setItem(this, value, index);
    return this;
  }

  /** x += y in place (MXNet's `x += y`); returns x. */
  addInPlace(y: Operand): this {
    return this.assignResult(ew.add(this, y), 'addInPlace');
  }
  /** x -= y in place (MXNet's `x -= y`); returns x. */
  subInPlace(y: Operand): this {
    return this.assignResult(ew.sub(this, y), 'subInPlace');
  }
  /** x *= y in place (MXNet's `x *= y`); returns x. */
  mulInPlace(y: Operand): this {
    return this.assignResult(ew.mul(this, y), 'mulInPlace');
  }
  /** x /= y in place (MXNet's `x /= y`); returns x. */
  divInPlace(y: Operand): this {
    return this.assignResult(ew.div(this, y), 'divInPlace');
  }

  /** @internal moves `result`'s value (and history) into this array, keeping identity. */
  assignResult(result: NDArray, op = 'in-place write'): this {
    if (!shapesEqual(result.shape, this.shape)) {
      throw new ShapeError(`${op}: the result has shape ${fmtShape(result.shape)} but the target has shape ${fmtShape(this.shape)}; an in-place op cannot change the shape.`);
    }
    const t = result.dtype === this.dtype ? tf.clone(result.tensor) : tf.cast(result.tensor, this.dtype);
    this.replaceTensor(t);
    this.tapeNode = isRecording() ? result.tapeNode : null;
    return this;
  }

  // ---- elementwise --------------------------------------------------------------------
  add(y: Operand): NDArray { return ew.add(this, y); }
  sub(y: Operand): NDArray { return ew.sub(this, y); }
  mul(y: Operand): NDArray { return ew.mul(this, y); }
  div(y: Operand): NDArray { return ew.div(this, y); }
  pow(y: Operand): NDArray { return ew.pow(this, y); }
  maximum(y: Operand): NDArray { return ew.maximum(this, y); }
  minimum(y: Operand): NDArray { return ew.minimum(this, y); }
  equal(y: Operand): NDArray { return ew.equal(this, y); }
  notEqual(y: Operand): NDArray { return ew.notEqual(this, y); }
  greater(y: Operand): NDArray { return ew.greater(this, y); }
  greaterEqual(y: Operand): NDArray { return ew.greaterEqual(this, y); }
  less(y: Operand): NDArray { return ew.less(this, y); }
  lessEqual(y: Operand): NDArray { return ew.lessEqual(this, y); }
  neg(): NDArray { return ew.neg(this); }
  abs(): NDArray { return ew.abs(this); }
  exp(): NDArray { return ew.exp(this); }
  log(): NDArray { return ew.log(this); }
  sqrt(): NDArray { return ew.sqrt(this); }
  square(): NDArray { return ew.square(this); }
  sign(): NDArray { return ew.sign(this); }
  relu(): NDArray { return ew.relu(this); }
  sigmoid(): NDArray { return ew.sigmoid(this); }
  tanh(): NDArray { return ew.tanh(this); }
  clip(min: number, max: number): NDArray { return ew.clip(this, min, max); }

  // ---- reductions ---------------------------------------------------------------------
  sum(options?: ReduceOptions): NDArray { return red.sum(this, options); }
  mean(options?: ReduceOptions): NDArray { return red.mean(this, options); }
  max(options?: ReduceOptions): NDArray { return red.max(this, options); }
  min(options?: ReduceOptions): NDArray { return red.min(this, options); }
  prod(options?: ReduceOptions): NDArray { return red.prod(this, options); }
  norm(options?: ReduceOptions & { ord?: 1 | 2 }): NDArray { return red.norm(this, options); }
  argmax(options?: { axis?: number; keepDims?: boolean }): NDArray { return red.argmax(this, options); }
  argmin(options?: { axis?: number; keepDims?: boolean }): NDArray { return red.argmin(this, options); }

  // ---- sorting ------------------------------------------------------------------------
  /** MXNet's topk: the k largest (isAscend: smallest) along axis, as indices (default), values, both or a mask. */
  topk(options?: srt.TopkOptions): NDArray | [NDArray, NDArray] { return srt.topk(this, options); }
  /** The values sorted along axis (default -1), ascending unless isAscend is false. */
  sort(options?: { axis?: number | null; isAscend?: boolean }): NDArray { return srt.sort(this, options); }
  /** The indices that sort the array along axis (default -1), float32 like MXNet. */
  argsort(options?: { axis?: number | null; isAscend?: boolean; dtype?: 'float32' | 'int32' }): NDArray { return srt.argsort(this, options); }

  // ---- shape --------------------------------------------------------------------------
  /** New shape with the same elements, with MXNet's codes: 0 copy, -1 infer, -2 copy the rest, -3 merge two, -4 split one. */
  reshape(shape: number[] | number, ...rest: number[]): NDArray {
    return shp.reshape(this, typeof shape === 'number' ? [shape, ...rest] : shape);
  }
  /** This array with the shape of `like` (MXNet's reshape_like). */
  reshapeLike(like: NDArray): NDArray { return shp.reshapeLike(this, like); }
  transpose(axes?: number[]): NDArray { return shp.transpose(this, axes); }
  get T(): NDArray { return shp.transpose(this); }
  expandDims(axis: number): NDArray { return shp.expandDims(this, axis); }
  squeeze(axis?: number | number[]): NDArray { return shp.squeeze(this, axis); }
  /** Collapses all axes but the first: (n, a, b, ...) -> (n, a*b*...), as MXNet's flatten. */
  flatten(): NDArray { return shp.flatten(this); }
  broadcastTo(shape: number[]): NDArray { return shp.broadcastTo(this, shape); }
  tile(reps: number[]): NDArray { return shp.tile(this, reps); }
  astype(dtype: DType): NDArray { return shp.astype(this, dtype); }

  // ---- indexing -----------------------------------------------------------------------
  /** NumPy-style read: ints, ':' / 'a:b:c' strings, index arrays. Returns a copy. */
  get(...index: IndexSpec[]): NDArray { return idx.getItem(this, index); }
  take(indices: NDArray | number[], options?: { axis?: number; mode?: 'clip' | 'wrap' }): NDArray { return idx.take(this, indices, options); }
  pick(index: NDArray | number[], options?: { axis?: number; keepDims?: boolean; mode?: 'clip' | 'wrap' }): NDArray { return idx.pick(this, index, options); }
  oneHot(depth: number, options?: { onValue?: number; offValue?: number }): NDArray { return idx.oneHot(this, depth, options); }

  // ---- iteration ----------------------------------------------------------------------

  /**
   * Iterates over the first axis, as MXNet and NumPy do: `for (const row of X)` and
   * `Array.from(X)` give X.get(0), X.get(1), ... (arrays of one rank less). The entries of a
   * 1-D array are plain numbers, read synchronously (so, on WebGPU, where synchronous reads are
   * wrong, this is a SyncReadError: use `await x.toArray()`); numbers are not iterable, so
   * recursive walks end. A 0-d array cannot be iterated (NumPy's rule).
   */
  *[Symbol.iterator](): Iterator<NDArray | number> {
    if (this.ndim === 0) throw new TypeError(`iteration over a 0-d array: it has no first axis. Read its value with await x.asScalar().`);
    if (this.ndim === 1) {
      yield* this.dataSync();
      return;
    }
    for (let i = 0; i < this.shape[0]!; i++) yield this.get(i);
  }

  // ---- copies and devices -------------------------------------------------------------
  /** A new array with the same values (MXNet's copy; recorded, so gradients flow through it). */
  copy(): NDArray {
    return apply(Copy, [this], undefined);
  }
  /** Copies into `other` (in place, keeping its identity) or to a new array on a context. */
  copyTo(other: NDArray | Context): NDArray {
    if (other instanceof NDArray) {
      if (!shapesEqual(other.shape, this.shape)) {
        throw new ShapeError(`copyTo: source shape ${fmtShape(this.shape)} and target shape ${fmtShape(other.shape)} differ.`);
      }
      other.replaceTensor(this.dtype === other.dtype ? tf.clone(this.tensor) : tf.cast(this.tensor, other.dtype));
      return other;
    }
    return this.asInContext(other).copy();
  }
  /** This array on `ctx`: itself when it already lives there (as MXNet). */
  asInContext(ctx: Context): NDArray {
    if (ctx.equals(this.context)) return this;
    throw new ArgumentError(
      `asInContext: this array lives on ${this.context} and ${ctx} is not running; one backend runs at a time in this book. ` +
        `Restart the kernel on the other backend, or create the array there with { ctx: mx.currentContext() }.`,
    );
  }

  // ---- reads --------------------------------------------------------------------------
  /** The values as a flat typed array (row-major). */
  async data(): Promise<Float32Array | Int32Array> {
    // Guarded: on a lost GPU device the read fails with DeviceLostError instead of hanging.
    return (await guardRead(this.tensor.data())) as Float32Array | Int32Array;
  }
  /** The values as nested JavaScript arrays. */
  async toArray(): Promise<Nested> {
    return nest(await this.data(), this.shape);
  }
  /** The one value of a size-1 array, as a number. */
  async asScalar(): Promise<number> {
    this.checkScalar('asScalar');
    return (await this.data())[0]!;
  }

  /** Synchronous reads: exact where the backend's sync read is trusted, an error elsewhere. */
  dataSync(): Float32Array | Int32Array {
    if (!syncReadsAreSafe()) {
      throw new SyncReadError(
        `This array lives on ${this.context}, where synchronous reads return wrong values. ` +
          `Use the asynchronous read instead: await x.data(), await x.toArray() or await x.asScalar().`,
      );
    }
    return this.tensor.dataSync() as Float32Array | Int32Array;
  }
  /** The values as nested arrays, read synchronously (an error on backends where that is unsafe). */
  toArraySync(): Nested {
    return nest(this.dataSync(), this.shape);
  }
  /** The one value of a size-1 array, read synchronously (MXNet's asscalar; an error where unsafe). */
  asScalarSync(): number {
    this.checkScalar('asScalarSync');
    return this.dataSync()[0]!;
  }

  /** MXNet's text form, read asynchronously (correct on every backend). */
  async format(): Promise<string> {
    return formatArray(await this.data(), this.shape, this.dtype, this.context.toString());
  }

  /**
   * MXNet's text form. Synchronous, so on WebGPU (where sync reads are wrong) it shows only
   * the shape and says how to see the values.
   */
  toString(): string {
    if (this.box.t.isDisposed) return `<NDArray ${this.shape.join('x')} @${this.context} (disposed)>`;
    if (!syncReadsAreSafe()) {
      return `<NDArray ${this.shape.join('x')} @${this.context}> (values not read: use print(x) or await x.format())`;
    }
    return formatArray(this.dataSync(), this.shape, this.dtype, this.context.toString());
  }

  /**
   * JavaScript calls this when an array meets an operator. Text is fine (template strings,
   * String(x), 'x: ' + String(x)); arithmetic and comparisons are not: `a + b` would glue two
   * strings together and `a * 2` give NaN, silently. They throw, saying which method to call.
   */
  [Symbol.toPrimitive](hint: 'string' | 'number' | 'default'): string {
    if (hint === 'string') return this.toString();
    throw new NDArrayCoercionError(
      `an NDArray ${fmtShape(this.shape)} was used with a JavaScript operator (+, -, *, /, **, <, >, ==...), which would turn it into ${hint === 'number' ? 'NaN' : 'a string'}: ` +
        `JavaScript has no operator overloading. Write a.add(b), a.sub(b), a.mul(b), a.div(b), a.pow(b), a.neg() for arithmetic, ` +
        `a.greater(b), a.less(b), a.equal(b) to compare (elementwise), await a.asScalar() for the number a one-element array holds; ` +
        `to put it in text, use a template string \`\${a}\`, String(a) or print('a =', a).`,
    );
  }

  /** Frees the tensor now. Never needed (the garbage collector does it) but allowed. */
  dispose(): void {
    release(this);
  }

  /** @internal makes the array outlive the library scope it was made in. */
  keep(): this {
    keep(this);
    return this;
  }

  private checkScalar(fn: string): void {
    if (this.size !== 1) {
      throw new ShapeError(`${fn}: the array has shape ${fmtShape(this.shape)} (${this.size} elements); ${fn} needs exactly one. Reduce it first, e.g. x.sum() or x.mean().`);
    }
  }
}

/**
 * `a[1]`, `a[-1]` and `a[0] = v` are Python's indexing; in JavaScript they would read undefined
 * and write an unused property, silently. The prototype gets throwing accessors for the indices a
 * reader is likely to type, saying to write a.get(i) / a.set(v, i). Not a Proxy: it would slow
 * every property access of every array. Non-negative indices are V8 "elements", kept apart from
 * the prototype's methods, so they cost nothing until touched; negative ones are named
 * properties, and past ~1,000 of those V8 turns the prototype into a slow dictionary (every
 * method call 3-5x slower in a micro-benchmark), hence only a few of them.
 */
const GUARDED_INDICES = 4096;
const GUARDED_NEGATIVE_INDICES = 128;
function indexingError(i: string, write: boolean): never {
  throw new NDArrayCoercionError(
    write
      ? `a[${i}] = ...: NDArrays have no indexing operator in JavaScript. Write a.set(value, ${i}) to write in place (a.set(value, '1:3') for a range).`
      : `a[${i}]: NDArrays have no indexing operator in JavaScript (it would read undefined). Write a.get(${i}) (a copy; a.get(${i}, ':'), a.get('1:3') for more axes and ranges).`,
  );
}
for (let i = -GUARDED_NEGATIVE_INDICES; i < GUARDED_INDICES; i++) {
  const key = String(i);
  Object.defineProperty(NDArray.prototype, key, {
    get: () => indexingError(key, false),
    set: () => indexingError(key, true),
    enumerable: false,
    configurable: true,
  });
}

// y = x (a new array)      dy/dx = 1
const Copy = definePrimitive({ name: 'copy', saves: 'none', forward: ([x]) => tf.clone(x!), backward: (dy) => [dy] });

function castAndDispose(t: Tensor, dtype: DType): Tensor {
  const c = tf.cast(t, dtype);
  t.dispose();
  return c;
}

function nest(flat: ArrayLike<number>, shape: Shape): Nested {
  if (shape.length === 0) return flat[0]!;
  const build = (offset: number, dim: number): Nested[] => {
    const n = shape[dim]!;
    const stride = shape.slice(dim + 1).reduce((p, d) => p * d, 1);
    const out: Nested[] = new Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = dim === shape.length - 1 ? flat[offset + i]! : build(offset + i * stride, dim + 1);
    }
    return out;
  };
  return build(0, 0);
}
