/**
 * Trainer: applies an optimizer to a set of Parameters, as Gluon's. After `l.backward()`,
 * `trainer.step(batchSize)` rescales the gradients by 1 / batchSize (the loss was summed over
 * the batch, so this makes the step follow the mean) and updates every parameter whose
 * gradReq is not 'null', in place, honouring each parameter's lrMult and wdMult.
 *
 *   const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
 *   const l = autograd.record(() => loss.forward(net.forward(X), y));
 *   l.backward();
 *   trainer.step(batchSize);
 */
import type { Tensor } from '../engine/tf';
import { ArgumentError } from '../nd/errors';
import { GluonError } from './errors';
import { Parameter } from './parameter';
import { ParameterDict } from './parameter-dict';
import { Optimizer, type OptimizerOptions } from './optimizer/optimizer';
import { Updater } from './optimizer/updater';
import './optimizer/index'; // registers the built-in optimizers by name

export type OptimizerName = 'sgd' | 'nag' | 'adam' | 'adagrad' | 'rmsprop' | 'adadelta';

/** The options of every built-in optimizer (each accepts its own subset; unknown names are errors). */
export interface TrainerOptimizerOptions extends OptimizerOptions {
  momentum?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  eps?: number;
  gamma1?: number;
  gamma2?: number;
  centered?: boolean;
  clipWeights?: number | null;
  lazyUpdate?: boolean;
  rho?: number;
}

export interface StepOptions {
  /** Skip (instead of failing on) parameters whose gradient backward() did not write since the last step. */
  ignoreStaleGrad?: boolean;
}

function toParamList(params: unknown): Parameter[] {
  if (params instanceof ParameterDict) {
    // Gluon sorts a dict's parameters by name.
    return params.keys().sort().map((k) => params.getByName(k));
  }
  if (Array.isArray(params)) {
    params.forEach((p, i) => {
      if (!(p instanceof Parameter)) {
        throw new ArgumentError(`Trainer: the first argument must be a ParameterDict (net.collectParams()) or a list of Parameters; item ${i} is not a Parameter.`);
      }
    });
    return [...(params as Parameter[])];
  }
  throw new ArgumentError(`Trainer: the first argument must be a ParameterDict, e.g. net.collectParams(), or a list of Parameters; got ${params === null ? 'null' : typeof params}.`);
}

/** Gluon's Trainer: applies an optimizer to a set of parameters; step(batchSize) updates them from their gradients. */
export class Trainer {
  private readonly params: Parameter[];
  private readonly opt: Optimizer;
  private readonly updater: Updater;
  /** The optimizer's rescaleGrad when the Trainer was made; step(batchSize) uses scale / batchSize. */
  private readonly scale: number;
  /** Each parameter's gradient tensor as of the last step: if backward has not replaced it since, the gradient is stale. */
  private readonly seenGrad = new Map<Parameter, Tensor>();

