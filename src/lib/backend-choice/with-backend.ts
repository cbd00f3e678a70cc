/**
 * `mx.withBackend(name, fn)`: runs code on another backend for a moment, then switches back.
 * Made for comparing backends: the section "Devices" times the same matrix product on each.
 */
import { ArgumentError } from '../nd/errors';
import { NDArray } from '../nd/ndarray';
import { BACKEND_LADDER, backendInfo, restoreBackend, switchBackend, type BackendName } from '../engine/backends';

/** A backend asked for by name could not start here. */
export class BackendUnavailableError extends Error {
  constructor(
    readonly backend: BackendName,
    readonly reason: string,
  ) {
    super(`the ${backend} backend is not available here: ${reason}.`);
    this.name = 'BackendUnavailableError';
  }
}

/**
 * Runs `fn` with `name` as the active backend, then switches back to the one that was running
 * (its ladder information included), also when `fn` throws.
 *
 * Arrays made inside live on that backend: read what you need with `await` inside `fn` and
 * return plain values. Returning an NDArray is refused, and arrays from outside should not be
 * used inside: TensorFlow.js would move their values between backends with a synchronous read,
 * which is wrong on WebGPU (BROWSER-NOTES.md).
 */
export async function withBackend<T>(name: BackendName, fn: () => T | Promise<T>): Promise<Awaited<T>> {
  if (!BACKEND_LADDER.includes(name)) {
    throw new ArgumentError(`withBackend: unknown backend ${JSON.stringify(name)}; the backends are ${BACKEND_LADDER.join(', ')}.`);
  }
  if (typeof fn !== 'function') throw new ArgumentError(`withBackend: the second argument must be a function to run on ${name}, got ${typeof fn}.`);
  const saved = backendInfo();
  const reason = await switchBackend(name);
  if (reason !== null) throw new BackendUnavailableError(name, reason);
  try {
    const result = await fn();
    if (result instanceof NDArray) {
      throw new ArgumentError(
        `withBackend: fn returned an NDArray, which lives on ${name} and cannot be used once ${saved.name} runs again. ` +
          'Return values read with await instead (await x.toArray(), await x.asScalar()).',
      );
    }
    return result;
  } finally {
    await restoreBackend(saved);
  }
}
