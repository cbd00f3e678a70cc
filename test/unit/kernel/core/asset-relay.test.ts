// The kernel's asset relay (src/kernel/core/asset-relay.ts): each loadAsset becomes one
// asset-request; the page's answer settles the matching request only, and a refusal becomes the
// cell's error with the page's reason.
import { describe, expect, it } from 'vitest';
import { AssetRelay } from '../../../../src/kernel/core/asset-relay';
import type { AssetRequest } from '../../../../src/kernel/protocol';

describe('AssetRelay', () => {
  it('asks the page once per request and settles each with its own answer', async () => {
    const sent: AssetRequest[] = [];
    const relay = new AssetRelay((r) => sent.push(r));
    const a = relay.request('data/a.bin');
    const b = relay.request('data/b.bin');
    expect(sent.map((r) => [r.type, r.path])).toEqual([
      ['asset-request', 'data/a.bin'],
      ['asset-request', 'data/b.bin'],
    ]);
    expect(sent[0]!.requestId).not.toBe(sent[1]!.requestId);
    expect(relay.waiting).toBe(2);
    relay.handle({ type: 'asset-response', requestId: sent[1]!.requestId, bytes: new Uint8Array([2]), error: null });
    relay.handle({ type: 'asset-response', requestId: sent[0]!.requestId, bytes: null, error: 'not one of the book’s datasets' });
    await expect(b).resolves.toEqual(new Uint8Array([2]));
    await expect(a).rejects.toThrow('not one of the book’s datasets');
    expect(relay.waiting).toBe(0);
  });

  it('ignores answers to requests it does not wait for', async () => {
    const sent: AssetRequest[] = [];
    const relay = new AssetRelay((r) => sent.push(r));
    const a = relay.request('data/a.bin');
    relay.handle({ type: 'asset-response', requestId: 999, bytes: new Uint8Array([9]), error: null });
    expect(relay.waiting).toBe(1);
    relay.handle({ type: 'asset-response', requestId: sent[0]!.requestId, bytes: null, error: null });
    await expect(a).rejects.toThrow('the asset could not be loaded');
  });
});
