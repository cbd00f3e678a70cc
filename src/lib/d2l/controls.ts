/**
 * d2l.controls: sliders and selects under a cell, ipywidgets' `interact` in this book's idiom.
 *
 *   await d2l.controls({ lr: [0.01, 1, 0.4], opt: ['sgd', 'momentum'] }, async ({ lr, opt }) => {
 *     await d2l.showTrace2d(f, train2d(opt, lr));
 *   });
 *
 * `fn` runs once with the initial values while the cell runs; when the reader moves a slider the
 * kernel runs `fn` again with the new values (without running the cell again) and its outputs
 * replace the previous ones under the controls. Introduced in "Gradient Descent".
 */
import { coerceControlValue, controlsHost, type ControlSpec, type ControlValue } from '../controls';
import { ArgumentError } from '../nd/errors';

/**
 * One control: `[min, max, value]` or `[min, max, value, step]` is a slider; an array of strings
 * a select (the first is the initial choice); an object `{ min, max, value, step?, log? }` a
 * slider with every option, `{ options, value? }` a select.
 */
export type ControlInput =
  | readonly [number, number, number]
  | readonly [number, number, number, number]
  | readonly string[]
  | { min: number; max: number; value: number; step?: number; log?: boolean }
  | { options: readonly string[]; value?: string };

export type ControlsSpec = Record<string, ControlInput>;

type ValuesOf<S extends ControlsSpec> = { [K in keyof S]: S[K] extends readonly string[] | { options: readonly string[] } ? string : number };

const MAX_CONTROLS = 16;
const MAX_OPTIONS = 64;

/** A step that gives about 100 positions, rounded to 1, 2 or 5 times a power of ten. */
function niceStep(min: number, max: number): number {
  const raw = (max - min) / 100;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

function parseOne(name: string, input: ControlInput): { control: ControlSpec; value: ControlValue } {
  const where = `d2l.controls: the control '${name}'`;
  if (Array.isArray(input) && input.every((v) => typeof v === 'string')) {
    return parseOne(name, { options: input as readonly string[] });
  }
  if (Array.isArray(input)) {
    const [min, max, value, step] = input as number[];
    if (input.length < 3 || input.length > 4) throw new ArgumentError(`${where} is an array of ${input.length} items; a slider is [min, max, value] or [min, max, value, step], a select an array of strings.`);
    return parseOne(name, { min: min!, max: max!, value: value!, step });
  }
  if (typeof input !== 'object' || input === null) throw new ArgumentError(`${where} is ${typeof input}; use [min, max, value] for a slider or an array of strings for a select.`);
  if ('options' in input) {
    const options = [...input.options];
    if (options.length === 0 || options.length > MAX_OPTIONS || !options.every((o) => typeof o === 'string')) {
      throw new ArgumentError(`${where} needs 1 to ${MAX_OPTIONS} string options, got ${options.length}.`);
    }
    const value = input.value ?? options[0]!;
    if (!options.includes(value)) throw new ArgumentError(`${where} starts at '${value}', which is not one of its options (${options.join(', ')}).`);
    return { control: { kind: 'select', name, options }, value };
  }
  const { min, max, value, log = false } = input as Extract<ControlInput, { min: number }>;
  for (const [k, v] of Object.entries({ min, max, value })) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ArgumentError(`${where}: ${k} must be a finite number, got ${String(v)}.`);
  }
  if (!(min < max)) throw new ArgumentError(`${where}: min (${min}) must be below max (${max}).`);
  if (value < min || value > max) throw new ArgumentError(`${where} starts at ${value}, outside [${min}, ${max}].`);
  if (log && min <= 0) throw new ArgumentError(`${where} is logarithmic, so min must be positive, got ${min}.`);
  const step = (input as Extract<ControlInput, { min: number }>).step ?? niceStep(min, max);
  if (!(step > 0) || !Number.isFinite(step)) throw new ArgumentError(`${where}: step must be a positive number, got ${String(step)}.`);
  const control: ControlSpec = { kind: 'slider', name, min, max, step, log };
  return { control, value: coerceControlValue(control, value, value) };
}

/** Parses a controls spec into the controls and their initial values (exported for tests). */
export function parseControls(spec: ControlsSpec): { controls: ControlSpec[]; values: ControlValue[] } {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new ArgumentError(`d2l.controls: the first argument must be an object of controls, like { lr: [0.01, 1, 0.4] }; got ${Array.isArray(spec) ? 'an array' : typeof spec}.`);
  const names = Object.keys(spec);
  if (names.length === 0 || names.length > MAX_CONTROLS) throw new ArgumentError(`d2l.controls takes 1 to ${MAX_CONTROLS} controls, got ${names.length}.`);
  const parsed = names.map((n) => parseOne(n, spec[n]!));
  return { controls: parsed.map((p) => p.control), values: parsed.map((p) => p.value) };
}

/** Shows the controls and runs `fn` with their values now and whenever the reader changes one. */
export async function controls<S extends ControlsSpec>(spec: S, fn: (values: ValuesOf<S>) => unknown): Promise<void> {
  if (typeof fn !== 'function') throw new ArgumentError(`d2l.controls: the second argument must be a function of the values, like ({ lr }) => ...; got ${typeof fn}.`);
  const { controls: list, values } = parseControls(spec);
  const call = (vals: ControlValue[]) => fn(Object.fromEntries(list.map((c, i) => [c.name, vals[i]])) as ValuesOf<S>);
  const host = controlsHost();
  if (host === null) {
    await call(values);
    return;
  }
  await host.show(list, values, call);
}
