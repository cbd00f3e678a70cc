import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { gluon, nd, NDArray, ArgumentError, ShapeError, GluonError, SyncReadError } from '../../../../../src/lib/index';
import { AssetError, gunzip, loadAsset, loadText, setAssetLoader } from '../../../../../src/lib/assets';
import { requestedBackend, useBackend } from '../../../helpers/backend';
import { expectClose, expectNoLeak, settle, values } from '../../../helpers/check-op';

beforeAll(useBackend);
afterEach(() => setAssetLoader(null));

const { ArrayDataset, DataLoader, SimpleDataset } = gluon.data;
const { FashionMNIST, getFashionMnistLabels } = gluon.data.vision;
const { ToTensor, Normalize, Resize, Compose, Cast } = gluon.data.vision.transforms;

/** A dataset whose example i is ([i, 10 i], i): batches show which examples they hold. */
function indexed(n: number) {
  const X = nd.arange(n).reshape([n, 1]).mul(nd.array([[1, 10]])); // (n, 2)
  const y = nd.arange(n); // (n,) float32
  return new ArrayDataset(X, y);
}

/** The example indices in each batch of a loader over `indexed`, plus the batch shapes. */
async function epoch(loader: Iterable<unknown>): Promise<{ ids: number[][]; xShapes: number[][] }> {
  const ids: number[][] = [];
  const xShapes: number[][] = [];
  for (const batch of loader) {
    const [X, y] = batch as NDArray[];
    xShapes.push(X!.shape);
    const ys = await values(y!);
    expect(await values(X!)).toEqual(ys.flatMap((v) => [v, 10 * v])); // rows stay together
    ids.push(ys);
  }
  return { ids, xShapes };
}

/**
 * The raw bytes of a public/data file, decompressed with the platform's DecompressionStream (not
 * the library's gunzip). Vite's server sends .gz files with Content-Encoding: gzip, so in the
 * browser fetch has already decompressed them.
 */
