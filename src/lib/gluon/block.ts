/**
 * Block: the unit of a Gluon model — a layer, a group of layers, or a whole network. A block
 * owns parameters (`this.params.get(...)`) and child blocks (any field holding a Block, in
 * the order they were assigned, or `this.registerChild(...)`), and defines `forward`.
 * Autograd records whatever forward computes, so control flow in forward just works.
 */
import { NDArray as NDArrayClass, type NDArray } from '../nd/ndarray';
import { ndScope } from '../nd/lifetime';
import { pause } from '../autograd/state';
import type { Context } from '../engine/context';
import { ArgumentError, fmtShape } from '../nd/errors';
import { describe } from '../nd/ops/operand';
import { bool, checkOptions } from '../nd/options';
import { GluonError } from './errors';
import { shapesCompatible } from '../nd/shape-utils';
import { ParameterDict } from './parameter-dict';
import type { InitSpec, Parameter } from './parameter';
import { currentScope, NameScope, nextPrefix, withScope } from './name-scope';
import { loadParameters, saveParameters, type LoadParametersOptions } from './parameter-files';

export interface BlockOptions {
  /** Name prefix; default: the kind and a counter (dense0_). */
  prefix?: string;
  /** Share parameters: `params: otherBlock.params` (or collectParams()) reuses them by name. */
  params?: ParameterDict;
}

/** The options every Block takes. */
export const BLOCK_KEYS = ['prefix', 'params'] as const;

/**
 * A layer's options, checked: an unknown key (a typo, or an option of MXNet's this layer does
 * not implement) is an error listing the layer's options, instead of being ignored.
 */
export function layerOptions<T extends object>(layer: string, options: T | undefined, keys: readonly string[]): T {
  return checkOptions(layer, options, [...BLOCK_KEYS, ...keys]) as T;
}

/** While Block.summary runs: called after each block's forward with its output. */
let summaryHook: ((block: Block, out: unknown) => void) | null = null;

/** Python's str of a shape tuple, or of a list of them (MXNet's summary column). */
function shapeText(out: unknown): string {
  if (out instanceof NDArrayClass) return `(${out.shape.join(', ')}${out.shape.length === 1 ? ',' : ''})`;
  if (Array.isArray(out)) return `[${out.map(shapeText).join(', ')}]`;
  return String(out);
}

/** Indents every line but the first (Gluon's _indent). */
function indent(s: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return s.split('\n').map((line, i) => (i === 0 ? line : pad + line)).join('\n');
}

/** A plain array or object literal (not a class instance): the containers whose Blocks are registered. */
function isPlainContainer(v: unknown): v is unknown[] | Record<string, unknown> {
  if (Array.isArray(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The Blocks held in a field: the block itself, or those inside a plain array / object, Map or
 * Set (nested ones too), named `key.i` / `key.name` in field order: Gluon's containers register
 * their children the same way, and a list of layers in a field is the first thing readers write.
 */
function blocksIn(key: string, value: unknown, out: [string, Block][], depth = 0): void {
  if (value instanceof Block) out.push([key, value]);
  else if (depth < 4 && Array.isArray(value)) {
    // a loop, not Object.entries: a field may hold a long list of numbers (a vocabulary...)
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object') blocksIn(`${key}.${i}`, v, out, depth + 1);
    }
  } else if (depth < 4 && isPlainContainer(value)) {
    for (const [k, v] of Object.entries(value)) blocksIn(`${key}.${k}`, v, out, depth + 1);
  } else if (depth < 4 && value instanceof Map) {
    for (const [k, v] of value) blocksIn(`${key}.${String(k)}`, v, out, depth + 1);
  } else if (depth < 4 && value instanceof Set) {
    let i = 0;
    for (const v of value) blocksIn(`${key}.${i++}`, v, out, depth + 1);
  } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof NDArrayClass)) {
    // Any other object (an instance of a class of the reader's) is not walked: a Block held in it
    // would silently miss initialize() and collectParams(). Gluon warns there; here it is an error.
    const held = Object.entries(value).find(([, v]) => v instanceof Block);
    if (held !== undefined) {
      const kind = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'object';
      throw new GluonError(
        `the field '${key}' holds a Block ('${held[0]}') inside a ${kind}, where it is not registered as a child: ` +
          `keep Blocks in fields, arrays, plain objects or Maps, or call this.registerChild(block, name).`,
      );
    }
  }
}

