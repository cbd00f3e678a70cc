import { describe, expect, it } from 'vitest';
import { slowBackend } from '../../../../src/app/backend/probe-summary';
import type { BackendProbe } from '../../../../src/kernel/protocol';

const probe = (over: Partial<BackendProbe> = {}): BackendProbe => ({
  version: 1,
  key: 'k',
  chosen: 'wasm',
  basis: 'fastest',
  trials: [
    { name: 'wasm', outcome: 'timed', ms: 10, samples: [10, 10, 10], stoppedEarly: false },
    { name: 'webgl', outcome: 'timed', ms: 45, samples: [45], stoppedEarly: true },
    { name: 'cpu', outcome: 'timed', ms: 25, samples: [25], stoppedEarly: true },
    { name: 'webgpu', outcome: 'over-cap', ms: null, samples: [], capMs: 1500 },
  ],
  recheck: null,
  measuredAt: '2026-12-07T00:00:00Z',
  totalMs: 2000,
  fromCache: true,
  ...over,
});

describe('slowBackend', () => {
  it('names a backend 3x or more slower than the fastest, with the measured ratio', () => {
    expect(slowBackend(probe(), 'webgl')).toEqual({ backend: 'webgl', fastest: 'wasm', ratio: 4.5 });
  });
  it('counts a backend that did not finish within the cap as at least cap / fastest slower', () => {
    expect(slowBackend(probe(), 'webgpu')).toEqual({ backend: 'webgpu', fastest: 'wasm', ratio: 150 });
  });
  it('says nothing on the fastest backend, on one less than 3x slower, or without a probe', () => {
    expect(slowBackend(probe(), 'wasm')).toBeNull();
    expect(slowBackend(probe(), 'cpu')).toBeNull();
    expect(slowBackend(null, 'webgl')).toBeNull();
    expect(slowBackend(probe(), null)).toBeNull();
    expect(slowBackend(probe({ basis: 'none-finished' }), 'webgl')).toBeNull();
  });
});
