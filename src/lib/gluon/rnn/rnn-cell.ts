/**
 * Gluon's recurrent cells: one time step at a time, for code that must act between steps
 * (sampling, attention, teacher forcing). `cell.forward(x, states)` takes x (batch, features)
 * and the states, as `beginState` makes them, and returns [output, newStates]; `unroll` runs a
 * whole sequence through the cell. The parameters have MXNet's names and layouts (i2h_weight
 * (gates * hidden, inputs), gates stacked LSTM [i, f, c, o], GRU [r, z, n]), so a cell holds the
 * same numbers as one layer and direction of rnn.RNN / LSTM / GRU. Autograd differentiates
 * the step through its primitives; for whole sequences the fused layers are much faster.
 */
import { nd } from '../../nd/index';
import { NDArray } from '../../nd/ndarray';
import { checkOptions } from '../../nd/options';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import { expectArray } from '../../nd/ops/operand';
import { Block, layerOptions, type BlockOptions } from '../block';
import type { InitSpec, Parameter } from '../parameter';
import type { BeginStateOptions } from './rnn-layer';
import { GATES, cellWeights, gruStep, lstmStep, rnnStep, type RecurrentMode } from './cell-steps';

export interface RecurrentCellOptions extends BlockOptions {
  /** Features per step; 0 (default) = infer them on the first call. */
  inputSize?: number;
  i2hWeightInitializer?: InitSpec;
  h2hWeightInitializer?: InitSpec;
  /** default 'zeros' */
  i2hBiasInitializer?: InitSpec;
  /** default 'zeros' */
  h2hBiasInitializer?: InitSpec;
}

export interface RNNCellOptions extends RecurrentCellOptions {
  /** default 'tanh', as Gluon's RNNCell */
  activation?: 'relu' | 'tanh';
}

export interface UnrollOptions {
  /** The initial states (default: zeros from beginState). */
  beginState?: NDArray[];
  /** 'NTC' (default, as Gluon's unroll) or 'TNC'. */
  layout?: 'TNC' | 'NTC';
  /** Stack the outputs along the time axis (default true); false gives one array per step. */
  mergeOutputs?: boolean;
}

const KEYS = ['inputSize', 'i2hWeightInitializer', 'h2hWeightInitializer', 'i2hBiasInitializer', 'h2hBiasInitializer'];

/** Gluon's RecurrentCell (HybridRecurrentCell): parameters, states, one step, unroll. */
export class RecurrentCell extends Block {
  readonly hiddenSize: number;
  readonly mode: RecurrentMode;
  readonly i2h_weight!: Parameter;
  readonly h2h_weight!: Parameter;
  readonly i2h_bias!: Parameter;
  readonly h2h_bias!: Parameter;

  protected constructor(hiddenSize: number, mode: RecurrentMode, given: RecurrentCellOptions) {
    const options: RecurrentCellOptions = layerOptions(new.target.name, given, mode.startsWith('rnn_') ? [...KEYS, 'activation'] : KEYS);
    super(options);
    const where = new.target.name;
    if (!Number.isInteger(hiddenSize) || hiddenSize < 1) throw new ArgumentError(`${where}: the hidden size must be a positive integer, got ${String(hiddenSize)}.`);
    const inputSize = options.inputSize ?? 0;
    if (!Number.isInteger(inputSize) || inputSize < 0) throw new ArgumentError(`${where}: inputSize must be a non-negative integer, got ${String(inputSize)}.`);
    this.hiddenSize = hiddenSize;
    this.mode = mode;
    const gh = GATES[mode] * hiddenSize;
    const params: Record<string, Parameter> = {
      i2h_weight: this.params.get('i2h_weight', { shape: [gh, inputSize], init: options.i2hWeightInitializer }),
      h2h_weight: this.params.get('h2h_weight', { shape: [gh, hiddenSize], init: options.h2hWeightInitializer }),
      i2h_bias: this.params.get('i2h_bias', { shape: [gh], init: options.i2hBiasInitializer ?? 'zeros' }),
      h2h_bias: this.params.get('h2h_bias', { shape: [gh], init: options.h2hBiasInitializer ?? 'zeros' }),
    };
    // cell.i2h_weight, as Gluon; kept out of the field walk (they are in this.params).
    for (const [name, p] of Object.entries(params)) Object.defineProperty(this, name, { value: p, enumerable: false });
  }

  /** The shapes of the states for a batch: [(batch, hidden)], twice (h, c) for an LSTM cell. */
  stateInfo(batchSize = 0): { shape: number[]; layout: 'NC' }[] {
    const info = { shape: [batchSize, this.hiddenSize], layout: 'NC' as const };
    return this.mode === 'lstm' ? [info, { ...info, shape: [batchSize, this.hiddenSize] }] : [info];
  }

  /** Initial states (zeros): `cell.beginState({ batchSize: 2 })` or `cell.beginState(2)`. */
  beginState(batchSizeOrOptions: number | BeginStateOptions = {}): NDArray[] {
    const o = typeof batchSizeOrOptions === 'number' ? { batchSize: batchSizeOrOptions } : checkOptions(`${this.constructor.name}.beginState`, batchSizeOrOptions, ['batchSize', 'func', 'ctx'], '{ batchSize: 2 }');
    const n = o.batchSize ?? 0;
    if (!Number.isInteger(n) || n < 1) {
      throw new ArgumentError(`${this.constructor.name}.beginState: batchSize must be a positive integer, got ${String(o.batchSize)}; e.g. beginState({ batchSize: 2 }).`);
    }
    const make = o.func ?? ((shape: number[]) => nd.zeros(shape));
    return this.stateInfo(n).map((info) => make(info.shape));
  }

