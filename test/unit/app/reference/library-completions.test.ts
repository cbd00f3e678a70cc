import { describe, expect, it } from 'vitest';
import data from '../../../../src/app/reference/api-reference.json';
import { dottedBefore, libraryCompletions } from '../../../../src/app/cells/editor/library-completions';
import type { ApiReference } from '../../../../src/app/reference/reference-data';

const ref = data as ApiReference;
const labels = (chain: string) => libraryCompletions(ref, chain).map((c) => c.label);

describe('dottedBefore', () => {
  it('finds the chain and the partial word before the cursor', () => {
    expect(dottedBefore('const y = nd.')).toEqual({ chain: 'nd', word: '' });
    expect(dottedBefore('net.add(new gluon.nn.Den')).toEqual({ chain: 'gluon.nn', word: 'Den' });
    expect(dottedBefore('x.sum().')).toBeNull(); // a call's result: the editor cannot know it
    expect(dottedBefore('print(1.')).toBeNull();
    expect(dottedBefore('nd')).toBeNull();
  });
});

describe('libraryCompletions (from the generated reference)', () => {
  it('nd. offers the namespace with signatures and docs', () => {
    const nd = libraryCompletions(ref, 'nd');
    const ones = nd.find((c) => c.label === 'ones');
    expect(ones?.type).toBe('function');
    expect(ones?.detail).toMatch(/^\(shape/);
    expect(ones?.info.length).toBeGreaterThan(10);
    expect(labels('nd')).toEqual(expect.arrayContaining(['array', 'zeros', 'dot', 'random']));
    expect(labels('nd')).not.toContain('random.normal'); // one level at a time
  });

  it('gluon.nn. offers the layers; nd.random. its functions', () => {
    expect(labels('gluon.nn')).toEqual(expect.arrayContaining(['Dense', 'Sequential', 'Conv2D']));
    expect(libraryCompletions(ref, 'gluon.nn').find((c) => c.label === 'Dense')?.type).toBe('class');
    expect(labels('nd.random')).toEqual(expect.arrayContaining(['normal', 'uniform']));
  });

  it('any other name offers the methods of an NDArray', () => {
    const x = libraryCompletions(ref, 'X');
    expect(x.map((c) => c.label)).toEqual(expect.arrayContaining(['add', 'reshape', 'asScalar', 'shape', 'attachGrad']));
    expect(x.find((c) => c.label === 'reshape')?.info).toMatch(/^NDArray: /);
  });
});
