/**
 * How large an array each backend can hold: the backend-specific half of memory-guard.ts.
 *
 * | backend | largest array | why | test |
 * | --- | --- | --- | --- |
 * | webgpu | the device's maxBufferSize / maxStorageBufferBindingSize | one buffer, bound as a storage buffer by every shader; a larger one silently reads as zeros | test/unit/lib/nd/per-op-caches.test.ts |
 * | webgl | maxTextureSize^2 elements | unpacked, one float per texel of a square texture | test/unit/lib/nd/per-op-caches.test.ts |
 * | wasm | half of the 4 GiB heap, and no more than the heap has free | one linear memory; a failed growth aborts the module for good | test/unit/lib/nd/memory-guard.test.ts |
 * | cpu and others | no fixed limit | they fail by throwing instead | test/unit/lib/nd/memory-guard.test.ts |
 */
import { tf } from '../engine/tf';

/** Bytes per element of every dtype the library uses (float32, int32, bool stored as 4 bytes). */
export const BYTES_PER_ELEMENT = 4;

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

/**
 * The size of the one memory that every array of the active backend shares (WASM's heap), or null
 * where arrays live apart: there what the live arrays hold is not available to a new one.
 */
export function sharedHeapBytes(): number | null {
  return tf.getBackend() === 'wasm' ? WASM_HEAP_MAX : null;
}
