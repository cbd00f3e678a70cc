/**
 * Parameter: a named array a Block learns, with Gluon's deferred initialization. A shape may
 * contain 0 for "unknown until the first forward pass" (Dense(256) does not know its input
 * size); initialize() then only records the initializer, and the layer completes the shape
 * and finishes initialization when it first sees data.
 */
import { nd } from '../nd/index';
import { NDArray, type DType, type GradReq } from '../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../nd/errors';
import { completesShape, shapesEqual } from '../nd/shape-utils';
import { checkOptions } from '../nd/options';
import { currentContext, type Context } from '../engine/context';
import { DeferredInitializationError, GluonError } from './errors';
import { Initializer, Constant, Normal, One, Uniform, Xavier, Zero } from './init';

export type InitSpec = Initializer | 'zeros' | 'ones' | 'uniform' | 'normal' | 'xavier';

export function toInitializer(spec: InitSpec | undefined | null): Initializer | null {
  if (spec === undefined || spec === null) return null;
  if (spec instanceof Initializer) return spec;
  switch (spec) {
    case 'zeros':
      return new Zero();
    case 'ones':
      return new One();
    case 'uniform':
      return new Uniform();
    case 'normal':
      return new Normal();
    case 'xavier':
      return new Xavier();
  }
  throw new ArgumentError(`unknown initializer ${JSON.stringify(spec)}: use an Initializer (e.g. new init.Normal(0.01)) or one of 'zeros', 'ones', 'uniform', 'normal', 'xavier'.`);
}

export interface ParameterOptions {
  shape?: number | readonly number[];
  /** The element type of the data. */
  dtype?: DType;
  /** This parameter's own initializer; wins over the one passed to initialize(). */
  init?: InitSpec;
  gradReq?: GradReq;
  /** Multiplies the learning rate for this parameter (MXNet's lr_mult). */
  lrMult?: number;
  /** Multiplies the weight decay for this parameter (MXNet's wd_mult). */
  wdMult?: number;
  /** Whether unknown (0) dimensions may be filled in by the first forward call. */
  allowDeferredInit?: boolean;
  differentiable?: boolean;
}

type State = 'uninitialized' | 'deferred' | 'ready';

/** Gluon's Parameter: a named weight array with its gradient, initializer and (possibly deferred) shape. */
export class Parameter {
  /** The full name, prefix included (e.g. `dense0_weight`). */
  readonly name: string;
  private shapeValue: number[] | null;
  readonly dtype: DType;
  init: Initializer | null;
  lrMult: number;
  wdMult: number;
  readonly allowDeferredInit: boolean;
  private gradRequest: GradReq;
  private state: State = 'uninitialized';
  private pendingInit: Initializer | null = null;
  private array: NDArray | null = null;
  private ctx: Context | null = null;

  constructor(name: string, options: ParameterOptions = {}) {
    checkOptions(`Parameter '${name}'`, options, ['shape', 'dtype', 'init', 'gradReq', 'lrMult', 'wdMult', 'allowDeferredInit', 'differentiable'], '{ shape: [256, 0] }');
    this.name = name;
    const s = options.shape;
    this.shapeValue = s === undefined ? null : typeof s === 'number' ? [s] : [...s];
    this.dtype = options.dtype ?? 'float32';
    this.init = toInitializer(options.init);
    this.lrMult = options.lrMult ?? 1;
    this.wdMult = options.wdMult ?? 1;
    this.allowDeferredInit = options.allowDeferredInit ?? true;
    this.gradRequest = options.differentiable === false ? 'null' : (options.gradReq ?? 'write');
  }

  /** The shape; 0 marks a dimension not known yet. */
  get shape(): number[] | null {
    return this.shapeValue?.slice() ?? null;
  }

  /**
   * Completes unknown (0) dimensions; a known dimension may not change. Layers call this on
   * their first forward pass.
   */
  set shape(value: number[] | null) {
    if (value === null) throw new ArgumentError(`Parameter '${this.name}': the shape cannot be unset.`);
    const old = this.shapeValue;
    if (old !== null) {
      if (!completesShape(old, value)) {
        throw new ShapeError(`Parameter '${this.name}': cannot change the shape from ${fmtShape(old)} to ${fmtShape(value)}; only unknown (0) dimensions can be filled in.`);
      }
    }
    this.shapeValue = [...value];
  }

  /** How backward() writes the gradient: 'write', 'add' or 'null' (no gradient, frozen). */
  get gradReq(): GradReq {
    return this.gradRequest;
  }

  set gradReq(req: GradReq) {
    this.gradRequest = req;
    if (this.array !== null) this.array.attachGrad({ gradReq: req });
  }

  private shapeKnown(): boolean {
    return this.shapeValue !== null && this.shapeValue.every((d) => d > 0);
  }

