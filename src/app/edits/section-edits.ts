/**
 * The reader's edits of one section: what each cell holds now, saved as typed (debounced) in
 * browser storage, with resets, export and import. Memory is the source of truth: when
 * storage is full or missing, edits stay here (exportable) and `problem` says so; when saved
 * data is damaged, the originals are shown and the damaged text is set aside, never deleted.
 *
 * No DOM and no React: the app subscribes to it, and unit tests drive it with a fake storage
 * and fake timers.
 */
import { MAX_CELL_CODE_CHARS, MAX_SCRATCH_PER_SECTION, SCRATCH_ID, type CellEdit, type ScratchCell } from './edit-schema';
import { EDITS_FILE_FORMAT, EDITS_FILE_KIND, EditsImportError, parseEditsFile, serializeEditsFile, type DamagedData } from './edits-file';
import { pageMessages } from '../i18n/messages';
import { resolveEdits, type CellIdentity } from './resolve-edits';
import { resolveScratch } from './resolve-scratch';
import { DEFAULT_LANG, type BookLang } from '../../content/book-lang';
import { damagedKey, parseSaved, SAVED_FORMAT, savedKey, serializeSaved } from './saved-edits';
import { freeSpaceForEdits, isQuotaError, writeProblem, type StorageLike, type StorageProblem } from './safe-storage';

export interface SectionCell extends CellIdentity {
  /** The book's code for the cell. */
  code: string;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Characters of edits one section keeps from an import (an edited chapter is a few thousand). */
export const MAX_SECTION_CHARS = 400_000;

const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

export interface SectionEditsOptions {
  slug: string;
  /** The edition (default English): edits are kept, exported and imported per edition. */
  lang?: BookLang;
  title: string;
  bookVersion: string;
  sectionVersion: string;
  cells: readonly SectionCell[];
  /** null when the browser gives none (see openBrowserStorage). */
  storage: StorageLike | null;
  /** Why storage is null, shown to the reader. */
  storageProblem?: StorageProblem | null;
  debounceMs?: number;
  timers?: Timers;
  now?: () => Date;
}

export type SaveState = 'saved' | 'pending' | 'memory-only';

export interface ImportResult {
  imported: number;
  /** Scratch cells of the file added to the section (ones already here with the same code are skipped). */
  scratch: number;
  /** Edits of the file whose cell is gone (kept as orphans). */
  orphaned: number;
}

export class SectionEdits {
  readonly slug: string;
  readonly lang: BookLang;
  private readonly cells: readonly SectionCell[];
  private readonly cellById: Map<string, SectionCell>;
  private edits = new Map<string, CellEdit>();
  private orphanEdits: CellEdit[] = [];
  /** The reader's own cells in page order (grouped by the book cell they sit below). */
  private scratchList: ScratchCell[] = [];
  private nextScratch = 1;
  private damagedData: DamagedData[] = [];
  private storageProblem: StorageProblem | null;
  private saveState: SaveState = 'saved';
  private timer: unknown = null;
  private readonly listeners = new Set<() => void>();
  private revision = 0;

  constructor(private readonly options: SectionEditsOptions) {
    this.slug = options.slug;
    this.lang = options.lang ?? DEFAULT_LANG;
    this.cells = options.cells;
    this.cellById = new Map(options.cells.map((c) => [c.id, c]));
    this.storageProblem = options.storage ? null : (options.storageProblem ?? { kind: 'unavailable', message: pageMessages().edits.storageUnavailable });
    if (!options.storage) this.saveState = 'memory-only';
    this.load();
  }

  // ---- reading ----------------------------------------------------------------------------

  /** What the cell holds now: the reader's edit or the book's code (or a scratch cell's code). */
  codeOf(cellId: string): string {
    if (isScratchId(cellId)) return this.scratchCell(cellId).code;
    return this.edits.get(cellId)?.code ?? this.original(cellId).code;
  }

  /** A book cell the reader changed (scratch cells are the reader's own, never "modified"). */
  isModified(cellId: string): boolean {
    return this.edits.has(cellId);
  }