  constructor(params: ParameterDict | Parameter[], optimizer: OptimizerName | string | Optimizer, optimizerParams?: TrainerOptimizerOptions) {
    this.params = toParamList(params);
    const names = new Set<string>();
    for (const p of this.params) {
      if (names.has(p.name)) throw new GluonError(`Trainer: the parameter '${p.name}' appears twice; pass each parameter once.`);
      names.add(p.name);
    }
    const paramDict = new Map(this.params.map((p, i) => [i, p] as const));
    if (optimizer instanceof Optimizer) {
      if (optimizerParams !== undefined && Object.keys(optimizerParams).length > 0) {
        throw new ArgumentError(`Trainer: optimizer options must be empty when the optimizer is an Optimizer instance; set them on the instance instead (new gluon.optimizer.SGD({ learningRate: 0.1 })).`);
      }
      // The same Map object, not a copy: changing a parameter's lrMult later takes effect (as Gluon).
      optimizer.paramDict = paramDict;
      this.opt = optimizer;
    } else if (typeof optimizer === 'string') {
      if (optimizerParams !== undefined && (optimizerParams === null || typeof optimizerParams !== 'object')) {
        throw new ArgumentError(`Trainer: optimizer options must be an object such as { learningRate: 0.1 }, got ${String(optimizerParams)}.`);
      }
      this.opt = Optimizer.create(optimizer, { ...(optimizerParams ?? {}), paramDict });
    } else {
      throw new ArgumentError(`Trainer: the optimizer must be a name ('sgd', 'adam', 'adagrad', 'rmsprop', 'adadelta', 'nag') or an Optimizer instance; got ${typeof optimizer}.`);
    }
    this.updater = new Updater(this.opt);
    this.scale = this.opt.rescaleGrad;
    // The gradients as they are now (zeros from attachGrad): a step before any backward() is
    // then caught as stale. Parameters still waiting for deferred initialization get their
    // first gradient trusted, since their arrays do not exist yet.
    for (const p of this.params) if (p.isInitialized && p.gradReq !== 'null') this.seenGrad.set(p, p.grad().tensor);
  }

  /** The optimizer this trainer applies. */
  get optimizer(): Optimizer {
    return this.opt;
  }

  get learningRate(): number {
    return this.opt.learningRate;
  }

  set learningRate(lr: number) {
    this.opt.setLearningRate(lr);
  }

  /** MXNet's trainer.set_learning_rate. */
  setLearningRate(lr: number): void {
    this.opt.setLearningRate(lr);
  }

  /**
   * One optimization step: gradients are rescaled by 1 / batchSize, then every trainable
   * parameter is updated in place. Call it after backward(), outside autograd.record().
   */
  step(batchSize: number, options: StepOptions = {}): void {
    this.setBatchSize(batchSize, 'step');
    this.applyUpdates(options.ignoreStaleGrad ?? false);
  }

  /** The update part of step (MXNet's trainer.update), for use after allreduceGrads(). */
  update(batchSize: number, options: StepOptions = {}): void {
    this.setBatchSize(batchSize, 'update');
    this.applyUpdates(options.ignoreStaleGrad ?? false);
  }

  /** Sums gradients across devices in MXNet; with one device there is nothing to do. */
  allreduceGrads(): void {}

  private setBatchSize(batchSize: number, method: string): void {
    if (typeof batchSize !== 'number' || !(batchSize > 0) || !Number.isFinite(batchSize)) {
      throw new ArgumentError(`Trainer.${method}: batchSize must be a positive number (the number of examples the loss was summed over), got ${String(batchSize)}.`);
    }
    this.opt.rescaleGrad = this.scale / batchSize;
  }

  private applyUpdates(ignoreStaleGrad: boolean): void {
    // Every check comes before the first update, so an error never leaves a half-applied step.
    const trainable = this.params.map((param, i) => ({ param, i })).filter(({ param }) => param.gradReq !== 'null');
    const ready = trainable.filter(({ param }) => {
      if (ignoreStaleGrad && !param.isInitialized) return false; // never ran forward: no gradient to apply
      param.data(); // throws Gluon's message for uninitialized / deferred parameters
      return true;
    });
    const fresh = ready.filter(({ param }) => {
      if (this.seenGrad.get(param) !== param.grad().tensor) return true;
      if (ignoreStaleGrad) return false;
      throw new GluonError(
        `Trainer.step: the gradient of Parameter '${param.name}' has not been updated by backward since the last step. ` +
          `This could mean a bug in your model that made it use only a subset of its Parameters (Blocks) in this iteration. ` +
          `If you intentionally use only a subset, call step(batchSize, { ignoreStaleGrad: true }) to skip the Parameters with stale gradients.`,
      );
    });
    for (const { param, i } of fresh) {
      const grad = param.grad();
      this.updater.call(i, grad, param.data());
      this.seenGrad.set(param, grad.tensor);
    }
  }
}
