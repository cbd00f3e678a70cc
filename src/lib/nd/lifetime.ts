/**
 * Who frees the tensors. Readers never call `dispose()`, so every NDArray's tensor is freed
 * by one of three things:
 *  1. a library scope (`ndScope`): composite ops and helpers free the arrays they made and
 *     did not return — deterministic, like `tf.tidy`;
 *  2. an in-place write (`x.set(v)`): the old tensor is freed at once;
 *  3. the garbage collector: when an NDArray object becomes unreachable, a
 *     FinalizationRegistry callback frees its tensor (at the next task boundary; the kernel
 *     yields to the event loop regularly so these run during long loops).
 * The tape keeps its own references (`tf.clone` shares data), so freeing an intermediate's
 * tensor never breaks a later `backward()`.
 */
import type { Tensor } from '../engine/tf';

/** The NDArray's tensor lives in a box so `set` can swap it and the finalizer sees the swap. */
export interface TensorBox {
  t: Tensor;
}

const finalizer = new FinalizationRegistry<TensorBox>((box) => {
  if (!box.t.isDisposed) box.t.dispose();
});

interface Owner {
  box: TensorBox;
}

const scopes: Set<Owner>[] = [];

/** Registers a new array's box for finalization, and with the innermost library scope. */
export function track(owner: Owner, inScope: boolean): void {
  finalizer.register(owner, owner.box, owner);
  if (inScope && scopes.length > 0) scopes[scopes.length - 1]!.add(owner);
}

/** Frees an array's tensor now (explicit `dispose()` or scope exit). */
export function release(owner: Owner): void {
  finalizer.unregister(owner);
  if (!owner.box.t.isDisposed) owner.box.t.dispose();
}

/** Removes an array from the current scopes, so it outlives them (parameters, gradients). */
export function keep(owner: Owner): void {
  for (const s of scopes) s.delete(owner);
}

function collectOwners(value: unknown, into: Set<unknown>, depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 4) return;
  if ('box' in value) {
    into.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) collectOwners(v, into, depth + 1);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value)) collectOwners(v, into, depth + 1);
  }
}

/**
 * Runs `fn` and frees every NDArray it created except those it returns (directly, or inside
 * arrays and plain objects). Synchronous only, like `tf.tidy`.
 */
export function ndScope<T>(fn: () => T): T {
  const scope = new Set<Owner>();
  scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    scopes.pop();
    for (const owner of scope) release(owner);
    throw e;
  }
  scopes.pop();
  const returned = new Set<unknown>();
  collectOwners(result, returned);
  const parent = scopes[scopes.length - 1];
  for (const owner of scope) {
    if (returned.has(owner)) parent?.add(owner);
    else release(owner);
  }
  return result;
}