  /** The reader's own cells, in page order. */
  scratch(): readonly ScratchCell[] {
    return this.scratchList;
  }

  /** The scratch cells right below book cell `cellId`, in order. */
  scratchAfter(cellId: string): ScratchCell[] {
    return this.scratchList.filter((s) => s.afterCellId === cellId);
  }

  /** True when the book's cell changed since the reader edited it. */
  originalChanged(cellId: string): boolean {
    const e = this.edits.get(cellId);
    return e !== undefined && e.baseHash !== this.original(cellId).sourceHash;
  }

  modifiedCount(): number {
    return this.edits.size;
  }

  orphans(): readonly CellEdit[] {
    return this.orphanEdits;
  }

  damaged(): readonly DamagedData[] {
    return this.damagedData;
  }

  problem(): StorageProblem | null {
    return this.storageProblem;
  }

  state(): SaveState {
    return this.saveState;
  }

  /** Changes whenever anything above changes (for useSyncExternalStore). */
  snapshot = (): number => this.revision;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // ---- changing ---------------------------------------------------------------------------

  /** The reader typed: keep it now, save it soon. Typing the original back removes the edit. */
  setCode(cellId: string, code: string): void {
    if (code.length > MAX_CELL_CODE_CHARS) throw new RangeError(`cell ${cellId}: ${code.length} characters is more than the ${MAX_CELL_CODE_CHARS} an edit may hold`);
    if (isScratchId(cellId)) {
      const s = this.scratchCell(cellId);
      if (s.code === code) return;
      this.scratchList = this.scratchList.map((x) => (x.id === cellId ? { ...x, code } : x));
      this.changed();
      return;
    }
    const original = this.original(cellId);
    const previous = this.edits.get(cellId);
    if (code === original.code) {
      if (!previous) return;
      this.edits.delete(cellId);
    } else {
      if (previous?.code === code) return;
      // A changed original stays flagged until the reader chooses (keepEdit or resetCell).
      this.edits.set(cellId, { cellId, code, baseHash: previous?.baseHash ?? original.sourceHash });
    }
    this.changed();
  }

  /**
   * Adds an empty scratch cell right below `belowId`: a book cell (it becomes the first of that
   * cell's scratch cells) or a scratch cell (the new one follows it). Returns the new cell's id.
   */
  addScratch(belowId: string, code = ''): string {
    if (this.scratchList.length >= MAX_SCRATCH_PER_SECTION) throw new RangeError(`a section holds at most ${MAX_SCRATCH_PER_SECTION} scratch cells; delete some first`);
    const id = `scratch-${this.nextScratch++}`;
    let at: number;
    let anchor: SectionCell;
    if (isScratchId(belowId)) {
      const below = this.scratchCell(belowId);
      anchor = this.original(below.afterCellId);
      at = this.scratchList.indexOf(below) + 1;
    } else {
      anchor = this.original(belowId);
      const first = this.scratchList.findIndex((s) => s.afterCellId === belowId);
      // Directly below the book cell: before its other scratch cells, or where its group would start.
      at = first >= 0 ? first : this.scratchList.filter((s) => this.position(s.afterCellId) < this.position(belowId)).length;
    }
    const next = this.scratchList.slice();
    next.splice(at, 0, { id, afterCellId: anchor.id, afterHash: anchor.sourceHash, code });
    this.scratchList = next;
    this.changed();
    return id;
  }

  deleteScratch(id: string): void {
    const before = this.scratchList.length;
    this.scratchList = this.scratchList.filter((s) => s.id !== id);
    if (this.scratchList.length !== before) this.changed();
  }

  resetCell(cellId: string): void {
    if (this.edits.delete(cellId)) this.changed();
  }

  resetAll(): void {
    if (this.edits.size === 0) return;
    this.edits.clear();
    this.changed();
  }

  /** The reader keeps their edit over a changed original: stop flagging it. */
  keepEdit(cellId: string): void {
    const e = this.edits.get(cellId);
    if (!e) return;
    this.edits.set(cellId, { ...e, baseHash: this.original(cellId).sourceHash });
    this.changed();
  }

