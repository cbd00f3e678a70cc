/**
 * Gluon's recurrent layers: RNN, LSTM and GRU run a whole sequence through `numLayers`
 * stacked cells, each layer and direction one fused primitive (nd/ops/*-sequence.ts) (optionally in both directions). Layout 'TNC' (time, batch, features) by
 * default. `beginState({ batchSize })` gives the zero states; `forward(X, state)` returns
 * [outputs, newState] (and only the outputs when no state is passed, as Gluon).
 * States have shape (numLayers * directions, batch, hidden); an LSTM has two (h and c).
 */
import { nd } from '../../nd/index';
import { NDArray } from '../../nd/ndarray';
import { checkOptions } from '../../nd/options';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import { expectArray } from '../../nd/ops/operand';
import { isTraining } from '../../autograd/state';
import { Block, layerOptions, type BlockOptions } from '../block';
import type { InitSpec, Parameter } from '../parameter';
import { dropout } from '../nn/basic';
import { pyFloat } from '../../nd/py-repr';
import { rnnSequence } from '../../nd/ops/rnn-sequence';
import { lstmSequence } from '../../nd/ops/lstm-sequence';
import { gruSequence } from '../../nd/ops/gru-sequence';
import { GATES, type RecurrentMode } from './cell-steps';

export interface RecurrentLayerOptions extends BlockOptions {
  /** Stacked layers (default 1). */
  numLayers?: number;
  /** 'TNC' (time, batch, features; default) or 'NTC'. */
  layout?: 'TNC' | 'NTC';
  /** Dropout on the outputs of every layer but the last, during training (default 0). */
  dropout?: number;
  /** Also run each layer backwards in time and concatenate both outputs (default false). */
  bidirectional?: boolean;
  /** Features per time step; 0 (default) = infer them on the first forward pass. */
  inputSize?: number;
  i2hWeightInitializer?: InitSpec;
  h2hWeightInitializer?: InitSpec;
  /** default 'zeros' */
  i2hBiasInitializer?: InitSpec;
  /** default 'zeros' */
  h2hBiasInitializer?: InitSpec;
}

export interface RNNOptions extends RecurrentLayerOptions {
  /** default 'relu', as Gluon */
  activation?: 'relu' | 'tanh';
}

export interface BeginStateOptions {
  batchSize?: number;
  /** Makes each state from its shape (default nd.zeros). */
  func?: (shape: number[]) => NDArray;
  /** Accepted for MXNet compatibility: one device runs at a time here. */
  ctx?: unknown;
}

const PARAM_KINDS = ['i2h_weight', 'h2h_weight', 'i2h_bias', 'h2h_bias'] as const;
type ParamKind = (typeof PARAM_KINDS)[number];

/** Gluon's _RNNLayer: parameters, states and the forward pass, one fused primitive per layer and direction. */
export class RecurrentLayer extends Block {
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly layout: 'TNC' | 'NTC';
  readonly dropout: number;
  readonly bidirectional: boolean;
  readonly mode: RecurrentMode;
  /** layerParams[layer][direction] holds that cell's four parameters. */
  private readonly layerParams: Record<ParamKind, Parameter>[][] = [];

