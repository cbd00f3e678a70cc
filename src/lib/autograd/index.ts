/** `autograd`: MXNet's autograd module (record, pause, modes) in JavaScript idiom. */
import { isRecording, isTraining, pause, predictMode, record, trainMode } from './state';
import type { NDArray } from '../nd/ndarray';
import type { BackwardOptions } from './tape';

export const autograd = {
  record,
  pause,
  isRecording,
  isTraining,
  trainMode,
  predictMode,
  /** Backpropagates from several heads at once (MXNet's autograd.backward). */
  backward(heads: NDArray | NDArray[], headGrads?: (NDArray | null)[] | NDArray | null, options: BackwardOptions = {}): void {
    const hs = Array.isArray(heads) ? heads : [heads];
    const gs = Array.isArray(headGrads) ? headGrads : [headGrads ?? null];
    hs.forEach((h, i) => h.backward(gs[i] ?? null, { retainGraph: options.retainGraph || i < hs.length - 1 }));
  },
};
