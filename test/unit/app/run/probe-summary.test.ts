// What the status bar says about the speed probe (src/app/backend/probe-summary.ts).
import { describe, expect, it } from 'vitest';
import { probeLine, probeTooltip } from '../../../../src/app/backend/probe-summary';
import type { BackendProbe } from '../../../../src/kernel/protocol';

const probe: BackendProbe = {
  version: 1,
  key: 'k',
  chosen: 'wasm',
  basis: 'fastest',
  trials: [
    { name: 'wasm', outcome: 'timed', ms: 12.4, samples: [12.4, 12.1, 13], stoppedEarly: false },
    { name: 'webgl', outcome: 'timed', ms: 141.2, samples: [141.2, 150], stoppedEarly: true },
    { name: 'webgpu', outcome: 'over-cap', ms: null, samples: [], capMs: 1500 },
    { name: 'cpu', outcome: 'wrong', reason: 'dL/dW[0, 5] is 0, expected 12' },
  ],
  recheck: null,
  measuredAt: '2026-11-29T10:00:00.000Z',
  totalMs: 2345,
  fromCache: false,
};

describe('probe summary', () => {
  it('a short line with every backend', () => {
    expect(probeLine(probe)).toBe('fastest here: WASM 12 ms · WebGL 141 ms · WebGPU > 1.5 s · CPU wrong results');
  });
  it('a tooltip saying how it was measured, each verdict and how to override', () => {
    const t = probeTooltip(probe);
    expect(t).toMatch(/^WASM was the fastest backend with correct results/);
    expect(t).toContain('Measured as the kernel started (2.3 s).');
    expect(t).toContain('WebGL: 141 ms (median of 2 runs, stopped early: slower than WASM in most runs)');
    expect(t).toContain('WebGPU: did not finish within its 1.5 s cap');
    expect(t).toContain('CPU: rejected, wrong results: dL/dW[0, 5] is 0, expected 12');
    expect(t).toMatch(/Choose a backend in the status bar/);
  });
  it('says when two close backends were timed again', () => {
    const t = probeTooltip({ ...probe, recheck: { names: ['wasm', 'webgl'], samples: [[12, 13, 12], [20, 21, 22]] } });
    expect(t).toContain('WASM and WebGL were within 2x of each other, so both were timed again, alternating, under the same load.');
    expect(t).toContain('WASM: 12 ms (median of 3 runs timed again, alternating)');
  });
  it('says when the probe came from the cache', () => {
    expect(probeTooltip({ ...probe, fromCache: true })).toMatch(/^Measured on .* in this browser \(kept/m);
  });
});
