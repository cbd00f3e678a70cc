/**
 * What the page adds under a cell's error when it knows more than the kernel: a ReferenceError in
 * a cell whose cells above did not run in this kernel (the reader restarted it, or never ran them)
 * is their variables missing, so offer "Run above"; an out-of-memory error says how much the
 * kernel holds and offers a restart, which frees all of it. Pure.
 */
import type { ErrorOutput } from '../../kernel/protocol';
import type { CellRun } from './cell-run';

export type ErrorAdvice =
  /** `restarted`: the cells above ran in a kernel that is gone; else they never ran. */
  | { kind: 'run-above'; restarted: boolean; notRun: number }
  | { kind: 'memory'; bytes: number | null; tensors: number | null };

const OUT_OF_MEMORY = /out of memory|failed to allocate|allocation failed|OOM when allocating|Array buffer allocation failed/i;

export function errorAdvice(
  error: ErrorOutput,
  context: {
    /** SessionState.generation now. */
    generation: number;
    /** The runs of the book's cells above the failing one, in order. */
    above: readonly CellRun[];
    memory: { numBytes: number; numTensors: number } | null;
  },
): ErrorAdvice | null {
  if (error.name === 'OutOfMemoryError' || OUT_OF_MEMORY.test(error.message)) {
    return { kind: 'memory', bytes: context.memory?.numBytes ?? null, tensors: context.memory?.numTensors ?? null };
  }
  if (error.name !== 'ReferenceError' || !/is not defined/.test(error.message)) return null;
  const notRun = context.above.filter((r) => r.generation !== context.generation);
  if (notRun.length === 0) return null; // every cell above ran in this kernel: a genuine typo
  const restarted = notRun.some((r) => r.ran && r.generation >= 0 && r.generation < context.generation);
  return { kind: 'run-above', restarted, notRun: notRun.length };
}
