// The kernel's storage relay: cells' nd.save / nd.load / saveParameters / download / upload
// become storage requests to the page, answered here by an in-memory PageStorage as the page's
// KernelClient would answer them.
import { afterEach, describe, expect, it } from 'vitest';
import { StorageRelay } from '../../../src/kernel/core/storage-relay';
import type { StorageRequest, StorageResponse } from '../../../src/kernel/protocol';
import type { PageStorage, StoredFileInfo, UploadRequest, UploadedFile } from '../../../src/kernel/page/page-storage';
import { setStorageBackend } from '../../../src/lib/io/storage';
import { startKernel } from '../helpers/kernel';

/** The page's side, in memory: what a PageStorage sees. */
class FakePageStorage implements PageStorage {
  files = new Map<string, Uint8Array>();
  downloads: { name: string; bytes: Uint8Array }[] = [];
  uploads: (UploadedFile | null)[] = [];
  uploadRequests: UploadRequest[] = [];
  failWrites: string | null = null;
  async write(name: string, bytes: Uint8Array): Promise<void> {
    if (this.failWrites) throw new Error(this.failWrites);
    this.files.set(name, bytes.slice());
  }
  async read(name: string): Promise<Uint8Array | null> {
    return this.files.get(name)?.slice() ?? null;
  }
  async list(): Promise<StoredFileInfo[]> {
    return [...this.files].map(([name, b]) => ({ name, size: b.byteLength, modified: 0 }));
  }
  async download(name: string, bytes: Uint8Array): Promise<void> {
    this.downloads.push({ name, bytes: bytes.slice() });
  }
  upload(request: UploadRequest): Promise<UploadedFile | null> {
    this.uploadRequests.push(request);
    if (this.uploads.length > 0) return Promise.resolve(this.uploads.shift()!);
    // No file queued: wait like a reader who has not picked one, until the cell is stopped.
    return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(new Error('aborted'))));
  }
}

/** Answers a storage request the way KernelClient.answerStorage does. */
async function answer(store: FakePageStorage, r: StorageRequest, signal: AbortSignal): Promise<StorageResponse> {
  try {
    switch (r.op) {
      case 'write':
        await store.write(r.name, r.bytes);
        return { type: 'storage-response', requestId: r.requestId, ok: true, result: { op: 'write' } };
      case 'read':
        return { type: 'storage-response', requestId: r.requestId, ok: true, result: { op: 'read', bytes: await store.read(r.name) } };
      case 'download':
        await store.download(r.name, r.bytes);
        return { type: 'storage-response', requestId: r.requestId, ok: true, result: { op: 'download' } };
      case 'upload':
        return { type: 'storage-response', requestId: r.requestId, ok: true, result: { op: 'upload', file: await store.upload({ cellId: r.runId, signal }) } };
    }
  } catch (e) {
    return { type: 'storage-response', requestId: r.requestId, ok: false, error: (e as Error).message };
  }
}

/** A kernel whose storage goes to `store` through the relay, as in the worker. */
async function startWithStorage(store: FakePageStorage) {
  const abort = new AbortController();
  const started = await startKernel({
    beforeStart: (kernel) => setStorageBackend(kernel.storage),
    onMessage: (m, kernel) => {
      if (m.type === 'storage-request') void answer(store, m, abort.signal).then((r) => !abort.signal.aborted && kernel.handle(r));
    },
  });
  const interrupt = () => {
    abort.abort(); // the page closes its upload button (KernelClient.interrupt)
    started.kernel.handle({ type: 'interrupt' });
  };
  return { ...started, interrupt };
}

afterEach(() => setStorageBackend(null));