  protected constructor(hiddenSize: number, mode: RecurrentMode, numLayersOrOptions: number | RecurrentLayerOptions | undefined, maybeOptions: RecurrentLayerOptions) {
    const given: RecurrentLayerOptions =
      typeof numLayersOrOptions === 'number' ? { ...maybeOptions, numLayers: numLayersOrOptions } : (numLayersOrOptions ?? {});
    const keys = ['numLayers', 'layout', 'dropout', 'bidirectional', 'inputSize', 'i2hWeightInitializer', 'h2hWeightInitializer', 'i2hBiasInitializer', 'h2hBiasInitializer'];
    const options: RecurrentLayerOptions = layerOptions(new.target.name, given, mode.startsWith('rnn_') ? [...keys, 'activation'] : keys);
    super(options);
    const where = new.target.name;
    if (!Number.isInteger(hiddenSize) || hiddenSize < 1) throw new ArgumentError(`${where}: the hidden size must be a positive integer, got ${String(hiddenSize)}.`);
    this.hiddenSize = hiddenSize;
    this.mode = mode;
    this.numLayers = options.numLayers ?? 1;
    this.layout = options.layout ?? 'TNC';
    this.dropout = options.dropout ?? 0;
    this.bidirectional = options.bidirectional ?? false;
    if (!Number.isInteger(this.numLayers) || this.numLayers < 1) throw new ArgumentError(`${where}: numLayers must be a positive integer, got ${String(this.numLayers)}.`);
    if (this.layout !== 'TNC' && this.layout !== 'NTC') throw new ArgumentError(`${where}: layout must be 'TNC' or 'NTC', got ${JSON.stringify(this.layout)}.`);
    if (typeof this.dropout !== 'number' || !(this.dropout >= 0 && this.dropout <= 1)) throw new ArgumentError(`${where}: dropout must be a number in [0, 1], got ${String(this.dropout)}.`);
    const inputSize = options.inputSize ?? 0;
    if (!Number.isInteger(inputSize) || inputSize < 0) throw new ArgumentError(`${where}: inputSize must be a non-negative integer, got ${String(inputSize)}.`);
    Object.defineProperty(this, 'layerParams', { enumerable: false });

    // Gluon's order and names: for each layer, for each direction (l, r): i2h_weight, h2h_weight, i2h_bias, h2h_bias.
    const gh = GATES[mode] * hiddenSize;
    let ni = inputSize;
    for (let layer = 0; layer < this.numLayers; layer++) {
      const dirs: Record<ParamKind, Parameter>[] = [];
      for (const d of this.directions()) {
        const get = (kind: ParamKind, shape: number[], init: InitSpec | undefined): Parameter => {
          const name = `${d}${layer}_${kind}`;
          const p = this.params.get(name, { shape, init });
          Object.defineProperty(this, name, { value: p, enumerable: false }); // layer.l0_i2h_weight, as Gluon
          return p;
        };
        dirs.push({
          i2h_weight: get('i2h_weight', [gh, ni], options.i2hWeightInitializer),
          h2h_weight: get('h2h_weight', [gh, hiddenSize], options.h2hWeightInitializer),
          i2h_bias: get('i2h_bias', [gh], options.i2hBiasInitializer ?? 'zeros'),
          h2h_bias: get('h2h_bias', [gh], options.h2hBiasInitializer ?? 'zeros'),
        });
      }
      this.layerParams.push(dirs);
      ni = hiddenSize * dirs.length;
    }
  }

  private directions(): ('l' | 'r')[] {
    return this.bidirectional ? ['l', 'r'] : ['l'];
  }

  /** The shapes of the states for a batch: [(layers * directions, batch, hidden)], twice for an LSTM. */
  stateInfo(batchSize = 0): { shape: number[]; layout: 'LNC' }[] {
    const shape = [this.numLayers * this.directions().length, batchSize, this.hiddenSize];
    const info = { shape, layout: 'LNC' as const };
    return this.mode === 'lstm' ? [info, { ...info, shape: [...shape] }] : [info];
  }

  /** Initial states (zeros): `layer.beginState({ batchSize: 2 })` or `layer.beginState(2)`. */
  beginState(batchSizeOrOptions: number | BeginStateOptions = {}): NDArray[] {
    const o = typeof batchSizeOrOptions === 'number' ? { batchSize: batchSizeOrOptions } : checkOptions(`${this.constructor.name}.beginState`, batchSizeOrOptions, ['batchSize', 'func', 'ctx'], '{ batchSize: 2 }');
    const n = o.batchSize ?? 0;
    if (!Number.isInteger(n) || n < 1) {
      throw new ArgumentError(`${this.constructor.name}.beginState: batchSize must be a positive integer, got ${String(o.batchSize)}; e.g. beginState({ batchSize: 2 }).`);
    }
    const make = o.func ?? ((shape: number[]) => nd.zeros(shape));
    return this.stateInfo(n).map((info) => make(info.shape));
  }

