/**
 * Autograd's two switches, as in MXNet: *recording* (ops append to the tape) and *training*
 * (layers such as Dropout and BatchNorm behave as in training). `record` turns both on,
 * `pause` turns recording off.
 */
let recording = false;
let training = false;

/** True inside autograd.record() (MXNet's autograd.is_recording). */
export function isRecording(): boolean {
  return recording;
}

/** True in training mode, where Dropout drops and BatchNorm uses batch statistics (MXNet's autograd.is_training). */
export function isTraining(): boolean {
  return training;
}

/** Runs fn with the two switches set, restoring them when fn returns — or, for an async fn, when its promise settles. */
function withFlags<T>(rec: boolean, train: boolean, fn: () => T): T {
  const prev = [recording, training] as const;
  const restore = (): void => {
    [recording, training] = prev;
  };
  recording = rec;
  training = train;
  let result: T;
  try {
    result = fn();
  } catch (e) {
    restore();
    throw e;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}

/**
 * Records the ops fn runs so that `y.backward()` can differentiate them; returns fn's value.
 * `trainMode` (default true) is what `isTraining()` reports inside.
 */
export function record<T>(fn: () => T, options: { trainMode?: boolean } = {}): T {
  return withFlags(true, options.trainMode ?? true, fn);
}

/** Runs fn without recording (e.g. a parameter update inside a recorded region). */
export function pause<T>(fn: () => T, options: { trainMode?: boolean } = {}): T {
  return withFlags(false, options.trainMode ?? false, fn);
}

/** Runs fn with training behaviour on, without changing recording. */
export function trainMode<T>(fn: () => T): T {
  return withFlags(recording, true, fn);
}

/** Runs fn with prediction behaviour (no dropout, BatchNorm uses moving statistics). */
export function predictMode<T>(fn: () => T): T {
  return withFlags(recording, false, fn);
}
