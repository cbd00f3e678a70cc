/**
 * ParameterDict: an ordered name -> Parameter map with a prefix, as Gluon's. A Block's own
 * dict creates its parameters (`this.params.get('weight', { shape })`); `collectParams()`
 * gathers a tree's parameters into one dict for initialize() and the Trainer.
 */
import type { NDArray } from '../nd/ndarray';
import { ArgumentError } from '../nd/errors';
import type { Context } from '../engine/context';
import { GluonError } from './errors';
import { shapesCompatible } from '../nd/shape-utils';
import { checkOptions } from '../nd/options';
import { Parameter, type InitSpec, type ParameterOptions } from './parameter';

/** Gluon's ParameterDict: parameters by full name, as collectParams() returns them; initialize, zeroGrad and Trainer take it. */
export class ParameterDict implements Iterable<[string, Parameter]> {
  private readonly map = new Map<string, Parameter>();

  /** `shared`: another dict whose parameters `get` returns instead of making new ones (sharing). */
  constructor(
    readonly prefix = '',
    private readonly shared: ParameterDict | null = null,
  ) {}

  /**
   * The parameter `prefix + name`: the existing one (from this dict or the shared one), or a
   * new one with `options`. Asking again with a conflicting shape is an error.
   */
  get(name: string, options: ParameterOptions = {}): Parameter {
    const full = this.prefix + name;
    let p = this.map.get(full) ?? this.shared?.lookup(full) ?? null;
    if (p === null) {
      p = new Parameter(full, options);
    } else if (options.shape !== undefined && p.shape !== null) {
      const want = typeof options.shape === 'number' ? [options.shape] : [...options.shape];
      const have = p.shape;
      const compatible = shapesCompatible(want, have);
      if (!compatible) {
        throw new GluonError(`ParameterDict.get: parameter '${full}' already exists with shape (${have.join(', ')}) and cannot be shared as shape (${want.join(', ')}).`);
      }
    }
    this.map.set(full, p);
    return p;
  }

  /** A parameter that holds a fixed value and is never trained (gradReq 'null'). */
  getConstant(name: string, value: NDArray): Parameter {
    const full = this.prefix + name;
    const existing = this.map.get(full) ?? this.shared?.lookup(full);
    if (existing) {
      this.map.set(full, existing);
      return existing;
    }
    const p = new Parameter(full, { shape: value.shape, gradReq: 'null', dtype: value.dtype });
    p.initialize();
    p.setData(value);
    this.map.set(full, p);
    return p;
  }

  private lookup(full: string): Parameter | null {
    return this.map.get(full) ?? null;
  }

  /** @internal puts `p` under the name `full` (whole-network sharing replaces a block's own parameter). */
  replace(full: string, p: Parameter): void {
    if (!this.map.has(full)) throw new GluonError(`internal: ParameterDict.replace: no parameter named '${full}'.`);
    // Under the shared parameter's own name (as Gluon lists it), at the same place in the order.
    const entries = [...this.map.entries()].map(([k, v]): [string, Parameter] => (k === full ? [p.name, p] : [k, v]));
    this.map.clear();
    for (const [k, v] of entries) this.map.set(k, v);
  }

  /** Adds another dict's parameters (the same objects). */
  update(other: ParameterDict): void {
    for (const [k, v] of other) {
      const mine = this.map.get(k);
      if (mine !== undefined && mine !== v) {
        throw new GluonError(`ParameterDict.update: two different parameters are both named '${k}'. Give the blocks distinct prefixes.`);
      }
      this.map.set(k, v);
    }
  }

  /** Initializes every parameter; a parameter's own initializer wins over `init`. */
  initialize(init?: InitSpec, options: { ctx?: Context; forceReinit?: boolean } = {}): void {
    checkOptions('ParameterDict.initialize', options, ['ctx', 'forceReinit'], '{ forceReinit: true }');
    for (const p of this.map.values()) p.initialize({ defaultInit: init, ctx: options.ctx, forceReinit: options.forceReinit });
  }

  /** Sets every parameter's gradient to 0. */
  zeroGrad(): void {
    for (const p of this.map.values()) p.zeroGrad();
  }

  /** Sets one attribute on every parameter, e.g. setattr('gradReq', 'null') to freeze them. */
  setattr(name: 'gradReq' | 'lrMult' | 'wdMult', value: unknown): void {
    for (const p of this.map.values()) {
      if (name === 'gradReq') p.gradReq = value as Parameter['gradReq'];
      else if (name === 'lrMult') p.lrMult = value as number;
      else if (name === 'wdMult') p.wdMult = value as number;
      else throw new ArgumentError(`ParameterDict.setattr: unknown attribute ${JSON.stringify(name)}.`);
    }
  }

  /** The parameters whose full names match `pattern` (anchored at the start, like Python's re.match). */
  select(pattern: string | RegExp): ParameterDict {
    const re = typeof pattern === 'string' ? new RegExp(`^(?:${pattern})`) : pattern;
    const out = new ParameterDict(this.prefix);
    for (const [k, v] of this.map) if (re.test(k)) out.map.set(k, v);
    return out;
  }

  /** True when a parameter of that full name is in the dict. */
  has(name: string): boolean {
    return this.map.has(name);
  }

  /** By full name (e.g. 'dense0_weight'). */
  getByName(name: string): Parameter {
    const p = this.map.get(name);
    if (!p) throw new GluonError(`ParameterDict: no parameter named '${name}'. The names are: ${[...this.map.keys()].join(', ') || '(none)'}.`);
    return p;
  }

  /** The full names, in registration order. */
  keys(): string[] {
    return [...this.map.keys()];
  }

  /** The parameters, in registration order. */
  values(): Parameter[] {
    return [...this.map.values()];
  }

  /** [name, parameter] pairs, in registration order. */
  entries(): [string, Parameter][] {
    return [...this.map.entries()];
  }

  /** The number of parameters. */
  get size(): number {
    return this.map.size;
  }

  [Symbol.iterator](): Iterator<[string, Parameter]> {
    return this.map.entries();
  }

  /** Gluon's printed form: the prefix, then one line per parameter. */
  toString(): string {
    const lines = [...this.map.values()].map((p) => `  ${p.toString()}`);
    return `${this.prefix} (\n${lines.join('\n')}\n)`;
  }
}
