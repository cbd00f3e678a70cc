// The speed probe's choice logic (src/lib/engine/backend-probe.ts) with fake backends on a
// virtual clock: the fastest correct backend wins, wrong numbers are rejected, the time cap
// cuts a slow backend off, a backend that has lost stops early, and the start plan (explicit
// choice > cached probe for this machine > new probe).
import { describe, expect, it } from 'vitest';
import {
  chooseBackend,
  NoUsableBackendError,
  planStart,
  probeBackends,
  PROBE_CAP_MS,
  PROBE_ORDER,
  PROBE_VERSION,
  WrongResultError,
  type BackendProbe,
  type BackendTrial,
  type ProbeDeps,
} from '../../../../src/lib/engine/backend-probe';
import { BACKEND_LADDER, type BackendName } from '../../../../src/lib/engine/backends';

/** A discrete-event clock: steps and timers are events in virtual ms, fired one per macrotask. */
class VirtualClock {
  now = 0;
  private events: { at: number; fire: () => void }[] = [];
  private scheduled = false;

  at(delay: number, fire: () => void): () => void {
    const event = { at: this.now + delay, fire };
    this.events.push(event);
    this.kick();
    return () => (this.events = this.events.filter((e) => e !== event));
  }

  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      if (this.events.length === 0) return;
      this.events.sort((a, b) => a.at - b.at);
      const next = this.events.shift()!;
      this.now = Math.max(this.now, next.at);
      next.fire();
      if (this.events.length > 0) this.kick();
    }, 0);
  }
}

interface FakeBackend {
  /** Why it cannot start; absent: it starts. */
  unavailable?: string;
  initMs?: number;
  /** Per run (a list: one per run, the last repeats); Infinity never finishes. */
  stepMs: number | number[];
  /** Warm-up (checked) run's time; default stepMs. */
  warmupMs?: number;
  wrong?: string;
  throws?: string;
  /** Not worth probing (ProbeDeps.skip). */
  skip?: string;
}

function fakeDeps(backends: Partial<Record<BackendName, FakeBackend>>, log: string[] = []) {
  const clock = new VirtualClock();
  const stepsRun = new Map<BackendName, number>();
  const stepTime = (name: BackendName, b: FakeBackend): number => {
    if (typeof b.stepMs === 'number') return b.stepMs;
    const i = stepsRun.get(name) ?? 0;
    stepsRun.set(name, i + 1);
    return b.stepMs[Math.min(i, b.stepMs.length - 1)]!;
  };
  let active: BackendName | null = null;
  const delay = (ms: number) => new Promise<void>((resolve) => (Number.isFinite(ms) ? clock.at(ms, resolve) : undefined));
  const deps: ProbeDeps = {
    init: async (name) => {
      const b = backends[name];
      log.push(`init ${name}`);
      if (!b || b.unavailable) return b?.unavailable ?? `${name} is not available in this environment`;
      await delay(b.initMs ?? 0);
      active = name;
      return null;
    },
    prepare: async () => {
      const b = backends[active!]!;
      const name = active!;
      return {
        step: async (check: boolean) => {
          log.push(`${check ? 'warm-up' : 'step'} ${name}`);
          await delay(check ? (b.warmupMs ?? stepTime(name, b)) : stepTime(name, b));
          if (b.throws) throw new Error(b.throws);
          if (b.wrong && check) throw new WrongResultError(b.wrong);
        },
        dispose: () => log.push(`dispose ${name}`),
      };
    },
    skip: async (name) => backends[name]?.skip ?? null,
    now: () => clock.now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        const cancel = clock.at(ms, resolve);
        signal.addEventListener('abort', cancel);
      }),
  };
  return { deps, clock };
}

const probe = (backends: Partial<Record<BackendName, FakeBackend>>, log?: string[]) =>
  probeBackends(PROBE_ORDER, fakeDeps(backends, log).deps, { key: 'k', ladder: BACKEND_LADDER, date: new Date(0) });

const trial = (p: BackendProbe, name: BackendName): BackendTrial => p.trials.find((t) => t.name === name)!;

// Times from the README's Performance table, scaled to the probe's smaller workload.
const THIS_MACHINE: Partial<Record<BackendName, FakeBackend>> = {
  wasm: { initMs: 80, stepMs: 12 },
  webgl: { initMs: 200, warmupMs: 600, stepMs: 140 },
  webgpu: { initMs: 150, warmupMs: 1200, stepMs: 900 },
  cpu: { stepMs: 60 },
};

