/**
 * `gluon.data`: datasets, samplers and the DataLoader (Gluon's mxnet.gluon.data), and
 * `gluon.data.vision` (Fashion-MNIST and image transforms).
 */
import { ArrayDataset } from './array-dataset';
import { defaultBatchifyFn } from './batchify';
import { DataLoader } from './dataloader';
import { Dataset, SimpleDataset } from './dataset';
import { BatchSampler, RandomSampler, SequentialSampler } from './sampler';
import { vision } from './vision/index';

export const data = {
  Dataset,
  SimpleDataset,
  ArrayDataset,
  DataLoader,
  SequentialSampler,
  RandomSampler,
  BatchSampler,
  defaultBatchifyFn,
  vision,
};

export { ArrayDataset, DataLoader, Dataset, SimpleDataset, BatchSampler, RandomSampler, SequentialSampler, defaultBatchifyFn, vision };
export type { DataLoaderOptions } from './dataloader';
export type { TransformOptions } from './dataset';
export type { Transform } from './transform';
