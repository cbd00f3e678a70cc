/**
 * Options objects (the library's keyword arguments), checked in one place: an unknown key or an
 * unsupported value is an error that names the op and lists what it accepts, so a typo or an
 * option this library does not implement never silently changes the answer.
 */
import { ArgumentError } from './errors';
import { describe } from './ops/operand';

/** Python's snake_case name (MXNet's) in this library's camelCase: pool_type -> poolType. */
export function camelCase(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Checks that `options` is an object (or absent) whose keys are all in `known`; returns it
 * (or {} when absent). `example` shows a valid call in the error for a non-object.
 */
export function checkOptions<T extends object>(op: string, options: T | undefined | null, known: readonly string[], example?: string): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options) || isArrayLike(options)) {
    const like = example ?? `{ ${known.slice(0, 2).map((k) => `${k}: ...`).join(', ')} }`;
    throw new ArgumentError(`${op}: options must be an object like ${like}, got ${describe(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const c = camelCase(key);
    const hint = c !== key && known.includes(c) ? ` Did you mean ${c}? Options are camelCase here.` : '';
    const valid = known.length ? `Valid options: ${known.join(', ')}.` : 'It takes no options.';
    throw new ArgumentError(`${op}: unknown option '${key}'.${hint} ${valid}`);
  }
  return options;
}

/** `value` if it is one of `allowed` (or `fallback` when undefined), else an error listing them. */
export function oneOf<V extends string | number | boolean | null>(op: string, name: string, value: unknown, allowed: readonly V[], fallback: V): V {
  if (value === undefined) return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as V;
  throw new ArgumentError(`${op}: ${name} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, got ${typeof value === 'string' ? JSON.stringify(value) : describe(value)}.`);
}

/** A boolean option (or `fallback` when undefined). */
export function bool(op: string, name: string, value: unknown, fallback: boolean): boolean {
  return oneOf(op, name, value, [true, false], fallback);
}

function isArrayLike(o: object): boolean {
  // An NDArray passed where options belong (a forgotten argument) is not an options object.
  return 'shape' in o && 'dtype' in o && 'tensor' in o;
}
