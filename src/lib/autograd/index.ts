/** `autograd`: MXNet's autograd module (record, pause, modes) in JavaScript idiom. */
import { isRecording, isTraining, pause, predictMode, record, trainMode } from './state';
import type { NDArray } from '../nd/ndarray';
import { runBackwardMany, type BackwardOptions } from './tape';
import { AutogradError } from '../nd/errors';

export const autograd = {
  record,
  pause,
  isRecording,
  isTraining,
  trainMode,
  predictMode,
  /** Backpropagates from several heads in one pass (MXNet's autograd.backward): their gradients add. */
  backward(heads: NDArray | NDArray[], headGrads?: (NDArray | null)[] | NDArray | null, options: BackwardOptions = {}): void {
    const hs = Array.isArray(heads) ? heads : [heads];
    const gs = Array.isArray(headGrads) ? headGrads : [headGrads ?? null];
    if (Array.isArray(headGrads) && headGrads.length !== hs.length) {
      throw new AutogradError(`autograd.backward: ${hs.length} head(s) but ${headGrads.length} head gradient(s); give one per head (null for ones).`);
    }
    runBackwardMany(hs, hs.map((_, i) => gs[i]?.tensor ?? null), options);
  },
};
