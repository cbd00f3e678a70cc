/**
 * Conv2D: 2-D convolution over NCHW images, y = act(x (*) W + b), with W of shape
 * (channels, inChannels/groups, kh, kw) as in Gluon. Without `inChannels` the number of input
 * channels is learned from the first batch (deferred init), like Dense's input size.
 */
import { nd } from '../../nd/index';
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import { Block, layerOptions, type BlockOptions } from '../block';
import { oneOf } from '../../nd/options';
import type { InitSpec, Parameter } from '../parameter';
import { activationFunction, type ActivationName } from './activation';
import { expectInput, toCount } from './layer-args';
import { pair, type Pair } from '../../nd/ops/nn-options';
import { pyTuple } from '../../nd/py-repr';

export interface Conv2DOptions extends BlockOptions {
  /** The window (kh, kw); required (or pass it as the second argument). */
  kernelSize?: Pair;
  /** default 1 */
  strides?: Pair;
  /** zeros added on each side, default 0 */
  padding?: Pair;
  /** spacing between the kernel's taps, default 1 */
  dilation?: Pair;
  /** channels split into groups convolved separately, default 1 */
  groups?: number;
  activation?: ActivationName | null;
  useBias?: boolean;
  /** Input channels; 0 (default) = infer them on the first forward pass. */
  inChannels?: number;
  weightInitializer?: InitSpec;
  /** default 'zeros' */
  biasInitializer?: InitSpec;
  /** only 'NCHW' (Gluon's default) */
  layout?: 'NCHW';
}

/** Gluon's Conv2D: 2-D convolution of (batch, channels, h, w) inputs with `channels` filters; input channels inferred on first call. */
export class Conv2D extends Block {
  /** The filters, shape (channels, inChannels / groups, kh, kw). */
  readonly weight: Parameter;
  /** The bias, one per output channel, or null with useBias: false. */
  readonly bias: Parameter | null;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: [number, number];
  readonly dilation: [number, number];
  readonly groups: number;
  private readonly act: ((x: NDArray) => NDArray) | null;
  private readonly actName: ActivationName | null;

  /** `new Conv2D(6, { kernelSize: 5, activation: 'sigmoid' })`, or `new Conv2D(6, 5, { ... })`. */
  constructor(
    readonly channels: number,
    kernelSizeOrOptions: Pair | Conv2DOptions,
    maybeOptions: Conv2DOptions = {},
  ) {
    const positional = typeof kernelSizeOrOptions === 'number' || Array.isArray(kernelSizeOrOptions);
    const options: Conv2DOptions = positional ? { ...maybeOptions, kernelSize: kernelSizeOrOptions as Pair } : ((kernelSizeOrOptions ?? {}) as Conv2DOptions);
    super(layerOptions('Conv2D', options, ['kernelSize', 'strides', 'padding', 'dilation', 'groups', 'activation', 'useBias', 'inChannels', 'weightInitializer', 'biasInitializer', 'layout']));
    oneOf('Conv2D', 'layout', options.layout, ['NCHW'], 'NCHW'); // Gluon's default; the only layout here
    const where = 'Conv2D';
    if (!Number.isInteger(channels) || channels < 1) throw new ArgumentError(`${where}: channels must be a positive integer, got ${String(channels)}.`);
    if (options.kernelSize === undefined) {
      throw new ArgumentError(`${where}: kernelSize is required, e.g. new nn.Conv2D(${channels}, { kernelSize: 3 }) or new nn.Conv2D(${channels}, 3).`);
    }
    this.kernelSize = pair(where, 'kernelSize', options.kernelSize, 1, 1);
    this.strides = pair(where, 'strides', options.strides, 1, 1);
    this.padding = pair(where, 'padding', options.padding, 0, 0);
    this.dilation = pair(where, 'dilation', options.dilation, 1, 1);
    this.groups = toCount(where, 'groups', options.groups, 1, 1);
    const inChannels = toCount(where, 'inChannels', options.inChannels, 0, 0);
    if (channels % this.groups !== 0 || inChannels % this.groups !== 0) {
      throw new ArgumentError(`${where}: groups=${this.groups} must divide both channels (${channels}) and inChannels (${inChannels}).`);
    }
    this.actName = options.activation ?? null;
    this.act = this.actName ? activationFunction(this.actName, 'Conv2D') : null;
    const [kh, kw] = this.kernelSize;
    this.weight = this.params.get('weight', { shape: [channels, inChannels / this.groups, kh, kw], init: options.weightInitializer });
    this.bias = options.useBias === false ? null : this.params.get('bias', { shape: [channels], init: options.biasInitializer ?? 'zeros' });
  }

  protected override nameHint(): string {
    return 'conv';
  }

  override forward(x: NDArray): NDArray {
    const where = `${this.name}: Conv2D`;
    expectInput(where, x, 4, '(batch, channels, height, width)');
    const c = x.shape[1]!;
    if (this.weight.shape![1] === 0 && c % this.groups !== 0) {
      throw new ShapeError(`${where} has groups=${this.groups}, which does not divide the ${c} channels of the input ${fmtShape(x.shape)}.`);
    }
    this.weight.inferShape(
      [this.channels, c / this.groups, ...this.kernelSize],
      () => `${where} expects inputs with ${this.weight.shape![1]! * this.groups} channels (weight ${fmtShape(this.weight.shape!)}), got input shape ${fmtShape(x.shape)}.`,
    );
    this.bias?.finishDeferredInit();
    const options = { stride: this.strides, pad: this.padding, dilate: this.dilation, numGroup: this.groups };
    const y = nd.convolution(x, this.weight.data(), this.bias ? this.bias.data() : null, options); // (batch, channels, oh, ow)
    return this.act ? this.act(y) : y;
  }

  /** Gluon's repr: `Conv2D(None -> 6, kernel_size=(5, 5), stride=(1, 1), Activation(sigmoid))`. */
  override toString(): string {
    const inCh = this.weight.shape![1] || 'None';
    let s = `Conv2D(${inCh} -> ${this.channels}, kernel_size=${pyTuple(this.kernelSize)}, stride=${pyTuple(this.strides)}`;
    if (this.padding.some((p) => p !== 0)) s += `, padding=${pyTuple(this.padding)}`;
    if (this.dilation.some((d) => d !== 1)) s += `, dilation=${pyTuple(this.dilation)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ', bias=False';
    if (this.actName) s += `, Activation(${this.actName})`;
    return `${s})`;
  }
}
