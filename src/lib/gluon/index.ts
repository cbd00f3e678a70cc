/** `gluon`: MXNet Gluon's imperative API — blocks, layers, parameters (more land with issue #3). */
import { Block } from './block';
import { Parameter } from './parameter';
import { ParameterDict } from './parameter-dict';
import { Sequential } from './nn/sequential';
import { Dense } from './nn/dense';
import { Activation } from './nn/activation';

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
};

export { Block, Parameter, ParameterDict, Sequential, Dense, Activation };
export { DeferredInitializationError, GluonError } from './errors';
