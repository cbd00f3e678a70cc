/**
 * The reader's edits (src/app/edits): saved as typed, matched back to cells when the book
 * changes, resets, export/import with validation, and the failure modes (storage full or
 * unavailable, damaged or old-format saved data) where nothing may be silently lost.
 */
import { describe, expect, it } from 'vitest';
import { cellSourceHash } from '../../../../src/content/recorded';
import { EditsImportError, MAX_IMPORT_BYTES, parseEditsFile } from '../../../../src/app/edits/edits-file';
import { resolveEdits } from '../../../../src/app/edits/resolve-edits';
import { savedKey } from '../../../../src/app/edits/saved-edits';
import { SectionEdits, type SectionCell } from '../../../../src/app/edits/section-edits';
import { FakeStorage, ManualTimers } from '../../helpers/fake-storage';

const cell = (n: number, code: string): SectionCell => ({ id: `cell-${n}`, code, sourceHash: cellSourceHash(code) });
const CELLS = [cell(1, 'const x = nd.arange(12);'), cell(2, 'x.reshape([3, 4])'), cell(3, 'x.sum()')];

function open(storage: FakeStorage | null, timers = new ManualTimers(), cells = CELLS, sectionVersion = 'v1') {
  return new SectionEdits({ slug: '01-p/01-s', title: 'S', bookVersion: 'b1', sectionVersion, cells, storage, timers, debounceMs: 300, now: () => new Date('2025-01-01T00:00:00Z') });
}

describe('saving', () => {
  it('keeps an edit in memory at once and in storage after the debounce', () => {
    const storage = new FakeStorage();
    const timers = new ManualTimers();
    const edits = open(storage, timers);
    edits.setCode('cell-2', 'x.reshape([4, 3])');
    expect(edits.codeOf('cell-2')).toBe('x.reshape([4, 3])');
    expect(edits.isModified('cell-2')).toBe(true);
    expect(edits.state()).toBe('pending');
    expect(storage.items.size).toBe(0);
    edits.setCode('cell-2', 'x.reshape([4, 3]) ');
    timers.tick();
    expect(storage.writes).toBe(1); // debounced: one write for two keystrokes
    expect(edits.state()).toBe('saved');
    expect(open(storage).codeOf('cell-2')).toBe('x.reshape([4, 3]) ');
  });

  it('typing the original back removes the edit and the stored value', () => {
    const storage = new FakeStorage();
    const timers = new ManualTimers();
    const edits = open(storage, timers);
    edits.setCode('cell-1', 'changed');
    edits.flush();
    expect(storage.items.has(savedKey('01-p/01-s'))).toBe(true);
    edits.setCode('cell-1', CELLS[0]!.code);
    expect(edits.isModified('cell-1')).toBe(false);
    edits.flush();
    expect(storage.items.has(savedKey('01-p/01-s'))).toBe(false);
  });

  it('resets one cell or the whole section', () => {
    const storage = new FakeStorage();
    const edits = open(storage);
    edits.setCode('cell-1', 'a');
    edits.setCode('cell-3', 'c');
    edits.resetCell('cell-1');
    expect(edits.codeOf('cell-1')).toBe(CELLS[0]!.code);
    expect(edits.modifiedCount()).toBe(1);
    edits.resetAll();
    expect(edits.modifiedCount()).toBe(0);
    edits.flush();
    expect(open(storage).modifiedCount()).toBe(0);
  });

  it('names the cell when asked about one the section does not have', () => {
    expect(() => open(new FakeStorage()).setCode('cell-9', 'x')).toThrow(/no cell 'cell-9'; its cells are cell-1, cell-2, cell-3/);
  });
});

