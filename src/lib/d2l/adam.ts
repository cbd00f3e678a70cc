/**
 * Adam written with NDArrays, introduced in "Recurrent neural networks from scratch"
 * (chapters/06-recurrent-networks/01-rnn-scratch.md), where it trains the character RNN in a
 * few hundred updates instead of SGD's thousands. Per parameter x with gradient g, at update t:
 *   v <- beta1 v + (1 - beta1) g          s <- beta2 s + (1 - beta2) g^2
 *   x <- x - lr (v / (1 - beta1^t)) / (sqrt(s / (1 - beta2^t)) + eps)
 * (Gluon's Trainer has the same rule as 'adam'; this is the from-scratch form the chapter shows.)
 */
import { ArgumentError } from '../nd/errors';
import type { NDArray } from '../nd/ndarray';
import { zerosLike } from '../nd/ops/creation';

/** The running averages [v, s] of each parameter, at zero. */
export function initAdamStates(params: NDArray[]): [NDArray, NDArray][] {
  return params.map((p) => [zerosLike(p), zerosLike(p)]);
}

export interface AdamHyperparams {
  lr: number;
  /** Updates done so far; adam() increments it. Start at 0. */
  t: number;
}

/** One Adam update of every parameter, in place, from its .grad. */
export function adam(params: NDArray[], states: [NDArray, NDArray][], hyperparams: AdamHyperparams): void {
  if (states.length !== params.length) {
    throw new ArgumentError(`adam: got ${params.length} parameters but ${states.length} states; make the states with initAdamStates(params).`);
  }
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-6;
  hyperparams.t += 1;
  params.forEach((p, i) => {
    const [v, s] = states[i]!;
    v.set(v.mul(beta1).add(p.grad.mul(1 - beta1)));
    s.set(s.mul(beta2).add(p.grad.square().mul(1 - beta2)));
    const vHat = v.div(1 - beta1 ** hyperparams.t);
    const sHat = s.div(1 - beta2 ** hyperparams.t);
    p.set(p.sub(vHat.div(sHat.sqrt().add(eps)).mul(hyperparams.lr)));
  });
}