  /**
   * Initializes the array with this parameter's own initializer, else `defaultInit`. When the
   * shape is not known yet the work is deferred to the first forward pass (Gluon's behaviour).
   */
  initialize(options: { init?: InitSpec; ctx?: Context; defaultInit?: InitSpec; forceReinit?: boolean } = {}): void {
    if (this.state !== 'uninitialized' && !options.forceReinit) return; // Gluon warns and keeps the values
    const chosen = toInitializer(options.init) ?? this.init ?? toInitializer(options.defaultInit) ?? new Uniform();
    this.ctx = options.ctx ?? currentContext();
    if (!this.shapeKnown()) {
      if (!this.allowDeferredInit) {
        throw new GluonError(`Parameter '${this.name}' has an unknown shape ${this.shapeValue ? fmtShape(this.shapeValue) : '(none)'} and does not allow deferred initialization; give its full shape.`);
      }
      this.state = 'deferred';
      this.pendingInit = chosen;
      return;
    }
    this.createArray(chosen);
  }

  /**
   * A layer's step on every forward pass (Gluon's shape inference and _finish_deferred_init):
   * `shape` is this parameter's full shape as the input implies it. Unknown (0) dimensions are
   * filled in and a deferred initialization finishes; a known dimension that differs throws a
   * ShapeError with the layer's `mismatch()` message (which names the layer and the input).
   */
  inferShape(shape: readonly number[], mismatch: () => string): void {
    const old = this.shapeValue;
    if (old !== null && !completesShape(old, shape)) throw new ShapeError(mismatch());
    if (old === null || old.some((d) => d === 0)) this.shapeValue = [...shape];
    this.finishDeferredInit();
  }

  /** Performs a deferred initialization once the shape is complete (layers call inferShape). */
  finishDeferredInit(): void {
    if (this.state !== 'deferred') return;
    if (!this.shapeKnown()) {
      throw new DeferredInitializationError(`Parameter '${this.name}': cannot finish initialization, the shape ${fmtShape(this.shapeValue ?? [])} still has unknown dimensions.`);
    }
    this.createArray(this.pendingInit ?? new Uniform());
    this.pendingInit = null;
  }

  private createArray(initializer: Initializer): void {
    const data = nd.zeros(this.shapeValue!, { dtype: this.dtype }).keep();
    initializer.apply(this.name, data);
    if (this.array === null) {
      this.array = data;
    } else {
      // Re-initialization keeps the array's identity (trainers and users may hold it).
      this.array.set(data);
      data.dispose();
    }
    if (this.gradRequest !== 'null') this.array.attachGrad({ gradReq: this.gradRequest });
    this.state = 'ready';
  }

  /** True once the data exists (after initialize, and the first forward for deferred shapes). */
  get isInitialized(): boolean {
    return this.state === 'ready';
  }

  /** True while initialize() waits for the first forward call to learn the shape. */
  get isDeferred(): boolean {
    return this.state === 'deferred';
  }

  private check(): NDArray {
    if (this.state === 'ready') return this.array!;
    if (this.state === 'deferred') {
      throw new DeferredInitializationError(
        `Parameter '${this.name}' has not been initialized yet because initialization was deferred: its shape ${fmtShape(this.shapeValue ?? [])} is not known until data flows through the layer. ` +
          `Run one forward pass first (e.g. net.forward(X)), or give the input size when creating the layer (inUnits for Dense, inChannels for Conv2D) so the shape is known at once.`,
      );
    }
    throw new GluonError(
      `Parameter '${this.name}' has not been initialized. Call net.initialize() first. ` +
        `(Initialize and build Trainers from net.collectParams(), which includes the parameters of nested blocks, rather than net.params.)`,
    );
  }

  /** The parameter's array (the same object on every call: in-place updates keep identity). */
  data(_ctx?: Context): NDArray {
    return this.check();
  }

  /** dL/d(this), filled by backward(). */
  grad(_ctx?: Context): NDArray {
    const a = this.check();
    if (this.gradRequest === 'null') {
      throw new GluonError(`Parameter '${this.name}' has gradReq 'null': it has no gradient. Set param.gradReq = 'write' to train it.`);
    }
    return a.grad;
  }

  /** Replaces the values in place (a new shape is an error, except to complete a deferred one). */
  setData(value: NDArray | number): void {
    if (this.state === 'deferred' && value instanceof NDArray) {
      this.shape = value.shape;
      this.finishDeferredInit();
    }
    const a = this.check();
    if (value instanceof NDArray && !shapesEqual(value.shape, a.shape)) {
      throw new ShapeError(`Parameter '${this.name}'.setData: expected shape ${fmtShape(a.shape)}, got ${fmtShape(value.shape)}.`);
    }
    a.set(value);
  }

  /** Sets the gradient to 0 (MXNet's zero_grad), e.g. between steps with gradReq 'add'. */
  zeroGrad(): void {
    if (this.state === 'ready' && this.gradRequest !== 'null') this.array!.grad.set(0);
  }

  /** Contexts the parameter lives on: always the one running backend here. */
  listCtx(): Context[] {
    return [this.ctx ?? currentContext()];
  }

  /** Gluon's form: `Parameter dense0_weight (shape=(256, 784), dtype=float32)`. */
  toString(): string {
    const shape = this.shapeValue === null ? 'None' : `(${this.shapeValue.join(', ')}${this.shapeValue.length === 1 ? ',' : ''})`;
    return `Parameter ${this.name} (shape=${shape}, dtype=${this.dtype})`;
  }
}