describe('when the book changes', () => {
  it('follows a cell whose id moved and flags one whose original changed', () => {
    const storage = new FakeStorage();
    const before = open(storage);
    before.setCode('cell-2', 'mine 2');
    before.setCode('cell-3', 'mine 3');
    before.flush();
    // A new cell is inserted first (ids shift), and the original of old cell-3 is rewritten.
    const after = [cell(1, 'print("new")'), cell(2, CELLS[0]!.code), cell(3, CELLS[1]!.code), cell(4, 'x.sum().asScalar()')];
    const edits = open(storage, new ManualTimers(), after, 'v2');
    expect(edits.codeOf('cell-3')).toBe('mine 2'); // followed its original to its new id
    expect(edits.originalChanged('cell-3')).toBe(false);
    // Old cell-3 was rewritten and its id now belongs to the moved cell: nothing safe to attach it to,
    // so it is kept as an orphan (saved, listed, exported) rather than put on the wrong cell.
    expect(edits.codeOf('cell-4')).toBe('x.sum().asScalar()');
    expect(edits.orphans()).toEqual([{ cellId: 'cell-3', code: 'mine 3', baseHash: CELLS[2]!.sourceHash }]);
  });

  it('keeps an edit over a changed original, flagged until the reader chooses', () => {
    const storage = new FakeStorage();
    const before = open(storage);
    before.setCode('cell-3', 'mine 3');
    before.flush();
    const changed = [CELLS[0]!, CELLS[1]!, cell(3, 'x.mean()')];
    const edits = open(storage, new ManualTimers(), changed, 'v2');
    expect(edits.codeOf('cell-3')).toBe('mine 3');
    expect(edits.originalChanged('cell-3')).toBe(true);
    edits.setCode('cell-3', 'mine 3 again'); // still flagged while typing
    expect(edits.originalChanged('cell-3')).toBe(true);
    edits.keepEdit('cell-3');
    expect(edits.originalChanged('cell-3')).toBe(false);
    edits.flush();
    expect(open(storage, new ManualTimers(), changed, 'v2').originalChanged('cell-3')).toBe(false);
  });

  it('keeps edits of removed cells as orphans, saved and exported', () => {
    const storage = new FakeStorage();
    const before = open(storage);
    before.setCode('cell-3', 'mine 3');
    before.flush();
    const fewer = [CELLS[0]!, CELLS[1]!];
    const edits = open(storage, new ManualTimers(), fewer, 'v2');
    expect(edits.orphans()).toEqual([{ cellId: 'cell-3', code: 'mine 3', baseHash: CELLS[2]!.sourceHash }]);
    edits.setCode('cell-1', 'other');
    edits.flush();
    expect(open(storage, new ManualTimers(), fewer).orphans()).toHaveLength(1);
    expect(JSON.parse(edits.exportFile()).orphans).toHaveLength(1);
    edits.discardOrphans();
    edits.flush();
    expect(open(storage, new ManualTimers(), fewer).orphans()).toHaveLength(0);
  });

  it('resolveEdits prefers the same id among identical originals', () => {
    const twins = [cell(1, 'x'), cell(2, 'x')];
    const { byCell } = resolveEdits([{ cellId: 'cell-2', code: 'y', baseHash: cellSourceHash('x') }], twins);
    expect([...byCell.keys()]).toEqual(['cell-2']);
  });
});

describe('storage full or unavailable', () => {
  it('warns, keeps edits in memory and exportable, and saves once space is back', () => {
    const storage = new FakeStorage();
    const timers = new ManualTimers();
    const edits = open(storage, timers);
    storage.full = true;
    edits.setCode('cell-1', 'typed while full');
    timers.tick();
    expect(edits.state()).toBe('memory-only');
    expect(edits.problem()?.kind).toBe('full');
    expect(edits.problem()?.message).toMatch(/full.*Export/);
    expect(edits.codeOf('cell-1')).toBe('typed while full');
    expect(JSON.parse(edits.exportFile()).edits[0].code).toBe('typed while full');
    storage.full = false;
    edits.setCode('cell-1', 'typed after');
    timers.tick();
    expect(edits.state()).toBe('saved');
    expect(edits.problem()).toBeNull();
    expect(open(storage).codeOf('cell-1')).toBe('typed after');
  });

  it('works without storage at all', () => {
    const edits = open(null);
    expect(edits.problem()?.kind).toBe('unavailable');
    edits.setCode('cell-2', 'kept in memory');
    edits.flush();
    expect(edits.codeOf('cell-2')).toBe('kept in memory');
    expect(edits.state()).toBe('memory-only');
  });

  it('survives a storage that throws on every access', () => {
    const storage = new FakeStorage();
    storage.broken = true;
    const edits = open(storage);
    expect(edits.problem()?.kind).toBe('unavailable');
    edits.setCode('cell-2', 'still here');
    edits.flush();
    expect(edits.codeOf('cell-2')).toBe('still here');
  });
});

