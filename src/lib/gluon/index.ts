/** `gluon`: MXNet Gluon's imperative API: blocks, layers, parameters, losses, trainers, data. */
import { Block } from './block';
import { HybridBlock } from './hybrid-block';
import { Parameter } from './parameter';
import { ParameterDict } from './parameter-dict';
import { HybridSequential, Sequential } from './nn/sequential';
import { InstanceNorm, LayerNorm } from './nn/layer-norm';
import { Dense } from './nn/dense';
import { Activation } from './nn/activation';
import { Conv2D } from './nn/conv';
import { MaxPool2D, AvgPool2D, GlobalMaxPool2D, GlobalAvgPool2D } from './nn/pooling';
import { Flatten, Dropout, Embedding, Lambda } from './nn/basic';
import { BatchNorm } from './nn/batch-norm';
import { rnn } from './rnn/index';
import { loss } from './loss/index';
import { optimizer } from './optimizer/index';
import { Trainer } from './trainer';
import { utils } from './utils';
import { data } from './data/index';

export const gluon = {
  Block,
  HybridBlock,
  Parameter,
  ParameterDict,
  nn: {
    Block,
    HybridBlock,
    Sequential,
    HybridSequential,
    Dense,
    Activation,
    Conv2D,
    MaxPool2D,
    AvgPool2D,
    GlobalMaxPool2D,
    GlobalAvgPool2D,
    Flatten,
    Dropout,
    Embedding,
    Lambda,
    BatchNorm,
    LayerNorm,
    InstanceNorm,
  },
  rnn,
  loss,
  optimizer,
  Trainer,
  utils,
  data,
};

export { Block, HybridBlock, Parameter, ParameterDict, Sequential, Dense, Activation };
export { DeferredInitializationError, GluonError } from './errors';
export { Trainer } from './trainer';