describe('storage relay: cells save and load through the page', () => {
  it('nd.save then nd.load: the bytes live in the page, the arrays come back equal', async () => {
    const store = new FakePageStorage();
    const { run, messages } = await startWithStorage(store);
    const saved = await run("await nd.save('x-file', { w: nd.array([[1, 2], [3, 4]]), b: nd.array([0.5]) });");
    expect(saved.errors).toEqual([]);
    expect([...store.files.keys()]).toEqual(['x-file']);
    const request = messages.find((m): m is StorageRequest => m.type === 'storage-request' && m.op === 'write');
    expect(request?.runId).toBe(saved.id); // the page knows which cell asked
    const loaded = await run("const d = nd.load('x-file');\nconst got = await d;\n[await got.w.toArray(), await got.b.toArray()]");
    expect(loaded.errors).toEqual([]);
    expect(loaded.values).toEqual(['[[[1, 2], [3, 4]], [0.5]]']);
  });

  it('saveParameters survives a kernel restart: a new kernel loads identical outputs', async () => {
    const store = new FakePageStorage();
    const first = await startWithStorage(store);
    const made = await first.run("const net = new gluon.nn.Sequential();\nnet.add(new gluon.nn.Dense(8, { activation: 'relu' }), new gluon.nn.Dense(3));\nnet.initialize();\nconst X = nd.random.uniform(0, 1, [4, 5]);\nconst before = await net.forward(X).toArray();\nawait nd.save('X', X);\nawait net.saveParameters('mlp.params');\nbefore");
    expect(made.errors).toEqual([]);
    const before = made.values[0];
    const second = await startWithStorage(store); // the reader reloads the page: a fresh kernel, the same page storage
    const r = await second.run("const clone = new gluon.nn.Sequential();\nclone.add(new gluon.nn.Dense(8, { activation: 'relu' }), new gluon.nn.Dense(3));\nawait clone.loadParameters('mlp.params');\nawait clone.forward(await nd.load('X')).toArray()");
    expect(r.errors).toEqual([]);
    expect(r.values[0]).toBe(before);
  });

  it('download offers the saved bytes; upload stores the chosen file under its name', async () => {
    const store = new FakePageStorage();
    const { run } = await startWithStorage(store);
    await run("await nd.save('models/v.nd', nd.arange(6).reshape([2, 3]), { download: true });");
    expect(store.downloads.map((d) => d.name)).toEqual(['v.nd']); // the folder part is not a file name
    expect(store.downloads[0]!.bytes).toEqual(store.files.get('models/v.nd'));
    store.uploads.push({ name: 'from-disk.nd', bytes: store.downloads[0]!.bytes });
    const up = await run("const name = await nd.upload();\n[name, await (await nd.load(name)).toArray()]");
    expect(up.errors).toEqual([]);
    expect(up.values).toEqual(['["from-disk.nd", [[0, 1, 2], [3, 4, 5]]]']);
    expect(store.uploadRequests[0]!.cellId).toBe(up.id);
    store.uploads.push(null); // the reader cancels
    expect((await run('await nd.upload()')).values).toEqual(['null']);
  });

  it('errors say what is missing and what the page could not do', async () => {
    const store = new FakePageStorage();
    const { run } = await startWithStorage(store);
    const missing = await run("await nd.load('nothing-here')");
    expect(missing.errors[0]?.message).toMatch(/nothing is saved under 'nothing-here' in the book's file storage in this browser .*Save it first, or upload/);
    store.failWrites = 'the quota is exceeded';
    const failed = await run("await nd.save('big', nd.ones([3]))");
    expect(failed.errors[0]?.name).toBe('StorageRelayError');
    expect(failed.errors[0]?.message).toBe("could not write 'big': the quota is exceeded");
  });

  it('stop while the page waits for an upload ends the cell at once; the kernel keeps working', async () => {
    const store = new FakePageStorage();
    const { kernel, run, interrupt } = await startWithStorage(store);
    const pending = run('const chosen = await nd.upload();');
    await new Promise((r) => setTimeout(r, 50));
    expect(kernel.storage.waiting).toBe(1);
    const t0 = performance.now();
    interrupt();
    const r = await pending;
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.done.status).toBe('interrupted');
    expect(kernel.storage.waiting).toBe(0);
    expect(store.uploadRequests[0]!.signal.aborted).toBe(true);
    expect((await run('1 + 1')).values).toEqual(['2']);
  });
});

describe('StorageRelay', () => {
  it('ignores answers to cancelled requests and rejects answers of the wrong kind', async () => {
    const sent: StorageRequest[] = [];
    const relay = new StorageRelay((r) => sent.push(r));
    const read = relay.read('a');
    relay.handle({ type: 'storage-response', requestId: sent[0]!.requestId, ok: true, result: { op: 'write' } });
    await expect(read).rejects.toThrow(/could not read 'a': the page answered a 'write' request instead/);
    const write = relay.write('b', new Uint8Array([1]));
    relay.cancelAll(new Error('stopped'));
    await expect(write).rejects.toThrow('stopped');
    relay.handle({ type: 'storage-response', requestId: sent[1]!.requestId, ok: true, result: { op: 'write' } }); // late: no effect
    expect(relay.waiting).toBe(0);
  });
});
