/**
 * Updater: applies an optimizer to parameters by index, keeping each parameter's state (made
 * lazily at its first update, when its array exists — deferred initialization needs that).
 * Updates run with autograd paused (they are not part of any model) and inside a scope, so
 * the temporaries of every step are freed at once.
 */
import type { NDArray } from '../../nd/ndarray';
import { pause } from '../../autograd/state';
import { ndScope } from '../../nd/lifetime';
import type { Optimizer, OptimizerState } from './optimizer';

/** MXNet's Updater: applies an optimizer to weights by index, keeping each weight's state. */
export class Updater {
  /** The optimizer state of each weight, by index. */
  readonly states = new Map<number, OptimizerState>();

  constructor(readonly optimizer: Optimizer) {}

  /** One update of parameter `index`: weight changes in place. */
  call(index: number, grad: NDArray, weight: NDArray): void {
    pause(() =>
      ndScope(() => {
        if (!this.states.has(index)) this.states.set(index, this.optimizer.createState(index, weight));
        this.optimizer.update(index, weight, grad, this.states.get(index)!);
      }),
    );
  }
}

/** MXNet's optimizer.get_updater. */
export function getUpdater(optimizer: Optimizer): Updater {
  return new Updater(optimizer);
}
