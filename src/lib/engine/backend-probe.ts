/**
 * The speed probe: which backend is the fastest that computes correctly on this machine.
 *
 * The ladder (WebGPU -> WebGL -> WASM -> CPU) says which backend is *likely* fastest, but on a
 * laptop without a GPU the browser runs WebGPU and WebGL in software (SwiftShader), 10-70x slower
 * than WASM (README, "Performance"). So at kernel start, unless the reader chose a backend, each
 * backend that initializes runs one short fixed workload (probe-workload.ts): a warm-up run whose
 * numbers are checked against a plain-JS reference (wrong numbers reject the backend), then up to
 * PROBE_REPS timed runs, all under a hard time cap per backend. The median wins; when the two
 * best are within 2x, they are timed again, alternating, and those runs decide. A backend not worth
 * probing (a software WebGPU adapter, start-fastest.ts) is skipped with its reason. The result is
 * cached by the page for this machine and browser (start-fastest.ts builds the key), so the probe
 * runs once, not on every chapter open.
 *
 * This file is pure (no TensorFlow.js): the backends, the workload and the clock come in as
 * `ProbeDeps`, so the choice logic is unit-tested with fakes.
 */
import type { BackendName } from './backend-names';

/** Bumped whenever the workload or the rules change: older cached probes are then ignored. */
export const PROBE_VERSION = 1;
/** Timed runs after the warm-up; the median is the backend's time. */
export const PROBE_REPS = 3;
/** Time cap per backend (init, warm-up and timed runs together). */
export const PROBE_CAP_MS = 1500;
/**
 * The order backends are probed in; it changes how long the probe takes, not which backend wins.
 * WASM first: the likely winner without a GPU, and once a best time is known, slower backends
 * stop early (trialBackend). WebGPU last: a run cut off at the cap cannot be cancelled (tfjs's
 * WebGPU backend keeps its device and queue), and on a software adapter that leftover work runs
 * on the same CPU cores, so it would slow the measurements of any backend probed after it.
 */
export const PROBE_ORDER: readonly BackendName[] = ['wasm', 'webgl', 'cpu', 'webgpu'];
/**
 * When the runner-up's median is within this factor of the winner's, the two are timed again,
 * alternating (A B, B A, A B): backends timed one after another see different load (another tab, a
 * build), and the result is kept for this machine, so a close call must not rest on a spike.
 */
export const RECHECK_RATIO = 2;
export const RECHECK_ROUNDS = 3;

/** What happened to one backend in the probe. */
export type BackendTrial =
  /**
   * Timed: `ms` is the median of `samples` (each timed run's ms), or of its recheck runs when it
   * was rechecked (BackendProbe.recheck). `stoppedEarly` when it had lost already (slower than the
   * best in most of its planned runs).
   */
  | { name: BackendName; outcome: 'timed'; ms: number; samples: number[]; stoppedEarly: boolean }
  /** Did not finish within the cap; `ms` is the median of the runs that did finish, if any. */
  | { name: BackendName; outcome: 'over-cap'; ms: number | null; samples: number[]; capMs: number }
  /** Computed the workload, but the numbers differ from the reference. */
  | { name: BackendName; outcome: 'wrong'; reason: string }
  /** Did not initialize here. */
  | { name: BackendName; outcome: 'unavailable'; reason: string }
  /** Initialized, then threw while running the workload. */
  | { name: BackendName; outcome: 'failed'; reason: string }
  /** Not probed, for the reason given (ProbeDeps.skip). */
  | { name: BackendName; outcome: 'skipped'; reason: string };

/** Why the chosen backend was chosen. */
export type ProbeBasis =
  /** The fastest backend whose numbers were right. */
  | 'fastest'
  /** No backend finished within its cap: the first rung of the ladder that was not wrong. */
  | 'none-finished';

