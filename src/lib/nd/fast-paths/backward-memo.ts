/**
 * Tensors that several nodes of one backward pass derive from the same saved tensor, made once
 * per pass.
 *
 * | backend | when | measured win | test |
 * | --- | --- | --- | --- |
 * | all (pays on wasm) | a backward pass transposes one saved tensor more than once (swapLast) | (32, 256) by a shared (256, 256) weight: ~1.3 -> ~0.35 ms a step | test/unit/lib/nd/fast-paths/backward-memo.test.ts |
 *
 * A recurrent net unrolled over T steps saves its hidden-to-hidden weight T times
 * (clones that share its data); each step's backward multiplies by that weight transposed. On
 * WASM the transpose is materialized before the product (see matmul-wasm-transposed.ts), and the backend
 * packs a product's right operand into an XNNPACK operator that it caches by the operand's data:
 * one shared transpose per pass costs one transpose and one packing instead of T of each
 * (measured in Node, (32, 256) by a (256, 256) weight: ~0.35 ms with the cached operator against
 * ~1.3 ms transposing and packing anew).
 * Outside a backward pass `memoized` just makes the tensor.
 */
import { tf, type Tensor } from '../../engine/tf';

/** Per pass: the source's data -> (what was derived, with the source's shape) -> tensor. */
let memo: Map<object, Map<string, Tensor>> | null = null;

/**
 * `make()`, or the tensor an earlier `make` of the same `kind` derived from the same data and
 * shape during this backward pass. The tensor belongs to the pass (freed when it ends): callers
 * use it as an operand and never return or dispose it.
 */
export function memoized(source: Tensor, kind: string, make: () => Tensor): Tensor {
  if (memo === null) return make();
  let byKind = memo.get(source.dataId);
  if (byKind === undefined) {
    byKind = new Map();
    memo.set(source.dataId, byKind);
  }
  const key = `${kind} ${source.shape.join(',')}`;
  const known = byKind.get(key);
  if (known !== undefined && !known.isDisposed) return known;
  const made = tf.keep(make()); // kept out of any tidy: the pass frees it
  byKind.set(key, made);
  return made;
}

/** Runs one backward pass with its own memo; frees what the pass derived. */
export function withBackwardMemo<T>(fn: () => T): T {
  const outer = memo;
  const mine = new Map<object, Map<string, Tensor>>();
  memo = mine;
  try {
    return fn();
  } finally {
    memo = outer;
    for (const byKind of mine.values()) for (const t of byKind.values()) t.dispose();
  }
}
