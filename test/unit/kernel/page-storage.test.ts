// IndexedDbPageStorage, the page's default store for files saved by cells. Needs IndexedDB, so it
// runs in the browser projects (node test/browser/run.mjs); Node has none and skips it.
import { afterEach, describe, expect, it } from 'vitest';
import { DownloadUnavailableError, IndexedDbPageStorage, StorageQuotaError, UploadUnavailableError } from '../../../src/kernel/page/page-storage';

const opened: IndexedDbPageStorage[] = [];
let n = 0;
function store(options: ConstructorParameters<typeof IndexedDbPageStorage>[0] = {}): IndexedDbPageStorage {
  const s = new IndexedDbPageStorage({ databaseName: `page-storage-test-${Date.now()}-${n++}`, ...options });
  opened.push(s);
  return s;
}

afterEach(async () => {
  for (const s of opened.splice(0)) {
    await s.close();
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase(s.databaseName);
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
  }
});

describe.runIf(typeof indexedDB !== 'undefined')('IndexedDbPageStorage', () => {
  it('writes, reads, lists, replaces and deletes files; the caller keeps its buffer', async () => {
    const s = store();
    const bytes = new Uint8Array([1, 2, 3]);
    await s.write('a.nd', bytes);
    bytes[0] = 99; // stored a copy
    await s.write('b.nd', new Uint8Array(10));
    await s.write('a.nd', new Uint8Array([4, 5, 6, 7])); // replaces
    expect(Array.from((await s.read('a.nd'))!)).toEqual([4, 5, 6, 7]);
    expect(await s.read('missing')).toBeNull();
    expect((await s.list()).map(({ name, size }) => [name, size])).toEqual([['a.nd', 4], ['b.nd', 10]]);
    expect(await s.delete('a.nd')).toBe(true);
    expect(await s.delete('a.nd')).toBe(false);
    expect((await s.list()).map((f) => f.name)).toEqual(['b.nd']);
  });

  it('refuses a write beyond its size limit and keeps what it had (a replaced file does not count twice)', async () => {
    const s = store({ maxTotalBytes: 100 });
    await s.write('x', new Uint8Array(60));
    await s.write('x', new Uint8Array(90)); // replaces: 90 in all
    const err = await s.write('y', new Uint8Array(20)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageQuotaError);
    expect((err as Error).message).toMatch(/'y' .* does not fit: the book's saved files may take 0 MB and already take 0\.0 MB/);
    expect((await s.list()).map(({ name, size }) => [name, size])).toEqual([['x', 90]]);
    expect(await s.read('y')).toBeNull();
  });

  it('uploads only with a page UI; downloads go to the given function', async () => {
    const plain = store();
    const signal = new AbortController().signal;
    await expect(plain.upload({ cellId: 'c1', signal })).rejects.toBeInstanceOf(UploadUnavailableError);
    const offered: [string, number[]][] = [];
    const withUi = store({ upload: async (r) => ({ name: `for-${r.cellId}`, bytes: new Uint8Array([7]) }), download: (name, b) => void offered.push([name, Array.from(b)]) });
    expect(await withUi.upload({ cellId: 'c2', signal })).toEqual({ name: 'for-c2', bytes: new Uint8Array([7]) });
    await withUi.download('w.nd', new Uint8Array([1, 2]), { cellId: 'c2', signal });
    expect(offered).toEqual([['w.nd', [1, 2]]]);
    // Never a download without a button the reader clicks: a page without one refuses.
    await expect(plain.download('w.nd', new Uint8Array([1]), { cellId: 'c1', signal })).rejects.toBeInstanceOf(DownloadUnavailableError);
  });
});
