import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { autograd, gluon, nd, DeferredInitializationError, GluonError, ShapeError, type NDArray } from '../../../../src/lib/index';
import { FileFormatError, FORMAT_VERSION, MAGIC, decode, encode, type Entry } from '../../../../src/lib/io/binary-format';
import { MemoryStorage, currentStorage, type StorageBackend } from '../../../../src/lib/io/storage';
import { useBackend } from '../../helpers/backend';
import { expectNoLeak } from '../../helpers/check-op';
import { runsInNode } from '../../../../src/lib/runs-in-node';

beforeAll(useBackend);
afterEach(() => nd.setStorageBackend(null));

const { Block } = gluon;
const { Sequential, Dense } = gluon.nn;
const isNode = runsInNode();

/** The raw 32-bit patterns: equal bits, not merely equal numbers (NaN, -0 included). */
function bits(v: Float32Array | Int32Array): number[] {
  return Array.from(new Uint32Array(v.buffer, v.byteOffset, v.length));
}

async function expectSameArray(actual: NDArray, expected: NDArray): Promise<void> {
  expect(actual.shape).toEqual(expected.shape);
  expect(actual.dtype).toBe(expected.dtype);
  expect(bits(await actual.data())).toEqual(bits(await expected.data()));
}

/** A file built by hand from a header object, for the malformed-file tests. */
function craft(header: unknown, data: Uint8Array, version = FORMAT_VERSION): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const h = Math.ceil(json.length / 4) * 4;
  const out = new Uint8Array(16 + h + data.length).fill(0x20, 16, 16 + h);
  out.set(MAGIC);
  new DataView(out.buffer).setUint32(8, version, true);
  new DataView(out.buffer).setUint32(12, h, true);
  out.set(json, 16);
  out.set(data, 16 + h);
  return out;
}

function rejects(bytes: Uint8Array, pattern: RegExp): void {
  expect(() => nd.deserialize(bytes)).toThrow(FileFormatError);
  expect(() => nd.deserialize(bytes)).toThrow(pattern);
}

describe('binary format (bytes only)', () => {
  it('keeps every float32 bit pattern and int32 value, with the documented layout', () => {
    const specials = Float32Array.of(0, -0, 1.5, -3.25, Infinity, -Infinity, NaN, 1e-45, 3.4028234663852886e38, 1.1754943508222875e-38, Math.PI);
    const ints = Int32Array.of(0, 1, -1, 2147483647, -2147483648, 42);
    const entries: Entry[] = [
      { name: 'f', dtype: 'float32', shape: [11], values: specials },
      { name: 'i', dtype: 'int32', shape: [2, 3], values: ints },
    ];
    const bytes = encode('dict', entries);
    // Layout as docs/file-format.md describes it, read here without the decoder.
    const view = new DataView(bytes.buffer);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x4e, 0x44, 0x41, 0x52, 0x52, 0x0d, 0x0a]);
    expect(view.getUint32(8, true)).toBe(1);
    const h = view.getUint32(12, true);
    expect(h % 4).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + h)));
    expect(header).toEqual({
      kind: 'dict',
      arrays: [
        { name: 'f', dtype: 'float32', shape: [11], offset: 0, byteLength: 44 },
        { name: 'i', dtype: 'int32', shape: [2, 3], offset: 44, byteLength: 24 },
      ],
    });
    expect(bytes.length).toBe(16 + h + 44 + 24);
    expect(view.getFloat32(16 + h + 4 * 3, true)).toBe(-3.25);
    expect(view.getInt32(16 + h + 44 + 4 * 4, true)).toBe(-2147483648);
    const back = decode(bytes);
    expect(back.kind).toBe('dict');
    expect(back.version).toBe(1);
    expect(back.entries.map((e) => [e.name, e.dtype, e.shape])).toEqual([
      ['f', 'float32', [11]],
      ['i', 'int32', [2, 3]],
    ]);
    expect(bits(back.entries[0]!.values)).toEqual(bits(specials));
    expect(Array.from(back.entries[1]!.values)).toEqual(Array.from(ints));
  });

  it('decodes from a Uint8Array that is a view at an odd offset of a larger buffer', () => {
    const bytes = encode('array', [{ name: null, dtype: 'float32', shape: [3], values: Float32Array.of(1, 2, 3) }]);
    const big = new Uint8Array(bytes.length + 3);
    big.set(bytes, 1);
    const back = decode(big.subarray(1, 1 + bytes.length));
    expect(Array.from(back.entries[0]!.values)).toEqual([1, 2, 3]);
  });
});