  /** Forgets edits whose cells are gone (after the reader exported or read them). */
  discardOrphans(): void {
    if (this.orphanEdits.length === 0) return;
    this.orphanEdits = [];
    this.changed();
  }

  /** Forgets the damaged data shown to the reader (it stays under its storage key). */
  dismissDamaged(): void {
    if (this.damagedData.length === 0) return;
    this.damagedData = [];
    this.bump();
  }

  // ---- export and import -----------------------------------------------------------------

  exportFile(): string {
    return serializeEditsFile({
      kind: EDITS_FILE_KIND,
      format: EDITS_FILE_FORMAT,
      slug: this.slug,
      lang: this.lang,
      sectionTitle: this.options.title,
      bookVersion: this.options.bookVersion,
      sectionVersion: this.options.sectionVersion,
      exportedAt: this.now().toISOString(),
      edits: [...this.edits.values()],
      orphans: this.orphanEdits,
      scratch: this.scratchList,
      damaged: this.damagedData,
    });
  }

  /** Imports a file: its edits replace the current ones of the same cells. Throws EditsImportError. */
  importFile(text: string): ImportResult {
    const file = parseEditsFile(text, this.slug, this.lang);
    const { byCell, orphans } = resolveEdits([...file.edits, ...file.orphans], this.cells);
    const edits = new Map(this.edits);
    for (const [cellId, e] of byCell) {
      if (e.code === this.original(cellId).code) edits.delete(cellId);
      else edits.set(cellId, e);
    }
    const known = new Set(this.orphanEdits.map((o) => `${o.cellId}\0${o.baseHash}\0${o.code}`));
    const orphanEdits = [...this.orphanEdits, ...orphans.filter((o) => !known.has(`${o.cellId}\0${o.baseHash}\0${o.code}`))];
    // Scratch cells are added (with fresh ids), not replaced: importing twice must not duplicate them.
    const have = new Set(this.scratchList.map((x) => `${x.afterCellId}\0${x.code}`));
    let scratchList = this.scratchList;
    let nextScratch = this.nextScratch;
    let added = 0;
    for (const x of resolveScratch(file.scratch, this.cells)) {
      if (have.has(`${x.afterCellId}\0${x.code}`) || scratchList.length >= MAX_SCRATCH_PER_SECTION) continue;
      have.add(`${x.afterCellId}\0${x.code}`);
      scratchList = this.ordered([...scratchList, { ...x, id: `scratch-${nextScratch++}` }]);
      added++;
    }
    // What one section may keep in storage: a few imports must not fill the reader's quota.
    const size =
      [...edits.values(), ...orphanEdits].reduce((n, e) => n + e.code.length + e.cellId.length + e.baseHash.length, 0) +
      scratchList.reduce((n, x) => n + x.code.length + x.afterCellId.length, 0);
    if (size > MAX_SECTION_CHARS) {
      throw new EditsImportError(
        pageMessages().edits.sectionTooLarge(size, MAX_SECTION_CHARS),
      );
    }
    this.edits = edits;
    this.orphanEdits = orphanEdits;
    this.scratchList = scratchList;
    this.nextScratch = nextScratch;
    this.changed();
    return { imported: byCell.size, scratch: added, orphaned: orphans.length };
  }

  // ---- persistence ------------------------------------------------------------------------

  /** Writes pending changes now (the page calls this when it is hidden or unloaded). */
  flush(): void {
    if (this.timer !== null) {
      this.timers().clear(this.timer);
      this.timer = null;
    }
    if (this.saveState === 'saved') return;
    this.write();
  }

  /** Flushes and stops listening. */
  dispose(): void {
    this.flush();
    this.listeners.clear();
  }