  /** Without states: the outputs (zero initial states). With states: [outputs, new states]. */
  override forward(inputs: NDArray): NDArray;
  override forward(inputs: NDArray, states: NDArray | NDArray[]): [NDArray, NDArray[]];
  override forward(inputs: NDArray, states?: NDArray | NDArray[] | null): NDArray | [NDArray, NDArray[]] {
    const where = `${this.name}: ${this.constructor.name}`;
    expectArray(where, 'the input', inputs);
    const axes = this.layout === 'TNC' ? '(time, batch, features)' : '(batch, time, features)';
    if (inputs.ndim !== 3) {
      throw new ShapeError(
        `${where} expects a 3-D input ${axes} (layout '${this.layout}'), got shape ${fmtShape(inputs.shape)}. ` +
          `Token indices must be turned into vectors first, e.g. nd.oneHot(X.T, vocabSize).`,
      );
    }
    if (inputs.dtype !== 'float32') throw new ArgumentError(`${where}: the input must be float32, got ${inputs.dtype}. Convert it with X.astype('float32').`);
    const batch = inputs.shape[this.layout === 'TNC' ? 1 : 0]!;
    const skipStates = states === undefined || states === null;
    const given = skipStates ? null : states instanceof NDArray ? [states] : states;
    const info = this.stateInfo(batch);
    if (given !== null) {
      if (!Array.isArray(given) || given.length !== info.length || !given.every((s) => s instanceof NDArray)) {
        throw new ArgumentError(
          `${where}: expected ${info.length === 1 ? 'one state array' : `a list of ${info.length} state arrays (h and c)`}, as beginState() returns; ` +
            `got ${Array.isArray(given) ? `a list of ${given.length}` : typeof given}.`,
        );
      }
      given.forEach((s, k) => {
        const want = info[k]!.shape;
        if (s.ndim !== want.length || s.shape.some((d, a) => d !== want[a])) {
          throw new ShapeError(
            `${where}: invalid recurrent state shape. Expecting ${fmtShape(want)}, got ${fmtShape(s.shape)} ` +
              `(the batch size of the input ${fmtShape(inputs.shape)} is ${batch}). Make the state with beginState({ batchSize: ${batch} }).`,
          );
        }
      });
    }
    this.completeInputSize(where, inputs.shape[2]!, inputs.shape);
    return nd.scope(() => {
      const start = given ?? this.beginState(batch);
      let seq = this.layout === 'NTC' ? inputs.transpose([1, 0, 2]) : inputs; // (time, batch, features)
      const steps = seq.shape[0]!;
      const slots = this.numLayers * this.directions().length;
      const h0 = nd.split(start[0]!, slots, { axis: 0, squeezeAxis: true }); // slots x (batch, hidden)
      const c0 = this.mode === 'lstm' ? nd.split(start[1]!, slots, { axis: 0, squeezeAxis: true }) : null;
      const hN: NDArray[] = [];
      const cN: NDArray[] = [];
      this.layerParams.forEach((dirs, layer) => {
        const outs = dirs.map((p, d) => {
          const slot = layer * dirs.length + d;
          const reverse = d === 1; // the 'r' direction reads the sequence backwards
          const last = reverse ? 0 : steps - 1; // the step the recurrence ends on
          // The whole sequence as one primitive: its backward makes one weight-gradient product, not one per step.
          const [wih, whh, bih, bhh] = [p.i2h_weight.data(), p.h2h_weight.data(), p.i2h_bias.data(), p.h2h_bias.data()];
          if (this.mode === 'lstm') {
            const hc = lstmSequence(seq, h0[slot]!, c0![slot]!, wih, whh, bih, bhh, { reverse }); // (2, time, batch, hidden)
            const ys = hc.get(0); // (time, batch, hidden)
            hN.push(ys.get(last));
            cN.push(hc.get(1).get(last));
            return ys;
          }
          const ys =
            this.mode === 'gru'
              ? gruSequence(seq, h0[slot]!, wih, whh, bih, bhh, { reverse })
              : rnnSequence(seq, h0[slot]!, wih.transpose(), whh.transpose(), bih.add(bhh), { activation: this.mode === 'rnn_tanh' ? 'tanh' : 'relu', reverse }); // (time, batch, hidden)
          hN.push(ys.get(last));
          return ys;
        });
        seq = outs.length === 1 ? outs[0]! : nd.concat(outs[0]!, outs[1]!, { dim: 2 }); // (time, batch, directions * hidden)
        if (this.dropout > 0 && layer < this.numLayers - 1 && isTraining()) seq = dropout(seq, this.dropout);
      });
      let out = seq; // (time, batch, directions * hidden)
      if (this.layout === 'NTC') out = out.transpose([1, 0, 2]); // (batch, time, directions * hidden)
      if (skipStates) return out;
      const newStates = [nd.stack(...hN, { axis: 0 })]; // (layers * directions, batch, hidden)
      if (this.mode === 'lstm') newStates.push(nd.stack(...cN, { axis: 0 }));
      return [out, newStates] as [NDArray, NDArray[]];
    });
  }