describe('nd.serialize / nd.deserialize round trips', () => {
  it('a single array (float32 and int32, several shapes), bit for bit', async () => {
    const cases: NDArray[] = [
      nd.random.normal(0, 1, [2, 3, 4]),
      nd.random.uniform(-1e6, 1e6, [7]),
      nd.array([[1, -2], [3, 2147483647]], { dtype: 'int32' }),
      nd.random.randint(-1000, 1000, [3, 1, 2, 2]),
      nd.zeros([0, 3]),
      nd.random.normal(0, 1, [1, 1, 1, 5, 1]),
    ];
    for (const x of cases) {
      const back = nd.deserialize(await nd.serialize(x));
      expect(Array.isArray(back)).toBe(false);
      await expectSameArray(back as NDArray, x);
    }
  });

  it('a list keeps order, shapes and dtypes', async () => {
    const list = [nd.random.normal(0, 1, [4, 5]), nd.arange(0, 6).astype('int32').reshape([2, 3]), nd.random.uniform(0, 1, [1]), nd.ones([2, 0, 2], { dtype: 'int32' })];
    const back = nd.deserialize(await nd.serialize(list)) as NDArray[];
    expect(Array.isArray(back)).toBe(true);
    expect(back.length).toBe(4);
    for (let i = 0; i < list.length; i++) await expectSameArray(back[i]!, list[i]!);
    expect(nd.deserialize(await nd.serialize([]))).toEqual([]);
  });

  it('a dict (plain object or Map) keeps names and their order', async () => {
    const dict = { weight: nd.random.normal(0, 1, [3, 2]), 'hidden.bias': nd.random.normal(0, 1, [3]), labels: nd.array([3, 1, 4, 1, 5], { dtype: 'int32' }), 'ünïcødé ✓': nd.ones([1]) };
    const back = nd.deserialize(await nd.serialize(dict)) as Record<string, NDArray>;
    expect(Object.keys(back)).toEqual(Object.keys(dict));
    for (const [k, v] of Object.entries(dict)) await expectSameArray(back[k]!, v);
    const fromMap = nd.deserialize(await nd.serialize(new Map(Object.entries(dict)))) as Record<string, NDArray>;
    expect(Object.keys(fromMap)).toEqual(Object.keys(dict));
    await expectSameArray(fromMap.weight!, dict.weight);
    // A key that is special to JavaScript objects stays an ordinary entry.
    const odd = nd.deserialize(await nd.serialize(new Map([['__proto__', nd.ones([2])]]))) as Record<string, NDArray>;
    expect(Object.keys(odd)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
  });

  it('accepts an ArrayBuffer and does not leak tensors', async () => {
    const x = nd.random.normal(0, 1, [16, 16]);
    const bytes = await nd.serialize(x);
    await expectSameArray(nd.deserialize(bytes.slice().buffer) as NDArray, x);
    await expectNoLeak(async () => {
      (nd.deserialize(await nd.serialize(x)) as NDArray).dispose();
    });
  });

  it('rejects what it cannot save, naming the culprit', async () => {
    await expect(nd.serialize([nd.ones([1]), 3 as unknown as NDArray])).rejects.toThrow(/element 1 is number, expected an NDArray/);
    await expect(nd.serialize({ a: [1, 2] } as unknown as Record<string, NDArray>)).rejects.toThrow(/entry "a" is a list, expected an NDArray/);
    await expect(nd.serialize('x' as unknown as NDArray)).rejects.toThrow(/cannot save string/);
  });
});

describe('bad files are rejected with clear errors', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await nd.serialize({ a: nd.random.normal(0, 1, [2, 3]), b: nd.array([1, 2, 3], { dtype: 'int32' }) });
  });

  it('bad magic, with a guess at what the file is', () => {
    rejects(new TextEncoder().encode('hello world, not an array file'), /Not an nd.save file: it starts with bytes 68 65 6c 6c 6f 20 77 6f, expected the magic bytes 89 4e 44 41 52 52 0d 0a/);
    rejects(new TextEncoder().encode('<!DOCTYPE html><html>'), /looks like text \(JSON or HTML/);
    const mxnet = new Uint8Array(32);
    mxnet.set([0x12, 0x01]);
    rejects(mxnet, /saved by MXNet in Python/);
    rejects(Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0), /gzip-compressed/);
    const flipped = good.slice();
    flipped[0] = 0x88;
    rejects(flipped, /Not an nd.save file/);
  });

  it('truncated at every length', () => {
    rejects(new Uint8Array(0), /truncated: the fixed part of the header needs 16 bytes but the file has only 0/);
    for (let n = 1; n < good.length; n++) rejects(good.subarray(0, n), /truncated/);
    rejects(good.subarray(0, good.length - 1), /truncated: array "b" needs \d+ bytes but the file has only \d+/);
    expect(() => nd.deserialize(good)).not.toThrow();
  });

  it('unsupported versions', () => {
    const newer = good.slice();
    new DataView(newer.buffer).setUint32(8, FORMAT_VERSION + 1, true);
    rejects(newer, new RegExp(`Unsupported file format version ${FORMAT_VERSION + 1}: this library reads versions 1 to ${FORMAT_VERSION}\\. The file was written by a newer version`));
    const zero = good.slice();
    new DataView(zero.buffer).setUint32(8, 0, true);
    rejects(zero, /Unsupported file format version 0/);
  });

  it('shape / byte-length mismatches and corrupt headers', () => {
    const data = new Uint8Array(24);
    const entry = { name: 'w', dtype: 'float32', shape: [2, 3], offset: 0, byteLength: 24 };
    expect(() => nd.deserialize(craft({ kind: 'dict', arrays: [entry] }, data))).not.toThrow();
    rejects(craft({ kind: 'dict', arrays: [{ ...entry, byteLength: 20 }] }, data), /array "w" does not add up: shape \(2, 3\) of float32 needs 24 bytes, but the header says 20/);
    rejects(craft({ kind: 'dict', arrays: [{ ...entry, shape: [2, 4] }] }, data), /shape \(2, 4\) of float32 needs 32 bytes, but the header says 24/);
    rejects(craft({ kind: 'dict', arrays: [{ ...entry, shape: [2, 4], byteLength: 32 }] }, data), /truncated: array "w" needs/);
    rejects(craft({ kind: 'dict', arrays: [{ ...entry, dtype: 'float64' }] }, data), /dtype "float64"; this version of the library reads only float32 and int32/);
    rejects(craft({ kind: 'dict', arrays: [{ ...entry, offset: 2 }] }, data), /offset 2, expected a non-negative multiple of 4/);
    rejects(craft({ kind: 'dict', arrays: [entry, entry] }, data), /the name "w" appears twice/);
    rejects(craft({ kind: 'array', arrays: [entry, entry] }, data), /kind "array" must describe exactly one array, it describes 2/);
    rejects(craft({ kind: 'tuple', arrays: [] }, data), /"kind" is "tuple"/);
    rejects(craft({ kind: 'list', arrays: [{ ...entry, shape: [2, -3] }] }, data), /shape \[2,-3\], expected a list of non-negative integers/);
    rejects(craft([1, 2], data), /header is corrupt/);
    const broken = craft({ kind: 'list', arrays: [] }, data);
    broken[17] = 0x7d; // '}' where '"' was: not JSON any more
    rejects(broken, /header is corrupt: it is not valid UTF-8 JSON/);
  });

  it('nd.deserialize wants bytes', () => {
    expect(() => nd.deserialize('file.params' as unknown as Uint8Array)).toThrow(/expected the file's bytes as a Uint8Array or ArrayBuffer, got string/);
  });
});