/** Gluon's Block: a layer or a model; children assigned in the constructor are registered, forward() says what it computes. */
export class Block {
  readonly prefix: string;
  readonly params: ParameterDict;
  private readonly scope: NameScope;
  private readonly registered = new Map<string, Block>();
  /** The dict given as `params` (whole-network sharing), or null. */
  private readonly sharedSource: ParameterDict | null;

  constructor(options: BlockOptions = {}) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new ArgumentError(`${new.target.name}: options must be an object such as { prefix: 'net_' }, got ${describe(options)}.`);
    }
    const hint = this.nameHint();
    const parent = currentScope();
    this.prefix = options.prefix !== undefined ? (parent?.prefix ?? '') + options.prefix : nextPrefix(hint);
    if (options.params !== undefined && !(options.params instanceof ParameterDict)) {
      throw new ArgumentError(`${new.target.name}: params must be a ParameterDict (another block's collectParams() or .params), got ${describe(options.params)}.`);
    }
    this.params = options.params ? new ParameterDict(options.params.prefix, options.params) : new ParameterDict(this.prefix);
    this.sharedSource = options.params ?? null;
    this.scope = new NameScope(this.prefix);
    // Keep the bookkeeping out of the field walk and of console output.
    for (const key of ['scope', 'registered', 'sharedSource']) Object.defineProperty(this, key, { enumerable: false });
    // Gluon's __call__: forward is wrapped so the shared parameters are bound before it runs
    // (children kept in fields are only known once the subclass constructor has finished).
    const forward = this.forward;
    Object.defineProperty(this, 'forward', {
      enumerable: false,
      configurable: true,
      writable: true,
      value: (...args: NDArray[]): NDArray => {
        this.bindShared();
        const out = forward.apply(this, args);
        if (summaryHook !== null) summaryHook(this, out);
        return out;
      },
    });
  }

  /**
   * The kind in the default prefix (Gluon's _alias): the class name in lower case, unless a
   * layer family says otherwise (Conv2D -> 'conv', the pooling layers -> 'pool').
   */
  protected nameHint(): string {
    return this.constructor.name.toLowerCase();
  }

  /** The prefix without its trailing underscore: 'dense0'. */
  get name(): string {
    return this.prefix.endsWith('_') ? this.prefix.slice(0, -1) : this.prefix;
  }

  /** Blocks made inside fn are named under this block's prefix (mlp0_dense0_). */
  nameScope<T>(fn: () => T): T {
    return withScope(this.scope, fn);
  }

  /** Registers a child that is not held in a field (or under another name). */
  registerChild<B extends Block>(block: B, name?: string): B {
    if (!(block instanceof Block)) throw new ArgumentError(`${this.name}.registerChild: expected a Block, got ${describe(block)}.`);
    this.registered.set(name ?? String(this.registered.size), block);
    this.bindShared();
    return block;
  }

  /**
   * Children in registration order: Block-valued fields (and Blocks inside plain arrays or
   * objects held in fields, named `layers.0`, `heads.cls`), then explicitly registered ones.
   */
  children(): [string, Block][] {
    const out: [string, Block][] = [];
    const seen = new Set<Block>();
    for (const [key, value] of Object.entries(this)) {
      const found: [string, Block][] = [];
      blocksIn(key, value, found);
      for (const [k, b] of found) {
        if (seen.has(b) || b === this) continue;
        out.push([k, b]);
        seen.add(b);
      }
    }
    for (const [key, value] of this.registered) {
      if (!seen.has(value)) {
        out.push([key, value]);
        seen.add(value);
      }
    }
    return out;
  }

  /**
   * This block's parameters and its descendants', in order. `select` keeps the names that
   * match a regular expression (anchored at the start), e.g. collectParams('.*weight').
   */
  collectParams(select?: string | RegExp): ParameterDict {
    this.bindShared();
    const all = new ParameterDict(this.params.prefix);
    all.update(this.params);
    for (const [, child] of this.children()) all.update(child.collectParams());
    return select === undefined ? all : all.select(select);
  }

  /**
   * Whole-network sharing (`new Net({ params: other.collectParams() })`): every parameter of
   * this block's descendants is replaced by its counterpart in the given dict. The counterpart
   * is found by Gluon's rule, the name relative to this block's prefix (children made inside
   * nameScope: 'mlp1_dense0_weight' -> the dict's prefix + 'dense0_weight'), or else by
   * position: the i-th parameter of this network takes the dict's i-th, whose name must end
   * the same way ('weight', 'bias') and whose shape must agree. Runs again whenever children
   * may have changed (registration, collectParams, forward); parameters already shared are kept.
   */
  private bindShared(): void {
    const source = this.sharedSource;
    if (source === null) return;
    const theirs = source.values();
    const taken = new Set(theirs);
    let position = 0;
    const visit = (block: Block, isRoot: boolean): void => {
      if (!isRoot && block.sharedSource !== null) {
        position += block.collectParams().size; // shares its own way
        return;
      }
      for (const [full, mine] of block.params.entries()) {
        const i = position++;
        if (isRoot || taken.has(mine)) continue;
        const suffix = full.slice(block.params.prefix.length); // 'weight'
        const byName = full.startsWith(this.prefix) ? (source.has(source.prefix + full.slice(this.prefix.length)) ? source.getByName(source.prefix + full.slice(this.prefix.length)) : null) : null;
        const byPlace = theirs[i];
        const match = byName ?? (byPlace !== undefined && byPlace.name.endsWith(suffix) ? byPlace : null);
        if (match === null) {
          throw new GluonError(
            `${this.name}: cannot share parameter '${full}' with the given params: ` +
              (byPlace === undefined
                ? `the dict has only ${theirs.length} parameters and this network has more. `
                : `the dict's parameter at the same place is '${byPlace.name}', which is not a ${suffix}. `) +
              `Sharing a whole network needs the same layers in the same order (build it exactly as the original), or share layer by layer with { params: layer.params }.`,
          );
        }
        const want = mine.shape;
        const have = match.shape;
        if (want !== null && have !== null && !shapesCompatible(want, have)) {
          throw new GluonError(`${this.name}: cannot share '${full}' ${fmtShape(want)} with '${match.name}' ${fmtShape(have)}: the shapes differ. Build the network with the same layer sizes as the original.`);
        }
        block.adoptParameter(full, mine, match);
      }
      for (const [, child] of block.children()) visit(child, false);
    };
    visit(this, true);
  }

  /** Replaces one of this block's own parameters (in its dict and in its fields) by a shared one. */
  private adoptParameter(full: string, mine: Parameter, shared: Parameter): void {
    this.params.replace(full, shared);
    for (const [key, value] of Object.entries(this)) {
      if (value === mine) (this as unknown as Record<string, unknown>)[key] = shared;
    }
  }

  /** Initializes every parameter of the tree (deferred where shapes are unknown). Default: Uniform(0.07). */
  initialize(init?: InitSpec, options: { ctx?: Context; forceReinit?: boolean } = {}): this {
    checkOptions(`${this.name}.initialize`, options, ['ctx', 'forceReinit'], '{ forceReinit: true }');
    this.collectParams().initialize(init, options);
    return this;
  }

  /**
   * Saves every parameter's values under its place in the tree ('0.weight', 'hidden.bias'):
   * to a file path in Node, to the book's storage in the browser (docs/file-format.md).
   */
  saveParameters(target: string): Promise<void> {
    return saveParameters(this, target);
  }

  /**
   * Loads what saveParameters wrote into this (freshly built) network: names are matched by
   * place in the tree, shapes must agree, deferred parameters take the file's shapes.
   */
  loadParameters(source: string | Uint8Array | ArrayBuffer, options: LoadParametersOptions = {}): Promise<void> {
    return loadParameters(this, source, options);
  }

  /**
   * MXNet's hybridize(): here it does nothing and returns this block, so code written for MXNet
   * runs unchanged. MXNet compiles the block into a static graph; this library always runs
   * imperatively (TensorFlow.js kernels called one by one, our own tape), and results are the
   * same either way. Options (active, staticAlloc, staticShape) are accepted and checked.
   */
  hybridize(options: { active?: boolean; staticAlloc?: boolean; staticShape?: boolean } = {}): this {
    const o = checkOptions(`${this.name}.hybridize`, options, ['active', 'staticAlloc', 'staticShape'], '{ staticAlloc: true }');
    for (const key of ['active', 'staticAlloc', 'staticShape'] as const) bool(`${this.name}.hybridize`, key, o[key], true);
    return this;
  }

  /**
   * MXNet's summary(*inputs): runs forward on `inputs` (without recording) and prints a table of
   * every layer it went through (containers such as Sequential are not rows, as in MXNet), with
   * its output shape and its own parameter count, then the totals. Returns the printed text.
   */
  summary(...inputs: NDArray[]): string {
    if (inputs.length === 0) throw new ArgumentError(`${this.name}.summary: pass the input(s) to run the network on, e.g. net.summary(nd.zeros([1, 784])).`);
    inputs.forEach((x, i) => {
      if (!(x instanceof NDArrayClass)) throw new ArgumentError(`${this.name}.summary: input ${i} must be an NDArray, got ${describe(x)}.`);
    });
    interface Row { name: string; shape: string; params: number; trainable: number; shared: number }
    const rows: Row[] = [{ name: 'Input', shape: shapeText(inputs.length === 1 ? inputs[0] : inputs), params: 0, trainable: 0, shared: 0 }];
    const seen = new Set<Parameter>();
    const previous = summaryHook;
    summaryHook = (block, out) => {
      if (block.isContainer()) return;
      const row: Row = { name: `${block.constructor.name}-${rows.length}`, shape: shapeText(out), params: 0, trainable: 0, shared: 0 };
      for (const p of block.params.values()) {
        const n = p.data().size;
        row.params += n;
        if (p.gradReq !== 'null') row.trainable += n;
        if (seen.has(p)) row.shared += n;
        else seen.add(p);
      }
      rows.push(row);
    };
    try {
      ndScope(() => pause(() => this.forward(...inputs)));
    } finally {
      summaryHook = previous;
    }
    const line = (a: string, b: string, c: string): string => `${a.padStart(20)}  ${b.padStart(42)} ${c.padStart(15)}`;
    const total = rows.reduce((t, r) => t + r.params, 0);
    const trainable = rows.reduce((t, r) => t + r.trainable, 0);
    const shared = rows.reduce((t, r) => t + r.shared, 0);
    const text = [
      '-'.repeat(80),
      line('Layer (type)', 'Output Shape', 'Param #'),
      '='.repeat(80),
      ...rows.map((r) => line(r.name, r.shape, String(r.params))),
      '='.repeat(80),
      'Parameters in forward computation graph, duplicate included',
      `   Total params: ${total}`,
      `   Trainable params: ${trainable}`,
      `   Non-trainable params: ${total - trainable}`,
      `Shared params in forward computation graph: ${shared}`,
      `Unique parameters in model: ${total - shared}`,
      '-'.repeat(80),
    ].join('\n');
    console.log(text);
    return text;
  }

  /** @internal containers (Sequential) are not rows of summary(), as in MXNet. */
  protected isContainer(): boolean {
    return false;
  }

  /** Subclasses define the computation. Call it as net.forward(X). */
  forward(..._args: NDArray[]): NDArray {
    throw new GluonError(`${this.constructor.name}: forward() is not defined. Subclasses of Block define forward(x) to say what the block computes.`);
  }

  /** Gluon's printed tree: `MLP(\n  (hidden): Dense(None -> 256, Activation(relu))\n ...)`. */
  toString(): string {
    const lines = this.children().map(([key, block]) => `  (${key}): ${indent(block.toString(), 2)}`);
    return `${this.constructor.name}(\n${lines.join('\n')}\n)`;
  }
}
