/**
 * The reader's edits against a full quota (issue 14): a cell that spoofed a 5 MB probe filled the
 * site's storage and the reader's next edits were not saved. The app's own keys make room first;
 * imports are bounded per section.
 */
import { describe, expect, it } from 'vitest';
import { cellSourceHash } from '../../../../src/content/recorded';
import { EditsImportError } from '../../../../src/app/edits/edits-file';
import { savedKey } from '../../../../src/app/edits/saved-edits';
import { freeSpaceForEdits, RESERVE_KEY, takeReserve } from '../../../../src/app/edits/safe-storage';
import { MAX_SECTION_CHARS, SectionEdits, type SectionCell } from '../../../../src/app/edits/section-edits';
import { PROBE_CACHE_KEY } from '../../../../src/kernel/page/probe-cache';
import { FakeStorage, ManualTimers } from '../../helpers/fake-storage';

const cell = (n: number, code: string): SectionCell => ({ id: `cell-${n}`, code, sourceHash: cellSourceHash(code) });
const CELLS = [cell(1, 'const x = nd.arange(12);'), cell(2, 'x.reshape([3, 4])')];
const open = (storage: FakeStorage) => new SectionEdits({ slug: '01-p/01-s', title: 'S', bookVersion: 'b1', sectionVersion: 'v1', cells: CELLS, storage, timers: new ManualTimers(), debounceMs: 300, now: () => new Date('2025-01-01T00:00:00Z') });

/** A storage with a byte budget, like localStorage (characters of keys and values). */
class QuotaStorage extends FakeStorage {
  constructor(private readonly quota: number) {
    super();
  }
  private used(): number {
    let n = 0;
    for (const [k, v] of this.items) n += k.length + v.length;
    return n;
  }
  override setItem(key: string, value: string): void {
    const old = this.items.get(key);
    if (this.used() - (old === undefined ? 0 : key.length + old.length) + key.length + value.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    super.setItem(key, value);
  }
}

describe('edits survive a full quota', () => {
  it('the app’s reserve and its probe cache go before the reader’s edits fail to save', () => {
    const storage = new QuotaStorage(200_000);
    takeReserve(storage);
    expect(storage.items.has(RESERVE_KEY)).toBe(true);
    // Something fills the rest (a spoofed probe, another site of the same origin).
    storage.setItem(PROBE_CACHE_KEY, 'x'.repeat(200_000 - storage.items.get(RESERVE_KEY)!.length - RESERVE_KEY.length - PROBE_CACHE_KEY.length - 10));
    const edits = open(storage);
    edits.setCode('cell-2', 'x.reshape([4, 3]) // the reader’s work');
    edits.flush();
    expect(edits.state()).toBe('saved');
    expect(edits.problem()).toBeNull();
    expect(storage.items.get(savedKey('01-p/01-s'))).toContain('the reader’s work');
    expect(storage.items.has(RESERVE_KEY)).toBe(false);
  });

  it('when nothing of the app’s is left to free, the reader is told (and Export is offered by the notice)', () => {
    const storage = new QuotaStorage(100);
    storage.items.set('someone-else', 'x'.repeat(100));
    const edits = open(storage);
    edits.setCode('cell-2', 'edited');
    edits.flush();
    expect(edits.state()).toBe('memory-only');
    expect(edits.problem()?.kind).toBe('full');
    expect(freeSpaceForEdits(storage)).toBe(false);
    expect(storage.items.has('someone-else')).toBe(true); // never another site's data
  });
});

describe('imports are bounded per section', () => {
  it('a 2 MB edits file cannot fill one section’s key', () => {
    const storage = new FakeStorage();
    const edits = open(storage);
    const big = { kind: 'handson-dl-edits', format: 1, slug: '01-p/01-s', sectionTitle: 'S', bookVersion: 'b1', sectionVersion: 'v1', exportedAt: '2025-01-01T00:00:00Z', edits: [] as unknown[], orphans: [] as unknown[], damaged: [] };
    for (let i = 0; i < 9; i++) big.orphans.push({ cellId: `cell-${10 + i}`, baseHash: '0123456789abcdef', code: 'y'.repeat(199_000) });
    expect(() => edits.importFile(JSON.stringify(big))).toThrow(EditsImportError);
    expect(() => edits.importFile(JSON.stringify(big))).toThrow(/at most 400,000/);
    edits.flush();
    expect(storage.items.size).toBe(0);
    expect(MAX_SECTION_CHARS).toBe(400_000);
  });
});
