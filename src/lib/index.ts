/**
 * The library's public surface: what cells see as globals, and the only import for tests
 * and chapters.
 */
export { nd, NDArray } from './nd/index';
export type { DType, GradReq, Nested, Operand, ReduceOptions } from './nd/index';
export { autograd } from './autograd/index';
export { mx } from './backend-choice/mx';
export { gluon } from './gluon/index';
export { lrScheduler } from './gluon/optimizer/lr-scheduler';
export { DeferredInitializationError, GluonError } from './gluon/errors';
export { init } from './gluon/init';
export { d2l } from './d2l/index';
export { LibraryError } from './errors';
export * from './nd/errors';
export { OutOfMemoryError } from './nd/memory-guard';
