/**
 * The one place the library imports TensorFlow.js from. TensorFlow.js supplies the kernels
 * (matmul, conv, exp, ...); everything above them — NDArray, autograd, gluon — is ours.
 */
export * as tf from '@tensorflow/tfjs-core';
export type { Tensor, Rank } from '@tensorflow/tfjs-core';