  /** Deferred initialization: the first layer's input size comes from the data. */
  private completeInputSize(where: string, features: number, shape: number[]): void {
    for (const { i2h_weight: w } of this.layerParams[0]!) {
      w.inferShape([w.shape![0]!, features], () => `${where} expects ${w.shape![1]} features per time step (l0_i2h_weight ${fmtShape(w.shape!)}), got input shape ${fmtShape(shape)}.`);
    }
    for (const dirs of this.layerParams) for (const p of dirs) for (const kind of PARAM_KINDS) p[kind].finishDeferredInit();
  }

  /** Gluon's repr: `LSTM(None -> 256, TNC)`, `RNN(8 -> 16, TNC, num_layers=2, bidirectional)`. */
  override toString(): string {
    const w = this.layerParams[0]![0]!.i2h_weight.shape!;
    let s = `${this.constructor.name}(${w[1] || 'None'} -> ${w[0]! / GATES[this.mode]}, ${this.layout}`;
    if (this.numLayers !== 1) s += `, num_layers=${this.numLayers}`;
    if (this.dropout !== 0) s += `, dropout=${pyFloat(this.dropout)}`;
    if (this.bidirectional) s += ', bidirectional';
    return `${s})`;
  }
}

/** Elman RNN layer: h_t = act(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh), act 'relu' (default) or 'tanh'. */
export class RNN extends RecurrentLayer {
  constructor(hiddenSize: number, numLayersOrOptions?: number | RNNOptions, options: RNNOptions = {}) {
    const o: RNNOptions = typeof numLayersOrOptions === 'number' ? options : (numLayersOrOptions ?? {});
    const activation = o.activation ?? 'relu';
    if (activation !== 'relu' && activation !== 'tanh') throw new ArgumentError(`RNN: activation must be 'relu' or 'tanh', got ${JSON.stringify(activation)}.`);
    super(hiddenSize, activation === 'relu' ? 'rnn_relu' : 'rnn_tanh', numLayersOrOptions, options);
  }
}

/** Long short-term memory layer; its state is [h, c]. */
export class LSTM extends RecurrentLayer {
  constructor(hiddenSize: number, numLayersOrOptions?: number | RecurrentLayerOptions, options: RecurrentLayerOptions = {}) {
    super(hiddenSize, 'lstm', numLayersOrOptions, options);
  }
}

/** Gated recurrent unit layer (cuDNN's variant, as MXNet). */
export class GRU extends RecurrentLayer {
  constructor(hiddenSize: number, numLayersOrOptions?: number | RecurrentLayerOptions, options: RecurrentLayerOptions = {}) {
    super(hiddenSize, 'gru', numLayersOrOptions, options);
  }
}
