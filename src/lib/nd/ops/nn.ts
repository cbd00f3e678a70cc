/**
 * Neural-network primitives the scratch chapters use: convolution and pooling (NCHW, as
 * MXNet), softmax and logSoftmax. Each lives in its own module; this one gathers them.
 */
export type { ConvolutionOptions, Pair, PoolingOptions, SoftmaxOptions } from './nn-options';
export { convolution } from './conv';
export { pooling } from './pool';
export { logSoftmax, softmax } from './softmax';