async function independentGunzip(path: string): Promise<Uint8Array> {
  const gz = await loadAsset(path);
  if (!(gz[0] === 0x1f && gz[1] === 0x8b)) return gz;
  const stream = new Blob([gz.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('ArrayDataset', () => {
  it('zips arrays: length, tuples, negative indices, slices', async () => {
    const ds = new ArrayDataset(nd.array([[1, 2], [3, 4], [5, 6]]), [7, 8, 9]);
    expect(ds.length).toBe(3);
    const [x, y] = ds.get(1) as [NDArray, number];
    expect(x.shape).toEqual([2]);
    expect(await values(x)).toEqual([3, 4]);
    expect(y).toBe(8);
    expect((ds.get(-1) as unknown[])[1]).toBe(9);
    const [xs, ys] = ds.get('0:3:2') as [NDArray, number[]];
    expect(xs.shape).toEqual([2, 2]);
    expect(await values(xs)).toEqual([1, 2, 5, 6]);
    expect(ys).toEqual([7, 9]);
    expect([...ds].length).toBe(3); // iterable like a Python dataset
  });

  it('one array gives its elements, not 1-tuples (as Gluon); a 1-D NDArray gives numbers', () => {
    const single = new ArrayDataset([10, 20, 30]);
    expect(single.get(2)).toBe(30);
    const oneD = new ArrayDataset(nd.array([1.5, 2.5]));
    // numbers need a synchronous read, which WebGPU refuses (with a message saying what to do)
    if (requestedBackend() === 'webgpu') expect(() => oneD.get(1)).toThrow(/Iterate it with a DataLoader/);
    else expect(oneD.get(1)).toBe(2.5);
  });

  it('rejects arrays of different lengths and bad indices with clear messages', () => {
    expect(() => new ArrayDataset(nd.zeros([4, 2]), [1, 2, 3])).toThrow(/same length; array 0 has length 4 while array 1 has 3/);
    expect(() => new ArrayDataset()).toThrow(ArgumentError);
    expect(() => indexed(5).get(5)).toThrow(/index 5 is out of range for a dataset of 5 examples/);
    expect(() => indexed(5).get(1.5)).toThrow(/must be an integer/);
  });
});

describe('DataLoader', () => {
  it('lastBatch keep / discard: batch sizes, order and length', async () => {
    const keep = new DataLoader(indexed(10), { batchSize: 4 });
    expect(keep.length).toBe(3);
    const k = await epoch(keep);
    expect(k.ids).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(k.xShapes).toEqual([[4, 2], [4, 2], [2, 2]]);
    const discard = new DataLoader(indexed(10), { batchSize: 4, lastBatch: 'discard' });
    expect(discard.length).toBe(2);
    expect((await epoch(discard)).ids).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
    // a second epoch is the same
    expect((await epoch(discard)).ids).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
  });

  it("lastBatch 'rollover' carries the remainder to the front of the next epoch (Gluon's BatchSampler)", async () => {
    const loader = new DataLoader(indexed(10), { batchSize: 4, lastBatch: 'rollover' });
    expect(loader.length).toBe(2);
    expect((await epoch(loader)).ids).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
    expect(loader.length).toBe(3); // (2 left over + 10) / 4
    expect((await epoch(loader)).ids).toEqual([[8, 9, 0, 1], [2, 3, 4, 5], [6, 7, 8, 9]]);
    expect(loader.length).toBe(2);
    expect((await epoch(loader)).ids).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
  });

  it('shuffle: every example exactly once per epoch, a new order each epoch, reproducible with nd.random.seed', async () => {
    const loader = new DataLoader(indexed(23), { batchSize: 5, shuffle: true });
    expect(loader.length).toBe(5);
    nd.random.seed(42);
    const e1 = await epoch(loader);
    const e2 = await epoch(loader);
    for (const e of [e1, e2]) {
      expect(e.ids.map((b) => b.length)).toEqual([5, 5, 5, 5, 3]);
      expect(e.ids.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    }
    expect(e1.ids.flat()).not.toEqual(e2.ids.flat());
    expect(e1.ids.flat()).not.toEqual(Array.from({ length: 23 }, (_, i) => i));
    nd.random.seed(42);
    expect((await epoch(loader)).ids).toEqual(e1.ids);
    expect((await epoch(loader)).ids).toEqual(e2.ids);
  });

  it('the fast path (one take per array) gives the same batches as stacking examples one by one', async () => {
    const X = nd.random.normal(0, 1, [13, 3, 2]);
    const labels = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9];
    const fast = new DataLoader(new ArrayDataset(X, labels), { batchSize: 4 });
    // A transform that does not declare itself batch-capable forces the example-by-example path.
    const slow = new DataLoader(new ArrayDataset(X, labels).transform((x: NDArray, y: number) => [x, y]), { batchSize: 4 });
    const a = [...fast] as NDArray[][];
    const b = [...slow] as NDArray[][];
    expect(a.length).toBe(4);
    expect(b.length).toBe(4);
    for (let i = 0; i < a.length; i++) {
      for (let f = 0; f < 2; f++) {
        expect(a[i]![f]!.shape).toEqual(b[i]![f]!.shape);
        expect(a[i]![f]!.dtype).toBe(b[i]![f]!.dtype);
        expect(await values(a[i]![f]!)).toEqual(await values(b[i]![f]!));
      }
    }
    expect(a[0]![1]!.dtype).toBe('int32'); // integer labels batch as int32 (NumPy's asarray of ints)
  });

  it('batches plain numbers by kind: integers int32, others float32; typed arrays keep theirs', () => {
    const [, yi] = [...new DataLoader(new ArrayDataset(nd.zeros([2, 1]), [1, 2]), { batchSize: 2 })][0] as NDArray[];
    const [, yf] = [...new DataLoader(new ArrayDataset(nd.zeros([2, 1]), [1.5, 2]), { batchSize: 2 })][0] as NDArray[];
    const [, yt] = [...new DataLoader(new ArrayDataset(nd.zeros([2, 1]), new Float32Array([1, 2])), { batchSize: 2 })][0] as NDArray[];
    expect([yi!.dtype, yf!.dtype, yt!.dtype]).toEqual(['int32', 'float32', 'float32']);
  });

  it('a custom batchify receives the examples', () => {
    const loader = new DataLoader(new SimpleDataset(['a', 'b', 'c']), { batchSize: 2, batchify: (xs) => xs.join('') });
    expect([...loader]).toEqual(['ab', 'c']);
    expect(() => [...new DataLoader(new SimpleDataset(['a']), { batchSize: 1 })]).toThrow(/cannot batch string/);
  });

  it('options are checked as in Gluon, with camelCase hints', () => {
    const ds = indexed(4);
    expect(() => new DataLoader(ds, { batch_size: 2 } as never)).toThrow(/unknown option 'batch_size'\. Did you mean batchSize\?/);
    expect(() => new DataLoader(ds, {})).toThrow(/batchSize must be given/);
    expect(() => new DataLoader(ds, { batchSize: 0 })).toThrow(/batchSize must be an integer >= 1/);
    expect(() => new DataLoader(ds, { batchSize: 2, lastBatch: 'drop' as never })).toThrow(/'keep', 'discard' or 'rollover'/);
    expect(() => new DataLoader(ds, { batchSize: 2, shuffle: true, sampler: new gluon.data.SequentialSampler(4) })).toThrow(/shuffle must not be given together with sampler/);
    const bs = new gluon.data.BatchSampler(new gluon.data.SequentialSampler(4), 3);
    expect(() => new DataLoader(ds, { batchSampler: bs, batchSize: 3 })).toThrow(/must not be given together with batchSampler/);
    expect(new DataLoader(ds, { batchSampler: bs, numWorkers: 4 }).length).toBe(2);
  });
});

describe('Dataset.transform and transformFirst', () => {
  it("spread the example's fields as Gluon does; lazy: false materializes", async () => {
    const ds = new ArrayDataset([1, 2, 3], [10, 20, 30]);
    expect(ds.transform((x: number, y: number) => [x + y, y]).get(2)).toEqual([33, 30]);
    expect(ds.transformFirst((x: number) => -x).get(0)).toEqual([-1, 10]);
    let calls = 0;
    const eager = ds.transform(
      (x: number, y: number) => {
        calls++;
        return x * y;
      },
      { lazy: false },
    );
    expect(calls).toBe(3);
    expect(eager).toBeInstanceOf(SimpleDataset);
    expect([...eager]).toEqual([10, 40, 90]);
  });

  it('a batch-capable transform runs once per batch, with the same result as per example', async () => {
    const X = nd.random.uniform(0, 1, [10, 3]);
    const ds = new ArrayDataset(X, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    let calls = 0;
    const double = (x: NDArray) => {
      calls++;
      return x.mul(2);
    };
    const batched = [...new DataLoader(ds.transformFirst(double, { batched: true }), { batchSize: 4 })] as NDArray[][];
    expect(calls).toBe(3);
    calls = 0;
    const perExample = [...new DataLoader(ds.transformFirst(double), { batchSize: 4 })] as NDArray[][];
    expect(calls).toBe(10);
    for (let i = 0; i < 3; i++) expect(await values(batched[i]![0]!)).toEqual(await values(perExample[i]![0]!));
  });
});

describe('vision transforms', () => {
  it('ToTensor: (H, W, C) 0..255 -> (C, H, W) float32 in [0, 1]; batches (N, H, W, C) -> (N, C, H, W)', async () => {
    const hwc = nd.array([[[0, 255], [51, 102], [153, 204]], [[10, 20], [30, 40], [50, 60]]], { dtype: 'int32' }); // (2, 3, 2)
    const t = new ToTensor();
    const chw = t.forward(hwc);
    expect(chw.shape).toEqual([2, 2, 3]);
    expect(chw.dtype).toBe('float32');
    expectClose(await values(chw), [0, 51, 153, 10, 30, 50, 255, 102, 204, 20, 40, 60].map((v) => v / 255));
    const batch = t.forward(nd.stack(hwc, hwc.mul(0)));
    expect(batch.shape).toEqual([2, 2, 2, 3]);
    expectClose((await values(batch)).slice(0, 12), await values(chw));
    expect(t.batchable).toBe(true);
    expect(() => t.forward(nd.zeros([784]))).toThrow(ShapeError);
    expect(() => t.forward(nd.zeros([784]))).toThrow(/\(H, W, C\).*got shape \(784,\)/);
    expect(String(t)).toBe('ToTensor(\n\n)');
  });

  it('Normalize: (x - mean[c]) / std[c] on (C, H, W) and batches', async () => {
    const x = nd.array([[[1, 3]], [[6, 10]]]); // (2, 1, 2)
    const n = new Normalize([1, 2], [2, 4]);
    expectClose(await values(n.forward(x)), [0, 1, 1, 2]);
    expectClose(await values(n.forward(nd.stack(x, x))), [0, 1, 1, 2, 0, 1, 1, 2]);
    expectClose(await values(new Normalize(0.5, 0.25).forward(x)), [2, 10, 22, 38]);
    expect(() => new Normalize([1, 2, 3], 1).forward(x)).toThrow(/mean has 3 values but the image \(2, 1, 2\) has 2 channels/);
  });

  it('Resize: output size and bilinear values (OpenCV pixel centres), integer images rounded', async () => {
    const img = nd.array([[[0], [10]], [[20], [30]]]); // (2, 2, 1)
    const up = new Resize(4).forward(img);
    expect(up.shape).toEqual([4, 4, 1]);
    // source coordinate (i + 0.5) / 2 - 0.5, clamped: each axis maps [a, b] to [a, (3a+b)/4, (a+3b)/4, b]
    expectClose(await values(up), [0, 2.5, 7.5, 10, 5, 7.5, 12.5, 15, 15, 17.5, 22.5, 25, 20, 22.5, 27.5, 30]);
    const upInt = new Resize(4).forward(img.astype('int32'));
    expect(upInt.dtype).toBe('int32');
    expect(await values(upInt)).toEqual([0, 3, 8, 10, 5, 8, 13, 15, 15, 18, 23, 25, 20, 23, 28, 30]);
    expect(new Resize([6, 4]).forward(nd.zeros([2, 3, 1])).shape).toEqual([4, 6, 1]); // size is [width, height]
    expect(new Resize(14, { keepRatio: true }).forward(nd.zeros([28, 56, 1])).shape).toEqual([14, 28, 1]);
    expect(new Resize(224).forward(nd.zeros([5, 28, 28, 1])).shape).toEqual([5, 224, 224, 1]);
    const nearest = new Resize(4, { interpolation: 0 }).forward(img);
    expect(await values(nearest)).toEqual([0, 0, 10, 10, 0, 0, 10, 10, 20, 20, 30, 30, 20, 20, 30, 30]);
    expect(() => new Resize(4, { interpolation: 3 as never })).toThrow(/use 0 \(nearest neighbour\) or 1 \(bilinear\)/);
  });

  it('Compose chains transforms, is batch-capable only when every step is, and prints as a Sequential', async () => {
    const c = new Compose([new Resize(2), new ToTensor()]);
    const out = c.forward(nd.array([[[0], [10]], [[20], [30]]], { dtype: 'int32' }));
    expect(out.shape).toEqual([1, 2, 2]);
    expectClose(await values(out), [0, 10, 20, 30].map((v) => v / 255));
    expect(c.batchable).toBe(true);
    expect(new Compose([new Cast(), (x: NDArray) => x]).batchable).toBe(false);
    expect(String(c)).toBe('Compose(\n  (0): Resize(\n  \n  )\n  (1): ToTensor(\n  \n  )\n)');
  });
});

describe('no leaked tensors', () => {
  it('batches through transforms, batch-capable and example by example, leave only the batches', async () => {
    const images = nd.random.randint(0, 256, [10, 6, 6, 1]);
    const ds = new ArrayDataset(images, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const chain = () => new Compose([new Resize(8), new ToTensor(), new Normalize(0.5, 0.5)]);
    for (const batched of [true, false]) {
      const loader = new DataLoader(ds.transformFirst(chain(), { batched }), { batchSize: 4, shuffle: true });
      await expectNoLeak(() => {
        for (const [X, y] of loader) {
          expect(X!.shape[1]).toBe(1);
          X!.dispose();
          y!.dispose();
        }
      });
    }
  });
});

describe('assets', () => {
  it('reads text and refuses paths outside public/data', async () => {
    expect((await loadText('timemachine.txt')).startsWith('The Time Machine, by H. G. Wells')).toBe(true);
    await expect(loadAsset('../package.json')).rejects.toThrow(/not a plain path inside public\/data/);
  });

  it('a missing file says how to get the data', async () => {
    await expect(loadAsset('no-such-file.gz')).rejects.toThrow(AssetError);
    await expect(FashionMNIST.create({ root: 'no-such-folder' })).rejects.toThrow(/no-such-folder\/train-(images|labels).*npm run data/s);
  });

  it('corrupt files give clear errors (wrong magic number, truncated, not gzip)', async () => {
    const good = await loadAsset('fashion-mnist/t10k-labels-idx1-ubyte.gz');
    const header = (magic: number, ...dims: number[]) => {
      const b = new Uint8Array(4 + 4 * dims.length);
      const v = new DataView(b.buffer);
      v.setUint32(0, magic);
      dims.forEach((d, k) => v.setUint32(4 + 4 * k, d));
      return b;
    };
    const files: Record<string, Uint8Array> = {};
    setAssetLoader(async (path) => {
      const f = files[path.split('/').pop()!];
      if (!f) throw new Error(`no file ${path}`);
      return f;
    });
    // images file with the labels' magic number
    files['t10k-images-idx3-ubyte.gz'] = header(0x801, 1, 28, 28);
    files['t10k-labels-idx1-ubyte.gz'] = good;
    await expect(FashionMNIST.create({ train: false, root: 'x' })).rejects.toThrow(/magic number is 0x00000801, expected 0x00000803/);
    // truncated: the header promises 2 images of 28 x 28
    files['t10k-images-idx3-ubyte.gz'] = new Uint8Array([...header(0x803, 2, 28, 28), 1, 2, 3]);
    await expect(FashionMNIST.create({ train: false, root: 'x' })).rejects.toThrow(/announces 2 x 28 x 28 = 1568 values but the file holds 3/);
    // a gzip header followed by garbage
    files['t10k-images-idx3-ubyte.gz'] = new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6]);
    await expect(FashionMNIST.create({ train: false, root: 'x' })).rejects.toThrow(/corrupt or truncated/);
    await expect(gunzip(new Uint8Array([1, 2, 3]))).rejects.toThrow(/not gzip-compressed/);
  });

  it('FashionMNIST cannot be constructed synchronously; the error says what to write', () => {
    expect(() => new (FashionMNIST as unknown as new (o: object) => unknown)({ train: true })).toThrow(GluonError);
    expect(() => new (FashionMNIST as unknown as new (o: object) => unknown)({ train: true })).toThrow(/await gluon\.data\.vision\.FashionMNIST\.create\(\{ train: true \}\)/);
  });
});

describe('FashionMNIST from the real files', () => {
  it('test set: 10,000 examples, 1,000 per class, mean pixel 0.2868, first label as in the file', async () => {
    const mnistTest = await FashionMNIST.create({ train: false });
    expect(mnistTest.length).toBe(10000);
    const [feature, label] = mnistTest.get(0);
    expect(feature.shape).toEqual([28, 28, 1]);
    expect(feature.dtype).toBe('int32');
    const raw = await independentGunzip('fashion-mnist/t10k-labels-idx1-ubyte.gz');
    expect(new DataView(raw.buffer, raw.byteOffset).getUint32(0)).toBe(2049);
    expect(label).toBe(raw[8]);
    const rawImages = await independentGunzip('fashion-mnist/t10k-images-idx3-ubyte.gz');
    expect(await values(feature)).toEqual(Array.from(rawImages.subarray(16, 16 + 784)));

    const counts = new Array(10).fill(0);
    let sum = 0;
    let seen = 0;
    for (const [X, y] of new DataLoader(mnistTest.transformFirst(new ToTensor()), { batchSize: 1000 })) {
      expect(X!.shape).toEqual([1000, 1, 28, 28]);
      for (const v of await values(X!.sum({ axis: [1, 2, 3] }))) sum += v; // per-image sums; float64 across images
      for (const v of await values(y!)) counts[v]++;
      seen += y!.shape[0]!;
    }
    expect(seen).toBe(10000);
    expect(counts).toEqual(new Array(10).fill(1000));
    expect(sum / (10000 * 784)).toBeCloseTo(0.2868, 4);
  });

  it('slices and text labels', async () => {
    const mnistTest = await FashionMNIST.create({ train: false });
    const [X, y] = mnistTest.get('0:9');
    expect(X.shape).toEqual([9, 28, 28, 1]);
    expect(y.length).toBe(9);
    expect(y[0]).toBe(mnistTest.get(0)[1]);
    expect(getFashionMnistLabels(y)).toEqual(y.map((v) => gluon.data.vision.FASHION_MNIST_LABELS[v]));
    expect(getFashionMnistLabels([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual(['t-shirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot']);
    const fromArray = () => getFashionMnistLabels(nd.array([9, 0], { dtype: 'int32' }));
    if (requestedBackend() === 'webgpu') expect(fromArray).toThrow(SyncReadError); // no synchronous reads there
    else expect(fromArray()).toEqual(['ankle boot', 't-shirt']);
    expect(() => getFashionMnistLabels([10])).toThrow(/label 0 is 10/);
  });

  it('training set: 60,000 examples, 6,000 per class, mean pixel 0.2860; one epoch of batches of 256 (timed)', async () => {
    const t0 = performance.now();
    const mnistTrain = await FashionMNIST.create({ train: true });
    const loadMs = performance.now() - t0;
    expect(mnistTrain.length).toBe(60000);
    const raw = await independentGunzip('fashion-mnist/train-labels-idx1-ubyte.gz');
    expect(mnistTrain.get(0)[1]).toBe(raw[8]);

    const trainIter = new DataLoader(mnistTrain.transformFirst(new ToTensor()), { batchSize: 256, shuffle: true });
    expect(trainIter.length).toBe(235);
    await settle();
    const before = tf.memory().numTensors;
    const t1 = performance.now();
    let batches = 0;
    let last: number[] = [];
    for (const [X, y] of trainIter) {
      batches++;
      last = X!.shape;
      X!.dispose();
      y!.dispose();
    }
    const epochMs = performance.now() - t1;
    expect(batches).toBe(235);
    expect(last).toEqual([60000 - 234 * 256, 1, 28, 28]);
    await settle();
    expect(tf.memory().numTensors, 'tensors left after an epoch').toBeLessThanOrEqual(before);

    // Mean pixel and label counts (a second, untimed pass).
    const counts = new Array(10).fill(0);
    let sum = 0;
    for (const [X, y] of new DataLoader(mnistTrain.transformFirst(new ToTensor()), { batchSize: 2000 })) {
      for (const v of await values(X!.sum({ axis: [1, 2, 3] }))) sum += v; // a float32 sum of 47M values would drift
      for (const v of await values(y!)) counts[v]++;
    }
    expect(counts).toEqual(new Array(10).fill(6000));
    expect(sum / (60000 * 784)).toBeCloseTo(0.286, 4);

    // The example-by-example path, for comparison: 20 batches with a transform that is not batch-capable.
    const perExample = new DataLoader(mnistTrain.transformFirst(new ToTensor(), { batched: false }), { batchSize: 256 });
    const t2 = performance.now();
    let k = 0;
    for (const [X, y] of perExample) {
      X!.dispose();
      y!.dispose();
      if (++k === 20) break;
    }
    const perExampleMs = ((performance.now() - t2) / 20) * 235;
    console.log(
      `[gluon-data] Fashion-MNIST train: load + parse ${loadMs.toFixed(0)} ms; one epoch, batch 256, shuffle, ToTensor per batch: ` +
        `${epochMs.toFixed(0)} ms (${(epochMs / 235).toFixed(2)} ms/batch); per-example ToTensor would take ~${perExampleMs.toFixed(0)} ms/epoch`,
    );
  });
});
