/** Activation functions by name, and the Activation block (Gluon's nn.Activation). */
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError } from '../../nd/errors';
import { Block, layerOptions, type BlockOptions } from '../block';

export type ActivationName = 'relu' | 'sigmoid' | 'tanh' | 'softrelu' | 'softsign';

const ACTIVATIONS: Record<ActivationName, (x: NDArray) => NDArray> = {
  relu: (x) => x.relu(),
  sigmoid: (x) => x.sigmoid(),
  tanh: (x) => x.tanh(),
  // softrelu(x) = log(1 + e^x), written stably as max(x, 0) + log(1 + e^-|x|)
  softrelu: (x) => x.relu().add(x.abs().neg().exp().add(1).log()),
  // softsign(x) = x / (1 + |x|)
  softsign: (x) => x.div(x.abs().add(1)),
};

/** `who`: the layer asking (Activation, Dense, Conv2D), named in the error. */
export function activationFunction(name: string, who = 'Activation'): (x: NDArray) => NDArray {
  const f = typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTIVATIONS, name) ? ACTIVATIONS[name as ActivationName] : undefined;
  if (f === undefined) {
    throw new ArgumentError(`${who}: unknown activation ${JSON.stringify(name) ?? typeof name}: use one of ${Object.keys(ACTIVATIONS).map((k) => `'${k}'`).join(', ')}.`);
  }
  return f;
}

/** Gluon's Activation: applies relu, sigmoid, tanh or softrelu elementwise. */
export class Activation extends Block {
  private readonly f: (x: NDArray) => NDArray;

  constructor(
    readonly activation: ActivationName,
    options: BlockOptions = {},
  ) {
    super(layerOptions('Activation', options, []));
    this.f = activationFunction(activation);
  }

  override forward(x: NDArray): NDArray {
    return this.f(x);
  }

  override toString(): string {
    return `Activation(${this.activation})`;
  }
}