  private load(): void {
    const { storage, slug } = this.options;
    if (!storage) return;
    let text: string | null;
    try {
      text = storage.getItem(savedKey(slug, this.lang));
    } catch (e) {
      this.fail(e);
      return;
    }
    if (text === null) return;
    const parsed = parseSaved(text, slug, this.lang);
    if (!parsed.ok) {
      this.setAside(text, parsed.reason);
      return;
    }
    const { byCell, orphans } = resolveEdits(parsed.value.edits, this.cells);
    this.edits = byCell;
    this.orphanEdits = orphans;
    this.scratchList = this.ordered(resolveScratch(parsed.value.scratch, this.cells));
    this.nextScratch = 1 + Math.max(0, ...this.scratchList.map((x) => Number(x.id.slice('scratch-'.length))));
  }

  /** Damaged saved data: shown to the reader, copied to its own key, and the section starts clean. */
  private setAside(text: string, reason: string): void {
    const { storage, slug } = this.options;
    // Worded in the page's language now: the reason is shown, and exported with the data.
    const damaged: DamagedData = { reason: pageMessages().edits.damaged(reason, false), text };
    this.damagedData = [...this.damagedData, damaged];
    try {
      storage!.setItem(damagedKey(slug, this.now().toISOString(), this.lang), text);
      storage!.removeItem(savedKey(slug, this.lang));
    } catch (e) {
      // Could not copy it aside: leave it where it is (not overwritten until the reader edits) and keep it in memory.
      damaged.reason = pageMessages().edits.damaged(reason, true);
      this.storageProblem = writeProblem(e);
    }
  }

  private changed(): void {
    if (this.options.storage) {
      if (this.saveState !== 'memory-only') this.saveState = 'pending';
      if (this.timer !== null) this.timers().clear(this.timer);
      this.timer = this.timers().set(() => {
        this.timer = null;
        this.write();
      }, this.options.debounceMs ?? 300);
    }
    this.bump();
  }

  private write(): void {
    const { storage, slug, bookVersion, sectionVersion } = this.options;
    if (!storage) return;
    const all = [...this.edits.values(), ...this.orphanEdits];
    const save = () => {
      if (all.length === 0 && this.scratchList.length === 0) storage.removeItem(savedKey(slug, this.lang));
      else {
        storage.setItem(
          savedKey(slug, this.lang),
          serializeSaved({ format: SAVED_FORMAT, slug, lang: this.lang, bookVersion, sectionVersion, savedAt: this.now().toISOString(), edits: all, scratch: this.scratchList }),
        );
      }
    };
    try {
      try {
        save();
      } catch (e) {
        // Full: the reader's edits go before the app's own reserve and caches (safe-storage.ts).
        if (!isQuotaError(e) || !freeSpaceForEdits(storage)) throw e;
        save();
      }
      this.saveState = 'saved';
      this.storageProblem = null;
    } catch (e) {
      this.fail(e);
    }
    this.bump();
  }

  private fail(e: unknown): void {
    this.saveState = 'memory-only';
    this.storageProblem = writeProblem(e);
  }

  private original(cellId: string): SectionCell {
    const c = this.cellById.get(cellId);
    if (!c) throw new RangeError(`section ${this.slug} has no cell '${cellId}'; its cells are ${this.cells.map((x) => x.id).join(', ') || '(none)'}`);
    return c;
  }

  private scratchCell(id: string): ScratchCell {
    const s = this.scratchList.find((x) => x.id === id);
    if (!s) throw new RangeError(`section ${this.slug} has no scratch cell '${id}'; its scratch cells are ${this.scratchList.map((x) => x.id).join(', ') || '(none)'}`);
    return s;
  }

  private position(cellId: string): number {
    return this.cells.findIndex((c) => c.id === cellId);
  }

  /** Groups scratch cells by the position of their book cell (stable: order within a group is kept). */
  private ordered(list: readonly ScratchCell[]): ScratchCell[] {
    return list
      .map((x, i) => ({ x, i }))
      .sort((a, b) => this.position(a.x.afterCellId) - this.position(b.x.afterCellId) || a.i - b.i)
      .map(({ x }) => x);
  }

  private bump(): void {
    this.revision++;
    for (const l of [...this.listeners]) l();
  }

  private timers(): Timers {
    return this.options.timers ?? realTimers;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

export { EditsImportError };

export const isScratchId = (cellId: string): boolean => SCRATCH_ID.test(cellId);