describe('nd.save / nd.load through storage', () => {
  it('the in-memory store: save, load, list, clear error for unknown names', async () => {
    const store = new MemoryStorage();
    nd.setStorageBackend(store);
    const x = nd.random.normal(0, 1, [3, 4]);
    const d = { x, n: nd.array([7, 8], { dtype: 'int32' }) };
    await nd.save('x.nd', x);
    await nd.save('d.nd', d);
    await nd.save('l.nd', [x, x]);
    expect(store.list()).toEqual(['x.nd', 'd.nd', 'l.nd']);
    expect([...store.read('x.nd')!.subarray(0, 8)]).toEqual([...MAGIC]);
    await expectSameArray((await nd.load('x.nd')) as NDArray, x);
    const dict = (await nd.load('d.nd')) as Record<string, NDArray>;
    expect(Object.keys(dict)).toEqual(['x', 'n']);
    await expectSameArray(dict.n!, d.n);
    expect(((await nd.load('l.nd')) as NDArray[]).length).toBe(2);
    // Loading straight from bytes works too (e.g. bytes from fetch).
    await expectSameArray((await nd.load(store.read('x.nd')!)) as NDArray, x);
    await expect(nd.load('nope.nd')).rejects.toThrow(/nothing is saved under 'nope.nd' in memory .*Saved names: 'x.nd', 'd.nd', 'l.nd'/);
    await expect(nd.save('', x)).rejects.toThrow(/the target must be a non-empty string/);
    await expect(nd.download('x.nd')).rejects.toThrow(/cannot offer downloads/);
    await expect(nd.upload()).rejects.toThrow(/cannot take uploads/);
  });

  it('the default store in a browser is memory; in Node the file system', () => {
    expect(currentStorage().description).toMatch(isNode ? /file system/ : /^memory/);
  });

  it('a pluggable backend (as the kernel provides): async reads, ArrayBuffers, download and upload', async () => {
    const files = new Map<string, ArrayBuffer>();
    const downloads: [string, Uint8Array][] = [];
    let pending: { name: string; bytes: Uint8Array } | null = null;
    const backend: StorageBackend = {
      description: "the book's storage",
      async write(name, bytes) {
        files.set(name, bytes.slice().buffer);
      },
      async read(name) {
        return files.get(name) ?? null;
      },
      download(name, bytes) {
        downloads.push([name, bytes]);
      },
      async upload() {
        return pending;
      },
    };
    nd.setStorageBackend(backend);
    expect(currentStorage()).toBe(backend);
    const w = nd.random.normal(0, 1, [5]);
    await nd.save('models/w.nd', w, { download: true });
    expect(downloads.map(([n]) => n)).toEqual(['w.nd']);
    expect(downloads[0]![1]).toEqual(new Uint8Array(files.get('models/w.nd')!));
    await expectSameArray((await nd.load('models/w.nd')) as NDArray, w);
    await nd.download('models/w.nd');
    expect(downloads.length).toBe(2);
    await expect(nd.load('other')).rejects.toThrow(/nothing is saved under 'other' in the book's storage/);
    expect(await nd.upload()).toBe(null); // the reader cancelled
    pending = { name: 'uploaded.nd', bytes: await nd.serialize([w]) };
    expect(await nd.upload()).toBe('uploaded.nd');
    await expectSameArray(((await nd.load('uploaded.nd')) as NDArray[])[0]!, w);
    expect(() => nd.setStorageBackend({ write: () => {} } as unknown as StorageBackend)).toThrow(/write\(name, bytes\) and read\(name\)/);
  });
});

// ---- Gluon parameters ---------------------------------------------------------------------

function mlp(hidden = 64): InstanceType<typeof Sequential> {
  return new Sequential().add(new Dense(hidden, { activation: 'relu' }), new Dense(10));
}

class MLP extends Block {
  hidden: InstanceType<typeof Dense>;
  output: InstanceType<typeof Dense>;
  constructor() {
    super();
    [this.hidden, this.output] = this.nameScope(() => [new Dense(32, { activation: 'relu' }), new Dense(4)]);
  }
  override forward(x: NDArray): NDArray {
    return this.output.forward(this.hidden.forward(x));
  }
}

async function outputBits(net: { forward(x: NDArray): NDArray }, X: NDArray): Promise<number[]> {
  return bits((await net.forward(X).data()) as Float32Array);
}

async function paramBits(net: InstanceType<typeof Block>): Promise<number[][]> {
  const out: number[][] = [];
  for (const p of net.collectParams().values()) out.push(bits(await p.data().data()));
  return out;
}

describe('saveParameters / loadParameters', () => {
  beforeAll(() => nd.setStorageBackend(null));

  it('a Sequential MLP: structural names, and a fresh net (other prefixes, deferred init) gives identical outputs bit for bit', async () => {
    nd.setStorageBackend(new MemoryStorage());
    const X = nd.random.normal(0, 1, [8, 20]);
    const net = mlp();
    net.initialize();
    const y = await outputBits(net, X);
    await net.saveParameters('mlp.params');
    const file = (await nd.load('mlp.params')) as Record<string, NDArray>;
    expect(Object.keys(file)).toEqual(['0.weight', '0.bias', '1.weight', '1.bias']);
    expect(file['0.weight']!.shape).toEqual([64, 20]);

    const fresh = mlp();
    expect(fresh.collectParams().keys()[0]).not.toBe(net.collectParams().keys()[0]); // dense2_ vs dense0_
    fresh.initialize();
    expect(fresh.get(0).toString()).toBe('Dense(None -> 64, Activation(relu))');
    await fresh.loadParameters('mlp.params');
    expect(fresh.get(0).toString()).toBe('Dense(20 -> 64, Activation(relu))'); // the deferred shape came from the file
    expect(await outputBits(fresh, X)).toEqual(y);
    expect(await paramBits(fresh)).toEqual(await paramBits(net));

    // Never initialized at all: loading initializes (Gluon's _load_init).
    const bare = mlp();
    await bare.loadParameters('mlp.params');
    expect(await outputBits(bare, X)).toEqual(y);
  });

  it('a custom Block: names are attribute paths; loading into an initialized net keeps the arrays', async () => {
    nd.setStorageBackend(new MemoryStorage());
    const X = nd.random.normal(0, 1, [3, 6]);
    const a = new MLP();
    a.initialize();
    const y = await outputBits(a, X);
    await a.saveParameters('mlp');
    expect(Object.keys((await nd.load('mlp')) as object)).toEqual(['hidden.weight', 'hidden.bias', 'output.weight', 'output.bias']);
    const nested = new Sequential().add(new MLP(), new Dense(2));
    nested.initialize();
    nested.forward(X);
    await nested.saveParameters('nested');
    expect(Object.keys((await nd.load('nested')) as object)).toEqual(['0.hidden.weight', '0.hidden.bias', '0.output.weight', '0.output.bias', '1.weight', '1.bias']);

    const b = new MLP();
    b.initialize();
    b.forward(X); // shapes known, arrays exist
    const arrays = b.collectParams().values().map((p) => p.data());
    expect(await outputBits(b, X)).not.toEqual(y);
    await b.loadParameters('mlp');
    expect(await outputBits(b, X)).toEqual(y);
    b.collectParams().values().forEach((p, i) => expect(p.data()).toBe(arrays[i])); // same objects: a Trainer holding them sees the new values
  });

  it('loading from bytes, and no leaked tensors', async () => {
    nd.setStorageBackend(new MemoryStorage());
    const net = mlp(16);
    net.initialize();
    const X = nd.random.normal(0, 1, [2, 5]);
    net.forward(X);
    await net.saveParameters('p');
    const bytes = (currentStorage() as MemoryStorage).read('p')!;
    const other = mlp(16);
    other.initialize();
    await other.loadParameters(bytes);
    expect(await outputBits(other, X)).toEqual(await outputBits(net, X));
    await expectNoLeak(async () => {
      await net.saveParameters('p');
      await other.loadParameters('p');
    });
  });

  it('a shape mismatch fails naming the parameter and both shapes, and changes nothing', async () => {
    nd.setStorageBackend(new MemoryStorage());
    const X = nd.random.normal(0, 1, [4, 20]);
    const big = mlp(64);
    big.initialize();
    big.forward(X);
    await big.saveParameters('big.params');

    const small = mlp(32);
    small.initialize();
    small.forward(X);
    const before = await paramBits(small);
    const load = small.loadParameters('big.params');
    await expect(load).rejects.toThrow(ShapeError);
    await expect(small.loadParameters('big.params')).rejects.toThrow(
      /parameter '0\.weight' \(dense\d+_weight\) has shape \(32, 20\) in this network but \(64, 20\) in the file 'big\.params'/,
    );
    expect(await paramBits(small)).toEqual(before);

    // Deferred: the known dimensions must still agree.
    const deferred = mlp(32);
    deferred.initialize();
    await expect(deferred.loadParameters('big.params')).rejects.toThrow(/parameter '0\.weight' \(dense\d+_weight\) has shape \(32, 0\) in this network but \(64, 20\)/);
    // Another input size: the first layer's weight is (64, 7).
    const otherInput = mlp(64);
    otherInput.initialize();
    otherInput.forward(nd.ones([1, 7]));
    await expect(otherInput.loadParameters('big.params')).rejects.toThrow(/'0\.weight' .* has shape \(64, 7\) in this network but \(64, 20\)/);
  });

  it('missing and extra parameters fail unless allowMissing / ignoreExtra', async () => {
    nd.setStorageBackend(new MemoryStorage());
    const X = nd.random.normal(0, 1, [2, 20]);
    const two = mlp(8);
    two.initialize();
    two.forward(X);
    await two.saveParameters('two');

    const three = new Sequential().add(new Dense(8, { activation: 'relu' }), new Dense(10), new Dense(3));
    three.initialize();
    await expect(three.loadParameters('two')).rejects.toThrow(/parameter '2\.weight' \(dense\d+_weight\) is missing in the file 'two', which contains: '0\.weight', '0\.bias', '1\.weight', '1\.bias'\. .*allowMissing/);
    await three.loadParameters('two', { allowMissing: true });
    expect(three.get(2).toString()).toBe('Dense(None -> 3, linear)'); // untouched, still deferred
    three.forward(X);
    expect(await paramBits(three.get(1))).toEqual(await paramBits(two.get(1)));

    const one = new Sequential().add(new Dense(8, { activation: 'relu' }));
    one.initialize();
    await expect(one.loadParameters('two')).rejects.toThrow(/the file 'two' has parameter '1\.weight', which this network does not have; its parameters are: '0\.weight', '0\.bias'\. Pass \{ ignoreExtra: true \}/);
    await one.loadParameters('two', { ignoreExtra: true });
    expect(await paramBits(one)).toEqual((await paramBits(two)).slice(0, 2));

    // A file that holds a list, not named parameters.
    await nd.save('list', [nd.ones([8, 20])]);
    await expect(one.loadParameters('list')).rejects.toThrow(/holds a list of arrays, not named parameters/);
    // dtype differences need castDtype.
    await nd.save('ints', { '0.weight': nd.ones([8, 20], { dtype: 'int32' }), '0.bias': nd.ones([8]) });
    await expect(one.loadParameters('ints')).rejects.toThrow(/parameter '0\.weight' .* is float32 in this network but int32 in the file 'ints'\. Pass \{ castDtype: true \}/);
    await one.loadParameters('ints', { castDtype: true });
    expect(Array.from(await one.get(0).collectParams().values()[0]!.data().data()).every((v) => v === 1)).toBe(true);
  });

  it('BatchNorm: the moving statistics are saved under Gluon names and restore predictions bit for bit', async () => {
    nd.setStorageBackend(new MemoryStorage());
    const make = () => new Sequential().add(new Dense(6), new gluon.nn.BatchNorm(), new Dense(3));
    const X = nd.random.normal(2, 3, [16, 5]);
    const net = make();
    net.initialize();
    for (let i = 0; i < 3; i++) autograd.record(() => net.forward(X)); // training mode: moving mean/var move away from 0/1
    const y = await outputBits(net, X); // predict mode: uses the moving statistics
    await net.saveParameters('bn');
    const file = (await nd.load('bn')) as Record<string, NDArray>;
    expect(Object.keys(file)).toEqual(['0.weight', '0.bias', '1.gamma', '1.beta', '1.running_mean', '1.running_var', '2.weight', '2.bias']);
    expect(Array.from(await file['1.running_var']!.data()).some((v) => v !== 1)).toBe(true);
    const fresh = make();
    fresh.initialize();
    await fresh.loadParameters('bn');
    expect(await outputBits(fresh, X)).toEqual(y);
  });

  it('saving before the shapes are known says to run a forward pass', async () => {
    nd.setStorageBackend(new MemoryStorage());
    const net = mlp();
    net.initialize();
    await expect(net.saveParameters('x')).rejects.toThrow(DeferredInitializationError);
    const uninit = mlp();
    await expect(uninit.saveParameters('x')).rejects.toThrow(GluonError);
  });
});

describe.skipIf(!isNode)('Node: file paths', () => {
  // A variable specifier keeps the browser test selection from taking this file for Node-only.
  const nodeImport = (m: string): Promise<any> => import(/* @vite-ignore */ m); // eslint-disable-line @typescript-eslint/no-explicit-any

  it('nd.save / nd.load and saveParameters / loadParameters write real files', async () => {
    const fs = await nodeImport('node:fs/promises');
    const os = await nodeImport('node:os');
    const path = await nodeImport('node:path');
    const dir: string = await fs.mkdtemp(path.join(os.tmpdir(), 'nd-save-'));
    try {
      const x = nd.random.normal(0, 1, [3, 3]);
      const file = path.join(dir, 'x.nd');
      await nd.save(file, { x });
      const onDisk = new Uint8Array(await fs.readFile(file));
      expect([...onDisk.subarray(0, 8)]).toEqual([...MAGIC]);
      expect(onDisk).toEqual(await nd.serialize({ x }));
      await expectSameArray(((await nd.load(file)) as Record<string, NDArray>).x!, x);

      const net = mlp(12);
      net.initialize();
      const X = nd.random.normal(0, 1, [2, 9]);
      const y = await outputBits(net, X);
      const params = path.join(dir, 'mlp.params');
      await net.saveParameters(params);
      const fresh = mlp(12);
      fresh.initialize();
      await fresh.loadParameters(params);
      expect(await outputBits(fresh, X)).toEqual(y);

      await expect(nd.load(path.join(dir, 'missing.nd'))).rejects.toThrow(new RegExp(`there is no file '${path.join(dir, 'missing.nd').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`));
      await expect(nd.save(path.join(dir, 'no', 'such', 'dir.nd'), x)).rejects.toThrow(/cannot write the file .*Does its folder exist\?/);
      await expect(nd.save(file, x, { download: true })).rejects.toThrow(/the file system cannot offer downloads; in Node the file is already on disk/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

// ---- LeNet ----------------------------------------------------------------------------------

describe('LeNet', () => {
  it('save / load round trip gives identical outputs; another shape fails naming the parameter and both shapes', async () => {
    nd.setStorageBackend(new MemoryStorage());
    const { Conv2D, MaxPool2D } = gluon.nn;
    const lenet = (c1 = 6) =>
      new Sequential().add(
        new Conv2D(c1, { kernelSize: 5, padding: 2, activation: 'sigmoid' }),
        new MaxPool2D({ poolSize: 2, strides: 2 }),
        new Conv2D(16, { kernelSize: 5, activation: 'sigmoid' }),
        new MaxPool2D({ poolSize: 2, strides: 2 }),
        new Dense(120, { activation: 'sigmoid' }),
        new Dense(84, { activation: 'sigmoid' }),
        new Dense(10),
      );
    const X = nd.random.uniform(0, 1, [2, 1, 28, 28]);
    const net = lenet();
    net.initialize();
    const y = await outputBits(net, X);
    await net.saveParameters('lenet.params');
    expect(Object.keys((await nd.load('lenet.params')) as object)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias', '4.weight', '4.bias', '5.weight', '5.bias', '6.weight', '6.bias']);
    expect(((await nd.load('lenet.params')) as Record<string, NDArray>)['4.weight']!.shape).toEqual([120, 400]);
    // A fresh LeNet whose shapes are still deferred takes them from the file.
    const fresh = lenet();
    fresh.initialize();
    await fresh.loadParameters('lenet.params');
    expect(fresh.get(0).toString()).toMatch(/^Conv2D\(1 -> 6, /);
    expect(await outputBits(fresh, X)).toEqual(y);
    // One that already ran with its own random weights is overwritten.
    const trained = lenet();
    trained.initialize();
    expect(await outputBits(trained, X)).not.toEqual(y);
    await trained.loadParameters('lenet.params');
    expect(await outputBits(trained, X)).toEqual(y);

    const wider = lenet(8);
    wider.initialize();
    await expect(wider.loadParameters('lenet.params')).rejects.toThrow(/parameter '0\.weight' \(conv\d+_weight\) has shape \(8, 0, 5, 5\) in this network but \(6, 1, 5, 5\)/);
    wider.forward(X);
    await expect(wider.loadParameters('lenet.params')).rejects.toThrow(/parameter '0\.weight' \(conv\d+_weight\) has shape \(8, 1, 5, 5\) in this network but \(6, 1, 5, 5\)/);
  });
});
