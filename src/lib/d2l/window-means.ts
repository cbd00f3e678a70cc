/**
 * The points of the training curves that trainCh3 and trainCh5 draw five times per epoch. A mean
 * over the epoch so far restarts at every epoch: the curve then jumps at each epoch boundary (the
 * new epoch's first minibatches are better than the old epoch's early ones), a cliff a reader
 * would take for something the model did. A mean over the minibatches since the previous point
 * has no such jump: it is how the model did over that stretch.
 */

/**
 * Given an epoch's running sums (loss, correct predictions, examples), since() returns the mean
 * [loss, accuracy] over the examples added since its last call. Make one per epoch: the sums
 * restart there.
 */
export function windowMeans(): { since(lossSum: number, correctSum: number, n: number): [number, number] } {
  let last = { loss: 0, correct: 0, n: 0 };
  return {
    since(lossSum, correctSum, n) {
      const count = n - last.n;
      const means: [number, number] = count > 0 ? [(lossSum - last.loss) / count, (correctSum - last.correct) / count] : [lossSum / n, correctSum / n];
      last = { loss: lossSum, correct: correctSum, n };
      return means;
    },
  };
}