describe('probeBackends', () => {
  it('picks the fastest backend with correct results, not the top of the ladder', async () => {
    const p = await probe(THIS_MACHINE);
    expect(p.chosen).toBe('wasm');
    expect(p.basis).toBe('fastest');
    expect(p.trials.map((t) => t.name)).toEqual(['wasm', 'webgl', 'cpu', 'webgpu']);
    expect(trial(p, 'wasm')).toEqual({ name: 'wasm', outcome: 'timed', ms: 12, samples: [12, 12, 12], stoppedEarly: false });
    expect(p.recheck).toBeNull(); // the runner-up (CPU, 60 ms) is 5x slower: no close call
    expect(p.fromCache).toBe(false);
    expect(p.version).toBe(PROBE_VERSION);
  });

  it('stops a backend once most of its runs were slower than the best so far', async () => {
    const p = await probe(THIS_MACHINE);
    // WebGL: two runs of 140 ms against WASM's 12 ms; a third could not change the median.
    expect(trial(p, 'webgl')).toEqual({ name: 'webgl', outcome: 'timed', ms: 140, samples: [140, 140], stoppedEarly: true });
    expect(trial(p, 'cpu')).toEqual({ name: 'cpu', outcome: 'timed', ms: 60, samples: [60, 60], stoppedEarly: true });
  });

  it('cuts a backend off at its cap, mid-run, and goes on with the others', async () => {
    const p = await probe(THIS_MACHINE);
    // WebGPU: init 150 + warm-up 1200 = 1350 ms; its first timed run (900 ms) would end at 2250.
    expect(trial(p, 'webgpu')).toEqual({ name: 'webgpu', outcome: 'over-cap', ms: null, samples: [], capMs: PROBE_CAP_MS });
    // Whole probe: wasm 80+4*12, webgl 200+600+2*140, cpu 3*60, webgpu 1500 (the cap).
    expect(p.totalMs).toBe(128 + 1080 + 1500 + 180);
    expect(p.totalMs).toBeLessThan(3000);
  });

  it('never waits for a run that does not finish: the trial ends at the cap', async () => {
    const log: string[] = [];
    const p = await probe({ wasm: { stepMs: 5 }, webgl: { initMs: 100, stepMs: Infinity } }, log);
    expect(trial(p, 'webgl')).toMatchObject({ outcome: 'over-cap', samples: [] });
    expect(p.totalMs).toBe(4 * 5 + PROBE_CAP_MS);
    expect(log.slice(log.indexOf('warm-up webgl'), log.indexOf('warm-up webgl') + 2)).toEqual(['warm-up webgl', 'dispose webgl']); // its arrays are freed
    expect(p.chosen).toBe('wasm');
  });

  it('reports the runs that finished before the cap', async () => {
    const p = await probe({ webgl: { warmupMs: 100, stepMs: 600 } });
    // 100 + 600 + 600 = 1300; the third run would end at 1900.
    expect(trial(p, 'webgl')).toEqual({ name: 'webgl', outcome: 'over-cap', ms: 600, samples: [600, 600], capMs: PROBE_CAP_MS });
    expect(p.chosen).toBe('webgl');
    expect(p.basis).toBe('none-finished');
  });

  it('rejects a backend whose numbers are wrong, however fast, and says why', async () => {
    const p = await probe({ ...THIS_MACHINE, webgpu: { stepMs: 1, wrong: 'dL/dW[0, 5] is 0, expected 12' } });
    expect(trial(p, 'webgpu')).toEqual({ name: 'webgpu', outcome: 'wrong', reason: 'dL/dW[0, 5] is 0, expected 12' });
    expect(p.chosen).toBe('wasm');
  });

  it('records backends that do not start, or throw, with the reason', async () => {
    const p = await probe({ ...THIS_MACHINE, webgpu: { unavailable: 'webgpu failed to initialize', stepMs: 1 }, cpu: { stepMs: 1, throws: "Kernel 'Foo' not registered" } });
    expect(trial(p, 'webgpu')).toEqual({ name: 'webgpu', outcome: 'unavailable', reason: 'webgpu failed to initialize' });
    expect(trial(p, 'cpu')).toEqual({ name: 'cpu', outcome: 'failed', reason: "Kernel 'Foo' not registered" });
    expect(p.chosen).toBe('wasm');
  });

  it('skips a backend not worth probing, without starting it, and says why', async () => {
    const log: string[] = [];
    const p = await probe({ ...THIS_MACHINE, webgpu: { stepMs: 900, skip: 'a software (fallback) adapter' } }, log);
    expect(trial(p, 'webgpu')).toEqual({ name: 'webgpu', outcome: 'skipped', reason: 'a software (fallback) adapter' });
    expect(log).not.toContain('init webgpu');
    expect(p.totalMs).toBe(128 + 1080 + 180);
    expect(p.chosen).toBe('wasm');
  });

  it('picks a GPU backend where it is the fastest', async () => {
    const p = await probe({ wasm: { stepMs: 12 }, webgl: { stepMs: 4 }, webgpu: { warmupMs: 300, stepMs: 2 }, cpu: { stepMs: 60 } });
    expect(p.chosen).toBe('webgpu');
    expect(trial(p, 'webgl')).toMatchObject({ outcome: 'timed', ms: 4, samples: [4, 4, 4], stoppedEarly: false });
  });

  it('times a close call again, alternating, so a load spike during one trial does not decide', async () => {
    const log: string[] = [];
    // WASM's warm-up and three timed runs hit a spike (30 ms); WebGL steadily takes 20 ms. Alone, WebGL would win.
    const p = await probe({ wasm: { stepMs: [30, 30, 30, 30, 12] }, webgl: { stepMs: 20 }, cpu: { stepMs: 200 } }, log);
    expect(p.recheck).toEqual({ names: ['webgl', 'wasm'], samples: [[20, 20, 20], [12, 12, 12]] });
    expect(trial(p, 'wasm')).toEqual({ name: 'wasm', outcome: 'timed', ms: 12, samples: [30, 30, 30], stoppedEarly: false });
    expect(trial(p, 'webgl')).toMatchObject({ ms: 20 });
    expect(p.chosen).toBe('wasm');
    // Alternating: WebGL, WASM, then WASM, WebGL, then WebGL, WASM (an untimed and a timed run each).
    const order = log.filter((l) => l.startsWith('init')).slice(4).map((l) => l.slice(5));
    expect(order).toEqual(['webgl', 'wasm', 'wasm', 'webgl', 'webgl', 'wasm']);
  });

  it('does not recheck when the runner-up is more than 2x slower', async () => {
    const p = await probe({ wasm: { stepMs: 10 }, webgl: { stepMs: 21 } });
    expect(p.recheck).toBeNull();
    expect(p.chosen).toBe('wasm');
  });

  it('fails with every reason when no backend can run the check', async () => {
    const err = await probe({ wasm: { stepMs: 1, wrong: 'L is NaN' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoUsableBackendError);
    expect((err as Error).message).toMatch(/wasm: L is NaN; webgl: webgl is not available.*; webgpu: webgpu is not available/);
  });
});

describe('chooseBackend', () => {
  const timed = (name: BackendName, ms: number): BackendTrial => ({ name, outcome: 'timed', ms, samples: [ms, ms, ms], stoppedEarly: false });
  it('breaks ties by the ladder (a GPU frees the CPU for the page)', () => {
    expect(chooseBackend([timed('wasm', 10), timed('webgl', 10)], BACKEND_LADDER)).toEqual({ chosen: 'webgl', basis: 'fastest' });
  });
  it('with nothing timed, takes the ladder among backends that were only too slow', () => {
    const trials: BackendTrial[] = [
      { name: 'wasm', outcome: 'over-cap', ms: null, samples: [], capMs: 1500 },
      { name: 'webgpu', outcome: 'wrong', reason: 'x' },
      { name: 'cpu', outcome: 'over-cap', ms: 2000, samples: [2000], capMs: 1500 },
    ];
    expect(chooseBackend(trials, BACKEND_LADDER)).toEqual({ chosen: 'wasm', basis: 'none-finished' });
  });
});

describe('planStart', () => {
  const cached: BackendProbe = { version: PROBE_VERSION, key: 'this machine', chosen: 'wasm', basis: 'fastest', trials: [{ name: 'wasm', outcome: 'timed', ms: 12, samples: [12, 12, 12], stoppedEarly: false }], recheck: null, measuredAt: '2026-11-29T00:00:00.000Z', totalMs: 2000, fromCache: false };
  const keyOf = (key: string) => {
    const calls: string[] = [];
    return { calls, fn: async () => (calls.push(key), key) };
  };

  it("the reader's explicit choice wins over a probe cached for this machine, without asking for the key", async () => {
    const k = keyOf('this machine');
    expect(await planStart({ backend: 'webgl', cached }, k.fn)).toEqual({ kind: 'explicit', name: 'webgl' });
    expect(k.calls).toEqual([]);
  });

  it('a probe cached for this machine is used as is (no new probe)', async () => {
    expect(await planStart({ cached }, keyOf('this machine').fn)).toEqual({ kind: 'cached', probe: { ...cached, fromCache: true } });
  });

  it('probes again for another machine or browser, another probe version, or a damaged cache', async () => {
    expect(await planStart({ cached }, keyOf('another browser').fn)).toEqual({ kind: 'probe', key: 'another browser' });
    expect(await planStart({ cached: { ...cached, version: PROBE_VERSION - 1 } }, keyOf('this machine').fn)).toEqual({ kind: 'probe', key: 'this machine' });
    for (const junk of [null, 'wasm', { ...cached, chosen: 'tpu' }, { ...cached, trials: 'fast' }]) {
      expect(await planStart({ cached: junk }, keyOf('this machine').fn)).toEqual({ kind: 'probe', key: 'this machine' });
    }
  });
});
