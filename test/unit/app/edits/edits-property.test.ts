/**
 * Property: whatever the reader does (type, wait, reload, reset, export, import) and whatever
 * storage does (fills up, frees space), what the page shows is what the reader last typed,
 * what survives a reload is what was last saved, and whenever the two could differ the reader
 * has been told (a save is pending, or a visible storage problem).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellSourceHash } from '../../../../src/content/recorded';
import { parseSaved, savedKey } from '../../../../src/app/edits/saved-edits';
import { SectionEdits, type SectionCell } from '../../../../src/app/edits/section-edits';
import { FakeStorage, ManualTimers } from '../../helpers/fake-storage';

const SLUG = '03-p/02-s';
const ORIGINALS = ['const a = 1;', 'a + 1', 'print(a)'];
const CELLS: SectionCell[] = ORIGINALS.map((code, i) => ({ id: `cell-${i + 1}`, code, sourceHash: cellSourceHash(code) }));
const ids = CELLS.map((c) => c.id);

type Op =
  | { op: 'type'; cell: number; text: string }
  | { op: 'tick' }
  | { op: 'reload' }
  | { op: 'resetCell'; cell: number }
  | { op: 'resetAll' }
  | { op: 'export' }
  | { op: 'import'; which: number }
  | { op: 'full'; on: boolean };

// Texts include the originals, so typing a cell back to its original is exercised.
const text = fc.oneof(fc.constantFrom(...ORIGINALS), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const cellIndex = fc.integer({ min: 0, max: CELLS.length - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('type' as const), cell: cellIndex, text }) },
  { weight: 3, arbitrary: fc.constant({ op: 'tick' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'reload' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('resetCell' as const), cell: cellIndex }) },
  { weight: 1, arbitrary: fc.constant({ op: 'resetAll' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'export' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('import' as const), which: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('full' as const), on: fc.boolean() }) },
);

type Model = Map<string, string>; // cell id -> code the reader typed (absent: original)

const open = (storage: FakeStorage, timers: ManualTimers) =>
  new SectionEdits({ slug: SLUG, title: 'S', bookVersion: 'b', sectionVersion: 's', cells: CELLS, storage, timers, debounceMs: 300, now: () => new Date(0) });

function stored(storage: FakeStorage): Model {
  const text = storage.items.get(savedKey(SLUG));
  if (text === undefined) return new Map();
  const parsed = parseSaved(text, SLUG);
  if (!parsed.ok) throw new Error(`saved data unreadable: ${parsed.reason}`);
  return new Map(parsed.value.edits.map((e) => [e.cellId, e.code]));
}

const same = (a: Model, b: Model) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

describe('edits property', () => {
  it('shown == last typed; reload == last saved; any gap is announced', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const storage = new FakeStorage();
        let timers = new ManualTimers();
        let edits = open(storage, timers);
        let typed: Model = new Map();
        const exports: { file: string; model: Model }[] = [];

        for (const o of ops) {
          switch (o.op) {
            case 'type': {
              const id = ids[o.cell]!;
              edits.setCode(id, o.text);
              if (o.text === ORIGINALS[o.cell]) typed.delete(id);
              else typed.set(id, o.text);
              break;
            }
            case 'tick':
              timers.tick();
              break;
            case 'reload': {
              // The page flushes when it is hidden (pagehide); then a new page reads storage.
              edits.flush();
              const lostIfAny = !same(stored(storage), typed);
              if (lostIfAny) expect(edits.problem(), 'a reload loses edits only after a visible warning').not.toBeNull();
              edits.dispose();
              timers = new ManualTimers();
              edits = open(storage, timers);
              typed = stored(storage);
              break;
            }
            case 'resetCell':
              edits.resetCell(ids[o.cell]!);
              typed.delete(ids[o.cell]!);
              break;
            case 'resetAll':
              edits.resetAll();
              typed = new Map();
              break;
            case 'export':
              exports.push({ file: edits.exportFile(), model: new Map(typed) });
              break;
            case 'import': {
              if (exports.length === 0) break;
              const { file, model } = exports[o.which % exports.length]!;
              edits.importFile(file);
              for (const [k, v] of model) typed.set(k, v);
              break;
            }
            case 'full':
              storage.full = o.on;
              break;
          }
          // What the page shows is what the reader last typed.
          for (const c of CELLS) {
            expect(edits.codeOf(c.id)).toBe(typed.get(c.id) ?? c.code);
            expect(edits.isModified(c.id)).toBe(typed.has(c.id));
          }
          // An export holds exactly that.
          const exported = new Map((JSON.parse(edits.exportFile()).edits as { cellId: string; code: string }[]).map((e) => [e.cellId, e.code]));
          expect(same(exported, typed)).toBe(true);
          // Storage holds it too, unless a save is pending (debounce) or the reader has been warned.
          if (!same(stored(storage), typed)) {
            const pending = edits.state() === 'pending' && timers.scheduled > 0;
            const warned = edits.state() === 'memory-only' && edits.problem() !== null;
            expect(pending || warned, `storage differs silently (state ${edits.state()})`).toBe(true);
          } else if (edits.state() === 'saved') {
            expect(edits.problem()).toBeNull();
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