describe('damaged or old saved data', () => {
  for (const [what, text] of [
    ['not JSON', '{"format":1,"slug":'],
    ['an old format', JSON.stringify({ cells: { 'cell-1': 'x' } })],
    ['a wrong field type', JSON.stringify({ format: 1, slug: '01-p/01-s', bookVersion: 'b', sectionVersion: 's', savedAt: 't', edits: [{ cellId: 'cell-1', code: 5, baseHash: '0123456789abcdef' }] })],
  ] as const) {
    it(`${what}: shows the originals, sets the data aside and exports it`, () => {
      const storage = new FakeStorage();
      storage.items.set(savedKey('01-p/01-s'), text);
      const edits = open(storage);
      expect(edits.modifiedCount()).toBe(0);
      expect(edits.codeOf('cell-1')).toBe(CELLS[0]!.code);
      expect(edits.damaged()).toHaveLength(1);
      expect(edits.damaged()[0]!.reason).toMatch(/could not be read/);
      const aside = [...storage.items.entries()].filter(([k]) => k.startsWith('handson/edits-damaged/01-p/01-s/'));
      expect(aside.map(([, v]) => v)).toEqual([text]);
      expect(storage.items.has(savedKey('01-p/01-s'))).toBe(false);
      expect(JSON.parse(edits.exportFile()).damaged[0].text).toBe(text);
    });
  }

  it('when the damaged data cannot be copied aside, it stays in place and in memory', () => {
    const storage = new FakeStorage();
    storage.items.set(savedKey('01-p/01-s'), 'garbage');
    storage.full = true;
    const edits = open(storage);
    expect(edits.damaged()[0]!.reason).toMatch(/export it now/);
    expect(edits.problem()?.kind).toBe('full');
    expect(storage.items.get(savedKey('01-p/01-s'))).toBe('garbage');
  });
});

describe('export and import', () => {
  it('round-trips a section through a file', () => {
    const a = open(new FakeStorage());
    a.setCode('cell-1', 'one');
    a.setCode('cell-3', 'three');
    const file = a.exportFile();
    const b = open(new FakeStorage());
    b.setCode('cell-2', 'two');
    expect(b.importFile(file)).toEqual({ imported: 2, scratch: 0, orphaned: 0 });
    expect([1, 2, 3].map((n) => b.codeOf(`cell-${n}`))).toEqual(['one', 'two', 'three']);
  });

  const valid = () => JSON.parse(open(new FakeStorage()).exportFile());
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{', /not valid JSON/],
    ['another kind of file', JSON.stringify({ kind: 'notebook' }), /not an edits file of this book: expected "kind": "handson-dl-edits", got "notebook"/],
    ['a newer format', JSON.stringify({ ...valid(), format: 3 }), /format 3; this version of the book reads formats 1 and 2/],
    ['another section', JSON.stringify({ ...valid(), slug: '09-x/01-y' }), /edits of section '09-x\/01-y', but this is section '01-p\/01-s'. Open that section/],
    ['a bad cell id', JSON.stringify({ ...valid(), edits: [{ cellId: 'three', code: '', baseHash: '0123456789abcdef' }] }), /file.edits\[0\].cellId: expected a cell id like "cell-3", got the string "three"/],
    ['a missing code', JSON.stringify({ ...valid(), edits: [{ cellId: 'cell-1', baseHash: '0123456789abcdef' }] }), /file.edits\[0\].code: expected a string, got undefined/],
    ['too large', ' '.repeat(MAX_IMPORT_BYTES + 1), /is 2.0 MB; an edits file is at most 2 MB/],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what} with a clear error and changes nothing`, () => {
      const edits = open(new FakeStorage());
      edits.setCode('cell-1', 'mine');
      expect(() => edits.importFile(text)).toThrow(EditsImportError);
      expect(() => parseEditsFile(text, '01-p/01-s')).toThrow(message);
      expect(edits.codeOf('cell-1')).toBe('mine');
      expect(edits.modifiedCount()).toBe(1);
    });
  }
});