export interface BackendProbe {
  version: number;
  /** The machine and browser it was measured on (start-fastest.ts, machineKey). */
  key: string;
  chosen: BackendName;
  basis: ProbeBasis;
  trials: BackendTrial[];
  /**
   * The two backends timed again, alternating, because their first medians were close, with the
   * ms of those runs (their trials' `ms` are then the medians of these); else null.
   */
  recheck: { names: [BackendName, BackendName]; samples: [number[], number[]] } | null;
  /** When it was measured (ISO 8601). */
  measuredAt: string;
  /** How long the whole probe took (ms). */
  totalMs: number;
  /** True when this kernel took the probe from the page's cache instead of measuring. */
  fromCache: boolean;
}

/** One backend's prepared workload. */
export interface ProbeRun {
  /**
   * Runs the workload once and waits for its results. `check: true` compares every output with
   * the reference and throws WrongResultError on a mismatch; otherwise only cheap scalar checks.
   * Every op must be dispatched before the first await: a run abandoned at the cap may resume
   * after another backend became the active one, and must then only read and compare.
   */
  step(check: boolean): Promise<void>;
  /** Frees the workload's arrays. */
  dispose(): void;
}

export interface ProbeDeps {
  /** Makes `name` the active backend: null when it runs, else why it cannot (awaited to its end, see trialBackend). */
  init(name: BackendName): Promise<string | null>;
  /** Uploads the workload's inputs to the active backend. */
  prepare(): Promise<ProbeRun>;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after `ms` (the cap's timer); an aborted signal cancels the timer (it then never resolves). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /**
   * Why `name` is not worth probing here, or null. A software WebGPU adapter is skipped (see
   * start-fastest.ts): it is the CPU emulating a GPU, and a run cut off at the cap keeps compiling
   * its shaders on the CPU for seconds after the probe (measured: 3-5 s).
   */
  skip?(name: BackendName): Promise<string | null>;
}

/** A backend's results differ from the reference (thrown by ProbeRun.step). */
export class WrongResultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WrongResultError';
  }
}

const OVER_CAP: unique symbol = Symbol('over-cap');

