/**
 * A small typed schema checker for values that cross a trust boundary (the kernel's port, the
 * page's storage). Each schema checks a value and returns a fresh copy that holds only the keys
 * it names: an own `__proto__`, `constructor` or `prototype` key is refused outright, and any
 * other unknown key is left behind, so nothing the sender adds reaches the page's objects.
 *
 * Why not a schema library (zod, valibot)? The checks here are the protocol's: typed arrays and
 * SharedArrayBuffers from structured clone, number arrays of 300,000 points checked in one loop,
 * finite-number and integer rules, and a refusal of prototype keys at every level; the whole
 * checker is this file, and the page's bundle gains nothing.
 */

/** Why a value does not match its schema: where (a path like `output.panels[0].title`) and what. */
export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path || 'the value'}: ${problem}`);
    this.name = 'SchemaError';
  }
}

/** Checks `x` (at `path`, for messages) and returns a checked copy, or throws SchemaError. */
export type Schema<T> = (x: unknown, path: string) => T;

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const describe = (x: unknown): string => {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (typeof x === 'string') return `a string of ${x.length} characters`;
  if (typeof x === 'object') return `an object (${Object.prototype.toString.call(x).slice(8, -1)})`;
  return `${typeof x} ${String(x).slice(0, 40)}`;
};

export function str(maxLength: number): Schema<string> {
  return (x, path) => {
    if (typeof x !== 'string') throw new SchemaError(path, `expected a string, got ${describe(x)}`);
    if (x.length > maxLength) throw new SchemaError(path, `expected at most ${maxLength} characters, got ${x.length}`);
    return x;
  };
}

export interface NumberRule {
  /** NaN and ±Infinity refused (default true). */
  finite?: boolean;
  integer?: boolean;
  min?: number;
  max?: number;
}

export function num(rule: NumberRule = {}): Schema<number> {
  const { finite = true, integer = false, min = -Infinity, max = Infinity } = rule;
  return (x, path) => {
    if (typeof x !== 'number') throw new SchemaError(path, `expected a number, got ${describe(x)}`);
    if (finite && !Number.isFinite(x)) throw new SchemaError(path, `expected a finite number, got ${x}`);
    if (integer && !Number.isInteger(x)) throw new SchemaError(path, `expected an integer, got ${x}`);
    if (x < min || x > max) throw new SchemaError(path, `expected a number in [${min}, ${max}], got ${x}`);
    return x;
  };
}

export const bool: Schema<boolean> = (x, path) => {
  if (typeof x !== 'boolean') throw new SchemaError(path, `expected true or false, got ${describe(x)}`);
  return x;
};

/** One of the given strings (compared with ===, so `'__proto__'` never matches by accident). */
export function oneOf<const T extends string | number>(values: readonly T[]): Schema<T> {
  return (x, path) => {
    for (const v of values) if (x === v) return v;
    throw new SchemaError(path, `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(x)}`);
  };
}

export function nullable<T>(s: Schema<T>): Schema<T | null> {
  return (x, path) => (x === null ? null : s(x, path));
}

/** An optional property: absent (or undefined) stays absent. */
export function opt<T>(s: Schema<T>): Schema<T | undefined> {
  return (x, path) => (x === undefined ? undefined : s(x, path));
}

export function arr<T>(item: Schema<T>, maxLength: number): Schema<T[]> {
  return (x, path) => {
    if (!Array.isArray(x)) throw new SchemaError(path, `expected an array, got ${describe(x)}`);
    if (x.length > maxLength) throw new SchemaError(path, `expected at most ${maxLength} items, got ${x.length}`);
    const out = new Array<T>(x.length);
    for (let i = 0; i < x.length; i++) out[i] = item(x[i], `${path}[${i}]`);
    return out;
  };
}

/** An array of numbers, checked in one loop (chart series of 300,000 points). */
export function numbers(maxLength: number, rule: NumberRule = {}): Schema<number[]> {
  const one = num(rule);
  const simple = rule.integer === undefined && rule.min === undefined && rule.max === undefined;
  const finite = rule.finite !== false;
  return (x, path) => {
    if (!Array.isArray(x)) throw new SchemaError(path, `expected an array of numbers, got ${describe(x)}`);
    if (x.length > maxLength) throw new SchemaError(path, `expected at most ${maxLength} numbers, got ${x.length}`);
    const out = new Array<number>(x.length);
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      out[i] = simple && typeof v === 'number' && (!finite || Number.isFinite(v)) ? v : one(v, `${path}[${i}]`);
    }
    return out;
  };
}

export function tuple2<A, B>(a: Schema<A>, b: Schema<B>): Schema<[A, B]> {
  return (x, path) => {
    if (!Array.isArray(x) || x.length !== 2) throw new SchemaError(path, `expected a pair, got ${describe(x)}`);
    return [a(x[0], `${path}[0]`), b(x[1], `${path}[1]`)];
  };
}

export function bytes(maxBytes: number): Schema<Uint8Array> {
  return (x, path) => {
    if (!(x instanceof Uint8Array)) throw new SchemaError(path, `expected a Uint8Array, got ${describe(x)}`);
    if (x.byteLength > maxBytes) throw new SchemaError(path, `expected at most ${maxBytes} bytes, got ${x.byteLength}`);
    return x;
  };
}

/** A plain object with no prototype keys of its own. */
function plainObject(x: unknown, path: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new SchemaError(path, `expected an object, got ${describe(x)}`);
  const proto = Object.getPrototypeOf(x) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new SchemaError(path, 'expected a plain object');
  for (const k of FORBIDDEN_KEYS) if (Object.hasOwn(x, k)) throw new SchemaError(path, `the key '${k}' is not allowed`);
  return x as Record<string, unknown>;
}

export type Shape<T> = { [K in keyof T]-?: Schema<T[K]> };

/** An object with exactly the named properties (others are left behind); optional ones use opt(). */
export function obj<T extends object>(shape: Shape<T>): Schema<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (x, path) => {
    const o = plainObject(x, path);
    const out = {} as T;
    for (const k of keys) {
      const v = shape[k](o[k], path ? `${path}.${k}` : k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  };
}

/**
 * A discriminated union: the value of `key` picks the schema (which checks `key` itself too).
 * `cases` must name every tag of the union (a new output kind or message fails to compile until
 * it has its schema). The cases are looked up with Object.hasOwn, so a tag like `'__proto__'` or
 * `'toString'` is refused.
 */
export function variant<T extends object, K extends keyof T & string = keyof T & string>(key: K, cases: { [V in T[K] & string]: Schema<Extract<T, Record<K, V>>> }): Schema<T> {
  const tags = Object.keys(cases);
  return (x, path) => {
    const o = plainObject(x, path);
    const tag = o[key];
    if (typeof tag !== 'string' || !Object.hasOwn(cases, tag)) {
      throw new SchemaError(path ? `${path}.${key}` : key, `expected one of ${tags.map((t) => JSON.stringify(t)).join(', ')}, got ${describe(tag)}`);
    }
    return (cases as Record<string, Schema<T>>)[tag]!(o, path);
  };
}

/** A literal tag inside a variant's case. */
export function tag<const T extends string>(value: T): Schema<T> {
  return oneOf([value]);
}
