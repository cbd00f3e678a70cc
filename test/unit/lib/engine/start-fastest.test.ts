// The kernel's start (src/lib/backend-choice/start-fastest.ts) with a fake environment: the reader's
// choice skips the probe, a probe cached for this machine skips it too, a stale or failing cache
// probes again, and Node keeps the ladder.
import { describe, expect, it } from 'vitest';
import { startBackend, machineKey, type StartEnvironment } from '../../../../src/lib/backend-choice/start-fastest';
import { PROBE_VERSION, type BackendProbe } from '../../../../src/lib/engine/backend-probe';
import type { BackendInfo, BackendName } from '../../../../src/lib/engine/backends';

const measured = (chosen: BackendName, key = 'this machine'): BackendProbe => ({
  version: PROBE_VERSION,
  key,
  chosen,
  basis: 'fastest',
  trials: [{ name: chosen, outcome: 'timed', ms: 10, samples: [10, 10, 10], stoppedEarly: false }],
  recheck: null,
  measuredAt: '2026-11-29T00:00:00.000Z',
  totalMs: 1800,
  fromCache: false,
});

function fakeEnv(options: { browser?: boolean; fails?: BackendName[]; probeChooses?: BackendName } = {}) {
  const calls: string[] = [];
  let adopted: BackendInfo | null = null;
  const env: StartEnvironment = {
    browser: options.browser ?? true,
    machineKey: async () => (calls.push('key'), 'this machine'),
    activate: async (name) => (calls.push(`activate ${name}`), options.fails?.includes(name) ? `${name} failed to initialize` : null),
    probe: async (key) => (calls.push(`probe ${key}`), measured(options.probeChooses ?? 'wasm', key)),
    ladder: async (preferred) => (calls.push(`ladder ${preferred ?? 'top'}`), { name: preferred ?? 'webgpu', skipped: [] }),
    adopt: async (info) => {
      calls.push(`adopt ${info.name}`);
      adopted = info;
    },
  };
  return { env, calls, adopted: () => adopted };
}

describe('startBackend', () => {
  it("the reader's choice goes to the ladder as before: no key, no probe", async () => {
    const f = fakeEnv();
    const info = await startBackend({ backend: 'webgl', cached: measured('wasm') }, f.env);
    expect(info).toEqual({ name: 'webgl', skipped: [] });
    expect(f.calls).toEqual(['ladder webgl']);
  });

  it('without a cache it probes, activates the winner and reports the probe', async () => {
    const f = fakeEnv();
    const info = await startBackend({}, f.env);
    expect(f.calls).toEqual(['key', 'probe this machine', 'activate wasm', 'adopt wasm']);
    expect(info).toEqual({ name: 'wasm', skipped: [], probe: measured('wasm') });
    expect(f.adopted()).toEqual(info);
  });

  it('a probe cached for this machine starts its backend without probing', async () => {
    const f = fakeEnv();
    const info = await startBackend({ cached: measured('cpu') }, f.env);
    expect(f.calls).toEqual(['key', 'activate cpu', 'adopt cpu']);
    expect(info.probe).toEqual({ ...measured('cpu'), fromCache: true });
  });

  it('probes again when the cache is for another machine, or its backend no longer starts', async () => {
    const other = fakeEnv();
    await startBackend({ cached: measured('cpu', 'another machine') }, other.env);
    expect(other.calls).toEqual(['key', 'probe this machine', 'activate wasm', 'adopt wasm']);
    const broken = fakeEnv({ fails: ['webgpu'] });
    const info = await startBackend({ cached: measured('webgpu') }, broken.env);
    expect(broken.calls).toEqual(['key', 'activate webgpu', 'probe this machine', 'activate wasm', 'adopt wasm']);
    expect(info.probe?.fromCache).toBe(false);
  });

  it('in Node the ladder starts as before (WASM first; nothing to compare)', async () => {
    const f = fakeEnv({ browser: false });
    await startBackend({}, f.env);
    expect(f.calls).toEqual(['ladder top']);
  });
});

describe('machineKey', () => {
  it('names the browser, the cores, the TensorFlow.js version and the GPU adapter', async () => {
    const key = JSON.parse(await machineKey()) as Record<string, unknown>;
    expect(Object.keys(key)).toEqual(['userAgent', 'cores', 'tfjs', 'gpu']);
    expect(key.tfjs).toMatch(/^\d+\.\d+\.\d+/);
  });
});
