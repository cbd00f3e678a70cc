/** Optimizers (MXNet's `mx.optimizer`): importing this module registers them by name. */
import { Optimizer } from './optimizer';
import { SGD } from './sgd';
import { NAG } from './nag';
import { Adam } from './adam';
import { AdaGrad } from './adagrad';
import { RMSProp } from './rmsprop';
import { Updater, getUpdater } from './updater';

export const optimizer = {
  Optimizer,
  SGD,
  NAG,
  Adam,
  AdaGrad,
  RMSProp,
  Updater,
  getUpdater,
  create: (name: string, options?: ConstructorParameters<typeof Optimizer>[0]) => Optimizer.create(name, options),
  register: <C extends Parameters<typeof Optimizer.register>[0]>(klass: C): C => Optimizer.register(klass),
};

export { Optimizer, SGD, NAG, Adam, AdaGrad, RMSProp, Updater, getUpdater };
export type { OptimizerOptions, OptimizerState, ParamMults } from './optimizer';
export type { SGDOptions } from './sgd';
export type { NAGOptions } from './nag';
export type { AdamOptions } from './adam';
export type { AdaGradOptions } from './adagrad';
export type { RMSPropOptions } from './rmsprop';