  /** One step: x (batch, features) and the states -> [output (batch, hidden), new states]. */
  // @ts-expect-error -- a cell returns [output, states] (Gluon's cells return a tuple), not Block's one array
  override forward(x: NDArray, states?: NDArray | NDArray[] | null): [NDArray, NDArray[]] {
    const where = `${this.name}: ${this.constructor.name}`;
    expectArray(where, 'the input', x);
    if (x.ndim !== 2) {
      throw new ShapeError(`${where} takes one time step, a 2-D input (batch, features); got shape ${fmtShape(x.shape)}. For a whole sequence use unroll(), or the ${this.constructor.name.replace('Cell', '')} layer.`);
    }
    const batch = x.shape[0]!;
    const given = states === undefined || states === null ? this.beginState(batch) : states instanceof NDArray ? [states] : states;
    const info = this.stateInfo(batch);
    if (!Array.isArray(given) || given.length !== info.length || !given.every((s) => s instanceof NDArray)) {
      throw new ArgumentError(`${where}: expected ${info.length === 1 ? 'a list of one state' : 'a list of 2 states (h and c)'}, as beginState() returns; got ${Array.isArray(given) ? `a list of ${given.length}` : typeof given}.`);
    }
    given.forEach((s, k) => {
      if (s.ndim !== 2 || s.shape[0] !== batch || s.shape[1] !== this.hiddenSize) {
        throw new ShapeError(`${where}: invalid state shape. Expecting ${fmtShape(info[k]!.shape)}, got ${fmtShape(s.shape)}. Make the states with beginState({ batchSize: ${batch} }).`);
      }
    });
    this.completeInputSize(where, x.shape[1]!);
    const w = cellWeights(this.mode, this.i2h_weight.data(), this.h2h_weight.data(), this.i2h_bias.data(), this.h2h_bias.data());
    switch (this.mode) {
      case 'rnn_relu':
      case 'rnn_tanh': {
        const h = rnnStep(this.mode === 'rnn_relu' ? 'relu' : 'tanh', x, given[0]!, w);
        return [h, [h]];
      }
      case 'gru': {
        const h = gruStep(x, given[0]!, w);
        return [h, [h]];
      }
      case 'lstm': {
        const [h, c] = lstmStep(x, given[0]!, given[1]!, w);
        return [h, [h, c]];
      }
    }
  }

  /**
   * The cell over `length` steps of inputs (batch, time, features) ('NTC', default) or
   * (time, batch, features) ('TNC'): [outputs, final states], the outputs stacked along the
   * time axis (or one array per step with mergeOutputs: false).
   */
  unroll(length: number, inputs: NDArray, options: UnrollOptions = {}): [NDArray | NDArray[], NDArray[]] {
    const where = `${this.name}: ${this.constructor.name}.unroll`;
    const o = checkOptions(where, options, ['beginState', 'layout', 'mergeOutputs'], "{ layout: 'TNC' }");
    expectArray(where, 'the inputs', inputs);
    const layout = o.layout ?? 'NTC';
    if (layout !== 'NTC' && layout !== 'TNC') throw new ArgumentError(`${where}: layout must be 'NTC' or 'TNC', got ${JSON.stringify(layout)}.`);
    const axis = layout === 'NTC' ? 1 : 0;
    if (inputs.ndim !== 3 || inputs.shape[axis] !== length) {
      throw new ShapeError(`${where}: expected inputs of ${length} steps in layout '${layout}' (${layout === 'NTC' ? 'batch, time' : 'time, batch'}, features), got shape ${fmtShape(inputs.shape)}.`);
    }
    const xs = nd.split(inputs, length, { axis, squeezeAxis: true }); // length x (batch, features)
    let states = o.beginState ?? this.beginState(inputs.shape[1 - axis]!);
    const outs: NDArray[] = [];
    for (const x of xs) {
      const [y, next] = this.forward(x, states);
      outs.push(y);
      states = next;
    }
    return [o.mergeOutputs === false ? outs : nd.stack(...outs, { axis }), states];
  }

  private completeInputSize(where: string, features: number): void {
    const w = this.i2h_weight;
    w.inferShape([w.shape![0]!, features], () => `${where} expects ${w.shape![1]} features (i2h_weight ${fmtShape(w.shape!)}), got ${features}.`);
    for (const p of [this.h2h_weight, this.i2h_bias, this.h2h_bias]) p.finishDeferredInit();
  }

  /** Gluon's repr: `LSTMCell(None -> 400)`. */
  override toString(): string {
    const w = this.i2h_weight.shape!;
    return `${this.constructor.name}(${w[1] || 'None'} -> ${w[0]!})`;
  }
}

/** Elman cell: h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh), act 'tanh' (default, as Gluon's RNNCell) or 'relu'. */
export class RNNCell extends RecurrentCell {
  constructor(hiddenSize: number, options: RNNCellOptions = {}) {
    const activation = options.activation ?? 'tanh';
    if (activation !== 'relu' && activation !== 'tanh') throw new ArgumentError(`RNNCell: activation must be 'relu' or 'tanh', got ${JSON.stringify(activation)}.`);
    super(hiddenSize, activation === 'relu' ? 'rnn_relu' : 'rnn_tanh', options);
  }
}

/** LSTM cell; its states are [h, c]. */
export class LSTMCell extends RecurrentCell {
  constructor(hiddenSize: number, options: RecurrentCellOptions = {}) {
    super(hiddenSize, 'lstm', options);
  }
}

/** GRU cell (cuDNN's variant, as MXNet). */
export class GRUCell extends RecurrentCell {
  constructor(hiddenSize: number, options: RecurrentCellOptions = {}) {
    super(hiddenSize, 'gru', options);
  }
}
