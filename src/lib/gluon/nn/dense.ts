/**
 * Dense: a fully connected layer, y = act(x W^T + b), with W of shape (units, inUnits) as in
 * Gluon. Without `inUnits` the input size is learned from the first batch (deferred init).
 */
import { nd } from '../../nd/index';
import type { NDArray } from '../../nd/ndarray';
import { ShapeError, fmtShape } from '../../nd/errors';
import { expectArray } from '../../nd/ops/operand';
import { Block, layerOptions, type BlockOptions } from '../block';
import type { Parameter, InitSpec } from '../parameter';
import { activationFunction, type ActivationName } from './activation';

export interface DenseOptions extends BlockOptions {
  activation?: ActivationName | null;
  useBias?: boolean;
  /** Collapse all input axes but the first (default true), as Gluon. */
  flatten?: boolean;
  /** Input size; 0 (default) = infer it on the first forward pass. */
  inUnits?: number;
  weightInitializer?: InitSpec;
  biasInitializer?: InitSpec;
}

/** Gluon's Dense: y = activation(x W^T + b), a fully connected layer of `units` outputs; the input size is inferred on first call. */
export class Dense extends Block {
  /** The weight, shape (units, inUnits). */
  readonly weight: Parameter;
  /** The bias, shape (units,), or null with useBias: false. */
  readonly bias: Parameter | null;
  private readonly act: ((x: NDArray) => NDArray) | null;
  private readonly actName: ActivationName | null;
  private readonly flattenInput: boolean;

  constructor(
    readonly units: number,
    options: DenseOptions = {},
  ) {
    super(layerOptions('Dense', options, ['activation', 'useBias', 'flatten', 'inUnits', 'weightInitializer', 'biasInitializer']));
    this.actName = options.activation ?? null;
    this.act = this.actName ? activationFunction(this.actName, 'Dense') : null;
    this.flattenInput = options.flatten ?? true;
    this.weight = this.params.get('weight', { shape: [units, options.inUnits ?? 0], init: options.weightInitializer });
    this.bias = options.useBias === false ? null : this.params.get('bias', { shape: [units], init: options.biasInitializer ?? 'zeros' });
  }

  override forward(x: NDArray): NDArray {
    expectArray(`${this.name}: Dense`, 'the input', x);
    const input = this.flattenInput && x.ndim > 2 ? x.reshape([x.shape[0]!, -1]) : x; // (batch, inUnits)
    const inUnits = input.shape[input.ndim - 1]!;
    this.weight.inferShape(
      [this.units, inUnits],
      () => `${this.name}: Dense expects inputs with ${this.weight.shape![1]} features (weight ${fmtShape(this.weight.shape!)}), got input shape ${fmtShape(x.shape)}${input !== x ? ` (flattened to ${fmtShape(input.shape)})` : ''}.`,
    );
    this.bias?.finishDeferredInit();
    let y = nd.dot(input, this.weight.data(), { transposeB: true }); // (batch, units)
    if (this.bias) y = y.add(this.bias.data());
    return this.act ? this.act(y) : y;
  }

  override toString(): string {
    const inUnits = this.weight.shape![1] || 'None';
    return `Dense(${inUnits} -> ${this.units}, ${this.actName ? `Activation(${this.actName})` : 'linear'})`;
  }
}
