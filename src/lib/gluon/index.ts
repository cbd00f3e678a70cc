/** `gluon`: MXNet Gluon's imperative API — blocks, layers, parameters (more land with issue #3). */
import { Block } from './block';
import { Parameter } from './parameter';
import { ParameterDict } from './parameter-dict';
import { Sequential } from './nn/sequential';
import { Dense } from './nn/dense';
import { Activation } from './nn/activation';
import { loss } from './loss/index';
import { optimizer } from './optimizer/index';
import { Trainer } from './trainer';
import { utils } from './utils';
import { data } from './data/index';

export const gluon = {
  Block,
  Parameter,
  ParameterDict,
  nn: {
    Block,
    Sequential,
    Dense,
    Activation,
  },
  loss,
  optimizer,
  Trainer,
  utils,
  data,
};

export { Block, Parameter, ParameterDict, Sequential, Dense, Activation };
export { DeferredInitializationError, GluonError } from './errors';
export { Trainer } from './trainer';
