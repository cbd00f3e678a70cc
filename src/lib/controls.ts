/**
 * Controls a cell creates (sliders and selects, with a "run again" button): the data the page
 * draws them from, and the hook through which the kernel takes over a controls' callback. The
 * library only describes controls; the kernel runs the callback again when the reader moves one
 * (src/kernel/core/controls-runner.ts). Without a host (a plain Node script) the callback runs once,
 * with the initial values.
 */

/** A slider over [min, max] in steps of `step`; `log` spaces its positions evenly in log10. */
export interface SliderControl {
  kind: 'slider';
  name: string;
  min: number;
  max: number;
  step: number;
  log: boolean;
}

/** A choice among strings. */
export interface SelectControl {
  kind: 'select';
  name: string;
  options: string[];
}

export type ControlSpec = SliderControl | SelectControl;

/** One value per control, in the controls' order. */
export type ControlValue = number | string;

export interface ControlsHost {
  /**
   * Shows the controls under the running cell and runs `fn` with the initial values; later,
   * each change of a value by the reader runs `fn` again (one at a time, the newest values win).
   */
  show(controls: ControlSpec[], initial: ControlValue[], fn: (values: ControlValue[]) => unknown): Promise<void>;
}

let host: ControlsHost | null = null;

/** The kernel installs its host; null runs callbacks once, as a plain script would. */
export function setControlsHost(h: ControlsHost | null): void {
  host = h;
}

export function controlsHost(): ControlsHost | null {
  return host;
}

/**
 * A value the reader chose, made valid for its control: a number clamped to the slider's range
 * and snapped to its steps, a select's option kept only when it is one; otherwise `fallback`.
 */
export function coerceControlValue(control: ControlSpec, value: unknown, fallback: ControlValue): ControlValue {
  if (control.kind === 'select') return typeof value === 'string' && control.options.includes(value) ? value : fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const clamped = Math.min(control.max, Math.max(control.min, value));
  if (control.log) return clamped; // log sliders move in steps of log10, the page snaps them
  const snapped = control.min + Math.round((clamped - control.min) / control.step) * control.step;
  // 0.1 + 3 * 0.1 is 0.4000000000000001: round to the step's decimals.
  const decimals = Math.max(0, -Math.floor(Math.log10(control.step)) + 1);
  return Math.min(control.max, Number(snapped.toFixed(Math.min(decimals, 12))));
}
