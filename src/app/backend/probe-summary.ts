/**
 * What the status bar says about the kernel's speed probe (src/lib/engine/backend-probe.ts):
 * a short line beside the backend ("fastest here: WASM 12 ms · WebGL 140 ms · ...") and a longer
 * tooltip that says how it was measured and what each backend did.
 */
import type { BackendName, BackendProbe, BackendTrial } from '../../kernel/protocol';
import { messagesFor, type Messages } from '../i18n/messages';
import { BACKEND_LABELS } from './backend-choice';

const EN = messagesFor('en');

/** One backend in a few words, for the short line. */
function shortTrial(t: BackendTrial, m: Messages): string {
  const name = BACKEND_LABELS[t.name];
  const fmtMs = m.probe.ms;
  switch (t.outcome) {
    case 'timed':
      return `${name} ${fmtMs(t.ms)}`;
    case 'over-cap':
      return `${name} > ${fmtMs(t.capMs)}`;
    case 'wrong':
      return `${name} ${m.probe.wrongShort}`;
    case 'unavailable':
      return `${name} ${m.probe.unavailableShort}`;
    case 'failed':
      return `${name} ${m.probe.failedShort}`;
    case 'skipped':
      return `${name} ${m.probe.skippedShort}`;
  }
}

/** One backend in full, for the tooltip. */
function longTrial(t: BackendTrial, probe: BackendProbe, m: Messages): string {
  const name = BACKEND_LABELS[t.name];
  const fmtMs = m.probe.ms;
  const sep = m.punct.colon;
  switch (t.outcome) {
    case 'timed': {
      const rechecked = probe.recheck?.names.indexOf(t.name) ?? -1;
      const n = rechecked >= 0 && probe.recheck!.samples[rechecked]!.length > 0 ? probe.recheck!.samples[rechecked]!.length : t.samples.length;
      const runs = m.probe.runs(n, rechecked >= 0);
      const early = t.stoppedEarly ? m.probe.stoppedEarly(BACKEND_LABELS[probe.chosen]) : '';
      return `${name}${sep}${fmtMs(t.ms)}${m.punct.paren(`${runs}${early}`)}`;
    }
    case 'over-cap':
      return `${name}${sep}${m.probe.overCap(fmtMs(t.capMs), t.ms !== null ? fmtMs(t.ms) : null)}`;
    case 'wrong':
      return `${name}${sep}${m.probe.wrong(t.reason)}`;
    case 'unavailable':
      return `${name}${sep}${m.probe.unavailable(t.reason)}`;
    case 'failed':
      return `${name}${sep}${m.probe.failed(t.reason)}`;
    case 'skipped':
      return `${name}${sep}${m.probe.skipped(t.reason)}`;
  }
}

/** The words after the backend's name in the status bar, e.g. "fastest here: WASM 12 ms · WebGL 140 ms". */
export function probeLine(probe: BackendProbe, m: Messages = EN): string {
  const head = probe.basis === 'fastest' ? m.probe.fastestHere : m.probe.noneInTime;
  return `${head}${m.punct.colon}${probe.trials.map((t) => shortTrial(t, m)).join(' · ')}`;
}

/** The tooltip: how and when it was measured, each backend's result, how to override. */
export function probeTooltip(probe: BackendProbe, m: Messages = EN): string {
  const when = new Date(probe.measuredAt);
  const measured = probe.fromCache
    ? m.probe.measuredOn(Number.isNaN(when.getTime()) ? probe.measuredAt : m.format.dateTime(when))
    : m.probe.measuredAtStart(m.probe.ms(probe.totalMs));
  return [
    m.probe.verdict(BACKEND_LABELS[probe.chosen], probe.basis === 'fastest'),
    measured,
    ...(probe.recheck ? [m.probe.recheck(BACKEND_LABELS[probe.recheck.names[0]], BACKEND_LABELS[probe.recheck.names[1]])] : []),
    ...probe.trials.map((t) => longTrial(t, probe, m)),
    m.probe.chooseAnother,
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
