/** Optimizers (MXNet's `mx.optimizer`): importing this module registers them by name. */
import { Optimizer } from './optimizer';
import { SGD } from './sgd';
import { NAG } from './nag';
import { Adam } from './adam';
import { AdaGrad } from './adagrad';
import { RMSProp } from './rmsprop';
import { AdaDelta } from './adadelta';
import { Updater, getUpdater } from './updater';
import { lrScheduler, LRScheduler, FactorScheduler, MultiFactorScheduler, PolyScheduler, CosineScheduler } from './lr-scheduler';

export const optimizer = {
  Optimizer,
  SGD,
  NAG,
  Adam,
  AdaGrad,
  RMSProp,
  AdaDelta,
  Updater,
  getUpdater,
  create: (name: string, options?: ConstructorParameters<typeof Optimizer>[0]) => Optimizer.create(name, options),
  register: <C extends Parameters<typeof Optimizer.register>[0]>(klass: C): C => Optimizer.register(klass),
};

export { Optimizer, SGD, NAG, Adam, AdaGrad, RMSProp, AdaDelta, Updater, getUpdater };
export { lrScheduler, LRScheduler, FactorScheduler, MultiFactorScheduler, PolyScheduler, CosineScheduler };
export type { LRSchedulerOptions, FactorSchedulerOptions, MultiFactorSchedulerOptions, PolySchedulerOptions, CosineSchedulerOptions } from './lr-scheduler';
export type { AdaDeltaOptions } from './adadelta';
export type { OptimizerOptions, OptimizerState, ParamMults } from './optimizer';
export type { SGDOptions } from './sgd';
export type { NAGOptions } from './nag';
export type { AdamOptions } from './adam';
export type { AdaGradOptions } from './adagrad';
export type { RMSPropOptions } from './rmsprop';
