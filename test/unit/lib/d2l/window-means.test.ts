import { describe, expect, it } from 'vitest';
import { windowMeans } from '../../../../src/lib/d2l/window-means';

describe('windowMeans (the points of the training curves)', () => {
  it('gives the mean loss and accuracy of the examples since the previous point, not of the epoch so far', () => {
    const recent = windowMeans();
    // Running sums after 2 batches of 10 (losses 30 and 10, 4 and 6 correct), then after 2 more (losses 4 and 2, 9 and 10 correct).
    expect(recent.since(40, 10, 20)).toEqual([2, 0.5]);
    expect(recent.since(46, 29, 40)).toEqual([0.3, 0.95]); // the epoch so far would say [1.15, 0.725]
  });

  it('starts again with each new one (the sums restart every epoch)', () => {
    const first = windowMeans();
    first.since(40, 10, 20);
    expect(windowMeans().since(6, 19, 20)).toEqual([0.3, 0.95]);
  });
});
