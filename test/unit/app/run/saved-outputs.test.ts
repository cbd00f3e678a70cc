import { describe, expect, it } from 'vitest';
import { IDLE, type CellRun } from '../../../../src/app/run/cell-run';
import { loadSavedOutputs, outputsToSave, parseSavedOutputs, SAVED_OUTPUTS_SECTIONS, savedOutputsKey, storeSavedOutputs } from '../../../../src/app/run/saved-outputs';

const done = (code: string, text: string): CellRun => ({ ...IDLE, status: 'done', ran: true, code, outputs: [{ kind: 'text', stream: 'stdout', text }] });

class MemoryStorage {
  map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

describe('saved outputs', () => {
  it('keeps finished runs with their code, and round-trips through storage checked', () => {
    const saved = outputsToSave({ 'cell-1': done('print(1)', '1\n'), 'cell-2': { ...IDLE, status: 'running', ran: true, code: 'x' }, 'cell-3': IDLE }, '2026-12-07T10:00:00Z');
    expect(saved).toEqual([{ cellId: 'cell-1', code: 'print(1)', outputs: [{ kind: 'text', stream: 'stdout', text: '1\n' }], savedAt: '2026-12-07T10:00:00Z' }]);
    const storage = new MemoryStorage();
    storeSavedOutputs(storage, 'a/b', saved);
    expect(loadSavedOutputs(storage, 'a/b')).toEqual(saved);
  });

  it('stays within its budget and leaves images out', () => {
    const big = done('big', 'x'.repeat(40_000));
    const images: CellRun = { ...done('img', ''), outputs: [{ kind: 'images', images: [], columns: 1, scale: 1 }] };
    const saved = outputsToSave({ 'cell-1': big, 'cell-2': big, 'cell-3': done('small', 'y'), 'cell-4': images }, 'now');
    expect(saved.map((s) => s.cellId)).toEqual(['cell-1', 'cell-3']);
  });

  it('drops anything malformed instead of showing it', () => {
    expect(parseSavedOutputs('not json')).toEqual([]);
    expect(parseSavedOutputs('{"a":1}')).toEqual([]);
    expect(parseSavedOutputs(JSON.stringify([{ cellId: 'cell-1', code: 'c', savedAt: 't', outputs: [{ kind: 'script', src: 'evil' }] }]))).toEqual([]);
    expect(parseSavedOutputs(JSON.stringify([{ cellId: '../x', code: 'c', savedAt: 't', outputs: [] }]))).toEqual([]);
  });

  it('keeps the most recent sections only', () => {
    const storage = new MemoryStorage();
    for (let i = 0; i < SAVED_OUTPUTS_SECTIONS + 2; i++) storeSavedOutputs(storage, `s${i}`, outputsToSave({ 'cell-1': done('c', `${i}`) }, 'now'));
    expect(storage.getItem(savedOutputsKey('s0'))).toBeNull();
    expect(storage.getItem(savedOutputsKey('s1'))).toBeNull();
    expect(loadSavedOutputs(storage, `s${SAVED_OUTPUTS_SECTIONS + 1}`)).toHaveLength(1);
  });
});
