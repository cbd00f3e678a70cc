/**
 * The reader's scratch cells (src/app/edits): added below any cell, edited, deleted, saved with
 * the edits (format 2, format 1 still loads), exported and imported, following their book cell
 * when the book changes, and never taken for one of the book's cells.
 */
import { describe, expect, it } from 'vitest';
import { cellSourceHash } from '../../../../src/content/recorded';
import { parseEditsFile } from '../../../../src/app/edits/edits-file';
import { parseSaved, savedKey } from '../../../../src/app/edits/saved-edits';
import { SectionEdits, isScratchId, type SectionCell } from '../../../../src/app/edits/section-edits';
import { FakeStorage, ManualTimers } from '../../helpers/fake-storage';

const cell = (n: number, code: string): SectionCell => ({ id: `cell-${n}`, code, sourceHash: cellSourceHash(code) });
const CELLS = [cell(1, 'const x = nd.arange(12);'), cell(2, 'x.reshape([3, 4])'), cell(3, 'x.sum()')];
const SLUG = '01-p/01-s';

function open(storage: FakeStorage | null, cells = CELLS, timers = new ManualTimers()) {
  return new SectionEdits({ slug: SLUG, title: 'S', bookVersion: 'b1', sectionVersion: 'v1', cells, storage, timers, debounceMs: 300, now: () => new Date('2025-01-01T00:00:00Z') });
}
const layout = (e: SectionEdits) => e.scratch().map((s) => `${s.afterCellId}:${s.code}`);