/** `promise`, or OVER_CAP when the deadline comes first (the promise is then left to finish on its own). */
async function within<T>(promise: Promise<T>, deadline: number, deps: ProbeDeps): Promise<T | typeof OVER_CAP> {
  const left = deadline - deps.now();
  if (left <= 0) {
    promise.catch(() => undefined);
    return OVER_CAP;
  }
  let timedOut = false;
  const stop = new AbortController();
  const timer = deps.sleep(left, stop.signal).then((): typeof OVER_CAP => {
    timedOut = true;
    return OVER_CAP;
  });
  try {
    return await Promise.race([promise, timer]);
  } finally {
    stop.abort();
    // An abandoned run may still fail later: nobody waits for it, so its rejection is dropped.
    if (timedOut) promise.catch(() => undefined);
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Times one backend: init, a checked warm-up, then timed runs, all before `capMs` has passed
 * since its start. `best` is the fastest median so far: once most of the planned runs were slower
 * than it, this backend cannot win and stops (its median so far is reported).
 */
export async function trialBackend(name: BackendName, deps: ProbeDeps, best: number | null, options: { capMs?: number; reps?: number } = {}): Promise<BackendTrial> {
  const skip = (await deps.skip?.(name)) ?? null;
  if (skip !== null) return { name, outcome: 'skipped', reason: skip };
  const capMs = options.capMs ?? PROBE_CAP_MS;
  const reps = options.reps ?? PROBE_REPS;
  const deadline = deps.now() + capMs;
  const samples: number[] = [];
  // A run cut off at the cap is left to finish on its own: tfjs cannot cancel queued GPU work.
  const overCap = (): BackendTrial => ({ name, outcome: 'over-cap', ms: samples.length > 0 ? median(samples) : null, samples, capMs });

  // Init is awaited to its end, never abandoned: TensorFlow.js refuses every op, on any backend,
  // while a backend's init is pending (engine.pendingBackendInit), and an abandoned setBackend
  // would make its backend the active one whenever it finished. Its time counts against the cap.
  const reason = await deps.init(name).catch((e: unknown) => message(e));
  if (reason !== null) return { name, outcome: 'unavailable', reason };
  if (deps.now() >= deadline) return overCap();

  let run: ProbeRun | null = null;
  try {
    const prepared = await within(deps.prepare(), deadline, deps);
    if (prepared === OVER_CAP) return overCap();
    run = prepared;
    // Warm-up: compiles shaders / kernels (not timed) and checks every number once.
    if ((await within(run.step(true), deadline, deps)) === OVER_CAP) return overCap();
    let slower = 0;
    for (let i = 0; i < reps; i++) {
      const t0 = deps.now();
      if ((await within(run.step(false), deadline, deps)) === OVER_CAP) return overCap();
      const ms = deps.now() - t0;
      samples.push(ms);
      if (best !== null && ms > best) slower++;
      // The median of `reps` runs can beat `best` only if more than half of them do.
      if (slower > reps / 2 && i < reps - 1) return { name, outcome: 'timed', ms: median(samples), samples, stoppedEarly: true };
    }
    return { name, outcome: 'timed', ms: median(samples), samples, stoppedEarly: false };
  } catch (e) {
    if (e instanceof WrongResultError) return { name, outcome: 'wrong', reason: e.message };
    return { name, outcome: 'failed', reason: message(e) };
  } finally {
    run?.dispose();
  }
}

type Timed = Extract<BackendTrial, { outcome: 'timed' }>;

/**
 * Times the two closest backends again, alternating (A B, B A, A B), one untimed and one timed run
 * each time (the untimed run uploads the inputs again). Interleaved runs see the same load, so
 * when a backend got a timed run here, its trial's `ms` becomes the median of these runs. A run
 * that fails or passes the cap adds nothing.
 */
async function recheck(pair: [Timed, Timed], deps: ProbeDeps, capMs: number): Promise<[number[], number[]]> {
  const samples: [number[], number[]] = [[], []];
  for (let round = 0; round < RECHECK_ROUNDS; round++) {
    for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const t = pair[i]!;
      if ((await deps.init(t.name).catch((e: unknown) => message(e))) !== null) continue;
      const deadline = deps.now() + capMs;
      let run: ProbeRun | null = null;
      try {
        const prepared = await within(deps.prepare(), deadline, deps);
        if (prepared === OVER_CAP) continue;
        run = prepared;
        if ((await within(run.step(false), deadline, deps)) === OVER_CAP) continue;
        const t0 = deps.now();
        if ((await within(run.step(false), deadline, deps)) === OVER_CAP) continue;
        samples[i]!.push(deps.now() - t0);
      } catch {
        // It ran correctly a moment ago; a failure now only means no new sample.
      } finally {
        run?.dispose();
      }
    }
  }
  pair.forEach((t, i) => {
    if (samples[i]!.length > 0) t.ms = median(samples[i]!);
  });
  return samples;
}

/** The winner among the trials, and on what basis; null when no backend can run at all. */
export function chooseBackend(trials: readonly BackendTrial[], ladder: readonly BackendName[]): { chosen: BackendName; basis: ProbeBasis } | null {
  const rank = (n: BackendName) => ladder.indexOf(n);
  const timed = trials.filter((t): t is Extract<BackendTrial, { outcome: 'timed' }> => t.outcome === 'timed');
  if (timed.length > 0) {
    // Ties go to the higher rung of the ladder (a GPU frees the CPU for the page).
    const fastest = [...timed].sort((a, b) => a.ms - b.ms || rank(a.name) - rank(b.name))[0]!;
    return { chosen: fastest.name, basis: 'fastest' };
  }
  // Nothing finished in time (a very slow or very busy machine): the ladder's order, but never a
  // backend that gave wrong numbers or threw.
  const usable = trials.filter((t) => t.outcome === 'over-cap').sort((a, b) => rank(a.name) - rank(b.name));
  return usable.length > 0 ? { chosen: usable[0]!.name, basis: 'none-finished' } : null;
}

/** Raised when no backend initializes, or every one that does computes wrong numbers. */
export class NoUsableBackendError extends Error {
  constructor(readonly trials: readonly BackendTrial[]) {
    super(
      `No TensorFlow.js backend could run the start-up check: ${trials.map((t) => `${t.name}: ${'reason' in t ? t.reason : t.outcome}`).join('; ')}. ` +
        'Choose a backend in the status bar, or try another browser.',
    );
    this.name = 'NoUsableBackendError';
  }
}

/**
 * Probes `candidates` one after another and picks the winner. The winner is not left active:
 * the caller makes it so (start-fastest.ts), since the last backend probed is usually not it.
 */
export async function probeBackends(
  candidates: readonly BackendName[],
  deps: ProbeDeps,
  options: { key: string; ladder: readonly BackendName[]; capMs?: number; reps?: number; date?: Date },
): Promise<BackendProbe> {
  const t0 = deps.now();
  const trials: BackendTrial[] = [];
  let best: number | null = null;
  for (const name of candidates) {
    const trial = await trialBackend(name, deps, best, options);
    trials.push(trial);
    if (trial.outcome === 'timed' && (best === null || trial.ms < best)) best = trial.ms;
  }
  const timed = trials.filter((t): t is Timed => t.outcome === 'timed').sort((a, b) => a.ms - b.ms);
  let rechecked: BackendProbe['recheck'] = null;
  if (timed.length >= 2 && timed[1]!.ms < RECHECK_RATIO * timed[0]!.ms) {
    const samples = await recheck([timed[0]!, timed[1]!], deps, options.capMs ?? PROBE_CAP_MS);
    rechecked = { names: [timed[0]!.name, timed[1]!.name], samples };
  }
  const choice = chooseBackend(trials, options.ladder);
  if (choice === null) throw new NoUsableBackendError(trials);
  return {
    version: PROBE_VERSION,
    key: options.key,
    ...choice,
    trials,
    recheck: rechecked,
    measuredAt: (options.date ?? new Date()).toISOString(),
    totalMs: deps.now() - t0,
    fromCache: false,
  };
}

/** What the kernel does at start. */
export type StartPlan =
  /** The reader chose a backend: it wins over any probe (the ladder continues below it if it fails). */
  | { kind: 'explicit'; name: BackendName }
  /** A probe measured for this machine, browser and TensorFlow.js version: no new probe. */
  | { kind: 'cached'; probe: BackendProbe }
  /** Measure now, for this key. */
  | { kind: 'probe'; key: string };

/**
 * The reader's choice, else the cached probe when it was measured for this machine (`keyOf`, only
 * asked when needed: it requests a WebGPU adapter), else a new probe.
 */
export async function planStart(request: { backend?: BackendName; cached?: unknown }, keyOf: () => Promise<string>): Promise<StartPlan> {
  if (request.backend !== undefined) return { kind: 'explicit', name: request.backend };
  const key = await keyOf();
  const cached = request.cached;
  if (isBackendProbe(cached) && cached.version === PROBE_VERSION && cached.key === key) return { kind: 'cached', probe: { ...cached, fromCache: true } };
  return { kind: 'probe', key };
}

const NAMES: readonly string[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const isName = (x: unknown): x is BackendName => typeof x === 'string' && NAMES.includes(x);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** A cached probe comes from the page's storage, which may hold anything: check its shape. */
export function isBackendProbe(x: unknown): x is BackendProbe {
  if (!isObject(x)) return false;
  return (
    typeof x.version === 'number' &&
    typeof x.key === 'string' &&
    isName(x.chosen) &&
    (x.basis === 'fastest' || x.basis === 'none-finished') &&
    typeof x.measuredAt === 'string' &&
    typeof x.totalMs === 'number' &&
    typeof x.fromCache === 'boolean' &&
    (x.recheck === null || isObject(x.recheck)) &&
    Array.isArray(x.trials) &&
    x.trials.every((t: unknown) => isObject(t) && isName(t.name) && typeof t.outcome === 'string')
  );
}
