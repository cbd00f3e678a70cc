/**
 * Arrays too large for the device. Backends fail on them in different ways: WASM and CPU throw
 * a bare RangeError ("Invalid typed array length"), WebGL refuses a texture larger than its
 * limit, and WebGPU does not fail at all: its buffer creation reports a validation error on the
 * device's event and hands back an invalid buffer, so the array silently reads as zeros. This
 * module turns all of them into one OutOfMemoryError naming the op, the shape and the bytes; each
 * backend's limit is in backend-limits.ts.
 */
import { tf } from '../engine/tf';
import { NDArrayError, fmtShape } from './errors';
import { BYTES_PER_ELEMENT, maxArrayBytes, sharedHeapBytes } from './backend-limits';

/** An array that cannot be allocated: names the op, the shape, the bytes and the limit. */
export class OutOfMemoryError extends NDArrayError {}

export function arrayBytes(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1) * BYTES_PER_ELEMENT;
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = bytes;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? `${v} bytes` : `${v.toFixed(1)} ${units[i]}`;
}

function tooLarge(op: string, shape: readonly number[], limit: number): OutOfMemoryError {
  return new OutOfMemoryError(
    `${op}: out of memory: an array of shape ${fmtShape(shape)} needs ${formatBytes(arrayBytes(shape))}, ` +
      `but the ${tf.getBackend()} backend holds at most ${formatBytes(limit)} in one array. ` +
      'Use a smaller shape, or work on the data in batches.',
  );
}

/** Throws an OutOfMemoryError if an array of this shape cannot live on the active backend. */
export function checkAllocation(op: string, shape: readonly number[]): void {
  const limit = maxArrayBytes();
  const bytes = arrayBytes(shape);
  if (bytes > limit) throw tooLarge(op, shape, limit);
  // On WASM every array shares the one heap: what the live arrays hold is not available.
  const heap = sharedHeapBytes();
  if (heap !== null && bytes > heap / 4) {
    const inUse = tf.memory().numBytes;
    if (bytes + inUse > heap) {
      throw new OutOfMemoryError(
        `${op}: out of memory: an array of shape ${fmtShape(shape)} needs ${formatBytes(bytes)}, but the ${tf.getBackend()} backend's memory ` +
          `(${formatBytes(heap)}) already holds ${formatBytes(inUse)} of live arrays. Free large arrays you no longer need ` +
          `(x.dispose() or drop the variable), use a smaller shape, or work on the data in batches.`,
      );
    }
  }
}

/** Whether an error thrown by a backend means an allocation failed. */
export function isAllocationFailure(e: unknown): boolean {
  if (e instanceof OutOfMemoryError) return false; // already clear
  if (e instanceof RangeError) return /array (buffer )?(length|allocation)|allocation failed|out of memory/i.test(e.message);
  return e instanceof Error && /out of memory|texture size|memory access out of bounds|could not allocate/i.test(e.message);
}

/**
 * The error to throw when `make` failed allocating for `op`. `shape` is the result's shape when
 * known, else null (the inputs' shapes are then named by the caller's message).
 */
export function allocationError(op: string, shape: readonly number[] | null, cause: Error, inputs: readonly (readonly number[])[] = []): OutOfMemoryError {
  const what = shape
    ? `an array of shape ${fmtShape(shape)} (${formatBytes(arrayBytes(shape))})`
    : `the result for inputs of shape ${inputs.map(fmtShape).join(', ') || '()'}`;
  const err = new OutOfMemoryError(
    `${op}: out of memory allocating ${what} on the ${tf.getBackend()} backend (${cause.name}: ${cause.message}). ` +
      'Use a smaller shape, or work on the data in batches.',
  );
  (err as { cause?: unknown }).cause = cause;
  return err;
}

/** Runs `make` for an array of `shape`: checks the backend's limit first, and names failures. */
export function guardAllocation<T>(op: string, shape: readonly number[], make: () => T): T {
  checkAllocation(op, shape);
  try {
    return make();
  } catch (e) {
    if (isAllocationFailure(e)) throw allocationError(op, shape, e as Error);
    throw e;
  }
}