describe('scratch cells', () => {
  it('are added directly below a book cell or below another scratch cell, in page order', () => {
    const e = open(new FakeStorage());
    const a = e.addScratch('cell-2');
    e.setCode(a, 'a');
    const b = e.addScratch('cell-1');
    e.setCode(b, 'b');
    const c = e.addScratch(a);
    e.setCode(c, 'c');
    const d = e.addScratch('cell-2'); // directly below cell-2: above a
    e.setCode(d, 'd');
    expect(layout(e)).toEqual(['cell-1:b', 'cell-2:d', 'cell-2:a', 'cell-2:c']);
    expect(e.scratchAfter('cell-2').map((s) => s.code)).toEqual(['d', 'a', 'c']);
    expect(new Set([a, b, c, d]).size).toBe(4);
    for (const id of [a, b, c, d]) expect(isScratchId(id)).toBe(true);
  });

  it('are the reader\'s own: not counted as modified book cells, and a book cell id is never a scratch id', () => {
    const e = open(new FakeStorage());
    const a = e.addScratch('cell-1', 'print(1)');
    expect(e.codeOf(a)).toBe('print(1)');
    expect(e.isModified(a)).toBe(false);
    expect(e.modifiedCount()).toBe(0);
    expect(isScratchId('cell-1')).toBe(false);
    e.resetAll();
    expect(e.codeOf(a)).toBe('print(1)'); // "reset to the book" resets book cells only
  });

  it('are deleted, and ids are not reused in the same page', () => {
    const e = open(new FakeStorage());
    const a = e.addScratch('cell-1');
    e.deleteScratch(a);
    expect(e.scratch()).toEqual([]);
    expect(() => e.codeOf(a)).toThrow(/no scratch cell 'scratch-1'/);
    expect(e.addScratch('cell-1')).not.toBe(a);
  });

  it('are saved as typed and load again, after the debounce', () => {
    const storage = new FakeStorage();
    const timers = new ManualTimers();
    const e = open(storage, CELLS, timers);
    const a = e.addScratch('cell-3');
    e.setCode(a, 'x.mean()');
    e.setCode('cell-1', 'const x = nd.arange(6);');
    expect(e.state()).toBe('pending');
    timers.tick();
    const stored = JSON.parse(storage.items.get(savedKey(SLUG))!);
    expect(stored.format).toBe(2);
    expect(stored.scratch).toEqual([{ id: a, afterCellId: 'cell-3', afterHash: CELLS[2]!.sourceHash, code: 'x.mean()' }]);
    const again = open(storage);
    expect(layout(again)).toEqual(['cell-3:x.mean()']);
    expect(again.codeOf('cell-1')).toBe('const x = nd.arange(6);');
    // The next id continues after the loaded ones.
    expect(again.addScratch('cell-1')).not.toBe(a);
  });

  it('keep storage written while only scratch cells remain, and clear it when none is left', () => {
    const storage = new FakeStorage();
    const e = open(storage);
    const a = e.addScratch('cell-1', 'scratch');
    e.flush();
    expect(storage.items.has(savedKey(SLUG))).toBe(true);
    e.deleteScratch(a);
    e.flush();
    expect(storage.items.has(savedKey(SLUG))).toBe(false);
  });

  it('format 1 saved edits (before scratch cells) still load', () => {
    const storage = new FakeStorage();
    const v1 = { format: 1, slug: SLUG, bookVersion: 'b0', sectionVersion: 'v0', savedAt: '2024-01-01T00:00:00Z', edits: [{ cellId: 'cell-2', code: 'x.reshape([2, 6])', baseHash: CELLS[1]!.sourceHash }] };
    storage.items.set(savedKey(SLUG), JSON.stringify(v1));
    const e = open(storage);
    expect(e.damaged()).toEqual([]);
    expect(e.codeOf('cell-2')).toBe('x.reshape([2, 6])');
    expect(e.scratch()).toEqual([]);
  });

  it('damaged scratch data is set aside, not half-loaded', () => {
    const bad = { format: 2, slug: SLUG, bookVersion: 'b', sectionVersion: 's', savedAt: 't', edits: [], scratch: [{ id: 'cell-1', afterCellId: 'cell-1', afterHash: CELLS[0]!.sourceHash, code: '' }] };
    const parsed = parseSaved(JSON.stringify(bad), SLUG);
    expect(parsed).toEqual({ ok: false, reason: 'saved edits.scratch[0].id: expected a scratch cell id like "scratch-1", got the string "cell-1"' });
    const dup = { ...bad, scratch: [0, 1].map(() => ({ id: 'scratch-1', afterCellId: 'cell-1', afterHash: CELLS[0]!.sourceHash, code: '' })) };
    expect(parseSaved(JSON.stringify(dup), SLUG)).toMatchObject({ ok: false, reason: expect.stringMatching(/appears twice/) });
  });

  it('follow their book cell when the book adds a cell above it, and go to the end when it is gone', () => {
    const storage = new FakeStorage();
    const e = open(storage);
    e.addScratch('cell-2', 'after two');
    e.addScratch('cell-3', 'after three');
    e.flush();
    // The book inserts a cell at the top (ids shift) and removes the old cell-3.
    const next = [cell(1, 'print("new")'), cell(2, CELLS[0]!.code), cell(3, CELLS[1]!.code)];
    const moved = open(storage, next);
    expect(layout(moved)).toEqual(['cell-3:after two', 'cell-3:after three']);
  });

  it('are exported and imported with the edits, without duplicates on a second import', () => {
    const a = open(new FakeStorage());
    a.setCode('cell-1', 'one');
    a.addScratch('cell-1', 'mine 1');
    a.addScratch('cell-3', 'mine 3');
    const file = a.exportFile();
    const parsed = parseEditsFile(file, SLUG);
    expect(parsed.format).toBe(2);
    expect(parsed.scratch.map((s) => s.code)).toEqual(['mine 1', 'mine 3']);
    const b = open(new FakeStorage());
    b.addScratch('cell-2', 'already here');
    expect(b.importFile(file)).toEqual({ imported: 1, scratch: 2, orphaned: 0 });
    expect(layout(b)).toEqual(['cell-1:mine 1', 'cell-2:already here', 'cell-3:mine 3']);
    expect(b.importFile(file)).toEqual({ imported: 1, scratch: 0, orphaned: 0 });
    expect(b.scratch()).toHaveLength(3);
    expect(new Set(b.scratch().map((s) => s.id)).size).toBe(3);
  });

  it('imports files of format 1 (no scratch cells)', () => {
    const v1 = JSON.parse(open(new FakeStorage()).exportFile());
    delete v1.scratch;
    v1.format = 1;
    v1.edits = [{ cellId: 'cell-3', code: 'x.max()', baseHash: CELLS[2]!.sourceHash }];
    const b = open(new FakeStorage());
    expect(b.importFile(JSON.stringify(v1))).toEqual({ imported: 1, scratch: 0, orphaned: 0 });
    expect(b.codeOf('cell-3')).toBe('x.max()');
  });
});
