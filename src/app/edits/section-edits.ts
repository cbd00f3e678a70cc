/**
 * The reader's edits of one section: what each cell holds now, saved as typed (debounced) in
 * browser storage, with resets, export and import. Memory is the source of truth: when
 * storage is full or missing, edits stay here (exportable) and `problem` says so; when saved
 * data is damaged, the originals are shown and the damaged text is set aside, never deleted.
 *
 * No DOM and no React: the app subscribes to it, and unit tests drive it with a fake storage
 * and fake timers.
 */
import { MAX_CELL_CODE_CHARS, type CellEdit } from './edit-schema';
import { EDITS_FILE_FORMAT, EDITS_FILE_KIND, EditsImportError, parseEditsFile, serializeEditsFile, type DamagedData } from './edits-file';
import { resolveEdits, type CellIdentity } from './resolve-edits';
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
  /** Edits of the file whose cell is gone (kept as orphans). */
  orphaned: number;
}

export class SectionEdits {
  readonly slug: string;
  private readonly cells: readonly SectionCell[];
  private readonly cellById: Map<string, SectionCell>;
  private edits = new Map<string, CellEdit>();
  private orphanEdits: CellEdit[] = [];
  private damagedData: DamagedData[] = [];
  private storageProblem: StorageProblem | null;
  private saveState: SaveState = 'saved';
  private timer: unknown = null;
  private readonly listeners = new Set<() => void>();
  private revision = 0;

  constructor(private readonly options: SectionEditsOptions) {
    this.slug = options.slug;
    this.cells = options.cells;
    this.cellById = new Map(options.cells.map((c) => [c.id, c]));
    this.storageProblem = options.storage ? null : (options.storageProblem ?? { kind: 'unavailable', message: 'Browser storage is unavailable.' });
    if (!options.storage) this.saveState = 'memory-only';
    this.load();
  }

  // ---- reading ----------------------------------------------------------------------------

  /** What the cell holds now: the reader's edit or the book's code. */
  codeOf(cellId: string): string {
    return this.edits.get(cellId)?.code ?? this.original(cellId).code;
  }

  isModified(cellId: string): boolean {
    return this.edits.has(cellId);
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
    const original = this.original(cellId);
    if (code.length > MAX_CELL_CODE_CHARS) throw new RangeError(`cell ${cellId}: ${code.length} characters is more than the ${MAX_CELL_CODE_CHARS} an edit may hold`);
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
      sectionTitle: this.options.title,
      bookVersion: this.options.bookVersion,
      sectionVersion: this.options.sectionVersion,
      exportedAt: this.now().toISOString(),
      edits: [...this.edits.values()],
      orphans: this.orphanEdits,
      damaged: this.damagedData,
    });
  }

  /** Imports a file: its edits replace the current ones of the same cells. Throws EditsImportError. */
  importFile(text: string): ImportResult {
    const file = parseEditsFile(text, this.slug);
    const { byCell, orphans } = resolveEdits([...file.edits, ...file.orphans], this.cells);
    const edits = new Map(this.edits);
    for (const [cellId, e] of byCell) {
      if (e.code === this.original(cellId).code) edits.delete(cellId);
      else edits.set(cellId, e);
    }
    const known = new Set(this.orphanEdits.map((o) => `${o.cellId}\0${o.baseHash}\0${o.code}`));
    const orphanEdits = [...this.orphanEdits, ...orphans.filter((o) => !known.has(`${o.cellId}\0${o.baseHash}\0${o.code}`))];
    // What one section may keep in storage: a few imports must not fill the reader's quota.
    const size = [...edits.values(), ...orphanEdits].reduce((n, e) => n + e.code.length + e.cellId.length + e.baseHash.length, 0);
    if (size > MAX_SECTION_CHARS) {
      throw new EditsImportError(
        `With this file, the section's edits would take ${size.toLocaleString('en-US')} characters; a section keeps at most ${MAX_SECTION_CHARS.toLocaleString('en-US')}. Import a file exported from this book (Edits > Export), or reset some cells first.`,
      );
    }
    this.edits = edits;
    this.orphanEdits = orphanEdits;
    this.changed();
    return { imported: byCell.size, orphaned: orphans.length };
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
      text = storage.getItem(savedKey(slug));
    } catch (e) {
      this.fail(e);
      return;
    }
    if (text === null) return;
    const parsed = parseSaved(text, slug);
    if (!parsed.ok) {
      this.setAside(text, parsed.reason);
      return;
    }
    const { byCell, orphans } = resolveEdits(parsed.value.edits, this.cells);
    this.edits = byCell;
    this.orphanEdits = orphans;
  }

  /** Damaged saved data: shown to the reader, copied to its own key, and the section starts clean. */
  private setAside(text: string, reason: string): void {
    const { storage, slug } = this.options;
    const damaged: DamagedData = { reason: `Saved edits for this section could not be read (${reason}). The book's cells are shown; the damaged data is kept aside and included in Export.`, text };
    this.damagedData = [...this.damagedData, damaged];
    try {
      storage!.setItem(damagedKey(slug, this.now().toISOString()), text);
      storage!.removeItem(savedKey(slug));
    } catch (e) {
      // Could not copy it aside: leave it where it is (not overwritten until the reader edits) and keep it in memory.
      damaged.reason += ' It could not be copied aside in storage: export it now to keep it.';
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
      if (all.length === 0) storage.removeItem(savedKey(slug));
      else storage.setItem(savedKey(slug), serializeSaved({ format: SAVED_FORMAT, slug, bookVersion, sectionVersion, savedAt: this.now().toISOString(), edits: all }));
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
