// What the worker hands over instead of copying (src/kernel/sandbox/transfer-list.ts): an images
// output's pixel buffers, and nothing else, not even images under controls (sent again each time
// their callback streams, so a transferred buffer would arrive empty the second time).
import { describe, expect, it } from 'vitest';
import { transferList } from '../../../../src/kernel/sandbox/transfer-list';
import type { ImagesOutput } from '../../../../src/kernel/protocol';

const images = (): ImagesOutput => ({
  kind: 'images',
  images: [1, 2].map((v) => ({ width: 1, height: 1, channels: 1 as const, pixels: new Uint8Array([v]) })),
  columns: 2,
  scale: 1,
});

describe('transferList', () => {
  it("transfers an images output's pixel buffers", () => {
    const output = images();
    expect(transferList({ type: 'output', id: 'run-1', output })).toEqual(output.images.map((im) => im.pixels.buffer));
  });

  it('copies everything else', () => {
    const controls = { kind: 'controls' as const, controlsId: 'c1', controls: [], values: [], state: 'done' as const, outputs: [images()] };
    expect(transferList({ type: 'output', id: 'run-1', output: controls })).toEqual([]);
    expect(transferList({ type: 'output', id: 'run-1', output: { kind: 'text', stream: 'stdout', text: 'x' } })).toEqual([]);
    expect(transferList({ type: 'done', id: 'run-1', status: 'ok', durationMs: 1 })).toEqual([]);
    expect(transferList({ type: 'storage-request', requestId: 1, runId: null, op: 'write', name: 'a', bytes: new Uint8Array(4) })).toEqual([]);
  });
});
