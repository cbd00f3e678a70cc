/**
 * Arrays too large for the device. Backends fail on them in different ways: WASM and CPU throw
 * a bare RangeError ("Invalid typed array length"), WebGL refuses a texture larger than its
 * limit, and WebGPU does not fail at all: its buffer creation reports a validation error on the
 * device's event and hands back an invalid buffer, so the array silently reads as zeros. This
 * module turns all of them into one OutOfMemoryError naming the op, the shape and the bytes.
 */
import { tf } from '../engine/tf';
import { NDArrayError, fmtShape } from './errors';

/** An array that cannot be allocated: names the op, the shape, the bytes and the limit. */
export class OutOfMemoryError extends NDArrayError {}

/** Bytes per element of every dtype the library uses (float32, int32, bool stored as 4 bytes). */
const BYTES_PER_ELEMENT = 4;

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

interface GpuLimits {
  maxBufferSize?: number;
  maxStorageBufferBindingSize?: number;
}

/**
 * The largest array the active backend can hold, in bytes (Infinity when it has no fixed limit
 * and fails by throwing instead, as the CPU backend does). WebGPU: one buffer, bound as a storage buffer by every
 * shader. WebGL (unpacked, one float per texel of a square texture): maxTextureSize^2 elements.
 */
export function maxArrayBytes(): number {
  // Asked after every op (primitive.ts): a backend's limits never change, so they are read once
  // per backend instance (a restarted backend, e.g. after a lost device, is a new instance).
  const backend = tf.backend();
  if (backend === limitOf.backend) return limitOf.bytes;
  const bytes = readMaxArrayBytes();
  limitOf = { backend, bytes };
  return bytes;
}

let limitOf: { backend: object | null; bytes: number } = { backend: null, bytes: Infinity };

function readMaxArrayBytes(): number {
  const name = tf.getBackend();
  if (name === 'webgpu') {
    const limits = (tf.backend() as unknown as { device?: { limits?: GpuLimits } }).device?.limits;
    const sizes = [limits?.maxBufferSize, limits?.maxStorageBufferBindingSize].filter((v): v is number => typeof v === 'number');
    return sizes.length ? Math.min(...sizes) : Infinity;
  }
  if (name === 'webgl') {
    const side = tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
    return side > 0 ? side * side * BYTES_PER_ELEMENT : Infinity;
  }
  // WASM: one linear memory of at most 4 GiB (tfjs-backend-wasm's emscripten getHeapMax()), and
  // a failed growth aborts the module for good, so arrays that cannot fit must never be tried.
  // One array may take at most half of it: any op on an array needs room for its result in the
  // same heap (y = f(x) holds x and y at once), so a larger array could be made but not used.
  // nd.random.normal(0, 1, [30000, 30000]) (3.6 GB) passed a full-heap limit, drew its numbers
  // on the CPU for minutes, and then the process was killed while the heap grew.
  if (name === 'wasm') return WASM_HEAP_MAX / 2;
  return Infinity;
}

const WASM_HEAP_MAX = 4294901760;

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
  if (tf.getBackend() === 'wasm' && bytes > WASM_HEAP_MAX / 4) {
    const inUse = tf.memory().numBytes;
    if (bytes + inUse > WASM_HEAP_MAX) {
      throw new OutOfMemoryError(
        `${op}: out of memory: an array of shape ${fmtShape(shape)} needs ${formatBytes(bytes)}, but the wasm backend's memory ` +
          `(${formatBytes(WASM_HEAP_MAX)}) already holds ${formatBytes(inUse)} of live arrays. Free large arrays you no longer need ` +
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
