/**
 * The library reference page's data (src/app/reference/api-reference.json) is what
 * scripts/api-reference.mjs reads from src/lib now: a library change without a regenerated
 * page fails here. Also: the reader's API is all there, with signatures and descriptions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { OUTPUT, extractApiReference, render } from '../../../scripts/api-reference.mjs';

interface Entry {
  name: string;
  kind: string;
  signatures: string[];
  summary: string;
}

describe('API reference page', () => {
  const data = extractApiReference() as { roots: string[]; entries: Entry[] };

  it('is up to date (else run: node scripts/api-reference.mjs)', () => {
    expect(readFileSync(OUTPUT as string, 'utf8') === render(data), 'src/app/reference/api-reference.json is stale: run node scripts/api-reference.mjs').toBe(true);
  });

  it('lists the reader API: nd, autograd, gluon.*, init, loss, data, d2l, mx', () => {
    const names = new Set(data.entries.map((e) => e.name));
    for (const n of [
      'nd.array', 'nd.softmax', 'nd.random.normal', 'nd.NDArray#backward', 'nd.NDArray#attachGrad', 'autograd.record', 'gluon.nn.Dense',
      'gluon.nn.Dense#forward', 'gluon.Block#collectParams', 'gluon.Trainer#step', 'gluon.loss.SoftmaxCrossEntropyLoss', 'gluon.data.DataLoader',
      'init.Xavier', 'mx.gpu', 'd2l.trainCh5',
    ]) expect(names.has(n), n).toBe(true);
  });

  it('every function, class and method has a signature and a one-line description', () => {
    const undocumented = data.entries.filter((e) => e.kind !== 'namespace' && e.summary.trim() === '').map((e) => e.name);
    expect(undocumented, 'add a doc comment in src/lib (what it does, in MXNet terms)').toEqual([]);
    const unsigned = data.entries.filter((e) => (e.kind === 'function' || e.kind === 'method' || e.kind === 'property') && e.signatures.length === 0);
    expect(unsigned.map((e) => e.name)).toEqual([]);
  });
});
