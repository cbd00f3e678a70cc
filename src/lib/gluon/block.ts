/**
 * Block: the unit of a Gluon model — a layer, a group of layers, or a whole network. A block
 * owns parameters (`this.params.get(...)`) and child blocks (any field holding a Block, in
 * the order they were assigned, or `this.registerChild(...)`), and defines `forward`.
 * Autograd records whatever forward computes, so control flow in forward just works.
 */
import type { NDArray } from '../nd/ndarray';
import type { Context } from '../engine/context';
import { ArgumentError } from '../nd/errors';
import { describe } from '../nd/ops/operand';
import { GluonError } from './errors';
import { ParameterDict } from './parameter-dict';
import type { InitSpec } from './parameter';
import { currentScope, NameScope, nextPrefix, withScope } from './name-scope';
import { loadParameters, saveParameters, type LoadParametersOptions } from '../io/parameters';

export interface BlockOptions {
  /** Name prefix; default: the kind and a counter (dense0_). */
  prefix?: string;
  /** Share parameters: `params: otherBlock.params` (or collectParams()) reuses them by name. */
  params?: ParameterDict;
}

/** Indents every line but the first (Gluon's _indent). */
function indent(s: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return s.split('\n').map((line, i) => (i === 0 ? line : pad + line)).join('\n');
}

/** Gluon's Block: a layer or a model; children assigned in the constructor are registered, forward() says what it computes. */
export class Block {
  readonly prefix: string;
  readonly params: ParameterDict;
  private readonly scope: NameScope;
  private readonly registered = new Map<string, Block>();

  constructor(options: BlockOptions = {}) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new ArgumentError(`${new.target.name}: options must be an object such as { prefix: 'net_' }, got ${describe(options)}.`);
    }
    const hint = this.nameHint();
    const parent = currentScope();
    this.prefix = options.prefix !== undefined ? (parent?.prefix ?? '') + options.prefix : nextPrefix(hint);
    this.params = options.params ? new ParameterDict(options.params.prefix, options.params) : new ParameterDict(this.prefix);
    this.scope = new NameScope(this.prefix);
    // Keep the bookkeeping out of the field walk and of console output.
    for (const key of ['scope', 'registered']) Object.defineProperty(this, key, { enumerable: false });
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
    this.registered.set(name ?? String(this.registered.size), block);
    return block;
  }

  /** Children in registration order: Block-valued fields, then explicitly registered ones. */
  children(): [string, Block][] {
    const out: [string, Block][] = [];
    const seen = new Set<Block>();
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Block && !seen.has(value)) {
        out.push([key, value]);
        seen.add(value);
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
    const all = new ParameterDict(this.params.prefix);
    all.update(this.params);
    for (const [, child] of this.children()) all.update(child.collectParams());
    return select === undefined ? all : all.select(select);
  }

  /** Initializes every parameter of the tree (deferred where shapes are unknown). Default: Uniform(0.07). */
  initialize(init?: InitSpec, options: { ctx?: Context; forceReinit?: boolean } = {}): this {
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
