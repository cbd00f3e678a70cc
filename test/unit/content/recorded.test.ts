/**
 * Recorded outputs attached to cells: a recorded output whose cell source changed is marked
 * stale (the reader hides it) and staleCells names it; the fixture's recorded file holds one
 * current cell and one stale one.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileBook } from '../../../src/content/compile-book';
import { readBookSources, readRecorded } from '../../../src/content/read-book';
import { staleCells } from '../../../src/content/stale-cells';
import type { CellBlock, CompiledSection } from '../../../src/content/types';

const root = fileURLToPath(new URL('../fixtures', import.meta.url));
const parts = readBookSources({ root });
const recorded = readRecorded({ root }, parts);
const SLUG = '01-basics/02-linreg';
const recordedIds = recorded.get(SLUG)!.cells.map((c) => c.id);
const cellsOf = (s: CompiledSection) => s.blocks.filter((b): b is CellBlock => b.kind === 'cell');

describe('recorded outputs', () => {
  const book = compileBook(parts, recorded);
  const section = book.sections.get(SLUG)!;

  it('are attached to their cells, with image bytes decoded', () => {
    const [first] = cellsOf(section);
    expect(first!.stale).toBe(false);
    expect(first!.recorded?.outputs[0]).toEqual({ kind: 'text', stream: 'stdout', text: '[2, 1]\n' });
    const images = first!.recorded?.outputs[1];
    expect(images?.kind === 'images' && images.images[0]!.pixels).toEqual(new Uint8Array([0, 255]));
    expect(section.recorded).toEqual({ backend: 'wasm', recordedAt: '2026-11-22T12:00:00.000Z', passed: false });
  });

  it('are stale when the cell source no longer has the recorded hash, and staleCells names the cell', () => {
    expect(cellsOf(section).map((c) => c.stale)).toEqual([false, true]);
    expect(staleCells(section, recordedIds)).toEqual([{ slug: SLUG, cellId: 'cell-2', line: 35, reason: 'source changed' }]);
  });

  it('become stale when an author edits a cell, and report added and removed cells', () => {
    const edit = (f: (source: string) => string) =>
      compileBook(parts.map((p) => ({ ...p, sections: p.sections.map((s) => (`${p.slug}/${s.name}` === SLUG ? { ...s, source: f(s.source) } : s)) })), recorded).sections.get(SLUG)!;
    const edited = edit((src) => src.replace('nd.zeros([2, 1])', 'nd.ones([2, 1])'));
    expect(staleCells(edited, recordedIds).map((s) => `${s.cellId}: ${s.reason}`)).toEqual(['cell-1: source changed', 'cell-2: source changed']);
    const added = edit((src) => `${src}\n\`\`\`js\nprint(3)\n\`\`\`\n`);
    expect(staleCells(added, recordedIds).map((s) => `${s.cellId}: ${s.reason}`)).toEqual(['cell-2: source changed', 'cell-3: not recorded']);
    const removed = edit((src) => src.slice(0, src.indexOf('```js label=train')));
    expect(staleCells(removed, recordedIds).map((s) => `${s.cellId}: ${s.reason}`)).toEqual(['cell-2: cell removed']);
  });

  it('are absent (not stale) for a section without a recorded file', () => {
    const data = book.sections.get('01-basics/01-data')!;
    expect(data.recorded).toBeNull();
    expect(cellsOf(data).every((c) => c.recorded === null && !c.stale)).toBe(true);
    expect(staleCells(data, [])).toEqual([]);
  });
});
