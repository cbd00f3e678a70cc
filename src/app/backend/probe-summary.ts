/**
 * What the status bar says about the kernel's speed probe (src/lib/engine/backend-probe.ts):
 * a short line beside the backend ("fastest here: WASM 12 ms · WebGL 140 ms · ...") and a longer
 * tooltip that says how it was measured and what each backend did.
 */
import type { BackendName, BackendProbe, BackendTrial } from '../../kernel/protocol';
import { BACKEND_LABELS } from './backend-choice';

const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`);

/** One backend in a few words, for the short line. */
function shortTrial(t: BackendTrial): string {
  const name = BACKEND_LABELS[t.name];
  switch (t.outcome) {
    case 'timed':
      return `${name} ${fmtMs(t.ms)}`;
    case 'over-cap':
      return `${name} > ${fmtMs(t.capMs)}`;
    case 'wrong':
      return `${name} wrong results`;
    case 'unavailable':
      return `${name} unavailable`;
    case 'failed':
      return `${name} failed`;
    case 'skipped':
      return `${name} skipped`;
  }
}

/** One backend in full, for the tooltip. */
function longTrial(t: BackendTrial, probe: BackendProbe): string {
  const name = BACKEND_LABELS[t.name];
  switch (t.outcome) {
    case 'timed': {
      const rechecked = probe.recheck?.names.indexOf(t.name) ?? -1;
      const n = rechecked >= 0 && probe.recheck!.samples[rechecked]!.length > 0 ? probe.recheck!.samples[rechecked]!.length : t.samples.length;
      const runs = `median of ${n} run${n === 1 ? '' : 's'}${rechecked >= 0 ? ' timed again, alternating' : ''}`;
      const early = t.stoppedEarly ? `, stopped early: slower than ${BACKEND_LABELS[probe.chosen]} in most runs` : '';
      return `${name}: ${fmtMs(t.ms)} (${runs}${early})`;
    }
    case 'over-cap':
      return `${name}: did not finish within its ${fmtMs(t.capMs)} cap${t.ms !== null ? ` (${fmtMs(t.ms)} per run so far)` : ''}`;
    case 'wrong':
      return `${name}: rejected, wrong results: ${t.reason}`;
    case 'unavailable':
      return `${name}: unavailable: ${t.reason}`;
    case 'failed':
      return `${name}: failed: ${t.reason}`;
    case 'skipped':
      return `${name}: not measured: ${t.reason}`;
  }
}

/** The words after the backend's name in the status bar, e.g. "fastest here: WASM 12 ms · WebGL 140 ms". */
export function probeLine(probe: BackendProbe): string {
  const head = probe.basis === 'fastest' ? 'fastest here' : 'no backend finished the speed check in time; first of the ladder';
  return `${head}: ${probe.trials.map(shortTrial).join(' · ')}`;
}

/** The tooltip: how and when it was measured, each backend's result, how to override. */
export function probeTooltip(probe: BackendProbe): string {
  const when = new Date(probe.measuredAt);
  const measured = probe.fromCache
    ? `Measured on ${Number.isNaN(when.getTime()) ? probe.measuredAt : when.toLocaleString()} in this browser (kept for 30 days, so the check does not run again; Options > Measure again measures now).`
    : `Measured as the kernel started (${fmtMs(probe.totalMs)}).`;
  return [
    `${BACKEND_LABELS[probe.chosen]} ${probe.basis === 'fastest' ? 'was the fastest backend with correct results' : 'is the first rung of the ladder that did not fail'} on one forward and backward pass of a dense layer (128x256 by 256x256, ReLU), checked against a reference.`,
    measured,
    ...(probe.recheck ? [`${BACKEND_LABELS[probe.recheck.names[0]]} and ${BACKEND_LABELS[probe.recheck.names[1]]} were within 2x of each other, so both were timed again, alternating, under the same load.`] : []),
    ...probe.trials.map((t) => longTrial(t, probe)),
    'Choose a backend in the status bar to use another one.',
  ].join('\n');
}

/** A backend this many times slower than the fastest measured here earns a hint in long-running cells. */
export const SLOW_BACKEND_RATIO = 3;

export interface SlowBackend {
  backend: BackendName;
  fastest: BackendName;
  /** How many times slower `backend` was than `fastest` in the speed probe. */
  ratio: number;
}

/**
 * The backend cells run on, when the speed probe kept in this browser measured another one at
 * least SLOW_BACKEND_RATIO times faster (a reader who chose a backend, or a fallback); else null.
 * A backend the probe could not finish within its cap counts as at least cap / fastest slower.
 */
export function slowBackend(probe: BackendProbe | null, backend: BackendName | null): SlowBackend | null {
  if (!probe || !backend || probe.basis !== 'fastest') return null;
  const fastest = probe.trials.find((t) => t.name === probe.chosen);
  if (!fastest || fastest.outcome !== 'timed' || fastest.name === backend || fastest.ms <= 0) return null;
  const mine = probe.trials.find((t) => t.name === backend);
  const ms = mine?.outcome === 'timed' ? mine.ms : mine?.outcome === 'over-cap' ? Math.max(mine.ms ?? 0, mine.capMs) : null;
  if (ms === null) return null;
  const ratio = ms / fastest.ms;
  return ratio >= SLOW_BACKEND_RATIO ? { backend, fastest: fastest.name, ratio } : null;
}
