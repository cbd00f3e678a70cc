import { beforeAll, describe, expect, it } from 'vitest';
import { d2l } from '../../../../src/lib/index';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);

describe('d2l.loadDataFashionMnist', () => {
  it('gives shuffled training batches and ordered test batches of (batch, 1, 28, 28) images in [0, 1]', async () => {
    const [trainIter, testIter] = await d2l.loadDataFashionMnist(256);
    expect(trainIter.length).toBe(Math.ceil(60000 / 256));
    expect(testIter.length).toBe(Math.ceil(10000 / 256));
    for (const [X, y] of testIter) {
      expect(X.shape).toEqual([256, 1, 28, 28]);
      expect(y.shape).toEqual([256]);
      const v = Array.from(await X.data());
      const max = v.reduce((a, b) => Math.max(a, b), -Infinity);
      const min = v.reduce((a, b) => Math.min(a, b), Infinity);
      expect(max).toBeLessThanOrEqual(1);
      expect(max).toBeGreaterThan(0.5);
      expect(min).toBeGreaterThanOrEqual(0);
      // The first test labels of Fashion-MNIST: ankle boot, pullover, trouser.
      expect(d2l.getFashionMnistLabels(Array.from(await y.data()).slice(0, 3))).toEqual(['ankle boot', 'pullover', 'trouser']);
      break;
    }
  });

  it('resizes when asked', async () => {
    const [, testIter] = await d2l.loadDataFashionMnist(8, 64);
    for (const [X] of testIter) {
      expect(X.shape).toEqual([8, 1, 64, 64]);
      break;
    }
  });

  it('refuses a bad batch size clearly', async () => {
    await expect(d2l.loadDataFashionMnist(0)).rejects.toThrow(/batchSize must be a positive integer/);
  });
});
