/**
 * Epoch and minibatch progress of the book's training helpers (trainCh3, trainCh5), with the
 * time left, on their live chart: a slow backend shows signs of life from the first minibatch
 * instead of an empty chart. Removed from the chart when training ends, so the chart that stays
 * with the cell (and the recorded one) shows the results only.
 */
import type { Animator } from './animator';
import { formatSeconds, Progress } from './progress';

export interface TrainingProgress {
  /** A minibatch of epoch `epoch` (0-based) is done; `step` is its 1-based number in the epoch. */
  step(epoch: number, step: number): void;
  close(): void;
}

export function trainingProgress(animator: Animator, numEpochs: number, numBatches: number | null, now?: () => number): TrainingProgress {
  let at = { epoch: 0, step: 0 };
  const total = numBatches === null ? null : numEpochs * numBatches;
  const bar = new Progress({
    total,
    minIntervalMs: 1000,
    now,
    onLine: (_line, final) => {
      if (final) {
        animator.progress(null);
        return;
      }
      const elapsed = bar.elapsedSeconds;
      const left = total !== null && bar.done > 0 && bar.done < total ? ` · about ${formatSeconds(((total - bar.done) * elapsed) / bar.done)} left` : '';
      animator.progress(`epoch ${at.epoch + 1}/${numEpochs}, minibatch ${at.step}${numBatches === null ? '' : `/${numBatches}`} · ${formatSeconds(elapsed)} so far${left}`);
    },
  });
  return {
    step(epoch, step) {
      at = { epoch, step };
      bar.update();
    },
    close: () => bar.close(),
  };
}
